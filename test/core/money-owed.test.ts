/**
 * Money owed and totals of what is listed in the core (issue 25): `amountOwed`, `isOverdue`,
 * `isoDay`, `listTotalsOf`, and what validation keeps of the summary's money-owed fields and a
 * page's totals. Expectations written by hand.
 */
import { expect } from '@open-wc/testing';
import * as core from '../../src/core/index.js';
import { listTotalsOf } from '../../src/core/list-totals.js';
import { amountOwed, isOverdue, isoDay } from '../../src/core/overdue.js';
import { BackendError } from '../../src/core/errors.js';
import type { InvoiceSummary } from '../../src/core/types.js';
import { parseInvoiceSummary, parsePage } from '../../src/core/validate.js';

const usd = (minor: number) => ({ minor, currency: 'USD' });
const brl = (minor: number) => ({ minor, currency: 'BRL' });

function summary(overrides: Partial<InvoiceSummary> = {}): InvoiceSummary {
  return {
    id: 'inv-1',
    documentId: 'DOC-1',
    customer: { id: 'c-1', name: 'Acme' },
    provider: { id: 'aws', name: 'AWS' },
    period: { from: '2026-10', to: '2026-10' },
    status: 'OPEN',
    total: usd(10000),
    generatedAt: '2026-11-01T08:00:00Z',
    version: 'v1',
    ...overrides,
  };
}

function expectValidation(run: () => unknown, field: string): void {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(BackendError);
    expect((error as BackendError).kind).to.equal('validation');
    expect((error as BackendError).field).to.equal(field);
    return;
  }
  throw new Error('expected a validation error');
}

