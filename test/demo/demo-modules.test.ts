/**
 * The demo's own modules in every engine (the built demo itself is driven in Chromium by
 * test/package/demo-host.test.mjs): the view in the query string, the data relative to today,
 * the stored preferences and the page's words.
 */
import { expect } from '@open-wc/testing';
import { presetPeriod } from '../../src/core/period.js';
import { MemoryBackend } from '../../src/adapters/memory/index.js';
import { DEMO_ISSUER, README_CUSTOMER, anchorMonth, loadStore } from '../../demo/data.js';
import { choose, loadPrefs, pageWords, savePrefs } from '../../demo/prefs.js';
import { readView, viewSearch, type DemoView } from '../../demo/url-state.js';
import { deleteView, loadViews, saveView } from '../../demo/views.js';

describe('demo: the view in the URL', () => {
  it('writes every part of the view and reads it back', () => {
    const view: DemoView = {
      audience: 'customer',
      customer: 'cus-1',
      from: '2026-01',
      to: '2026-10',
      status: 'OPEN',
      provider: 'aws',
      q: 'INV 2026',
      overdue: true,
      sort: { key: 'total', direction: 'asc' },
      invoice: 'inv_9e3779b1',
    };
    const search = viewSearch(view);
    expect(search).to.equal(
      '?view=customer&customer=cus-1&from=2026-01&to=2026-10&status=OPEN&provider=aws&q=INV+2026&overdue=1&sort=total.asc&invoice=inv_9e3779b1',
    );
    expect(readView(search)).to.deep.equal(view);
  });

  it('the default view is an empty query string', () => {
    expect(viewSearch(readView(''))).to.equal('');
    expect(readView('').audience).to.equal('operator');
  });

  it('drops bad values instead of passing them on', () => {
    const view = readView(
      '?view=admin&customer=a%20b&from=2026-13&to=26-01&status=%3Cb%3E&provider=&invoice=../x&sort=colour.asc',
    );
    expect(view).to.deep.equal({
      audience: 'operator',
      customer: undefined,
      from: undefined,
      to: undefined,
      status: undefined,
      provider: undefined,
      q: undefined,
      overdue: undefined,
      sort: undefined,
      invoice: undefined,
    });
    expect(readView('?overdue=yes').overdue).to.equal(undefined);
    expect(readView(`?q=${'x'.repeat(500)}`).q).to.have.length(100);
    expect(readView('?sort=total.up').sort).to.equal(undefined);
    expect(readView('?sort=total').sort).to.equal(undefined);
    expect(readView('?sort=generatedAt.desc').sort).to.deep.equal({
      key: 'generatedAt',
      direction: 'desc',
    });
  });
});

describe('demo: named views', () => {
  const KEY = 'invoice-elements-test/views';
  afterEach(() => localStorage.removeItem(KEY));

  it('saves the view value under a name, replaces a name, deletes one', () => {
    expect(loadViews(KEY)).to.deep.equal([]);
    const open = { status: 'OPEN', sort: { key: 'total', direction: 'asc' } } as const;
    saveView(' Open by total ', open, KEY);
    saveView('Acme', { customerId: 'cus-1' }, KEY);
    expect(loadViews(KEY)).to.deep.equal([
      { name: 'Open by total', view: open },
      { name: 'Acme', view: { customerId: 'cus-1' } },
    ]);
    saveView('Open by total', { status: 'VOID' }, KEY);
    expect(loadViews(KEY).map((v) => v.view)).to.deep.equal([
      { status: 'VOID' },
      { customerId: 'cus-1' },
    ]);
    expect(deleteView('Open by total', KEY)).to.deep.equal([
      { name: 'Acme', view: { customerId: 'cus-1' } },
    ]);
    expect(loadViews(KEY)).to.have.length(1);
  });

  it('reads a damaged store as no views', () => {
    for (const bad of ['{', '{"name":"x"}', '[{"name":""},{"name":"y","view":null},3]']) {
      localStorage.setItem(KEY, bad);
      expect(loadViews(KEY), bad).to.deep.equal([]);
    }
  });
});

