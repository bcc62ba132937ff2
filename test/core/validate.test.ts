import { expect } from '@open-wc/testing';
import type { InvoiceBackend } from '../../src/core/backend.js';
import * as core from '../../src/core/index.js';
import { BackendError } from '../../src/core/errors.js';
import type { Customer, Invoice, InvoiceSummary, Page } from '../../src/core/types.js';
import { DOCUMENT_INVOICE_KEYS } from '../support/fixtures.js';
import {
  isValidated,
  parseCustomer,
  parseCustomers,
  parseInvoice,
  parseInvoiceSummary,
  parsePage,
  MAX_LIST_TOTAL,
  saneTotal,
  withValidation,
} from '../../src/core/validate.js';

type Json = Record<string, unknown>;

function customerJson(): Json {
  return { id: 'c-1', name: 'Acme Ltda', email: 'billing@acme.example' };
}

function summaryJson(): Json {
  return {
    id: 'inv-1',
    documentId: 'DOC-2026-0001',
    customer: customerJson(),
    provider: { id: 'microsoft', name: 'Microsoft' },
    period: { from: '2026-10', to: '2026-10' },
    status: 'DRAFT',
    total: { minor: 13200, currency: 'USD' },
    generatedAt: '2026-11-01T08:00:00Z',
    version: 'v1',
  };
}

function lineJson(id: string): Json {
  return {
    id,
    sku: 'AZ-VM-D2',
    description: 'Virtual machine D2',
    group: 'Azure plan',
    quantity: 1.5,
    unitPrice: { minor: 4000, currency: 'USD' },
    amount: { minor: 6000, currency: 'USD' },
    tax: { minor: 600, currency: 'USD' },
  };
}

function invoiceJson(): Json {
  return {
    ...summaryJson(),
    dueDate: '2026-11-30',
    currency: 'USD',
    lines: [lineJson('l-0'), lineJson('l-1'), lineJson('l-2'), lineJson('l-3')],
    subtotal: { minor: 12000, currency: 'USD' },
    taxTotal: { minor: 1200, currency: 'USD' },
    allowedTargets: ['OPEN'],
    downloadFormats: ['pdf', 'csv'],
    currencies: [{ currency: 'BRL', rate: 5.31, date: '2026-10-31', source: 'ECB' }],
    customFields: [{ key: 'po', label: 'PO number', value: 'PO-77' }],
    history: [
      {
        from: 'DRAFT',
        to: 'OPEN',
        at: '2026-11-02T09:00:00Z',
        by: 'ana',
        notified: true,
      },
    ],
  };
}

/**
 * Runs `fn`, expects a validation BackendError naming `field`, and returns it. An empty `field`
 * means the payload itself: no field, and the message says "payload".
 */
function expectValidation(fn: () => unknown, field: string): BackendError {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'should throw').to.be.instanceOf(BackendError);
  const error = thrown as BackendError;
  expect(error.kind).to.equal('validation');
  expect(error.field).to.equal(field || undefined);
  expect(error.message).to.include(field || 'payload');
  return error;
}

/** A deep copy of the valid invoice with one change made by `edit`. */
function invoiceWith(edit: (json: Json) => void): Json {
  const json = structuredClone(invoiceJson());
  edit(json);
  return json;
}