describe('core: money owed (issue 25)', () => {
  describe('amountOwed', () => {
    it('is amountDue when sent, else total less paid (never below 0), else an OPEN total', () => {
      expect(amountOwed(summary({ amountDue: usd(2500), amountPaid: usd(1) }))).to.deep.equal(
        usd(2500),
      );
      expect(amountOwed(summary({ amountPaid: usd(4000) }))).to.deep.equal(usd(6000));
      expect(amountOwed(summary({ amountPaid: usd(12000) }))).to.deep.equal(usd(0));
      expect(amountOwed(summary())).to.deep.equal(usd(10000));
      // Nothing known: a draft, a closed or void invoice without amounts.
      for (const status of ['DRAFT', 'CLOSED', 'VOID']) {
        expect(amountOwed(summary({ status })), status).to.equal(undefined);
      }
    });
  });

  describe('isOverdue', () => {
    const due = (dueDate: string, overrides: Partial<InvoiceSummary> = {}) =>
      summary({ dueDate, ...overrides });

    it('OPEN, owing, and due before today: the day itself is not overdue yet', () => {
      expect(isOverdue(due('2026-11-14'), '2026-11-15')).to.equal(true);
      expect(isOverdue(due('2026-11-15'), '2026-11-15')).to.equal(false);
      expect(isOverdue(due('2026-11-16'), '2026-11-15')).to.equal(false);
      // A date-time due date counts by its day.
      expect(isOverdue(due('2026-11-14T23:00:00Z'), '2026-11-15')).to.equal(true);
    });

    it('never for another status, nothing owed, or no usable due date', () => {
      for (const status of ['DRAFT', 'VOID', 'CLOSED', 'DISPUTED']) {
        expect(isOverdue(due('2026-01-01', { status }), '2026-11-15'), status).to.equal(false);
      }
      expect(isOverdue(due('2026-01-01', { amountDue: usd(0) }), '2026-11-15')).to.equal(false);
      expect(isOverdue(due('2026-01-01', { amountPaid: usd(10000) }), '2026-11-15')).to.equal(
        false,
      );
      expect(isOverdue(due('2026-01-01', { total: usd(0) }), '2026-11-15')).to.equal(false);
      expect(isOverdue(summary(), '2026-11-15')).to.equal(false);
      expect(isOverdue(due('last week'), '2026-11-15')).to.equal(false);
    });

    it("takes a Date as the user's local calendar day", () => {
      // 15 November 2026, 00:30 local time, whatever the time zone.
      const today = new Date(2026, 10, 15, 0, 30);
      expect(isoDay(today)).to.equal('2026-11-15');
      expect(isOverdue(due('2026-11-14'), today)).to.equal(true);
      expect(isOverdue(due('2026-11-15'), today)).to.equal(false);
      expect(isoDay(new Date(987, 0, 5))).to.equal('0987-01-05');
    });

    it('is in the core barrel', () => {
      expect(core.isOverdue).to.equal(isOverdue);
      expect(core.amountOwed).to.equal(amountOwed);
      expect(core.listTotalsOf).to.equal(listTotalsOf);
    });
  });

  describe('listTotalsOf', () => {
    it('adds per currency, ordered by code, never across currencies', () => {
      const totals = listTotalsOf([
        { total: usd(100) },
        { total: brl(250) },
        { total: usd(5) },
        { total: { minor: 7, currency: 'JPY' } },
      ]);
      expect(totals).to.deep.equal({
        byCurrency: [brl(250), { minor: 7, currency: 'JPY' }, usd(105)],
      });
      expect(listTotalsOf([])).to.deep.equal({ byCurrency: [] });
    });

    it('adds the reporting amounts only when every one has one, in one currency', () => {
      expect(
        listTotalsOf([
          { total: usd(100), reportingTotal: usd(100) },
          { total: brl(550), reportingTotal: usd(110) },
        ]),
      ).to.deep.equal({ byCurrency: [brl(550), usd(100)], reporting: usd(210) });
      expect(
        listTotalsOf([{ total: usd(100), reportingTotal: usd(100) }, { total: brl(550) }])
          .reporting,
      ).to.equal(undefined);
      expect(
        listTotalsOf([
          { total: usd(100), reportingTotal: usd(100) },
          { total: brl(550), reportingTotal: { minor: 99, currency: 'EUR' } },
          { total: usd(1), reportingTotal: usd(1) },
        ]).reporting,
      ).to.equal(undefined);
    });
  });

  describe('validation', () => {
    const json = (extra: Record<string, unknown>) => ({ ...summary(), ...extra });

    it("keeps the summary's due date and amounts, in the invoice currency", () => {
      const s = parseInvoiceSummary(
        json({ dueDate: '2026-11-30', amountPaid: usd(100), amountDue: usd(9900) }),
      );
      expect([s.dueDate, s.amountPaid, s.amountDue]).to.deep.equal([
        '2026-11-30',
        usd(100),
        usd(9900),
      ]);
      const bare = parseInvoiceSummary(json({ dueDate: null }));
      expect(['dueDate', 'amountPaid', 'amountDue'].filter((k) => k in bare)).to.deep.equal([]);
    });

    it('refuses an amount in another currency than the total, and a malformed one', () => {
      expectValidation(
        () => parseInvoiceSummary(json({ amountDue: brl(1) })),
        'amountDue.currency',
      );
      expectValidation(
        () => parseInvoiceSummary(json({ amountPaid: { minor: 1.5, currency: 'USD' } })),
        'amountPaid.minor',
      );
      expectValidation(() => parseInvoiceSummary(json({ dueDate: 20261130 })), 'dueDate');
    });

    it("keeps a page's totals; a currency twice, or a malformed amount, is refused", () => {
      const page = (totals: unknown) =>
        parsePage({ items: [], total: 0, offset: 0, limit: 10, totals }, parseInvoiceSummary);
      expect(page({ byCurrency: [brl(5), usd(7)], reporting: usd(9), x: 1 }).totals).to.deep.equal({
        byCurrency: [brl(5), usd(7)],
        reporting: usd(9),
      });
      expect(page(undefined).totals).to.equal(undefined);
      expect('totals' in page(null)).to.equal(false);
      expectValidation(() => page({ byCurrency: [usd(1), usd(2)] }), 'totals.byCurrency[1]');
      expectValidation(
        () => page({ byCurrency: [{ minor: '1', currency: 'USD' }] }),
        'totals.byCurrency[0].minor',
      );
      expectValidation(() => page({}), 'totals.byCurrency');
    });
  });
});
