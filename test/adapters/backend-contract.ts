/**
 * What this repository's adapters (MemoryBackend, and RestBackend over the msw handlers)
 * promise ON TOP of the adapter contract, as one reusable mocha suite.
 *
 * The contract itself (filters, sorts, paging, audiences, transitions, versions, idempotency,
 * discard, downloads, aborts, errors) is the conformance kit, `src/testing/`
 * (`invoice-elements/testing`), run against both in test/testing/conformance-kit.test.ts: the
 * rules live there, once. Here: defaults, summaries and whole invoices equal to what is stored,
 * copies, the invoice-document fields, per-invoice targets and the `allowedTargets` of a
 * refusal, a key reused for another payload, and RestBackend's own retries.
 *
 * Each test gets a fresh harness, seeds the store behind it with the hand-written fixtures
 * below (`memory.setInvoices`), and asserts values worked out by hand from that table.
 */
import { expect } from '@open-wc/testing';
import type { MemoryBackend } from '../../src/adapters/memory/index.js';
import type { BackendOperation } from '../../src/adapters/memory/index.js';
import type { InvoiceBackend } from '../../src/core/backend.js';
import { BackendError } from '../../src/core/errors.js';
import type {
  Customer,
  CurrencyCode,
  Invoice,
  InvoiceStatus,
  StatusChange,
} from '../../src/core/types.js';
import {
  DOCUMENT_INVOICE_KEYS,
  DOCUMENT_ISSUER,
  invoiceWithDocumentFields,
} from '../support/fixtures.js';

/** Failures only a transport adapter can have; the REST harness implements them. */
export interface FaultControls {
  /** The next response of `op` is not valid JSON. */
  malformedNext(op: BackendOperation): void;
  /** The next request of `op` never answers (the harness's client timeout is short). */
  hangNext(op: BackendOperation): void;
  /** The next `times` requests of `op` answer 503. */
  serverErrorNext(op: BackendOperation, times: number): void;
  /** Requests of `op` the server received so far (the test compares before/after). */
  attempts(op: BackendOperation): number;
}

export interface BackendHarness {
  backend: InvoiceBackend;
  /** The store behind `backend`, to seed and inspect. */
  memory: MemoryBackend;
  dispose?(): void | Promise<void>;
  faults?: FaultControls;
}

// ---------------------------------------------------------------------------------------------
// Fixtures (hand-written)

export const CUSTOMERS: Customer[] = [
  { id: 'cus-a', name: 'Águia Sistemas Ltda.', email: 'financeiro@aguia.com.br' },
  { id: 'cus-b', name: 'Boreal Analytics Inc.', email: 'ap@boreal.example' },
  { id: 'cus-c', name: 'Cumbre Datos S.L.' },
];
const [CA, CB, CC] = CUSTOMERS as [Customer, Customer, Customer];

const PROVIDER = {
  microsoft: { id: 'microsoft', name: 'Microsoft' },
  aws: { id: 'aws', name: 'AWS' },
  google: { id: 'google', name: 'Google Cloud' },
} as const;

function historyFor(status: InvoiceStatus, generatedAt: string): StatusChange[] {
  const day = (n: number): string =>
    new Date(Date.parse(generatedAt) + n * 86_400_000).toISOString();
  if (status === 'DRAFT') return [];
  const opened: StatusChange = { from: 'DRAFT', to: 'OPEN', at: day(1), by: 'Ana', notified: true };
  if (status === 'OPEN') return [opened];
  return [opened, { from: 'OPEN', to: status, at: day(20), by: 'Ana', notified: false }];
}