describe('core/validate', () => {
  describe('valid payloads pass', () => {
    it('a customer, with and without e-mail', () => {
      expect(parseCustomer(customerJson())).to.deep.equal({
        id: 'c-1',
        name: 'Acme Ltda',
        email: 'billing@acme.example',
      });
      const noEmail = parseCustomer({ id: 'c-2', name: 'Beta' });
      expect(noEmail).to.deep.equal({ id: 'c-2', name: 'Beta' });
      expect('email' in noEmail).to.equal(false);
      expect(parseCustomer({ id: 'c-3', name: 'Gama', email: null })).to.deep.equal({
        id: 'c-3',
        name: 'Gama',
      });
    });
    it('a list of customers', () => {
      expect(parseCustomers([customerJson(), { id: 'c-2', name: 'Beta' }])).to.have.length(2);
      expect(parseCustomers([])).to.deep.equal([]);
    });
    it('an invoice summary', () => {
      const expected: InvoiceSummary = {
        id: 'inv-1',
        documentId: 'DOC-2026-0001',
        customer: { id: 'c-1', name: 'Acme Ltda', email: 'billing@acme.example' },
        provider: { id: 'microsoft', name: 'Microsoft' },
        period: { from: '2026-10', to: '2026-10' },
        status: 'DRAFT',
        total: { minor: 13200, currency: 'USD' },
        generatedAt: '2026-11-01T08:00:00Z',
        version: 'v1',
      };
      expect(parseInvoiceSummary(summaryJson())).to.deep.equal(expected);
    });
    it('a whole invoice', () => {
      const invoice: Invoice = parseInvoice(invoiceJson());
      expect(invoice.lines).to.have.length(4);
      expect(invoice.lines[3]).to.deep.equal({
        id: 'l-3',
        sku: 'AZ-VM-D2',
        description: 'Virtual machine D2',
        group: 'Azure plan',
        quantity: 1.5,
        unitPrice: { minor: 4000, currency: 'USD' },
        amount: { minor: 6000, currency: 'USD' },
        tax: { minor: 600, currency: 'USD' },
      });
      expect(invoice.currency).to.equal('USD');
      expect(invoice.dueDate).to.equal('2026-11-30');
      expect(invoice.allowedTargets).to.deep.equal(['OPEN']);
      expect(invoice.downloadFormats).to.deep.equal(['pdf', 'csv']);
      expect(invoice.currencies).to.deep.equal([
        { currency: 'BRL', rate: 5.31, date: '2026-10-31', source: 'ECB' },
      ]);
      expect(invoice.customFields).to.deep.equal([
        { key: 'po', label: 'PO number', value: 'PO-77' },
      ]);
      expect(invoice.history).to.deep.equal([
        { from: 'DRAFT', to: 'OPEN', at: '2026-11-02T09:00:00Z', by: 'ana', notified: true },
      ]);
    });
    it('an invoice without its optional fields', () => {
      const invoice = parseInvoice(
        invoiceWith((j) => {
          delete j.dueDate;
          delete j.allowedTargets;
          delete j.downloadFormats;
          delete j.currencies;
          delete j.customFields;
          delete j.history;
          j.lines = [];
        }),
      );
      expect(invoice.lines).to.deep.equal([]);
      expect(invoice.currencies).to.deep.equal([]);
      expect(invoice.customFields).to.deep.equal([]);
      expect(invoice.history).to.deep.equal([]);
      for (const key of ['dueDate', 'allowedTargets', 'downloadFormats']) {
        expect(key in invoice, key).to.equal(false);
      }
    });
    it('a page', () => {
      const page: Page<InvoiceSummary> = parsePage(
        { items: [summaryJson(), summaryJson()], total: 57, offset: 50, limit: 25 },
        parseInvoiceSummary,
      );
      expect(page.items).to.have.length(2);
      expect(page.total).to.equal(57);
      expect(page.offset).to.equal(50);
      expect(page.limit).to.equal(25);
    });
    it('a page sorted by total with reporting amounts in another currency (BHD, JPY in USD)', () => {
      const bhd: Json = { ...summaryJson(), total: { minor: 1234567, currency: 'BHD' } };
      const jpy: Json = { ...summaryJson(), total: { minor: 609760, currency: 'JPY' } };
      bhd.reportingTotal = { minor: 327471, currency: 'USD' };
      jpy.reportingTotal = { minor: 406507, currency: 'USD' };
      const page = parsePage(
        {
          items: [bhd, jpy],
          total: 2,
          offset: 0,
          limit: 10,
          totalOrder: 'reporting',
          reportingCurrency: 'USD',
        },
        parseInvoiceSummary,
      );
      expect(page.totalOrder).to.equal('reporting');
      expect(page.reportingCurrency).to.equal('USD');
      expect(page.items.map((i) => i.reportingTotal)).to.deep.equal([
        { minor: 327471, currency: 'USD' },
        { minor: 406507, currency: 'USD' },
      ]);
      const plain = parsePage(
        { items: [summaryJson()], total: 1, offset: 0, limit: 10 },
        parseInvoiceSummary,
      );
      expect('totalOrder' in plain, 'totalOrder').to.equal(false);
      // An order the client does not know is dropped (the header then claims none).
      const unknown = parsePage(
        { items: [], total: 0, offset: 0, limit: 10, totalOrder: 'by-value' },
        parseInvoiceSummary,
      );
      expect('totalOrder' in unknown, 'unknown totalOrder').to.equal(false);
      expect('reportingTotal' in plain.items[0]!, 'reportingTotal').to.equal(false);
    });
    it('a negative amount (a credit line) and a zero quantity', () => {
      const invoice = parseInvoice(
        invoiceWith((j) => {
          const line = (j.lines as Json[])[0]!;
          line.quantity = 0;
          line.amount = { minor: -500, currency: 'USD' };
        }),
      );
      expect(invoice.lines[0]!.amount.minor).to.equal(-500);
      expect(invoice.lines[0]!.quantity).to.equal(0);
    });
  });

  describe('each kind of bad field names its path', () => {
    const cases: [string, (j: Json) => void, string][] = [
      ['a payload that is not an object', () => undefined, ''],
      ['a string that is a number', (j) => (j.documentId = 42), 'documentId'],
      ['a missing string', (j) => delete j.version, 'version'],
      ['a nested string', (j) => ((j.customer as Json).name = null), 'customer.name'],
      ['an optional string of the wrong type', (j) => (j.dueDate = 20261130), 'dueDate'],
      ['an e-mail of the wrong type', (j) => ((j.customer as Json).email = 1), 'customer.email'],
      ['a provider that is not an object', (j) => (j.provider = 'aws'), 'provider'],
      [
        'fractional minor units',
        (j) => (((j.lines as Json[])[3]!.amount as Json).minor = 60.5),
        'lines[3].amount.minor',
      ],
      ['minor units as a string', (j) => ((j.subtotal as Json).minor = '12000'), 'subtotal.minor'],
      [
        'minor units beyond a safe integer',
        (j) => ((j.total as Json).minor = 2 ** 53),
        'total.minor',
      ],
      [
        'a lower-case currency',
        (j) => ((j.taxTotal as Json).currency = 'usd'),
        'taxTotal.currency',
      ],
      ['a four-letter currency', (j) => (j.currency = 'USDT'), 'currency'],
      [
        'a line in another currency',
        (j) => (((j.lines as Json[])[2]!.tax as Json).currency = 'EUR'),
        'lines[2].tax.currency',
      ],
      [
        'a total in another currency',
        (j) => ((j.total as Json).currency = 'BRL'),
        'total.currency',
      ],
      ['a malformed month', (j) => ((j.period as Json).from = '2026-13'), 'period.from'],
      ['a day instead of a month', (j) => ((j.period as Json).to = '2026-10-31'), 'period.to'],
      [
        'a period that runs backwards',
        (j) => (j.period = { from: '2026-11', to: '2026-10' }),
        'period',
      ],
      [
        'a quantity that is not a number',
        (j) => ((j.lines as Json[])[1]!.quantity = '2'),
        'lines[1].quantity',
      ],
      [
        'a quantity that is not finite',
        (j) => ((j.lines as Json[])[1]!.quantity = Number.POSITIVE_INFINITY),
        'lines[1].quantity',
      ],
      ['an empty status', (j) => (j.status = ''), 'status'],
      ['a status that is not a string', (j) => (j.status = 1), 'status'],
      ['lines that are not an array', (j) => (j.lines = {}), 'lines'],
      ['a line that is not an object', (j) => ((j.lines as unknown[])[0] = 'x'), 'lines[0]'],
      ['allowedTargets that is not an array', (j) => (j.allowedTargets = 'OPEN'), 'allowedTargets'],
      [
        'a currency rate of zero',
        (j) => (j.currencies = [{ currency: 'BRL', rate: 0 }]),
        'currencies[0].rate',
      ],
      [
        'a negative currency rate',
        (j) =>
          (j.currencies = [
            { currency: 'EUR', rate: 0.9 },
            { currency: 'BRL', rate: -5 },
          ]),
        'currencies[1].rate',
      ],
      [
        'a currency rate that is not finite',
        (j) => (j.currencies = [{ currency: 'BRL', rate: Number.NaN }]),
        'currencies[0].rate',
      ],
      [
        'a currency rate without a code',
        (j) => (j.currencies = [{ rate: 5.31 }]),
        'currencies[0].currency',
      ],
      [
        'a custom field value that is not text',
        (j) => (j.customFields = [{ key: 'po', label: 'PO', value: 77 }]),
        'customFields[0].value',
      ],
      [
        'a history entry with a bad flag',
        (j) => ((j.history as Json[])[0]!.notified = 'yes'),
        'history[0].notified',
      ],
    ];
    for (const [label, edit, field] of cases) {
      it(`${label}: ${field || '(payload)'}`, () => {
        const data = label.startsWith('a payload') ? 'not an invoice' : invoiceWith(edit);
        expectValidation(() => parseInvoice(data), field);
      });
    }

    it('customers in a list are named by index', () => {
      expectValidation(() => parseCustomers([customerJson(), { id: 'c-2' }]), '[1].name');
      expectValidation(() => parseCustomers({ items: [] }), '');
    });
    it('page items are named by index', () => {
      const bad = summaryJson();
      bad.period = { from: '2026-10', to: 'soon' };
      expectValidation(
        () =>
          parsePage(
            { items: [summaryJson(), bad], total: 2, offset: 0, limit: 10 },
            parseInvoiceSummary,
          ),
        'items[1].period.to',
      );
    });
    it("a page item's nested fields are named by their whole path, and read as before", () => {
      const customer = { ...customerJson(), address: ['1 Main St', 7] };
      const bad = { ...summaryJson(), customer };
      expectValidation(
        () =>
          parsePage(
            { items: [summaryJson(), summaryJson(), bad], total: 3, offset: 0, limit: 10 },
            parseInvoiceSummary,
          ),
        'items[2].customer.address[1]',
      );
      const total = { minor: 100, currency: 'EURO' };
      expectValidation(
        () =>
          parsePage(
            { items: [{ ...summaryJson(), total }], total: 1, offset: 0, limit: 10 },
            parseInvoiceSummary,
          ),
        'items[0].total.currency',
      );
      const good = {
        ...customerJson(),
        email: 'a@example.com',
        address: ['1 Main St'],
        taxId: 'T-1',
      };
      const page = parsePage(
        { items: [{ ...summaryJson(), customer: good }], total: 1, offset: 0, limit: 10 },
        parseInvoiceSummary,
      );
      expect(page.items[0]!.customer).to.deep.equal(good);
    });
    it('page counts are non-negative integers', () => {
      expectValidation(
        () => parsePage({ items: [], total: -1, offset: 0, limit: 10 }, parseCustomer),
        'total',
      );
      expectValidation(
        () => parsePage({ items: [], total: 0, offset: 0.5, limit: 10 }, parseCustomer),
        'offset',
      );
      expectValidation(() => parsePage({ items: [], total: 0, offset: 0 }, parseCustomer), 'limit');
      expectValidation(() => parsePage({ total: 0, offset: 0, limit: 10 }, parseCustomer), 'items');
    });
    it('a malformed reporting amount or reporting currency names its path', () => {
      const page =
        (item: Json, extra: Json = {}) =>
        () =>
          parsePage(
            { items: [item], total: 1, offset: 0, limit: 10, ...extra },
            parseInvoiceSummary,
          );
      const fractional = { ...summaryJson(), reportingTotal: { minor: 4065.07, currency: 'USD' } };
      expectValidation(page(fractional), 'items[0].reportingTotal.minor');
      const badCode = { ...summaryJson(), reportingTotal: { minor: 406507, currency: 'usd' } };
      expectValidation(page(badCode), 'items[0].reportingTotal.currency');
      const notMoney = { ...summaryJson(), reportingTotal: '4065.07 USD' };
      expectValidation(page(notMoney), 'items[0].reportingTotal');
      expectValidation(page(summaryJson(), { totalOrder: 'reporting' }), 'reportingCurrency');
      expectValidation(
        page(summaryJson(), { totalOrder: 'reporting', reportingCurrency: 'US' }),
        'reportingCurrency',
      );
    });
    it('a path given by the caller prefixes the field', () => {
      expectValidation(() => parseCustomer({ id: 1, name: 'x' }, 'customer'), 'customer.id');
    });
  });

  describe('statuses', () => {
    it('an unknown status is kept as text, not refused', () => {
      const summary = parseInvoiceSummary({ ...summaryJson(), status: 'ARCHIVED' });
      expect(summary.status).to.equal('ARCHIVED');
      const invoice = parseInvoice(
        invoiceWith((j) => {
          j.status = 'PENDING_REVIEW';
          (j.history as Json[])[0]!.to = 'PENDING_REVIEW';
        }),
      );
      expect(invoice.status).to.equal('PENDING_REVIEW');
      expect(invoice.history[0]!.to).to.equal('PENDING_REVIEW');
    });
    it('DRAFT and unknown entries are dropped from allowedTargets, silently', () => {
      const invoice = parseInvoice(
        invoiceWith((j) => {
          j.status = 'OPEN';
          j.allowedTargets = ['DRAFT', 'VOID', 'ARCHIVED', 7, null, 'CLOSED', 'VOID', 'open'];
        }),
      );
      expect(invoice.allowedTargets).to.deep.equal(['VOID', 'CLOSED']);
    });
    it('allowedTargets of only DRAFT leaves an empty list (nothing allowed), not the default', () => {
      const invoice = parseInvoice(invoiceWith((j) => (j.allowedTargets = ['DRAFT'])));
      expect(invoice.allowedTargets).to.deep.equal([]);
    });
    it('unknown download formats are dropped', () => {
      const invoice = parseInvoice(
        invoiceWith((j) => (j.downloadFormats = ['xlsx', 'pdf', 'PDF', 'print', 3])),
      );
      expect(invoice.downloadFormats).to.deep.equal(['pdf', 'print']);
    });
  });

  describe('extra fields are stripped', () => {
    it('at every level, and the result shares no object with the input', () => {
      const json = invoiceWith((j) => {
        j.secret = 'token';
        j.__html = '<img src=x onerror=alert(1)>';
        (j.customer as Json).internalNote = 'x';
        (j.provider as Json).apiKey = 'k';
        (j.period as Json).days = 31;
        (j.total as Json).display = '$132';
        (j.lines as Json[])[0]!.cost = 1;
        ((j.lines as Json[])[0]!.amount as Json).fx = 2;
        (j.currencies as Json[])[0]!.spread = 0.1;
        (j.customFields as Json[])[0]!.html = '<b>';
        (j.history as Json[])[0]!.ip = '10.0.0.1';
      });
      const invoice = parseInvoice(json) as unknown as Json;
      expect(Object.keys(invoice).sort()).to.deep.equal(
        [
          'id',
          'documentId',
          'customer',
          'provider',
          'period',
          'status',
          'total',
          'generatedAt',
          'version',
          'dueDate',
          'currency',
          'lines',
          'subtotal',
          'taxTotal',
          'allowedTargets',
          'downloadFormats',
          'currencies',
          'customFields',
          'history',
        ].sort(),
      );
      expect(Object.keys(invoice.customer as Json).sort()).to.deep.equal(['email', 'id', 'name']);
      expect(Object.keys(invoice.provider as Json).sort()).to.deep.equal(['id', 'name']);
      expect(Object.keys(invoice.period as Json).sort()).to.deep.equal(['from', 'to']);
      expect(Object.keys(invoice.total as Json).sort()).to.deep.equal(['currency', 'minor']);
      const line = (invoice.lines as Json[])[0]!;
      expect(line).not.to.have.property('cost');
      expect(Object.keys(line.amount as Json).sort()).to.deep.equal(['currency', 'minor']);
      expect((invoice.currencies as Json[])[0]).not.to.have.property('spread');
      expect((invoice.customFields as Json[])[0]).not.to.have.property('html');
      expect((invoice.history as Json[])[0]).not.to.have.property('ip');
      expect(invoice.customer).not.to.equal(json.customer);
      expect(invoice.lines).not.to.equal(json.lines);
      expect(invoice.allowedTargets).not.to.equal(json.allowedTargets);
    });
    it('in a customer', () => {
      const customer = parseCustomer({ ...customerJson(), password: 'p' });
      expect(Object.keys(customer).sort()).to.deep.equal(['email', 'id', 'name']);
    });
    it('in a page', () => {
      const page = parsePage(
        { items: [customerJson()], total: 1, offset: 0, limit: 10, cursor: 'abc' },
        parseCustomer,
      );
      expect(Object.keys(page).sort()).to.deep.equal(['items', 'limit', 'offset', 'total']);
    });
  });

  describe('withValidation', () => {
    function fakeBackend(overrides: Partial<Record<keyof InvoiceBackend, unknown>> = {}) {
      const calls: string[] = [];
      const backend = {
        calls,
        searchCustomers: async () => [customerJson()],
        listInvoices: async () => ({ items: [summaryJson()], total: 1, offset: 0, limit: 25 }),
        getInvoice: async () => invoiceJson(),
        updateStatus: async () => invoiceJson(),
        discardInvoice: async () => {
          calls.push('discard');
        },
        ...overrides,
      };
      return backend as unknown as InvoiceBackend & { calls: string[] };
    }
    const update = {
      invoiceId: 'inv-1',
      to: 'OPEN' as const,
      notify: true,
      expectedVersion: 'v1',
      idempotencyKey: 'k-1',
    };

    it('passes valid results through, as fresh objects', async () => {
      const backend = withValidation(fakeBackend());
      const customers: Customer[] = await backend.searchCustomers({ text: 'ac' });
      expect(customers).to.deep.equal([
        { id: 'c-1', name: 'Acme Ltda', email: 'billing@acme.example' },
      ]);
      const page = await backend.listInvoices({});
      expect(page.items[0]!.documentId).to.equal('DOC-2026-0001');
      expect((await backend.getInvoice('inv-1')).lines).to.have.length(4);
      expect((await backend.updateStatus(update)).version).to.equal('v1');
      expect(
        await backend.discardInvoice({
          invoiceId: 'inv-1',
          expectedVersion: 'v1',
          idempotencyKey: 'k',
        }),
      ).to.equal(undefined);
    });

    it('rejects a malformed adapter result with kind validation', async () => {
      const backend = withValidation(
        fakeBackend({
          getInvoice: async () => invoiceWith((j) => ((j.total as Json).minor = '13200')),
          listInvoices: async () => ({ items: [{ id: 'x' }], total: 1, offset: 0, limit: 25 }),
          searchCustomers: async () => [{ id: 1, name: 'x' }],
          updateStatus: async () => invoiceWith((j) => (j.period = null)),
        }),
      );
      const expectations: [() => Promise<unknown>, string][] = [
        [() => backend.getInvoice('inv-1'), 'total.minor'],
        [() => backend.listInvoices({}), 'items[0].documentId'],
        [() => backend.searchCustomers({ text: 'x' }), '[0].id'],
        [() => backend.updateStatus(update), 'period'],
      ];
      for (const [run, field] of expectations) {
        let thrown: unknown;
        try {
          await run();
        } catch (error) {
          thrown = error;
        }
        expect(thrown, field).to.be.instanceOf(BackendError);
        expect((thrown as BackendError).kind).to.equal('validation');
        expect((thrown as BackendError).field).to.equal(field);
      }
    });

    it('keeps the kind of a BackendError from the adapter, and turns other failures into one', async () => {
      const conflict = new BackendError('conflict', 'stale', { currentVersion: 'v2' });
      const backend = withValidation(
        fakeBackend({
          updateStatus: async () => {
            throw conflict;
          },
          getInvoice: () => {
            throw new TypeError('adapter bug');
          },
        }),
      );
      let thrown: unknown;
      try {
        await backend.updateStatus(update);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).to.equal(conflict);
      thrown = undefined;
      try {
        await backend.getInvoice('inv-1');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).to.be.instanceOf(BackendError);
      expect((thrown as BackendError).kind).to.equal('network');
    });

    it('passes arguments through and calls the adapter as `this`', async () => {
      class Adapter {
        seen: unknown[] = [];
        async searchCustomers(search: unknown, options: unknown) {
          this.seen.push(search, options);
          return [];
        }
        async listInvoices() {
          return { items: [], total: 0, offset: 0, limit: 25 };
        }
        async getInvoice(id: string) {
          this.seen.push(id);
          return invoiceJson();
        }
        async updateStatus() {
          return invoiceJson();
        }
        async discardInvoice() {}
        async getCustomer(id: string) {
          this.seen.push(id);
          return { id, name: 'Acme' };
        }
      }
      const adapter = new Adapter();
      const backend = withValidation(adapter as unknown as InvoiceBackend);
      const signal = new AbortController().signal;
      await backend.searchCustomers({ text: 'ac', limit: 5 }, { signal });
      await backend.getInvoice('inv-9');
      expect(await backend.getCustomer!('c-9')).to.deep.equal({ id: 'c-9', name: 'Acme' });
      expect(adapter.seen).to.deep.equal([{ text: 'ac', limit: 5 }, { signal }, 'inv-9', 'c-9']);
    });

    it('has getCustomer and download only when the adapter has them', async () => {
      const bare = withValidation(fakeBackend());
      expect('getCustomer' in bare).to.equal(false);
      expect('download' in bare).to.equal(false);

      const blob = new Blob(['x']);
      const full = withValidation(
        fakeBackend({
          getCustomer: async () => ({ id: 'c-1', name: 'Acme', extra: true }),
          download: async () => ({ kind: 'blob', blob, filename: 'a.pdf' }),
        }),
      );
      expect(await full.getCustomer!('c-1')).to.deep.equal({ id: 'c-1', name: 'Acme' });
      const file = await full.download!('inv-1', 'pdf');
      expect(file).to.deep.equal({ kind: 'blob', blob, filename: 'a.pdf' });

      const malformed = withValidation(fakeBackend({ getCustomer: async () => ({ id: 'c-1' }) }));
      let thrown: unknown;
      try {
        await malformed.getCustomer!('c-1');
      } catch (error) {
        thrown = error;
      }
      expect((thrown as BackendError).kind).to.equal('validation');
      expect((thrown as BackendError).field).to.equal('name');
    });

    it('is idempotent', () => {
      const original = fakeBackend();
      expect(isValidated(original)).to.equal(false);
      const once = withValidation(original);
      expect(once).not.to.equal(original);
      expect(isValidated(once)).to.equal(true);
      expect(withValidation(once)).to.equal(once);
      expect(Object.keys(once)).not.to.include('calls');
    });
  });

  describe('the core barrel', () => {
    it('re-exports the validation API with the rest of the core', () => {
      expect(core.withValidation).to.equal(withValidation);
      expect(core.parseInvoice).to.equal(parseInvoice);
      expect(core.BackendError).to.equal(BackendError);
      for (const name of [
        'INVOICE_STATUSES',
        'toBackendError',
        'allowedTargets',
        'formatMoney',
        'convertLines',
        'presetPeriod',
        'downloadFormatsFor',
        'parsePage',
      ]) {
        expect(core, name).to.have.property(name);
      }
    });
  });
});

