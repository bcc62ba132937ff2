/**
 * The msw handlers' optional test-fixture endpoints (docs/openapi.yaml tag `conformance`;
 * `createInvoiceHandlers(memory, { conformance: true })`), answered in the page through msw's
 * `getResponse`: off by default, a created invoice is the spec's, the reset removes exactly what
 * was created, a bad spec is a `400` naming the field. The conformance command's own test runs
 * them over real HTTP (test/node/conformance-cli.test.mjs).
 */
import { expect } from '@open-wc/testing';
import { getResponse } from 'msw';
import { MemoryBackend } from '../../src/adapters/memory/index.js';
import { createInvoiceHandlers } from '../../src/adapters/msw/index.js';
import type { InvoiceSpec } from '../../src/testing/types.js';
import { invoiceWith, money } from '../support/fixtures.js';

const BASE = 'http://fixtures.test/api';

const spec = (overrides: Partial<InvoiceSpec> = {}): InvoiceSpec => ({
  status: 'OPEN',
  customer: { id: 'cus-9', name: 'Nine Ltd' },
  provider: { id: 'aws', name: 'AWS' },
  period: { from: '2026-09', to: '2026-09' },
  total: money(12_345, 'EUR'),
  documentId: 'DOC-SPEC-1',
  generatedAt: '2026-10-01T08:00:00.000Z',
  ...overrides,
});

async function call(
  handlers: ReturnType<typeof createInvoiceHandlers>,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response | undefined> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { 'Content-Type': 'application/json' };
  }
  return getResponse(handlers, new Request(`${BASE}${path}`, init));
}

describe('msw handlers: the conformance fixture endpoints', () => {
  it('are off by default, and POST /conformance/tokens is never served', async () => {
    const memory = new MemoryBackend({ invoices: [] });
    const plain = createInvoiceHandlers(memory, { baseUrl: BASE });
    expect(await call(plain, 'POST', '/conformance/invoices', spec())).to.equal(undefined);
    expect(await call(plain, 'DELETE', '/conformance/invoices')).to.equal(undefined);
    const on = createInvoiceHandlers(memory, { baseUrl: BASE, conformance: true });
    expect(await call(on, 'POST', '/conformance/tokens', { customerId: 'cus-9' })).to.equal(
      undefined,
    );
    expect(memory.invoiceIds()).to.deep.equal([]);
  });

  it('POST creates the invoice the spec describes (201 and its id), as GET answers it', async () => {
    const memory = new MemoryBackend({ invoices: [] });
    const handlers = createInvoiceHandlers(memory, { baseUrl: BASE, conformance: true });
    const created = await call(handlers, 'POST', '/conformance/invoices', spec());
    expect(created?.status).to.equal(201);
    const { id } = (await created?.json()) as { id: string };
    expect(id).to.be.a('string').and.not.equal('');

    const read = await call(handlers, 'GET', `/invoices/${encodeURIComponent(id)}`);
    expect(read?.status).to.equal(200);
    const invoice = (await read?.json()) as Record<string, unknown>;
    expect(invoice).to.include({
      id,
      documentId: 'DOC-SPEC-1',
      status: 'OPEN',
      generatedAt: '2026-10-01T08:00:00.000Z',
      currency: 'EUR',
    });
    expect(invoice.total).to.deep.equal({ minor: 12_345, currency: 'EUR' });
    expect(invoice.customer).to.deep.equal({ id: 'cus-9', name: 'Nine Ltd' });
    expect(invoice.period).to.deep.equal({ from: '2026-09', to: '2026-09' });
  });

  it('POST keeps the money owed of a spec (due date, amount paid, amount due), as listed', async () => {
    const memory = new MemoryBackend({ invoices: [] });
    const handlers = createInvoiceHandlers(memory, { baseUrl: BASE, conformance: true });
    const owed = {
      dueDate: '2026-10-31',
      amountPaid: money(2_345, 'EUR'),
      amountDue: money(10_000, 'EUR'),
    };
    const created = await call(handlers, 'POST', '/conformance/invoices', spec(owed));
    expect(created?.status).to.equal(201);
    const listed = await call(handlers, 'GET', '/invoices?overdue=true&asOf=2026-11-01');
    const page = (await listed?.json()) as { items: Record<string, unknown>[] };
    expect(page.items).to.have.length(1);
    expect(page.items[0]).to.deep.include(owed);
  });

  it('DELETE removes every invoice created that way, and only those (204)', async () => {
    const memory = new MemoryBackend({ invoices: [invoiceWith('inv-kept', 'OPEN')] });
    const handlers = createInvoiceHandlers(memory, { baseUrl: BASE, conformance: true });
    for (const [n, status] of (['DRAFT', 'OPEN', 'VOID', 'CLOSED'] as const).entries()) {
      const answer = await call(
        handlers,
        'POST',
        '/conformance/invoices',
        spec({ status, documentId: `DOC-${n}` }),
      );
      expect(answer?.status).to.equal(201);
    }
    expect(memory.invoiceIds()).to.have.length(5);
    const reset = await call(handlers, 'DELETE', '/conformance/invoices');
    expect(reset?.status).to.equal(204);
    expect(memory.invoiceIds()).to.deep.equal(['inv-kept']);
    // Again, with nothing left to remove.
    expect((await call(handlers, 'DELETE', '/conformance/invoices'))?.status).to.equal(204);
    expect(memory.invoiceIds()).to.deep.equal(['inv-kept']);
  });

  for (const [label, body, field] of [
    ['an unknown status', spec({ status: 'PAID' as InvoiceSpec['status'] }), 'status'],
    ['no total', { ...spec(), total: undefined }, 'total'],
    ['a period that is not YYYY-MM', spec({ period: { from: '2026-9', to: '2026-09' } }), 'period'],
    ['an amount due that is not money', { ...spec(), amountDue: { minor: 'lots' } }, 'amountDue'],
  ] as const) {
    it(`a spec with ${label} is a 400 validation error naming the field, and creates nothing`, async () => {
      const memory = new MemoryBackend({ invoices: [] });
      const handlers = createInvoiceHandlers(memory, { baseUrl: BASE, conformance: true });
      const answer = await call(handlers, 'POST', '/conformance/invoices', body);
      expect(answer?.status).to.equal(400);
      const { error } = (await answer?.json()) as { error: { kind: string; field?: string } };
      expect(error.kind).to.equal('validation');
      expect(error.field ?? '').to.match(new RegExp(`^${field}`));
      expect(memory.invoiceIds()).to.deep.equal([]);
    });
  }

  it('need a MemoryBackend', () => {
    const memory = new MemoryBackend({ invoices: [] });
    const adapter = {
      searchCustomers: memory.searchCustomers.bind(memory),
      listInvoices: memory.listInvoices.bind(memory),
      getInvoice: memory.getInvoice.bind(memory),
      updateStatus: memory.updateStatus.bind(memory),
      discardInvoice: memory.discardInvoice.bind(memory),
    };
    expect(() => createInvoiceHandlers(adapter, { conformance: true })).to.throw(
      TypeError,
      /MemoryBackend/,
    );
  });
});