function fixture(
  n: number,
  documentId: string,
  customer: Customer,
  provider: keyof typeof PROVIDER,
  period: [string, string],
  status: InvoiceStatus,
  total: number,
  currency: CurrencyCode,
  generatedAt: string,
): Invoice {
  const tax = Math.floor(total / 10);
  return {
    id: `inv-${n}`,
    documentId,
    customer: { ...customer },
    provider: { ...PROVIDER[provider] },
    period: { from: period[0], to: period[1] },
    status,
    total: { minor: total, currency },
    generatedAt,
    version: 'v1',
    currency,
    lines: [
      {
        id: `inv-${n}-1`,
        sku: 'SKU-1',
        description: 'Service',
        group: 'Subscription',
        quantity: 1,
        unitPrice: { minor: total - tax, currency },
        amount: { minor: total - tax, currency },
        tax: { minor: tax, currency },
      },
    ],
    subtotal: { minor: total - tax, currency },
    taxTotal: { minor: tax, currency },
    currencies: [],
    customFields: [],
    history: historyFor(status, generatedAt),
  };
}

/*
 * | id    | documentId       | customer | provider  | period          | status | total     | gen.               |
 * | inv-1 | INV-2026-000101  | Águia    | microsoft | 2026-08         | CLOSED | 1500.00 BRL | 09-01T10 |
 * | inv-2 | INV-2026-000102  | Águia    | aws       | 2026-08         | VOID   |   25.00 BRL | 09-01T11 |
 * | inv-3 | INV-2026-000203  | Águia    | microsoft | 2026-09         | OPEN   |  990.00 BRL | 10-02T09 |
 * | inv-4 | INV-2026-000204  | Águia    | google    | 2026-09         | OPEN   |  123.45 BRL | 10-02T09 |
 * | inv-5 | INV-2026-000305  | Águia    | microsoft | 2026-10         | DRAFT  |  800.00 BRL | 11-01T08:00 |
 * | inv-6 | INV-2026-000306  | Boreal   | aws       | 2026-10         | DRAFT  |   42.00 USD | 11-01T08:30 |
 * | inv-7 | INV-2026-000207  | Boreal   | google    | 2026-09         | CLOSED |   42.00 USD | 10-03T12 |
 * | inv-8 | INV-2025-000999  | Cumbre   | aws       | 2025-12         | CLOSED |     700 JPY | 2026-01-02 |
 * | inv-9 | INV-2026-000150  | Cumbre   | google    | 2026-07..2026-09| OPEN   |    5000 JPY | 10-01T06 |
 */
export const INVOICES: Invoice[] = [
  fixture(
    1,
    'INV-2026-000101',
    CA,
    'microsoft',
    ['2026-08', '2026-08'],
    'CLOSED',
    150000,
    'BRL',
    '2026-09-01T10:00:00Z',
  ),
  fixture(
    2,
    'INV-2026-000102',
    CA,
    'aws',
    ['2026-08', '2026-08'],
    'VOID',
    2500,
    'BRL',
    '2026-09-01T11:00:00Z',
  ),
  fixture(
    3,
    'INV-2026-000203',
    CA,
    'microsoft',
    ['2026-09', '2026-09'],
    'OPEN',
    99000,
    'BRL',
    '2026-10-02T09:00:00Z',
  ),
  fixture(
    4,
    'INV-2026-000204',
    CA,
    'google',
    ['2026-09', '2026-09'],
    'OPEN',
    12345,
    'BRL',
    '2026-10-02T09:00:00Z',
  ),
  fixture(
    5,
    'INV-2026-000305',
    CA,
    'microsoft',
    ['2026-10', '2026-10'],
    'DRAFT',
    80000,
    'BRL',
    '2026-11-01T08:00:00Z',
  ),
  fixture(
    6,
    'INV-2026-000306',
    CB,
    'aws',
    ['2026-10', '2026-10'],
    'DRAFT',
    4200,
    'USD',
    '2026-11-01T08:30:00Z',
  ),
  fixture(
    7,
    'INV-2026-000207',
    CB,
    'google',
    ['2026-09', '2026-09'],
    'CLOSED',
    4200,
    'USD',
    '2026-10-03T12:00:00Z',
  ),
  fixture(
    8,
    'INV-2025-000999',
    CC,
    'aws',
    ['2025-12', '2025-12'],
    'CLOSED',
    700,
    'JPY',
    '2026-01-02T07:00:00Z',
  ),
  fixture(
    9,
    'INV-2026-000150',
    CC,
    'google',
    ['2026-07', '2026-09'],
    'OPEN',
    5000,
    'JPY',
    '2026-10-01T06:00:00Z',
  ),
];