describe("core: a list page's total is sane (issue 21)", () => {
  const items = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
  const page = (n: number, total: number, offset = 0, limit = 25): Page<number> => ({
    items: items(n),
    total,
    offset,
    limit,
  });

  it('a short page proves the end: total = offset + items', () => {
    expect(saneTotal(page(3, 2 ** 32), { offset: 0, limit: 25 }).total).to.equal(3);
    expect(saneTotal(page(3, 1e9), { offset: 0, limit: 25 }).total).to.equal(3);
    expect(saneTotal(page(2, 100, 50), { offset: 50, limit: 25 }).total).to.equal(52);
    expect(saneTotal(page(0, 100, 75), { offset: 75, limit: 25 }).total).to.equal(75);
  });

  it('a full page keeps its total, never below what it holds, at most MAX_LIST_TOTAL', () => {
    expect(saneTotal(page(25, 57), { offset: 0, limit: 25 }).total).to.equal(57);
    expect(saneTotal(page(25, 3), { offset: 25, limit: 25 }).total).to.equal(50);
    expect(saneTotal(page(25, 1e9), { offset: 0, limit: 25 }).total).to.equal(MAX_LIST_TOTAL);
    expect(MAX_LIST_TOTAL).to.equal(10_000_000);
  });

  it('a server that applied a smaller limit than asked is not taken for a short page', () => {
    expect(saneTotal(page(100, 5000, 0, 100), { offset: 0, limit: 200 }).total).to.equal(5000);
  });

  it('withValidation applies it to listInvoices', async () => {
    const backend = withValidation({
      listInvoices: async () => ({
        items: [summaryJson(), summaryJson(), summaryJson()],
        total: 2 ** 32,
        offset: 0,
        limit: 50,
      }),
    } as unknown as InvoiceBackend);
    const result = await backend.listInvoices({ offset: 0, limit: 50 });
    expect(result.total).to.equal(3);
    expect(result.items).to.have.length(3);
  });
});

