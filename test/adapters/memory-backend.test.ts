/**
 * MemoryBackend: the shared backend contract, then the generator and the test hooks.
 */
import { expect } from '@open-wc/testing';
import { MemoryBackend, generateData } from '../../src/adapters/memory/index.js';
import type { GeneratedData } from '../../src/adapters/memory/index.js';
import { BackendError } from '../../src/core/errors.js';
import { CUSTOMERS, INVOICES, backendContract, rejection } from './backend-contract.js';

backendContract('MemoryBackend', () => {
  const memory = new MemoryBackend({ invoices: [] });
  return { backend: memory, memory };
});

function fixtureBackend(
  options: ConstructorParameters<typeof MemoryBackend>[0] = {},
): MemoryBackend {
  return new MemoryBackend({ ...options, invoices: INVOICES, customers: CUSTOMERS });
}

describe('generator', () => {
  let data: GeneratedData;
  before(() => {
    data = generateData();
  });

  it('is deterministic: same seed, same data; another seed, other data', () => {
    const a = JSON.stringify(generateData({ seed: 7 }));
    const b = JSON.stringify(generateData({ seed: 7 }));
    const c = JSON.stringify(generateData({ seed: 8 }));
    expect(a).to.equal(b);
    expect(a).not.to.equal(c);
  });

  it('makes ~40 customers with plausible names, ids and e-mails, some accented', () => {
    expect(data.customers).to.have.length(40);
    const names = data.customers.map((c) => c.name);
    expect(new Set(names).size).to.equal(names.length);
    expect(names.some((n) => /[À-ÿ]/.test(n))).to.equal(true);
    for (const c of data.customers) {
      expect(c.name.split(' ').length).to.be.at.least(3);
      if (c.email !== undefined) expect(c.email).to.match(/^[a-z.]+@[a-z0-9-]+\.[a-z.]+$/);
    }
  });

  it('covers 14 months ending 2026-10, with every status present', () => {
    const months = new Set(data.invoices.map((i) => i.period.from));
    expect(months.size).to.equal(14);
    expect([...months].sort()[0]).to.equal('2025-09');
    expect([...months].sort().at(-1)).to.equal('2026-10');
    const statuses = new Set(data.invoices.map((i) => i.status));
    expect([...statuses]).to.have.members(['DRAFT', 'OPEN', 'VOID', 'CLOSED']);
  });

  it('puts drafts only in the latest two months, and older months mostly CLOSED', () => {
    for (const i of data.invoices) {
      if (i.status === 'DRAFT') expect(['2026-09', '2026-10']).to.include(i.period.from);
    }
    const old = data.invoices.filter((i) => i.period.from < '2026-06');
    const closed = old.filter((i) => i.status === 'CLOSED').length;
    expect(closed / old.length).to.be.greaterThan(0.6);
  });

  it('has several documents per customer per month, one per provider', () => {
    const groups = new Map<string, string[]>();
    for (const i of data.invoices) {
      const key = `${i.customer.id}|${i.period.from}`;
      groups.set(key, [...(groups.get(key) ?? []), i.provider.id]);
    }
    let several = 0;
    for (const providers of groups.values()) {
      expect(new Set(providers).size).to.equal(providers.length);
      expect(providers.length).to.be.at.most(3);
      for (const p of providers) expect(['microsoft', 'aws', 'google']).to.include(p);
      if (providers.length >= 2) several++;
    }
    expect(several / groups.size).to.be.greaterThan(0.6);
  });

  it('uses unique document IDs like INV-2026-000123, mostly USD, some other currencies', () => {
    const docs = data.invoices.map((i) => i.documentId);
    expect(new Set(docs).size).to.equal(docs.length);
    for (const d of docs) expect(d).to.match(/^INV-\d{4}-\d{6}$/);
    const currencies = data.invoices.map((i) => i.currency);
    const usd = currencies.filter((c) => c === 'USD').length;
    expect(usd / currencies.length).to.be.greaterThan(0.5);
    expect(new Set(currencies).size).to.be.at.least(3);
  });

  it('totals equal the sums of the lines exactly; amount = round(quantity × unit price)', async () => {
    const backend = new MemoryBackend({ data });
    for (const record of data.invoices.slice(0, 60)) {
      const inv = await backend.getInvoice(record.id);
      expect(inv.lines.length).to.be.within(3, 40);
      let subtotal = 0;
      let tax = 0;
      for (const line of inv.lines) {
        // Metered lines: from the decimal unit price (test/adapters/memory-documents.test.ts).
        if (line.unitPriceDecimal === undefined) {
          expect(line.amount.minor).to.equal(Math.round(line.quantity * line.unitPrice.minor));
        }
        expect(line.amount.currency).to.equal(inv.currency);
        subtotal += line.amount.minor;
        tax += line.tax.minor;
      }
      expect(inv.subtotal.minor).to.equal(subtotal);
      expect(inv.taxTotal.minor).to.equal(tax);
      expect(inv.total.minor).to.equal(subtotal + tax);
      expect(inv.currencies.length).to.be.within(2, 4);
      for (const rate of inv.currencies) {
        expect(rate.rate).to.be.greaterThan(0);
        expect(rate.currency).not.to.equal(inv.currency);
        expect(rate.date).to.match(/^\d{4}-\d{2}-\d{2}$/);
        expect(rate.source).to.be.a('string');
      }
    }
  });

  it('gives histories consistent with the status', async () => {
    const backend = new MemoryBackend({ data });
    const expected: Record<string, string[]> = {
      DRAFT: [],
      OPEN: ['DRAFT>OPEN'],
      CLOSED: ['DRAFT>OPEN', 'OPEN>CLOSED'],
      VOID: ['DRAFT>OPEN', 'OPEN>VOID'],
    };
    for (const record of data.invoices.slice(0, 200)) {
      const inv = await backend.getInvoice(record.id);
      expect(inv.history.map((h) => `${h.from}>${h.to}`)).to.deep.equal(expected[inv.status]);
      for (const h of inv.history) {
        expect(Date.parse(h.at)).to.be.greaterThan(Date.parse(inv.generatedAt));
        expect(h.by).to.be.a('string');
        expect(h.notified).to.be.a('boolean');
      }
    }
  });

  it('configures custom fields on roughly a third of the customers', async () => {
    const backend = new MemoryBackend({ data });
    const withFields = new Set<string>();
    const seen = new Set<string>();
    for (const record of data.invoices) {
      if (seen.has(record.customer.id)) continue;
      seen.add(record.customer.id);
      const inv = await backend.getInvoice(record.id);
      if (inv.customFields.length > 0) withFields.add(record.customer.id);
    }
    expect(withFields.size / seen.size).to.be.within(0.15, 0.55);
  });

  it('generates exactly 100,000 invoices in bounded time', () => {
    const started = performance.now();
    const big = generateData({ invoiceCount: 100_000 });
    const elapsed = performance.now() - started;
    expect(big.invoices).to.have.length(100_000);
    expect(elapsed).to.be.lessThan(5000);
    expect(big.invoices.every((i) => i.lines === undefined)).to.equal(true);
    expect(generateData({ invoiceCount: 37 }).invoices).to.have.length(37);
  });

  it('makes a 10,000-line invoice lazily, with exact totals', async () => {
    const long = generateData({ longInvoiceLines: 10_000 });
    const record = long.invoices.find((i) => i.id === long.longInvoiceId)!;
    expect(record.lines).to.equal(undefined);
    const backend = new MemoryBackend({ data: long });
    expect(backend.longInvoiceId).to.equal(long.longInvoiceId);
    const inv = await backend.getInvoice(record.id);
    expect(inv.lines).to.have.length(10_000);
    const sum = inv.lines.reduce((s, l) => s + l.amount.minor, 0);
    const tax = inv.lines.reduce((s, l) => s + l.tax.minor, 0);
    expect(inv.subtotal.minor).to.equal(sum);
    expect(inv.total.minor).to.equal(sum + tax);
    // Same lines again (deterministic).
    expect((await backend.getInvoice(record.id)).lines[9_999]).to.deep.equal(inv.lines[9_999]);
  });
});