/*
 * Money owed (hand-written), on four of them; the others have none (nothing known owed). The
 * conformance kit checks the rules on the same values (src/testing/data.ts: the summary's
 * fields, the overdue filter, the totals, the sorts dueDate and amountDue); here, what it does
 * not: round trips through getInvoice, an asOf that is not a day.
 * | id    | dueDate    | paid       | due        | owed (amountOwed)           |
 * | inv-1 | 2026-09-30 | 1500.00    | 0.00       | 0 BRL (CLOSED)              |
 * | inv-3 | 2026-11-01 | 400.00     | 590.00     | 590.00 BRL (OPEN)           |
 * | inv-4 | 2026-12-01 | —          | —          | 123.45 BRL (OPEN: the total) |
 * | inv-9 | 2026-10-31 | —          | 5000       | 5000 JPY (OPEN)             |
 */
const brl = (minor: number) => ({ minor, currency: 'BRL' });
Object.assign(INVOICES[0]!, { dueDate: '2026-09-30', amountPaid: brl(150000), amountDue: brl(0) });
Object.assign(INVOICES[2]!, {
  dueDate: '2026-11-01',
  amountPaid: brl(40000),
  amountDue: brl(59000),
});
Object.assign(INVOICES[3]!, { dueDate: '2026-12-01' });
Object.assign(INVOICES[8]!, { dueDate: '2026-10-31', amountDue: { minor: 5000, currency: 'JPY' } });

const ids = (...n: number[]): string[] => n.map((i) => `inv-${i}`);