describe('core/validate: the invoice-document fields (issue 18)', () => {
  /** Every document field filled, in the invoice currency (USD). */
  function documentJson(): Json {
    return invoiceWith((j) => {
      Object.assign(j.customer as Json, {
        address: ['Rua Augusta, 1500', '01304-001 São Paulo SP', 'Brasil'],
        taxId: 'CNPJ 12.345.678/0001-90',
      });
      j.issueDate = '2026-11-01';
      j.paymentTermsDays = 30;
      j.paymentInstructions = 'IBAN DE89 3704 0044 0532 0130 00';
      j.issuer = {
        name: 'Nuvem Revenda Ltda.',
        address: ['Av. Paulista, 1000', 'São Paulo'],
        taxId: 'CNPJ 98.765.432/0001-10',
        email: 'billing@nuvem.example',
        phone: '+55 11 4000-0000',
        website: 'https://nuvem.example',
        logoUrl: 'https://cdn.nuvem.example/logo.png',
      };
      j.amountPaid = { minor: 5000, currency: 'USD' };
      j.amountDue = { minor: 8200, currency: 'USD' };
      const line = (j.lines as Json[])[0]!;
      line.unitPriceDecimal = '0.000123';
      line.taxRate = 0.21;
    });
  }

  it('keeps every field when well-formed, as fresh objects', () => {
    const json = documentJson();
    const invoice = parseInvoice(json);
    expect(invoice.customer.address).to.deep.equal([
      'Rua Augusta, 1500',
      '01304-001 São Paulo SP',
      'Brasil',
    ]);
    expect(invoice.customer.address).not.to.equal((json.customer as Json).address);
    expect(invoice.customer.taxId).to.equal('CNPJ 12.345.678/0001-90');
    expect(invoice.issueDate).to.equal('2026-11-01');
    expect(invoice.paymentTermsDays).to.equal(30);
    expect(invoice.paymentInstructions).to.equal('IBAN DE89 3704 0044 0532 0130 00');
    expect(invoice.issuer).to.deep.equal(json.issuer);
    expect(invoice.issuer).not.to.equal(json.issuer);
    expect(invoice.issuer!.address).not.to.equal((json.issuer as Json).address);
    expect(invoice.amountPaid).to.deep.equal({ minor: 5000, currency: 'USD' });
    expect(invoice.amountDue).to.deep.equal({ minor: 8200, currency: 'USD' });
    expect(invoice.lines[0]!.unitPriceDecimal).to.equal('0.000123');
    expect(invoice.lines[0]!.taxRate).to.equal(0.21);
    expect('taxRate' in invoice.lines[1]!).to.equal(false);
  });

  it('strips what it does not know, in the issuer too', () => {
    const json = documentJson();
    (json.issuer as Json).secret = 'x';
    (json.customer as Json).internalNote = 'x';
    const invoice = parseInvoice(json);
    expect(Object.keys(invoice.issuer!)).not.to.include('secret');
    expect(Object.keys(invoice.customer)).not.to.include('internalNote');
  });

  it('absent or null means absent, for each field', () => {
    for (const absent of [undefined, null]) {
      const invoice = parseInvoice(
        invoiceWith((j) => {
          Object.assign(j.customer as Json, { address: absent, taxId: absent });
          Object.assign(j, {
            issueDate: absent,
            paymentTermsDays: absent,
            paymentInstructions: absent,
            issuer: absent,
            amountPaid: absent,
            amountDue: absent,
          });
          Object.assign((j.lines as Json[])[0]!, { unitPriceDecimal: absent, taxRate: absent });
        }),
      );
      for (const key of DOCUMENT_INVOICE_KEYS) {
        expect(key in invoice, key).to.equal(false);
      }
      expect(Object.keys(invoice.customer)).to.deep.equal(['id', 'name', 'email']);
      expect(Object.keys(invoice.lines[0]!)).not.to.include.members([
        'unitPriceDecimal',
        'taxRate',
      ]);
    }
    const bare = parseInvoice(
      invoiceWith((j) => {
        j.issuer = { name: 'Only a name' };
      }),
    );
    expect(bare.issuer).to.deep.equal({ name: 'Only a name' });
  });

  it('the limits are inclusive: 6 address lines, tax rates 0 and 1, terms 0 and 3650', () => {
    const six = ['1', '2', '3', '4', '5', '6'];
    for (const [rate, days] of [
      [0, 0],
      [1, 3650],
    ] as const) {
      const invoice = parseInvoice(
        invoiceWith((j) => {
          (j.customer as Json).address = six;
          j.issuer = { name: 'I', address: six };
          j.paymentTermsDays = days;
          (j.lines as Json[])[0]!.taxRate = rate;
        }),
      );
      expect(invoice.customer.address).to.have.length(6);
      expect(invoice.issuer!.address).to.have.length(6);
      expect(invoice.paymentTermsDays).to.equal(days);
      expect(invoice.lines[0]!.taxRate).to.equal(rate);
    }
    for (const price of ['12', '-0.5', '0.000123', '0.0230', '1000000.123456']) {
      const invoice = parseInvoice(
        invoiceWith((j) => ((j.lines as Json[])[2]!.unitPriceDecimal = price)),
      );
      expect(invoice.lines[2]!.unitPriceDecimal).to.equal(price);
    }
  });

  const cases: [string, (j: Json) => void, string][] = [
    [
      'a customer address of 7 lines',
      (j) => ((j.customer as Json).address = ['1', '2', '3', '4', '5', '6', '7']),
      'customer.address',
    ],
    [
      'a customer address that is text',
      (j) => ((j.customer as Json).address = 'Rua Augusta, 1500'),
      'customer.address',
    ],
    [
      'an address line that is not text',
      (j) => ((j.customer as Json).address = ['Rua Augusta', 1500]),
      'customer.address[1]',
    ],
    [
      'a customer tax ID that is a number',
      (j) => ((j.customer as Json).taxId = 123),
      'customer.taxId',
    ],
    ['an issue date that is a number', (j) => (j.issueDate = 20261101), 'issueDate'],
    ['negative terms', (j) => (j.paymentTermsDays = -1), 'paymentTermsDays'],
    ['fractional terms', (j) => (j.paymentTermsDays = 30.5), 'paymentTermsDays'],
    ['terms over ten years', (j) => (j.paymentTermsDays = 3651), 'paymentTermsDays'],
    ['terms as text', (j) => (j.paymentTermsDays = '30'), 'paymentTermsDays'],
    ['instructions that are not text', (j) => (j.paymentInstructions = {}), 'paymentInstructions'],
    ['an issuer that is text', (j) => (j.issuer = 'Nuvem'), 'issuer'],
    ['an issuer without a name', (j) => (j.issuer = { taxId: 'X' }), 'issuer.name'],
    [
      'an issuer address of 7 lines',
      (j) => (j.issuer = { name: 'I', address: ['1', '2', '3', '4', '5', '6', '7'] }),
      'issuer.address',
    ],
    ['an issuer phone as a number', (j) => (j.issuer = { name: 'I', phone: 5511 }), 'issuer.phone'],
    [
      'an amount paid in another currency',
      (j) => (j.amountPaid = { minor: 1, currency: 'EUR' }),
      'amountPaid.currency',
    ],
    [
      'an amount due with fractional minor units',
      (j) => (j.amountDue = { minor: 0.5, currency: 'USD' }),
      'amountDue.minor',
    ],
    [
      'a tax rate over 1 (a percentage)',
      (j) => ((j.lines as Json[])[1]!.taxRate = 21),
      'lines[1].taxRate',
    ],
    ['a negative tax rate', (j) => ((j.lines as Json[])[1]!.taxRate = -0.1), 'lines[1].taxRate'],
    [
      'a tax rate of NaN',
      (j) => ((j.lines as Json[])[1]!.taxRate = Number.NaN),
      'lines[1].taxRate',
    ],
    ['a tax rate as text', (j) => ((j.lines as Json[])[1]!.taxRate = '0.21'), 'lines[1].taxRate'],
    ...['1e-6', '0,0230', '.5', '1.', '0.0000001', '$1.00', ' 1', '1 ', '+1', 'NaN'].map(
      (price): [string, (j: Json) => void, string] => [
        `a unit price of ${JSON.stringify(price)}`,
        (j) => ((j.lines as Json[])[3]!.unitPriceDecimal = price),
        'lines[3].unitPriceDecimal',
      ],
    ),
    [
      'a unit price as a number',
      (j) => ((j.lines as Json[])[3]!.unitPriceDecimal = 0.023),
      'lines[3].unitPriceDecimal',
    ],
  ];
  for (const [label, edit, field] of cases) {
    it(`rejects ${label}, naming ${field}`, () => {
      expectValidation(() => parseInvoice(invoiceWith(edit)), field);
    });
  }

  it('a customer alone (search results) validates its address and tax ID the same way', () => {
    expect(
      parseCustomer({ id: 'c', name: 'N', address: ['Łódź', 'Polska'], taxId: 'PL1234567890' }),
    ).to.deep.equal({ id: 'c', name: 'N', address: ['Łódź', 'Polska'], taxId: 'PL1234567890' });
    expectValidation(
      () => parseCustomers([{ id: 'c', name: 'N', address: [1] }]),
      '[0].address[0]',
    );
  });

  describe('the logo: https or the page origin, else dropped (the invoice kept)', () => {
    const logo = (url: unknown) =>
      parseInvoice(invoiceWith((j) => (j.issuer = { name: 'Nuvem', logoUrl: url }))).issuer!;

    it('keeps an https URL and a same-origin path (resolved against the page)', () => {
      expect(logo('https://cdn.example/logo.png').logoUrl).to.equal('https://cdn.example/logo.png');
      expect(logo('/assets/logo.png').logoUrl).to.equal(`${location.origin}/assets/logo.png`);
      expect(logo(`${location.origin}/logo.jpg`).logoUrl).to.equal(`${location.origin}/logo.jpg`);
    });

    for (const url of [
      'http://evil.example/logo.png',
      'javascript:alert(1)',
      'data:image/png;base64,iVBORw0KGgo=',
      'blob:https://evil.example/1',
      'https://',
      42,
      {},
    ]) {
      it(`drops ${JSON.stringify(url)}, keeping the issuer and the invoice`, () => {
        const issuer = logo(url);
        expect(issuer).to.deep.equal({ name: 'Nuvem' });
        expect('logoUrl' in issuer).to.equal(false);
      });
    }
  });
});