describe('MemoryBackend hooks', () => {
  it('failNext: the next call fails with the error, the one after succeeds; calls are counted', async () => {
    const backend = fixtureBackend();
    backend.failNext('listInvoices', new BackendError('server', 'boom', { status: 500 }));
    expect((await rejection(backend.listInvoices({}))).kind).to.equal('server');
    expect((await backend.listInvoices({})).total).to.equal(9);
    expect(backend.calls.listInvoices).to.equal(2);
    expect(backend.calls.getInvoice).to.equal(0);
  });

  it("failNext 'hang' never resolves until aborted", async () => {
    const backend = fixtureBackend();
    backend.failNext('getInvoice', 'hang');
    const controller = new AbortController();
    let settled = false;
    const pending = backend.getInvoice('inv-3', { signal: controller.signal });
    pending.then(
      () => (settled = true),
      () => (settled = true),
    );
    // Negative check (nothing settles a hang but the abort): a fixed wait can only pass wrongly.
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).to.equal(false);
    controller.abort();
    expect((await rejection(pending)).kind).to.equal('aborted');
  });

  it('latency delays every call and an abort during the delay rejects with aborted', async () => {
    const backend = fixtureBackend({ latencyMs: 60 });
    const started = performance.now();
    await backend.getInvoice('inv-3');
    expect(performance.now() - started).to.be.at.least(55);
    // A delay no test waits out: only an abort that ends the delay settles the call in time.
    backend.latencyMs = 60_000;
    const controller = new AbortController();
    const pending = backend.updateStatus(
      { invoiceId: 'inv-3', to: 'VOID', notify: true, expectedVersion: 'v1', idempotencyKey: 'k1' },
      { signal: controller.signal },
    );
    // The call has started (counted) and waits out its latency: abort now.
    expect(backend.calls.updateStatus).to.equal(1);
    controller.abort();
    expect((await rejection(pending)).kind).to.equal('aborted');
    expect(backend.inspect('inv-3')!.status).to.equal('OPEN');
  });

  it("records the actor option as 'by' (default 'Operator')", async () => {
    const update = {
      invoiceId: 'inv-5',
      to: 'OPEN',
      notify: false,
      expectedVersion: 'v1',
      idempotencyKey: 'k',
    } as const;
    expect((await fixtureBackend().updateStatus(update)).history[0]!.by).to.equal('Operator');
    const named = fixtureBackend({ actor: 'Lucía', now: () => new Date('2026-11-05T10:00:00Z') });
    const entry = (await named.updateStatus(update)).history[0]!;
    expect(entry).to.deep.equal({
      from: 'DRAFT',
      to: 'OPEN',
      at: '2026-11-05T10:00:00.000Z',
      by: 'Lucía',
      notified: false,
    });
  });

  it('download answers null by default, or what a test configured', async () => {
    const backend = fixtureBackend();
    expect(await backend.download('inv-3', 'pdf')).to.equal(null);
    backend.setDownload('csv', { kind: 'url', url: 'https://files.example/a.csv' });
    expect(await backend.download('inv-3', 'csv')).to.deep.equal({
      kind: 'url',
      url: 'https://files.example/a.csv',
    });
    backend.setDownload('pdf', new BackendError('forbidden', 'no'));
    expect((await rejection(backend.download('inv-3', 'pdf'))).kind).to.equal('forbidden');
    expect((await rejection(backend.download('inv-404', 'csv'))).kind).to.equal('not-found');
  });

  it('a key reused for another operation is a validation error', async () => {
    const backend = fixtureBackend();
    await backend.discardInvoice({
      invoiceId: 'inv-5',
      expectedVersion: 'v1',
      idempotencyKey: 'same',
    });
    const error = await rejection(
      backend.updateStatus({
        invoiceId: 'inv-6',
        to: 'OPEN',
        notify: true,
        expectedVersion: 'v1',
        idempotencyKey: 'same',
      }),
    );
    expect(error.kind).to.equal('validation');
  });

  it('snapshot / restore keeps changes over fixtures', async () => {
    const backend = fixtureBackend();
    await backend.updateStatus({
      invoiceId: 'inv-3',
      to: 'CLOSED',
      notify: true,
      expectedVersion: 'v1',
      idempotencyKey: 'a',
    });
    await backend.discardInvoice({
      invoiceId: 'inv-6',
      expectedVersion: 'v1',
      idempotencyKey: 'b',
    });
    const restored = MemoryBackend.restore(backend.snapshot());
    expect(restored.inspect('inv-3')).to.deep.equal(backend.inspect('inv-3'));
    expect(restored.inspect('inv-3')!.status).to.equal('CLOSED');
    expect(restored.inspect('inv-6')).to.equal(undefined);
    expect((await restored.listInvoices({})).total).to.equal(8);
    expect((await restored.searchCustomers({ text: '' })).map((c) => c.id)).to.deep.equal([
      'cus-a',
      'cus-b',
      'cus-c',
    ]);
  });

  it('snapshot / restore over generated data stays small and exact', async () => {
    const backend = new MemoryBackend({ data: { seed: 3 } });
    const draft = (await backend.listInvoices({ statuses: ['DRAFT'], limit: 2 })).items;
    const [a, b] = draft as [(typeof draft)[0], (typeof draft)[0]];
    await backend.updateStatus({
      invoiceId: a.id,
      to: 'OPEN',
      notify: true,
      expectedVersion: a.version,
      idempotencyKey: 'x',
    });
    await backend.discardInvoice({
      invoiceId: b.id,
      expectedVersion: b.version,
      idempotencyKey: 'y',
    });
    const json = backend.snapshot();
    expect(json.length).to.be.lessThan(30_000);
    const restored = MemoryBackend.restore(json);
    expect(restored.inspect(a.id)).to.deep.equal(backend.inspect(a.id));
    expect(restored.inspect(b.id)).to.equal(undefined);
    const all = await backend.listInvoices({ limit: 5000 });
    const again = await restored.listInvoices({ limit: 5000 });
    expect(again).to.deep.equal(all);
  });

  it('rejects a snapshot that is not one', () => {
    expect(() => MemoryBackend.restore('{"format":"other"}')).to.throw(BackendError);
  });

  it('rejects invalid queries with validation', async () => {
    const backend = fixtureBackend();
    expect((await rejection(backend.listInvoices({ limit: 0 }))).kind).to.equal('validation');
    expect((await rejection(backend.listInvoices({ offset: -1 }))).kind).to.equal('validation');
  });
});
