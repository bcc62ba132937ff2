import { expect } from '@open-wc/testing';
import { buildInvoiceQuery, pageSizeOf, type InvoiceListState } from '../../src/core/query.js';

const BASE: InvoiceListState = {
  period: { from: '2026-08', to: '2026-10' },
  sort: { key: 'period', direction: 'desc' },
  audience: 'operator',
};

describe('core/query', () => {
  describe('buildInvoiceQuery', () => {
    it('asks for the period, sort and audience, and nothing else without filters', () => {
      expect(buildInvoiceQuery({ ...BASE, status: '', provider: '', text: '' })).to.deep.equal({
        period: { from: '2026-08', to: '2026-10' },
        sort: { key: 'period', direction: 'desc' },
        audience: 'operator',
      });
    });

    it('asks the customer audience for the statuses a customer may see (never DRAFT)', () => {
      const q = buildInvoiceQuery({ ...BASE, audience: 'customer' });
      // Written out from docs/RULES.md, not imported from the code under test.
      expect(q?.statuses).to.deep.equal(['OPEN', 'VOID', 'CLOSED']);
      expect(q?.audience).to.equal('customer');
    });

    it('gives each query its own status list (an adapter may change it)', () => {
      const a = buildInvoiceQuery({ ...BASE, audience: 'customer' })!;
      a.statuses!.pop();
      const b = buildInvoiceQuery({ ...BASE, audience: 'customer' })!;
      expect(b.statuses).to.deep.equal(['OPEN', 'VOID', 'CLOSED']);
    });

    it('a status filter wins over the audience list', () => {
      expect(
        buildInvoiceQuery({ ...BASE, audience: 'customer', status: 'VOID' })?.statuses,
      ).to.deep.equal(['VOID']);
      expect(buildInvoiceQuery({ ...BASE, status: 'DRAFT' })?.statuses).to.deep.equal(['DRAFT']);
    });

    it('asks for the operator audience without a status list', () => {
      expect(buildInvoiceQuery(BASE)).not.to.have.property('statuses');
    });

    it('carries the customer, provider and document text filters', () => {
      expect(
        buildInvoiceQuery({
          ...BASE,
          customerId: 'cus-1',
          provider: 'aws',
          text: 'DOC-1',
          sort: { key: 'total', direction: 'asc' },
        }),
      ).to.deep.equal({
        period: { from: '2026-08', to: '2026-10' },
        sort: { key: 'total', direction: 'asc' },
        audience: 'operator',
        customerId: 'cus-1',
        providers: ['aws'],
        text: 'DOC-1',
      });
    });

    it('is null for a period that ends before it starts', () => {
      expect(buildInvoiceQuery({ ...BASE, period: { from: '2026-10', to: '2026-08' } })).to.equal(
        null,
      );
    });

    it('accepts a one-month period, and one across a year', () => {
      expect(
        buildInvoiceQuery({ ...BASE, period: { from: '2026-10', to: '2026-10' } }),
      ).not.to.equal(null);
      expect(
        buildInvoiceQuery({ ...BASE, period: { from: '2025-12', to: '2026-01' } }),
      ).not.to.equal(null);
    });
  });

  describe('pageSizeOf', () => {
    const cases: [unknown, number][] = [
      [200, 200],
      [1, 1],
      [1000, 1000],
      [1001, 1000],
      [2.5, 2],
      ['50', 50],
      ['7.9', 7],
      [0, 200],
      [0.5, 200],
      [-200, 200],
      [Number.NaN, 200],
      [Infinity, 200],
      ['abc', 200],
      [null, 200],
      [undefined, 200],
    ];
    for (const [value, expected] of cases) {
      it(`${String(value)} -> ${expected}`, () => {
        expect(pageSizeOf(value)).to.equal(expected);
      });
    }
  });
});
