import { aTimeout, expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../../src/define.js';
import { loadLocale } from '../../../src/i18n/loader.js';
import { BackendError } from '../../../src/core/errors.js';
import type { InvoiceTable } from '../../../src/components/invoice-table/invoice-table.js';
import {
  $,
  $$,
  FakeBackend,
  TODAY,
  bodyRows,
  button,
  choose,
  columnHeader,
  documentIds,
  rowsLoaded,
  showControls,
  summary,
} from './helpers.js';

async function mount(
  backend: FakeBackend,
  attrs: { customerId?: string; audience?: string; hideSearch?: boolean } = {},
): Promise<InvoiceTable> {
  const el = await fixture<InvoiceTable>(
    html`<invoice-table
      .backend=${backend}
      .today=${TODAY}
      customer-id=${ifDefined(attrs.customerId)}
      audience=${attrs.audience ?? 'operator'}
      ?hide-search=${attrs.hideSearch ?? false}
    ></invoice-table>`,
  );
  return el;
}

/** Counts events of a type on an element during `action`. */
async function countEvents(el: HTMLElement, type: string, action: () => Promise<void> | void) {
  const seen: CustomEvent[] = [];
  const listener = (e: Event) => seen.push(e as CustomEvent);
  el.addEventListener(type, listener);
  await action();
  // Negative check: no further event arrives (a fixed wait can only let the test pass wrongly).
  await aTimeout(50);
  el.removeEventListener(type, listener);
  return seen;
}

describe('<invoice-table>', () => {
  describe('rendering', () => {
    it('lists the invoices of the default period (last 3 months) with every column', async () => {
      const backend = new FakeBackend();
      const el = await mount(backend);
      await rowsLoaded(el, 4);
      expect(backend.listCalls[0]!.query.period).to.deep.equal({ from: '2026-08', to: '2026-10' });
      expect(backend.listCalls[0]!.query.audience).to.equal('operator');
      const headers = $$(el, '[role="columnheader"]').map((h) =>
        h.textContent!.replace(/[▲▼↕]/g, '').trim(),
      );
      expect(headers).to.deep.equal([
        'Document ID',
        'Customer',
        'Cloud provider',
        'Billing period',
        'Status',
        'Total',
        'Amount due',
        'Due date',
        'Generated on',
        'Actions',
      ]);
      const first = bodyRows(el)[0]!;
      const cells = [...first.querySelectorAll('[role="gridcell"]')].map((c) =>
        c.textContent!.replace(/\s+/g, ' ').trim(),
      );
      expect(cells).to.deep.equal([
        'DOC-1001',
        'Acme Ltda',
        'Microsoft',
        'October 2026',
        'Open',
        '$1,234.50',
        // An OPEN invoice without amounts owes its total; no due date sent.
        '$1,234.50',
        '',
        'Nov 2, 2026',
        'Open',
      ]);
      expect(first.querySelector('[part="status-badge"]')!.getAttribute('data-status')).to.equal(
        'OPEN',
      );
      const grid = $(el, '[role="grid"]');
      expect(grid.getAttribute('aria-rowcount')).to.equal('5');
      expect(first.getAttribute('aria-rowindex')).to.equal('2');
    });

    it('shows each invoice total in its own currency', async () => {
      const el = await mount(new FakeBackend());
      await rowsLoaded(el, 4);
      const totals = bodyRows(el).map((r) =>
        r.querySelector('[data-col="total"]')!.textContent!.trim(),
      );
      expect(totals).to.include('€50.00');
      expect(totals).to.include('¥990');
    });

    it('marks where each billing period starts when sorted by period', async () => {
      const el = await mount(new FakeBackend());
      await rowsLoaded(el, 4);
      const rows = bodyRows(el);
      // Three October documents read together, then September begins a new group.
      expect(rows.map((r) => r.hasAttribute('data-period-start'))).to.deep.equal([
        false,
        false,
        false,
        true,
      ]);
      expect(rows[0]!.dataset.band).to.equal(rows[2]!.dataset.band);
      expect(rows[0]!.dataset.band).not.to.equal(rows[3]!.dataset.band);
    });

    it('hides the customer column when a customer is fixed with customer-id', async () => {
      const backend = new FakeBackend();
      const el = await mount(backend, { customerId: 'cus-1' });
      await rowsLoaded(el, 3);
      expect(backend.lastQuery.customerId).to.equal('cus-1');
      const headers = $$(el, '[role="columnheader"]').map((h) => h.dataset.col);
      expect(headers).not.to.include('customer');
      expect($(el, '[role="grid"]').getAttribute('aria-colcount')).to.equal('9');
      const input = $(el, '[role="combobox"]') as HTMLInputElement;
      await waitUntil(() => input.value === 'Acme Ltda', 'the fixed customer is named');
    });

    it('hides the search with hide-search', async () => {
      const el = await mount(new FakeBackend(), { customerId: 'cus-1', hideSearch: true });
      await rowsLoaded(el, 3);
      expect($$(el, '[role="combobox"]')).to.have.length(0);
    });

    it('is accessible with rows', async () => {
      const el = await mount(new FakeBackend());
      await rowsLoaded(el, 4);
      await expect(el).to.be.accessible();
    });
  });

  describe('customer search', () => {
    it('searches as the user types and chooses by keyboard', async () => {
      const backend = new FakeBackend();
      const el = await mount(backend);
      await rowsLoaded(el, 4);
      const input = $(el, '[role="combobox"]') as HTMLInputElement;
      input.focus();
      await sendKeys({ type: 'ac' });
      await waitUntil(() => $$(el, '[role="option"]').length === 2, 'suggestions appear');
      // Debounced: one search for the two keystrokes.
      expect(backend.searchCalls.map((c) => c.search.text)).to.deep.equal(['ac']);
      expect(input.getAttribute('aria-expanded')).to.equal('true');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      const options = $$(el, '[role="option"]');
      expect(input.getAttribute('aria-activedescendant')).to.equal(options[1]!.id);
      expect(options[1]!.getAttribute('aria-selected')).to.equal('true');
      expect(options[1]!.textContent).to.contain('Acorn Foods');
      const change = oneEvent(el, 'invoice-customer-change');
      await sendKeys({ press: 'Enter' });
      const event = await change;
      expect(event.detail.customer).to.deep.equal({ id: 'cus-3', name: 'Acorn Foods' });
      expect(event.bubbles && event.composed).to.equal(true);
      await waitUntil(() => backend.lastQuery.customerId === 'cus-3', 'customer invoices load');
      expect(input.value).to.equal('Acorn Foods');
      expect(input.getAttribute('aria-expanded')).to.equal('false');
    });

    it('chooses by mouse', async () => {
      const backend = new FakeBackend();
      const el = await mount(backend);
      await rowsLoaded(el, 4);
      const input = $(el, '[role="combobox"]') as HTMLInputElement;
      input.focus();
      await sendKeys({ type: 'glo' });
      await waitUntil(() => $$(el, '[role="option"]').length === 1, 'suggestion appears');
      const change = oneEvent(el, 'invoice-customer-change');
      $$(el, '[role="option"]')[0]!.click();
      expect((await change).detail.customer.id).to.equal('cus-2');
      await rowsLoaded(el, 1);
      expect(documentIds(el)).to.deep.equal(['DOC-2001']);
    });

    it('aborts the search in flight when the user types on', async () => {
      const backend = new FakeBackend();
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const original = backend.searchCustomers.bind(backend);
      backend.searchCustomers = async (search, options) => {
        const result = original(search, options);
        if (search.text === 'a') await gate;
        return result;
      };
      const el = await mount(backend);
      await rowsLoaded(el, 4);
      const input = $(el, '[role="combobox"]') as HTMLInputElement;
      input.focus();
      await sendKeys({ type: 'a' });
      await waitUntil(() => backend.searchCalls.length === 1, 'first search');
      await sendKeys({ type: 'cm' });
      await waitUntil(() => backend.searchCalls.length === 2, 'second search');
      expect(backend.searchCalls[0]!.signal!.aborted).to.equal(true);
      await waitUntil(() => $$(el, '[role="option"]').length === 1, 'newer results');
      release();
      // Negative check: the released older answer does not replace the newer one.
      await aTimeout(50);
      // The older answer (three customers match "a") never replaces the newer one.
      expect(
        $$(el, '[role="option"]').map((o) => o.querySelector('.option-name')!.textContent),
      ).to.deep.equal(['Acme Ltda']);
    });

    it('Escape closes the list, then clears the customer', async () => {
      const backend = new FakeBackend();
      const el = await mount(backend, { customerId: 'cus-1' });
      await rowsLoaded(el, 3);
      const input = $(el, '[role="combobox"]') as HTMLInputElement;
      await waitUntil(() => input.value === 'Acme Ltda');
      input.focus();
      const change = oneEvent(el, 'invoice-customer-change');
      await sendKeys({ press: 'Escape' });
      expect((await change).detail.customer).to.equal(null);
      await waitUntil(() => backend.lastQuery.customerId === undefined, 'all customers again');
      expect(input.value).to.equal('');
    });

    it('is accessible with the suggestions open', async () => {
      const el = await mount(new FakeBackend());
      await rowsLoaded(el, 4);
      $(el, '[role="combobox"]').focus();
      await sendKeys({ type: 'ac' });
      await waitUntil(() => $$(el, '[role="option"]').length === 2);
      await sendKeys({ press: 'ArrowDown' });
      await expect(el).to.be.accessible();
    });
  });

  describe('toolbar buttons (disclosures)', () => {
    it("show the period's fields and hide them again by keyboard; the focus stays on the button", async () => {
      const backend = new FakeBackend();
      const el = await mount(backend);
      await rowsLoaded(el, 4);
      const toggle = $(el, '[part~="period-toggle"]');
      // Collapsed: it names the period in force (August to October 2026), no field rendered.
      expect(toggle.textContent!.trim()).to.match(/^Billing period: August .*October 2026$/);
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(toggle.hasAttribute('aria-controls')).to.equal(false);
      expect($$(el, 'select[name="from-month"]')).to.have.length(0);
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      const region = $(el, `#${toggle.getAttribute('aria-controls')}`);
      expect(region.querySelector('select[name="from-month"]')).to.not.equal(null);
      expect(el.shadowRoot!.activeElement).to.equal(toggle);
      // A preset changes the period; the button says the new one.
      button(el, 'Last month').click();
      await waitUntil(
        () =>
          backend.lastQuery.period?.to === '2026-10' && backend.lastQuery.period.from === '2026-10',
      );
      await el.updateComplete;
      expect(toggle.textContent!.trim()).to.equal('Billing period: October 2026');
      toggle.focus();
      await sendKeys({ press: ' ' });
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect($$(el, 'select[name="from-month"]')).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('show the filters; the button counts those in force, and hiding them keeps them', async () => {
      const backend = new FakeBackend();
      const el = await mount(backend);
      await rowsLoaded(el, 4);
      const toggle = $(el, '[part~="filters-toggle"]');
      expect(toggle.textContent!.trim()).to.equal('Filters');
      expect($$(el, 'select[name="status"]')).to.have.length(0);
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect($(el, `#${toggle.getAttribute('aria-controls')}`).getAttribute('aria-label')).to.equal(
        'Filters',
      );
      choose($(el, 'select[name="status"]'), 'CLOSED');
      await waitUntil(() => documentIds(el).join() === 'DOC-1003', 'only the closed one');
      expect(toggle.textContent!.trim()).to.equal('Filters (1)');
      await expect(el).to.be.accessible();
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(toggle.textContent!.trim()).to.equal('Filters (1)');
      // Hidden, the filter still applies; shown again, its control says so.
      expect(documentIds(el)).to.deep.equal(['DOC-1003']);
      expect(backend.lastQuery.statuses).to.deep.equal(['CLOSED']);
      toggle.click();
      await el.updateComplete;
      expect(($(el, 'select[name="status"]') as HTMLSelectElement).value).to.equal('CLOSED');
    });
  });

  describe('billing period', () => {
    const cases: [string, { from: string; to: string }][] = [
      ['Last month', { from: '2026-10', to: '2026-10' }],
      ['This quarter', { from: '2026-10', to: '2026-11' }],
      ['Last 12 months', { from: '2025-11', to: '2026-10' }],
    ];
    for (const [name, period] of cases) {
      it(`applies the preset "${name}"`, async () => {
        const backend = new FakeBackend();
        const el = await mount(backend);
        await rowsLoaded(el);
        await showControls(el, ['period']);
        expect(button(el, 'Last 3 months').getAttribute('aria-pressed')).to.equal('true');
        const change = oneEvent(el, 'invoice-period-change');
        button(el, name).click();
        expect((await change).detail.period).to.deep.equal(period);
        await waitUntil(() => backend.lastQuery.period?.from === period.from);
        expect(backend.lastQuery.period).to.deep.equal(period);
        await el.updateComplete;
        expect(button(el, name).getAttribute('aria-pressed')).to.equal('true');
        expect(button(el, 'Last 3 months').getAttribute('aria-pressed')).to.equal('false');
        const fromYear = $(el, 'input[name="from-year"]') as HTMLInputElement;
        const fromMonth = $(el, 'select[name="from-month"]') as HTMLSelectElement;
        expect(`${fromYear.value}-${fromMonth.value}`).to.equal(period.from);
      });
    }

    it('reads from / to attributes and the month fields', async () => {
      const backend = new FakeBackend();
      const el = await fixture<InvoiceTable>(
        html`<invoice-table
          .backend=${backend}
          .today=${TODAY}
          from="2026-09"
          to="2026-09"
        ></invoice-table>`,
      );
      await rowsLoaded(el, 1);
      expect(documentIds(el)).to.deep.equal(['DOC-2001']);
      await showControls(el, ['period']);
      const to = $(el, 'select[name="to-month"]') as HTMLSelectElement;
      const change = oneEvent(el, 'invoice-period-change');
      to.value = '10';
      to.dispatchEvent(new Event('change', { bubbles: true }));
      expect((await change).detail.period).to.deep.equal({ from: '2026-09', to: '2026-10' });
      await rowsLoaded(el, 4);
    });

    it('refuses a range that ends before it starts', async () => {
      const backend = new FakeBackend();
      const el = await mount(backend);
      await rowsLoaded(el);
      const calls = backend.listCalls.length;
      await showControls(el, ['period']);
      const from = $(el, 'select[name="from-month"]') as HTMLSelectElement;
      from.value = '12';
      from.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
      expect($(el, '.field-error').textContent).to.contain(
        'The first month must not be after the last month.',
      );
      expect(from.getAttribute('aria-invalid')).to.equal('true');
      // Negative check: no request follows an invalid period.
      await aTimeout(50);
      expect(backend.listCalls.length).to.equal(calls);
    });
  });

  describe('sort', () => {
    const columns: [string, string, 'asc' | 'desc'][] = [
      ['Document ID', 'documentId', 'asc'],
      ['Customer', 'customer', 'asc'],
      ['Cloud provider', 'provider', 'asc'],
      ['Status', 'status', 'asc'],
      ['Total', 'total', 'desc'],
      ['Generated on', 'generatedAt', 'desc'],
    ];
    it('sorts by billing period (descending) by default', async () => {
      const backend = new FakeBackend();
      const el = await mount(backend);
      await rowsLoaded(el);
      expect(backend.lastQuery.sort).to.deep.equal({ key: 'period', direction: 'desc' });
      expect(columnHeader(el, 'Billing period').getAttribute('aria-sort')).to.equal('descending');
      columnHeader(el, 'Billing period').querySelector('button')!.click();
      await waitUntil(() => backend.lastQuery.sort?.direction === 'asc');
      await rowsLoaded(el, 4);
      expect(documentIds(el)[0]).to.equal('DOC-2001');
    });

    for (const [name, key, first] of columns) {
      it(`sorts by ${name}, then reverses`, async () => {
        const backend = new FakeBackend();
        const el = await mount(backend);
        await rowsLoaded(el);
        const header = columnHeader(el, name);
        header.querySelector('button')!.click();
        await waitUntil(() => backend.lastQuery.sort?.key === key);
        expect(backend.lastQuery.sort!.direction).to.equal(first);
        await el.updateComplete;
        expect(columnHeader(el, name).getAttribute('aria-sort')).to.equal(
          first === 'asc' ? 'ascending' : 'descending',
        );
        expect(columnHeader(el, 'Billing period').hasAttribute('aria-sort')).to.equal(false);
        columnHeader(el, name).querySelector('button')!.click();
        await waitUntil(() => backend.lastQuery.sort?.direction !== first);
        await el.updateComplete;
        expect(columnHeader(el, name).getAttribute('aria-sort')).to.equal(
          first === 'asc' ? 'descending' : 'ascending',
        );
      });
    }

    it('shows the order the backend answered (document ID ascending)', async () => {
      const backend = new FakeBackend();
      const el = await mount(backend);
      await rowsLoaded(el);
      columnHeader(el, 'Document ID').querySelector('button')!.click();
      // (The period order happens to be the same: wait for the answer to the new query.)
      await waitUntil(() => backend.lastQuery.sort?.key === 'documentId');
      await rowsLoaded(el, 4);
      expect(documentIds(el)).to.deep.equal(['DOC-1001', 'DOC-1002', 'DOC-1003', 'DOC-2001']);
    });
  });

  describe('filters', () => {
    it('filters by status', async () => {
      const backend = new FakeBackend();
      const el = await mount(backend);
      await rowsLoaded(el, 4);
      await showControls(el, ['filters']);
      choose($(el, 'select[name="status"]'), 'CLOSED');
      await waitUntil(() => documentIds(el).join() === 'DOC-1003', 'only the closed one');
      expect(backend.lastQuery.statuses).to.deep.equal(['CLOSED']);
    });

    it('filters by provider', async () => {
      const backend = new FakeBackend();
      const el = await mount(backend);
      await rowsLoaded(el, 4);
      await showControls(el, ['filters']);
      choose($(el, 'select[name="provider"]'), 'aws');
      await waitUntil(() => documentIds(el).join() === 'DOC-1002', 'only the AWS one');
      expect(backend.lastQuery.providers).to.deep.equal(['aws']);
    });

    it('filters by document ID text (debounced)', async () => {
      const backend = new FakeBackend();
      const el = await mount(backend);
      await rowsLoaded(el, 4);
      await showControls(el, ['filters']);
      $(el, 'input[name="document"]').focus();
      await sendKeys({ type: '2001' });
      await waitUntil(() => documentIds(el).join() === 'DOC-2001', 'only DOC-2001');
      expect(backend.lastQuery.text).to.equal('2001');
      // One query for the whole word, not one per keystroke.
      expect(backend.listCalls.filter((c) => c.query.text).length).to.equal(1);
    });
  });

  describe('opening an invoice', () => {
    it('opens on double-click (one event)', async () => {
      const el = await mount(new FakeBackend());
      await rowsLoaded(el, 4);
      const row = bodyRows(el)[1]!;
      const events = await countEvents(el, 'invoice-open', () => {
        row
          .querySelector('[data-col="provider"]')!
          .dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
      });
      expect(events).to.have.length(1);
      expect(events[0]!.detail.invoiceId).to.equal('a2');
      expect(events[0]!.detail.summary.documentId).to.equal('DOC-1002');
      expect(events[0]!.bubbles && events[0]!.composed).to.equal(true);
    });

    it('opens with Enter on the focused row, after arrow keys (one event)', async () => {
      const el = await mount(new FakeBackend());
      await rowsLoaded(el, 4);
      const rows = bodyRows(el);
      expect(rows.map((r) => r.tabIndex)).to.deep.equal([0, -1, -1, -1]);
      rows[0]!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => el.shadowRoot!.activeElement === bodyRows(el)[2]);
      expect(bodyRows(el)[2]!.tabIndex).to.equal(0);
      expect(bodyRows(el)[0]!.tabIndex).to.equal(-1);
      const events = await countEvents(el, 'invoice-open', () => sendKeys({ press: 'Enter' }));
      expect(events.map((e) => e.detail.invoiceId)).to.deep.equal(['a3']);
    });

    it('moves with Home, End, PageUp, PageDown and ArrowUp', async () => {
      const el = await mount(new FakeBackend());
      await rowsLoaded(el, 4);
      bodyRows(el)[0]!.focus();
      const focused = () => Number((el.shadowRoot!.activeElement as HTMLElement).dataset.index);
      await sendKeys({ press: 'End' });
      await waitUntil(() => focused() === 3);
      await sendKeys({ press: 'ArrowUp' });
      await waitUntil(() => focused() === 2);
      await sendKeys({ press: 'Home' });
      await waitUntil(() => focused() === 0);
      await sendKeys({ press: 'PageDown' });
      await waitUntil(() => focused() === 3);
      await sendKeys({ press: 'PageUp' });
      await waitUntil(() => focused() === 0);
    });

    it('opens with the Open button (one event, even on double-click)', async () => {
      const el = await mount(new FakeBackend());
      await rowsLoaded(el, 4);
      const open = bodyRows(el)[3]!.querySelector<HTMLButtonElement>('[part~="open-button"]')!;
      expect(open.getAttribute('aria-label')).to.equal('Open invoice \u2068DOC-2001\u2069');
      const single = await countEvents(el, 'invoice-open', () => open.click());
      expect(single.map((e) => e.detail.invoiceId)).to.deep.equal(['g1']);
      const double = await countEvents(el, 'invoice-open', () => {
        open.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, detail: 1 }));
        open.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, detail: 2 }));
        open.dispatchEvent(
          new MouseEvent('dblclick', { bubbles: true, composed: true, detail: 2 }),
        );
      });
      expect(double).to.have.length(1);
    });
  });

  describe('states', () => {
    it('shows skeleton rows while loading', async () => {
      const backend = new FakeBackend();
      backend.manual = true;
      const el = await mount(backend);
      const grid = $(el, '[role="grid"]');
      expect(grid.getAttribute('aria-busy')).to.equal('true');
      // From the first frame on (a page the adapter has at once shows no skeleton).
      await waitUntil(() => $$(el, '.skeleton').length > 0, 'the skeleton');
      expect($(el, '[role="status"]:not(.search [role="status"])').textContent).to.contain(
        'Loading invoices…',
      );
      await expect(el).to.be.accessible();
      backend.resolveList(0);
      await rowsLoaded(el, 4);
      expect($$(el, '.skeleton')).to.have.length(0);
    });

    it('renders a page the adapter has at once without building a skeleton first', async () => {
      const el = document.createElement('invoice-table');
      el.backend = new FakeBackend();
      el.today = TODAY;
      let skeletons = 0;
      const watch = new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes) {
            if (node instanceof Element && node.querySelector('.skeleton')) skeletons++;
          }
        }
      });
      document.body.append(el);
      // Before the first update (a microtask after connecting).
      watch.observe(el.shadowRoot!, { childList: true, subtree: true });
      try {
        await rowsLoaded(el, 4);
        await nextFrame();
        expect(skeletons, 'skeletons added').to.equal(0);
      } finally {
        watch.disconnect();
        el.remove();
      }
    });

    it('names the customer and the period when nothing matches', async () => {
      const backend = new FakeBackend([]);
      const el = await mount(backend, { customerId: 'cus-1' });
      await waitUntil(() => el.shadowRoot!.querySelector('[part="empty"]'), 'empty state');
      await waitUntil(() => $(el, '[part="empty"]').textContent!.includes('Acme Ltda'));
      expect($(el, '[part="empty"]').textContent!.replace(/\s+/g, ' ').trim()).to.equal(
        'No invoices for Acme Ltda in August – October 2026.',
      );
      await expect(el).to.be.accessible();
    });

    it('shows the error message and retries', async () => {
      const backend = new FakeBackend();
      backend.failures.push(new BackendError('server', 'boom'));
      const el = await mount(backend);
      await waitUntil(() => el.shadowRoot!.querySelector('[part="error"]'), 'error state');
      expect($(el, '[part="error"]').textContent).to.contain(
        'The server had a problem. Try again in a moment.',
      );
      expect($(el, '[part="error"]').getAttribute('role')).to.equal('alert');
      await expect(el).to.be.accessible();
      button(el, 'Retry').click();
      await rowsLoaded(el, 4);
      expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
      expect(backend.listCalls).to.have.length(2);
    });

    it('never shows an older query that answers after a newer one', async () => {
      const backend = new FakeBackend();
      backend.manual = true;
      const el = await mount(backend);
      await showControls(el, ['filters']);
      choose($(el, 'select[name="status"]'), 'VOID');
      await waitUntil(() => backend.pending.length === 2, 'second request');
      expect(backend.pending[0]!.signal!.aborted).to.equal(true);
      backend.resolveList(1);
      await rowsLoaded(el, 1);
      backend.resolveList(0); // the slow first answer (4 rows) arrives last
      // Negative check: the late answer of the older query never shows.
      await aTimeout(100);
      expect(documentIds(el)).to.deep.equal(['DOC-2001']);
      expect($(el, '[role="grid"]').getAttribute('aria-rowcount')).to.equal('2');
    });

    it('aborts the request in flight when the customer changes', async () => {
      const backend = new FakeBackend();
      backend.manual = true;
      const el = await mount(backend);
      el.customerId = 'cus-2';
      await waitUntil(() => backend.pending.length === 2);
      expect(backend.pending[0]!.signal!.aborted).to.equal(true);
      expect(backend.pending[1]!.query.customerId).to.equal('cus-2');
    });
  });

  describe('customer audience', () => {
    it('never renders a draft, even when the adapter returns one', async () => {
      const backend = new FakeBackend();
      backend.leakDrafts = true;
      // A misbehaving adapter: ignores the status filter too.
      const original = backend.compute.bind(backend);
      backend.compute = (q) => original({ ...q, statuses: undefined });
      const el = await mount(backend, { customerId: 'cus-1', audience: 'customer' });
      await rowsLoaded(el, 2);
      expect(backend.lastQuery.audience).to.equal('customer');
      expect(documentIds(el)).to.deep.equal(['DOC-1001', 'DOC-1003']);
      expect($$(el, '[data-status="DRAFT"]')).to.have.length(0);
      expect($(el, '[role="grid"]').getAttribute('aria-rowcount')).to.equal('3');
      await expect(el).to.be.accessible();
    });

    it('has no customer search and no draft filter', async () => {
      const el = await mount(new FakeBackend(), { customerId: 'cus-1', audience: 'customer' });
      await rowsLoaded(el);
      expect($$(el, '[role="combobox"]')).to.have.length(0);
      await showControls(el, ['filters']);
      const options = $$(el, 'select[name="status"] option').map((o) => o.getAttribute('value'));
      expect(options).to.deep.equal(['', 'OPEN', 'VOID', 'CLOSED']);
    });
  });

  describe('narrow container', () => {
    it('stacks each row with labelled values', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="inline-size: 340px">
          <invoice-table .backend=${new FakeBackend()} .today=${TODAY}></invoice-table>
        </div>`,
      );
      const el = wrapper.querySelector('invoice-table')!;
      await rowsLoaded(el, 4);
      const row = bodyRows(el)[0]!;
      // The element measures its width after a layout (before that frame is painted).
      await waitUntil(() => getComputedStyle(row).gridTemplateColumns.split(' ').length === 2);
      const cell = row.querySelector('[data-col="documentId"]')!;
      // The label is drawn before the value (a ::before whose content is the column's name).
      const label = getComputedStyle(cell, '::before');
      expect(label.content).to.equal('"Document ID"');
      const total = getComputedStyle(row.querySelector('[data-col="total"]')!, '::before');
      expect(total.content).to.equal('"Total"');
      expect(label.display).not.to.equal('none');
      expect(getComputedStyle($(el, '[part="header-row"]')).display).to.equal('flex');
      // Still every action.
      expect(row.querySelector('[part~="open-button"]')).not.to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('labels the stacked values in the element language, and follows a change of it', async () => {
      await loadLocale('pt-BR');
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="inline-size: 340px">
          <invoice-table lang="pt-BR" .backend=${new FakeBackend()} .today=${TODAY}></invoice-table>
        </div>`,
      );
      const el = wrapper.querySelector('invoice-table')!;
      await rowsLoaded(el, 4);
      const label = (col: string) =>
        getComputedStyle(bodyRows(el)[0]!.querySelector(`[data-col="${col}"]`)!, '::before')
          .content;
      await waitUntil(() => label('documentId') === '"ID do documento"', 'pt-BR label');
      el.setAttribute('lang', 'en');
      await waitUntil(() => label('documentId') === '"Document ID"', 'English label after lang');
      expect(label('dueDate')).to.equal('"Due date"');
    });

    it('uses columns in a wide container', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="inline-size: 1100px">
          <invoice-table .backend=${new FakeBackend()} .today=${TODAY}></invoice-table>
        </div>`,
      );
      const el = wrapper.querySelector('invoice-table')!;
      await rowsLoaded(el, 4);
      await nextFrame();
      expect(getComputedStyle(bodyRows(el)[0]!).gridTemplateColumns.split(' ')).to.have.length(10);
      expect(getComputedStyle($(el, '[part="header-row"]')).display).to.equal('grid');
    });
  });

  describe('localization', () => {
    it('renders in pt-BR', async () => {
      await loadLocale('pt-BR'); // pt-BR loads on demand; preload as a host would
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="pt-BR">
          <invoice-table
            .backend=${new FakeBackend([summary({ status: 'DRAFT' })])}
            .today=${TODAY}
          ></invoice-table>
        </div>`,
      );
      const el = wrapper.querySelector('invoice-table')!;
      await rowsLoaded(el, 1);
      expect(bodyRows(el)[0]!.querySelector('[part="status-badge"]')!.textContent!.trim()).to.equal(
        'Rascunho',
      );
      // The period's button names the period in force (August to October 2026) in Portuguese.
      const toggle = $(el, '[part~="period-toggle"]');
      expect(toggle.textContent!.trim()).to.match(/^Período de faturamento: agosto .*outubro/);
      await showControls(el, ['period']);
      expect(button(el, 'Últimos 3 meses').getAttribute('aria-pressed')).to.equal('true');
    });
  });
});