/** The rejection of a promise, as a BackendError (fails when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<BackendError> {
  try {
    await promise;
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(BackendError);
    return error as BackendError;
  }
  throw new Error('Expected a rejection, got a result.');
}

let keySeq = 0;
const newKey = (): string => `key-${Date.now()}-${++keySeq}`;

// ---------------------------------------------------------------------------------------------

export function backendContract(
  name: string,
  makeHarness: () => Promise<BackendHarness> | BackendHarness,
): void {
  describe(`${name}: what this repository's adapters add to the contract`, () => {
    let h: BackendHarness;
    let backend: InvoiceBackend;
    let memory: MemoryBackend;

    beforeEach(async () => {
      h = await makeHarness();
      backend = h.backend;
      memory = h.memory;
      memory.setInvoices(INVOICES, CUSTOMERS);
    });

    afterEach(async () => {
      await h.dispose?.();
    });

    const listIds = async (query: Parameters<InvoiceBackend['listInvoices']>[0]) =>
      (await backend.listInvoices(query)).items.map((i) => i.id);

    describe('customers', () => {
      it('orders a search by name (collation), and a limit keeps the first', async () => {
        // 'a' is in every name: Águia, Boreal, Cumbre (collated order), limited to 2.
        expect(
          (await backend.searchCustomers({ text: 'a', limit: 2 })).map((c) => c.id),
        ).to.deep.equal(['cus-a', 'cus-b']);
      });

      it('returns the customer with its e-mail', async () => {
        const [found] = await backend.searchCustomers({ text: 'financeiro@' });
        expect(found).to.deep.equal(CA);
        expect(await backend.getCustomer!('cus-b')).to.deep.equal(CB);
      });
    });

    describe('listing', () => {
      it('lists everything with total, default limit 50 and offset 0', async () => {
        const page = await backend.listInvoices({});
        expect(page.total).to.equal(9);
        expect(page.items).to.have.length(9);
        expect(page.offset).to.equal(0);
        expect(page.limit).to.equal(50);
      });

      it('sorts by period descending by default', async () => {
        expect(await listIds({})).to.deep.equal(ids(5, 6, 3, 4, 7, 1, 2, 9, 8));
      });

      it('returns summaries equal to the stored invoices', async () => {
        const page = await backend.listInvoices({
          customerId: 'cus-c',
          sort: { key: 'documentId', direction: 'asc' },
        });
        const inv8 = INVOICES[7]!;
        expect(page.items[0]).to.deep.equal({
          id: 'inv-8',
          documentId: 'INV-2025-000999',
          customer: CC,
          provider: { id: 'aws', name: 'AWS' },
          period: { from: '2025-12', to: '2025-12' },
          status: 'CLOSED',
          total: { minor: 700, currency: 'JPY' },
          generatedAt: inv8.generatedAt,
          version: 'v1',
        });
      });
    });

    describe('money owed (the rest: the conformance kit, test/testing/)', () => {
      it('refuses an asOf that is not a day', async () => {
        const error = await rejection(backend.listInvoices({ overdue: true, asOf: 'soon' }));
        expect(error.kind).to.equal('validation');
      });

      it('sends the totals of what is listed (optional in the contract; these adapters do)', async () => {
        // BRL 1500.00 + 25.00 + 990.00 + 123.45 + 800.00; JPY 700 + 5000; USD 42.00 + 42.00.
        const page = await backend.listInvoices({ offset: 2, limit: 2 });
        expect(page.totals).to.deep.equal({
          byCurrency: [
            { minor: 343845, currency: 'BRL' },
            { minor: 5700, currency: 'JPY' },
            { minor: 8400, currency: 'USD' },
          ],
        });
      });
    });

    describe('getInvoice', () => {
      it('returns the whole invoice as stored', async () => {
        expect(await backend.getInvoice('inv-4')).to.deep.equal(INVOICES[3]);
      });

      it('returns copies: changing a result changes nothing stored', async () => {
        const first = await backend.getInvoice('inv-3');
        first.status = 'VOID';
        first.lines.length = 0;
        first.history.push({ from: 'OPEN', to: 'VOID', at: 'x', by: 'x', notified: true });
        const again = await backend.getInvoice('inv-3');
        expect(again.status).to.equal('OPEN');
        expect(again.lines).to.have.length(1);
        expect(again.history).to.have.length(1);
      });
    });

    describe('invoice-document fields (issue 18)', () => {
      // Every field filled; a logo on https (kept as is by validation) and a customer whose
      // name and address are in Polish, Greek and Vietnamese.
      const documented = (): Invoice =>
        invoiceWithDocumentFields({
          id: 'inv-doc',
          customer: {
            id: 'cus-doc',
            name: 'Łódzka Chmura Sp. z o.o.',
            email: 'ap@lodzka.pl',
            address: ['ul. Piotrkowska 104', '90-926 Łódź', 'Polska', 'Ελλάδα', 'Việt Nam'],
            taxId: 'NIP PL1234567890',
          },
          issuer: { ...DOCUMENT_ISSUER, logoUrl: 'https://cdn.example/logo.png' },
        });

      it('round-trip whole through getInvoice', async () => {
        const invoice = documented();
        memory.addInvoice(invoice);
        expect(await backend.getInvoice('inv-doc')).to.deep.equal(invoice);
        expect(await backend.getInvoice('inv-doc', { audience: 'customer' })).to.deep.equal(
          invoice,
        );
      });

      it('the customer keeps its address and tax ID in lists, search and getCustomer', async () => {
        const invoice = documented();
        memory.addInvoice(invoice);
        const page = await backend.listInvoices({ customerId: 'cus-doc' });
        expect(page.items.map((i) => i.customer)).to.deep.equal([invoice.customer]);
        expect(await backend.searchCustomers({ text: 'łódzka' })).to.deep.equal([invoice.customer]);
        expect(await backend.getCustomer!('cus-doc')).to.deep.equal(invoice.customer);
      });

      it('a status change keeps them', async () => {
        const invoice = documented();
        memory.addInvoice(invoice);
        const result = await backend.updateStatus({
          invoiceId: 'inv-doc',
          to: 'CLOSED',
          notify: false,
          expectedVersion: 'v1',
          idempotencyKey: newKey(),
        });
        const { status, version, history, ...rest } = result;
        const { status: s0, version: v0, history: h0, ...before } = invoice;
        expect([status, version, history.length]).to.deep.equal(['CLOSED', 'v2', h0.length + 1]);
        expect([s0, v0]).to.deep.equal(['OPEN', 'v1']);
        expect(rest).to.deep.equal(before);
      });

      it('absent fields stay absent (nothing is made up for a fixture)', async () => {
        // inv-2: none of the money-owed fields either.
        const invoice = await backend.getInvoice('inv-2');
        for (const key of DOCUMENT_INVOICE_KEYS) {
          expect(key in invoice, key).to.equal(false);
        }
        expect(Object.keys(invoice.customer)).to.deep.equal(['id', 'name', 'email']);
        expect(Object.keys(invoice.lines[0]!)).not.to.include.members([
          'unitPriceDecimal',
          'taxRate',
        ]);
      });
    });

    describe('updateStatus', () => {
      const update = (
        invoiceId: string,
        to: InvoiceStatus,
        extra: { notify?: boolean; expectedVersion?: string; idempotencyKey?: string } = {},
      ) =>
        backend.updateStatus({
          invoiceId,
          to,
          notify: extra.notify ?? true,
          expectedVersion: extra.expectedVersion ?? 'v1',
          idempotencyKey: extra.idempotencyKey ?? newKey(),
        });

      it('refuses transitions outside the table with invalid-transition and the allowed targets', async () => {
        const closed = await rejection(update('inv-1', 'OPEN'));
        expect(closed.kind).to.equal('invalid-transition');
        expect(closed.allowedTargets ?? []).to.deep.equal([]);
        const skip = await rejection(update('inv-5', 'CLOSED'));
        expect(skip.kind).to.equal('invalid-transition');
        expect(skip.allowedTargets).to.deep.equal(['OPEN']);
        const back = await rejection(update('inv-3', 'DRAFT'));
        expect(back.kind).to.equal('invalid-transition');
        expect(back.allowedTargets).to.have.members(['VOID', 'CLOSED']);
        expect(memory.inspect('inv-1')!.status).to.equal('CLOSED');
        expect(memory.inspect('inv-3')!.history).to.have.length(1);
      });

      it('honours per-invoice targets: narrowed', async () => {
        memory.allowedTargetsFor('inv-3', ['CLOSED']);
        expect((await backend.getInvoice('inv-3')).allowedTargets).to.deep.equal(['CLOSED']);
        const error = await rejection(update('inv-3', 'VOID'));
        expect(error.kind).to.equal('invalid-transition');
        expect(error.allowedTargets).to.deep.equal(['CLOSED']);
        expect((await update('inv-3', 'CLOSED')).status).to.equal('CLOSED');
      });

      it('honours per-invoice targets: widened, but never back to DRAFT', async () => {
        memory.allowedTargetsFor('inv-1', ['VOID', 'DRAFT']);
        expect((await rejection(update('inv-1', 'DRAFT'))).kind).to.equal('invalid-transition');
        expect((await update('inv-1', 'VOID')).status).to.equal('VOID');
      });

      it('rejects the same key with a different payload (validation)', async () => {
        const idempotencyKey = newKey();
        await update('inv-3', 'VOID', { idempotencyKey });
        const error = await rejection(update('inv-4', 'VOID', { idempotencyKey }));
        expect(error.kind).to.equal('validation');
        expect(memory.inspect('inv-4')!.status).to.equal('OPEN');
      });
    });

    describe('a reason for VOID (issue 25)', () => {
      const voidWith = (invoiceId: string, reason?: string, idempotencyKey = newKey()) =>
        backend.updateStatus({
          invoiceId,
          to: 'VOID',
          notify: false,
          expectedVersion: 'v1',
          idempotencyKey,
          ...(reason !== undefined && { reason }),
        });

      it('optional by default: kept (trimmed) in the history entry when given, absent when not', async () => {
        expect((await backend.getInvoice('inv-3')).voidReasonRequired).to.equal(undefined);
        const withReason = await voidWith('inv-3', '  Billed twice  ');
        expect(withReason.history[1]).to.include({
          from: 'OPEN',
          to: 'VOID',
          reason: 'Billed twice',
        });
        const without = await voidWith('inv-4');
        expect(without.status).to.equal('VOID');
        expect(without.history[1]).not.to.have.property('reason');
      });

      it('required when the invoice says so: none, blank or over 500 characters is validation (field reason), nothing changes', async () => {
        memory.requireVoidReason('inv-4');
        expect((await backend.getInvoice('inv-4')).voidReasonRequired).to.equal(true);
        for (const reason of [undefined, '   ', 'x'.repeat(501)]) {
          const error = await rejection(voidWith('inv-4', reason));
          expect(error.kind, String(reason)).to.equal('validation');
          expect(error.field).to.equal('reason');
        }
        expect(memory.inspect('inv-4')!.status).to.equal('OPEN');
        expect(memory.inspect('inv-4')!.history).to.have.length(1);
        const voided = await voidWith('inv-4', 'x'.repeat(500));
        expect(voided.status).to.equal('VOID');
        expect(voided.history[1]!.reason).to.have.length(500);
      });

      it('the same key with another reason is another payload (validation)', async () => {
        const idempotencyKey = newKey();
        await voidWith('inv-3', 'Billed twice', idempotencyKey);
        const replay = await voidWith('inv-3', 'Billed twice', idempotencyKey);
        expect(replay.history[1]!.reason).to.equal('Billed twice');
        const error = await rejection(voidWith('inv-3', 'Another reason', idempotencyKey));
        expect(error.kind).to.equal('validation');
      });
    });

    describe('discardInvoice', () => {
      it('rejects a stale version with conflict', async () => {
        const error = await rejection(
          backend.discardInvoice({
            invoiceId: 'inv-6',
            expectedVersion: 'v0',
            idempotencyKey: newKey(),
          }),
        );
        expect(error.kind).to.equal('conflict');
        expect(error.currentVersion).to.equal('v1');
        expect(memory.inspect('inv-6')).not.to.equal(undefined);
      });
    });

    describe('RestBackend retries (transport faults)', () => {
      it('reads are retried: two 503s then success, three attempts', async function () {
        if (!h.faults) this.skip();
        const before = h.faults!.attempts('listInvoices');
        h.faults!.serverErrorNext('listInvoices', 2);
        const page = await backend.listInvoices({});
        expect(page.total).to.equal(9);
        expect(h.faults!.attempts('listInvoices') - before).to.equal(3);
      });

      it('a 503 on updateStatus is retried with the same key and applied once', async function () {
        if (!h.faults) this.skip();
        const before = h.faults!.attempts('updateStatus');
        h.faults!.serverErrorNext('updateStatus', 1);
        const result = await backend.updateStatus({
          invoiceId: 'inv-3',
          to: 'CLOSED',
          notify: true,
          expectedVersion: 'v1',
          idempotencyKey: newKey(),
        });
        expect(result.status).to.equal('CLOSED');
        expect(h.faults!.attempts('updateStatus') - before).to.equal(2);
        // inv-3 had one entry (DRAFT -> OPEN); exactly one more.
        expect(memory.inspect('inv-3')!.history).to.have.length(2);
      });
    });
  });
}