describe('demo: data relative to today', () => {
  const KEY = 'invoice-elements-test/demo-data';
  afterEach(() => localStorage.removeItem(KEY));

  it('ends at last month, so the default period has invoices of each of its months', async () => {
    const today = new Date(2031, 0, 20, 12);
    expect(anchorMonth(today)).to.equal('2030-12');
    const { memory } = loadStore(KEY, today);
    const period = presetPeriod('last-3-months', today);
    const { items } = await memory.listInvoices({ period, limit: 1000 });
    const months = new Set(items.map((i) => i.period.to));
    expect([...months].sort()).to.deep.equal(['2030-10', '2030-11', '2030-12']);
  });

  it("has the README's example customer, with invoices", async () => {
    const { memory } = loadStore(KEY, new Date());
    expect(memory.customerList()[0]!.id).to.equal(README_CUSTOMER);
    const { items } = await memory.listInvoices({ customerId: README_CUSTOMER, limit: 10 });
    expect(items.length).to.be.greaterThan(0);
  });

  it("keeps this month's saved changes, and replaces an earlier month's data", async () => {
    const november = new Date(2026, 10, 16, 12);
    const first = loadStore(KEY, november).memory;
    const { items } = await first.listInvoices({ statuses: ['DRAFT'], limit: 1 });
    const draft = items[0]!;
    await first.updateStatus({
      invoiceId: draft.id,
      to: 'OPEN',
      notify: false,
      expectedVersion: draft.version,
      idempotencyKey: 'demo-test',
    });
    localStorage.setItem(KEY, first.snapshot());

    const again = loadStore(KEY, november);
    expect(again.discarded).to.equal(undefined);
    expect(again.memory.snapshot()).to.equal(first.snapshot());
    expect((await again.memory.getInvoice(draft.id)).status).to.equal('OPEN');

    const later = loadStore(KEY, new Date(2027, 1, 3, 12));
    expect(later.discarded).to.match(/2026-10.*2027-01/);
    expect(later.memory.snapshot()).to.equal(
      new MemoryBackend({
        data: { endMonth: '2027-01', customerIds: [README_CUSTOMER] },
      }).snapshot(),
    );
    expect(localStorage.getItem(KEY)).to.equal(null);
  });

  it('carries the invoice-document fields: issuer with the logo, addresses, terms, decimal prices', async () => {
    const { memory } = loadStore(KEY, new Date(2026, 10, 16, 12));
    const { items } = await memory.listInvoices({ statuses: ['CLOSED'], limit: 1 });
    const invoice = await memory.getInvoice(items[0]!.id);
    expect(invoice.issuer!.logoUrl).to.equal('logo.png');
    expect(invoice.issuer!.taxId).to.be.a('string');
    expect(invoice.customer.address!.length).to.be.at.least(3);
    expect(invoice.customer.taxId).to.be.a('string');
    expect(invoice.issueDate).to.match(/^\d{4}-\d{2}-\d{2}$/);
    expect(invoice.paymentTermsDays).to.equal(30);
    expect(invoice.amountDue!.minor).to.equal(0);
    const names = memory.customerList().map((c) => c.name);
    expect(names.some((n) => /[\u0370-\u03FF]/.test(n))).to.equal(true);
    let decimals = 0;
    for (const id of memory.invoiceIds().slice(0, 40)) {
      decimals += memory.inspect(id)!.lines.filter((l) => l.unitPriceDecimal).length;
    }
    expect(decimals).to.be.greaterThan(0);
    // The logo is served with the demo (demo/public), a PNG.
    expect(DEMO_ISSUER.logoUrl).to.equal('logo.png');
    const png = await fetch('/demo/public/logo.png');
    expect(png.ok).to.equal(true);
    const bytes = new Uint8Array(await png.arrayBuffer());
    expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).to.equal('PNG');
  });

  it('replaces unreadable saved data', () => {
    localStorage.setItem(KEY, '{not json');
    const loaded = loadStore(KEY, new Date());
    expect(loaded.discarded).to.be.a('string');
    expect(loaded.memory.customerList()[0]!.id).to.equal(README_CUSTOMER);
  });
});

describe('demo: preferences and words', () => {
  const KEY = 'invoice-elements-demo/prefs';
  let saved: string | null;
  beforeEach(() => (saved = localStorage.getItem(KEY)));
  afterEach(() =>
    saved === null ? localStorage.removeItem(KEY) : localStorage.setItem(KEY, saved),
  );

  it('keeps language, theme and density, and ignores anything else', () => {
    savePrefs({ lang: 'pt-BR', theme: 'nimbus dark', density: '' });
    expect(loadPrefs()).to.deep.equal({ lang: 'pt-BR', theme: 'nimbus dark', density: '' });
    localStorage.setItem(KEY, JSON.stringify({ lang: 7, token: 'x', theme: 'dark' }));
    expect(loadPrefs()).to.deep.equal({ theme: 'dark' });
    localStorage.setItem(KEY, 'nonsense');
    expect(loadPrefs()).to.deep.equal({});
  });

  it('a stored value the page no longer offers is ignored', () => {
    const select = document.createElement('select');
    for (const v of ['en', 'pt-BR']) select.append(new Option(v, v));
    choose(select, 'pt-BR');
    expect(select.value).to.equal('pt-BR');
    choose(select, 'fr');
    expect(select.value).to.equal('pt-BR');
  });

  it('the title follows the audience and the language', () => {
    expect(pageWords('operator', 'en').title).to.equal('Billing › Customer invoices');
    expect(pageWords('customer', 'en').title).to.equal('Invoices');
    expect(pageWords('customer', 'pt-BR').title).to.equal('Faturas');
    expect(pageWords('customer', 'es').heading).to.equal('Facturas');
    expect(pageWords('customer', 'fr').title).to.equal('Invoices');
  });
});
