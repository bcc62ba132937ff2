/**
 * `<invoice-table selectable>`: selection and bulk status change (issue 25), as a user does it:
 * keys and clicks, what the dialog says, what the backend received, what the rows show.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import { MemoryBackend } from '../../../src/adapters/memory/index.js';
import type { InvoiceBackend } from '../../../src/core/backend.js';
import { BackendError } from '../../../src/core/errors.js';
import type { Invoice, InvoiceStatus, StatusUpdate } from '../../../src/core/types.js';
import type { InvoiceTable } from '../../../src/components/invoice-table/invoice-table.js';
import { loadLocale } from '../../../src/i18n/loader.js';
import { isWebKit } from '../../support/browser.js';
import { text } from '../../support/dom.js';
import { invoice } from '../../support/fixtures.js';
import { deferred, waitUntil, type Deferred } from '../../support/wait.js';
import {
  $,
  $$,
  FakeBackend,
  TODAY,
  bodyRows,
  choose,
  rowsLoaded,
  showControls,
} from './helpers.js';

/** October 2026 for Acme: drafts d1…dN, then two open, one void, one closed. */
function october(drafts: number): Invoice[] {
  const list: Invoice[] = [];
  const add = (id: string, status: InvoiceStatus, at: number) =>
    list.push(
      invoice({
        id,
        documentId: `DOC-${id.toUpperCase()}`,
        status,
        // Newest first in the table's default sort (period, then generation).
        generatedAt: new Date(Date.UTC(2026, 10, 1, 0, 0, 0) - at * 60_000).toISOString(),
      }),
    );
  for (let i = 1; i <= drafts; i++) add(`d${i}`, 'DRAFT', i);
  add('o1', 'OPEN', 100);
  add('o2', 'OPEN', 101);
  add('v1', 'VOID', 102);
  add('c1', 'CLOSED', 103);
  return list;
}

/** An adapter without `updateStatuses` (the elements then send one write per invoice). */
function singleWrites(memory: MemoryBackend): InvoiceBackend & { updates: StatusUpdate[] } {
  const updates: StatusUpdate[] = [];
  return {
    updates,
    searchCustomers: (s, o) => memory.searchCustomers(s, o),
    getCustomer: (id, o) => memory.getCustomer(id, o),
    listInvoices: (q, o) => memory.listInvoices(q, o),
    getInvoice: (id, o) => memory.getInvoice(id, o),
    updateStatus: (u, o) => {
      updates.push(u);
      return memory.updateStatus(u, o);
    },
    discardInvoice: (r, o) => memory.discardInvoice(r, o),
  };
}

async function mount(
  backend: InvoiceBackend,
  rows: number | undefined,
  attrs: { audience?: string; lang?: string } = {},
): Promise<InvoiceTable> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${attrs.lang ?? 'en'}>
      <invoice-table
        selectable
        .backend=${backend}
        .today=${TODAY}
        audience=${attrs.audience ?? 'operator'}
      ></invoice-table>
    </div>`,
  );
  const el = wrapper.querySelector('invoice-table')!;
  await rowsLoaded(el, rows);
  return el;
}

const statusOf = (el: InvoiceTable, doc: string): string =>
  text(
    bodyRows(el)
      .find((r) => text(r.querySelector('[data-col="documentId"]')) === doc)
      ?.querySelector('[data-col="status"]'),
  );
const selectionStatus = (el: InvoiceTable) => text($(el, '[part="selection-status"]'));
/** The bulk dialog (rendered once its code has loaded, on the first "Change status…"). */
const dialog = (el: InvoiceTable) =>
  el.shadowRoot!.querySelector<HTMLDialogElement>('[part~="bulk-dialog"]');
const dialogPart = (el: InvoiceTable, part: string) =>
  dialog(el)?.querySelector<HTMLElement>(`[part~="${part}"]`) ?? null;
const rowBox = (el: InvoiceTable, i: number) =>
  bodyRows(el)[i]!.querySelector<HTMLInputElement>('[part="select-row"]')!;
/** The checkbox of the row of a document. */
const boxOf = (el: InvoiceTable, doc: string) =>
  bodyRows(el)
    .find((r) => text(r.querySelector('[data-col="documentId"]')) === doc)!
    .querySelector<HTMLInputElement>('[part="select-row"]')!;
const focused = (el: InvoiceTable): Element | null => el.shadowRoot!.activeElement;

/**
 * A key with a modifier held, pressed as a user does. WebKit's WebDriver launcher knows only
 * `press`: one string of WebDriver codes (the modifier's, then the key's) is pressed as a chord.
 */
async function chord(modifier: 'Control' | 'Shift', key: 'a' | 'Space' | 'Tab'): Promise<void> {
  if (isWebKit) {
    const code = { Control: '\uE009', Shift: '\uE008' }[modifier];
    return sendKeys({ press: code + ({ a: 'a', Space: '\uE00D', Tab: '\uE004' } as const)[key] });
  }
  await sendKeys({ down: modifier });
  // A space is ' ' in every launcher ('Space' is unknown to Firefox's).
  await sendKeys({ press: key === 'Space' ? ' ' : key });
  await sendKeys({ up: modifier });
}

/** Presses Shift+Tab until `selector` has the focus (past the sort buttons; at most 20 times). */
async function shiftTabTo(el: InvoiceTable, selector: string): Promise<void> {
  for (let i = 0; i < 20 && !focused(el)?.matches(selector); i++) {
    await chord('Shift', 'Tab');
  }
  expect(focused(el)?.matches(selector), `focus on ${selector}`).to.equal(true);
}

/** Chooses the bar's target, opens the question, then (after `before`) presses OK. */
async function changeAll(el: InvoiceTable, to: InvoiceStatus, before?: () => void): Promise<void> {
  await waitUntil(() => el.shadowRoot!.querySelector('[part="bulk-target"]'), 'the bar');
  choose($(el, '[part="bulk-target"]'), to);
  await el.updateComplete;
  $(el, '[part="bulk-change-button"]').click();
  await waitUntil(() => dialogPart(el, 'confirm-button'), 'the question');
  before?.();
  dialogPart(el, 'confirm-button')!.click();
}

describe('<invoice-table selectable>: bulk status change', () => {
  describe('keyboard only', () => {
    it('publishes every draft of the period in one action, and every row changes', async () => {
      const memory = new MemoryBackend({ invoices: october(8) });
      const el = await mount(memory, 12);
      const changes: CustomEvent[] = [];
      const summaries: CustomEvent[] = [];
      el.addEventListener('invoice-status-change', (e) => changes.push(e));
      el.addEventListener('invoice-bulk-status-change', (e) => summaries.push(e));

      // The grid's tab stop: Tab from the bar-less page lands on the first row.
      bodyRows(el)[0]!.focus();
      await chord('Control', 'a');
      await waitUntil(() => selectionStatus(el) === '12 invoices selected', selectionStatus(el));
      expect($$(el, '.body [role="row"][aria-selected="true"]')).to.have.length(12);

      await shiftTabTo(el, '[part="bulk-target"]');
      await sendKeys({ type: 'O' });
      await waitUntil(() => ($(el, '[part="bulk-target"]') as HTMLSelectElement).value === 'OPEN');
      await sendKeys({ press: 'Tab' });
      expect(focused(el)?.matches('[part="bulk-change-button"]')).to.equal(true);
      await sendKeys({ press: 'Enter' });

      await waitUntil(() => dialog(el)?.open && dialogPart(el, 'confirm-button'), 'the question');
      const body = text(dialog(el)?.querySelector('#bulk-body'));
      expect(body).to.contain('8 of 12 selected invoices can change to Open.');
      expect(body).to.contain('4 will not change:');
      expect(body).to.contain('DOC-O1: already Open');
      expect(body).to.contain('DOC-V1: Void cannot change to Open');
      expect(body).to.contain('DOC-C1: Closed cannot change to Open');
      // The consequences of one invoice's change, once.
      expect(body).to.contain('The customer will see this invoice in their portal.');
      expect((dialogPart(el, 'notify-toggle') as HTMLInputElement).checked).to.equal(true);
      // Cancel has the focus first, as in <status-updater>; Tab reaches OK.
      expect(focused(el)?.matches('[part="cancel-button"]')).to.equal(true);
      await sendKeys({ press: 'Tab' });
      expect(text(focused(el))).to.equal('Change 8 invoices');
      await sendKeys({ press: 'Enter' });

      await waitUntil(() => dialogPart(el, 'bulk-result'), 'the result');
      expect(text(dialogPart(el, 'bulk-result'))).to.equal('Result 8 changed');
      for (let i = 1; i <= 8; i++) {
        expect(memory.inspect(`d${i}`)!.status, `d${i}`).to.equal('OPEN');
        await waitUntil(() => statusOf(el, `DOC-D${i}`) === 'Open', `row DOC-D${i}`);
      }
      expect(statusOf(el, 'DOC-V1')).to.equal('Void');
      // One batch call, each invoice written once with its own key and version.
      expect(memory.calls.updateStatuses).to.equal(1);
      expect(memory.calls.updateStatus).to.equal(8);
      expect(changes.map((e) => e.detail.invoice.id).sort()).to.deep.equal([
        'd1',
        'd2',
        'd3',
        'd4',
        'd5',
        'd6',
        'd7',
        'd8',
      ]);
      expect(changes[0]!.detail).to.include({ from: 'DRAFT', to: 'OPEN', notify: true });
      expect(summaries).to.have.length(1);
      expect(summaries[0]!.detail.changed).to.have.length(8);

      // Close: the selection is cleared, and the focus goes back to the bar.
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog(el)?.open);
      await waitUntil(() => selectionStatus(el) === 'Selection cleared.', selectionStatus(el));
      expect($$(el, '[aria-selected="true"]')).to.have.length(0);
    });

    it('Space toggles the focused row, Shift+Space extends a range from it', async () => {
      const el = await mount(new MemoryBackend({ invoices: october(4) }), 8);
      bodyRows(el)[1]!.focus();
      await sendKeys({ press: ' ' });
      await waitUntil(() => selectionStatus(el) === '1 invoice selected', selectionStatus(el));
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await chord('Shift', 'Space');
      await waitUntil(() => selectionStatus(el) === '3 invoices selected', selectionStatus(el));
      const selected = bodyRows(el).map((r) => r.getAttribute('aria-selected'));
      expect(selected.slice(0, 5)).to.deep.equal(['false', 'true', 'true', 'true', 'false']);
      // Space again on a selected row unticks it.
      await sendKeys({ press: ' ' });
      await waitUntil(() => selectionStatus(el) === '2 invoices selected', selectionStatus(el));
    });
  });

  describe('pointer', () => {
    it('a click ticks a row; Shift-click ticks the range; the header ticks every row', async () => {
      const el = await mount(new MemoryBackend({ invoices: october(4) }), 8);
      rowBox(el, 0).click();
      await waitUntil(() => selectionStatus(el) === '1 invoice selected', selectionStatus(el));
      rowBox(el, 3).dispatchEvent(
        new MouseEvent('click', { bubbles: true, composed: true, shiftKey: true }),
      );
      await waitUntil(() => selectionStatus(el) === '4 invoices selected', selectionStatus(el));
      expect(rowBox(el, 2).checked).to.equal(true);
      expect(rowBox(el, 4).checked).to.equal(false);
      const header = $(el, '[part="select-all"]') as HTMLInputElement;
      expect(header.indeterminate).to.equal(true);
      expect(header.getAttribute('aria-label')).to.equal('Select all 8 matching invoices');
      header.click();
      await waitUntil(() => selectionStatus(el) === '8 invoices selected', selectionStatus(el));
      header.click();
      await waitUntil(() => selectionStatus(el) === 'Selection cleared.', selectionStatus(el));
    });
  });

  describe('a new list clears the selection', () => {
    it('says so when the filter changes, and keeps it while scrolling', async () => {
      const el = await mount(new MemoryBackend({ invoices: october(4) }), 8);
      rowBox(el, 0).click();
      rowBox(el, 1).click();
      await waitUntil(() => selectionStatus(el) === '2 invoices selected', selectionStatus(el));
      await showControls(el, ['filters']);
      choose($(el, 'select[name="status"]'), 'DRAFT');
      await waitUntil(
        () => selectionStatus(el) === 'The list changed: selection cleared.',
        selectionStatus(el),
      );
      await rowsLoaded(el, 4);
      expect($$(el, '[aria-selected="true"]')).to.have.length(0);
      expect(el.shadowRoot!.querySelector('[part="bulk-bar"]')).to.equal(null);
    });
  });

  describe('conflicts and failures', () => {
    it('the result tells the truth, and Retry sends only the failed ones, with their keys', async () => {
      const memory = new MemoryBackend({ invoices: october(8) });
      const backend = singleWrites(memory);
      const el = await mount(backend, 12);
      bodyRows(el)[0]!.focus();
      await chord('Control', 'a');
      await waitUntil(() => selectionStatus(el) === '12 invoices selected');
      await changeAll(el, 'OPEN', () => {
        // Someone else changes DOC-D8 after the dialog read it: its version is stale.
        memory.addInvoice({ ...memory.inspect('d8')!, version: 'v7' });
        // The first two writes meet a server failure.
        memory.failNext('updateStatus', new BackendError('server', 'boom', { status: 503 }));
        memory.failNext('updateStatus', new BackendError('server', 'boom', { status: 503 }));
      });

      await waitUntil(() => dialogPart(el, 'bulk-result'), 'the result');
      const result = text(dialogPart(el, 'bulk-result'));
      expect(result).to.contain('5 changed');
      expect(result).to.contain(
        '1 changed by someone else DOC-D8: changed by someone else meanwhile; nothing was overwritten',
      );
      expect(result).to.contain('2 failed');
      expect(result).to.contain('DOC-D1: The server had a problem. Try again in a moment.');
      expect(result).to.contain('DOC-D2: The server had a problem. Try again in a moment.');
      expect(backend.updates).to.have.length(8);
      expect(memory.inspect('d1')!.status).to.equal('DRAFT');
      expect(memory.inspect('d8')!.status).to.equal('DRAFT');
      expect(statusOf(el, 'DOC-D3')).to.equal('Open');

      const retry = dialogPart(el, 'retry-failed')!;
      expect(text(retry)).to.equal('Retry the 2 failed');
      retry.click();
      await waitUntil(() => dialogPart(el, 'bulk-result') && !dialogPart(el, 'retry-failed'));
      // Exactly two more writes: the failed ones, with the keys of their first attempt.
      expect(backend.updates).to.have.length(10);
      const keyOf = (id: string, n: number) =>
        backend.updates.filter((u) => u.invoiceId === id)[n]?.idempotencyKey;
      expect(keyOf('d1', 1)).to.equal(keyOf('d1', 0));
      expect(keyOf('d2', 1)).to.equal(keyOf('d2', 0));
      expect(new Set(backend.updates.map((u) => u.idempotencyKey)).size).to.equal(8);
      expect(text(dialogPart(el, 'bulk-result'))).to.contain('7 changed');
      expect(text(dialogPart(el, 'bulk-result'))).to.contain('1 changed by someone else');
      expect(memory.inspect('d1')!.status).to.equal('OPEN');
      expect(memory.inspect('d8')!.status).to.equal('DRAFT');
      await waitUntil(() => statusOf(el, 'DOC-D1') === 'Open');
    });

    it('sends at most 4 writes at a time, and Stop leaves what has not started', async () => {
      const memory = new MemoryBackend({ invoices: october(10) });
      const inner = singleWrites(memory);
      const held: Deferred<void>[] = [];
      let inFlight = 0;
      let most = 0;
      const backend: InvoiceBackend = {
        ...inner,
        updateStatus: async (u, o) => {
          inFlight++;
          most = Math.max(most, inFlight);
          const gate = deferred();
          held.push(gate);
          await gate.promise;
          inFlight--;
          return inner.updateStatus(u, o);
        },
      };
      const el = await mount(backend, 14);
      ($(el, '[part="select-all"]') as HTMLInputElement).click();
      await changeAll(el, 'OPEN');
      await waitUntil(() => held.length === 4, 'four writes started');
      dialogPart(el, 'stop-button')!.click();
      for (const gate of held) gate.resolve();
      await waitUntil(() => dialogPart(el, 'bulk-result'), 'the result');
      expect(most).to.equal(4);
      expect(held).to.have.length(4);
      expect(inner.updates).to.have.length(4);
      expect(text(dialogPart(el, 'bulk-result'))).to.equal('Result 4 changed 6 not started');
    });

    it('Cancel in the question writes nothing', async () => {
      const memory = new MemoryBackend({ invoices: october(3) });
      const el = await mount(memory, 7);
      boxOf(el, 'DOC-D1').click();
      await el.updateComplete;
      choose($(el, '[part="bulk-target"]'), 'OPEN');
      $(el, '[part="bulk-change-button"]').click();
      await waitUntil(() => dialogPart(el, 'confirm-button'));
      dialogPart(el, 'cancel-button')!.click();
      await waitUntil(() => !dialog(el)?.open);
      expect(memory.calls.updateStatus + memory.calls.updateStatuses).to.equal(0);
      expect(selectionStatus(el)).to.equal('1 invoice selected');
    });

    it('a veto of the request event writes nothing and says so', async () => {
      const memory = new MemoryBackend({ invoices: october(3) });
      const el = await mount(memory, 7);
      el.addEventListener('invoice-bulk-status-change-request', (e) => e.preventDefault());
      boxOf(el, 'DOC-D1').click();
      await changeAll(el, 'OPEN');
      await waitUntil(() => text(dialog(el)).includes('The change was stopped by the page.'));
      expect(memory.calls.updateStatus + memory.calls.updateStatuses).to.equal(0);
    });
  });

  describe('every row matching the filter', () => {
    it('selects by count (no request), reads the rows page by page when asked', async () => {
      const backend = new FakeBackend();
      backend.synthetic = 5000;
      const el = await mount(backend, undefined);
      await waitUntil(() => bodyRows(el).length > 0);
      const before = backend.listCalls.length;
      bodyRows(el)[0]!.focus();
      await chord('Control', 'a');
      await waitUntil(() => selectionStatus(el) === '5,000 invoices selected', selectionStatus(el));
      expect(backend.listCalls.length).to.equal(before);
      rowBox(el, 0).click();
      await waitUntil(() => selectionStatus(el) === '4,999 invoices selected', selectionStatus(el));
      choose($(el, '[part="bulk-target"]'), 'CLOSED');
      await el.updateComplete;
      $(el, '[part="bulk-change-button"]').click();
      await waitUntil(() => dialogPart(el, 'confirm-button'), 'the question');
      expect(text(dialog(el)?.querySelector('#bulk-body'))).to.contain(
        '4,999 of 4,999 selected invoices can change to Closed.',
      );
      const reads = backend.listCalls.slice(before);
      expect(reads.map((c) => c.query.offset)).to.deep.equal([
        0, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500,
      ]);
      expect(reads.every((c) => c.query.limit === 500)).to.equal(true);
      expect(text(dialogPart(el, 'confirm-button'))).to.equal('Change 4,999 invoices');
    });

    it('reads every row from an adapter that serves fewer rows than asked', async () => {
      // The limit the server applied (`Page.limit`, docs/RULES.md "`total` sanity"): 200 a page.
      const backend = new FakeBackend();
      backend.synthetic = 1000;
      const compute = backend.compute.bind(backend);
      backend.compute = (query) => compute({ ...query, limit: Math.min(query.limit ?? 200, 200) });
      const el = await mount(backend, undefined);
      await waitUntil(() => bodyRows(el).length > 0);
      const before = backend.listCalls.length;
      bodyRows(el)[0]!.focus();
      await chord('Control', 'a');
      await waitUntil(() => selectionStatus(el) === '1,000 invoices selected', selectionStatus(el));
      choose($(el, '[part="bulk-target"]'), 'CLOSED');
      await el.updateComplete;
      $(el, '[part="bulk-change-button"]').click();
      await waitUntil(() => dialogPart(el, 'confirm-button'), 'the question');
      expect(text(dialog(el)?.querySelector('#bulk-body'))).to.contain(
        '1,000 of 1,000 selected invoices can change to Closed.',
      );
      const reads = backend.listCalls.slice(before);
      expect(reads.map((c) => c.query.offset)).to.deep.equal([0, 200, 400, 600, 800]);
    });

    it('asks each invoice once when the list shifts between its pages', async () => {
      // A row added at the top after the first read: each later page starts a row earlier.
      const backend = new FakeBackend();
      backend.synthetic = 1000;
      const compute = backend.compute.bind(backend);
      const reading = { on: false };
      backend.compute = (query) => {
        const offset = query.offset ?? 0;
        if (!reading.on || offset === 0) return compute(query);
        const page = compute({ ...query, offset: offset - 1 });
        return { ...page, offset, total: page.total + 1 };
      };
      const el = await mount(backend, undefined);
      await waitUntil(() => bodyRows(el).length > 0);
      bodyRows(el)[0]!.focus();
      await chord('Control', 'a');
      await waitUntil(() => selectionStatus(el) === '1,000 invoices selected', selectionStatus(el));
      choose($(el, '[part="bulk-target"]'), 'CLOSED');
      await el.updateComplete;
      reading.on = true;
      $(el, '[part="bulk-change-button"]').click();
      await waitUntil(() => dialogPart(el, 'confirm-button'), 'the question');
      expect(text(dialog(el)?.querySelector('#bulk-body'))).to.contain(
        '1,000 of 1,000 selected invoices can change to Closed.',
      );
    });
  });

  describe('100,000 rows', () => {
    it('selects all by count and keeps an untick as one exclusion, with no request', async () => {
      const backend = new FakeBackend();
      backend.synthetic = 100_000;
      const el = await mount(backend, undefined);
      await waitUntil(() => bodyRows(el).length > 0);
      const before = backend.listCalls.length;
      bodyRows(el)[0]!.focus();
      await chord('Control', 'a');
      await waitUntil(
        () => selectionStatus(el) === '100,000 invoices selected',
        selectionStatus(el),
      );
      expect(($(el, '[part="select-all"]') as HTMLInputElement).checked).to.equal(true);
      rowBox(el, 2).click();
      await waitUntil(
        () => selectionStatus(el) === '99,999 invoices selected',
        selectionStatus(el),
      );
      expect(rowBox(el, 2).checked).to.equal(false);
      expect(rowBox(el, 3).checked).to.equal(true);
      // Scrolling far keeps it: the last rows are selected too.
      await el.scrollToIndex(99_990);
      await waitUntil(() => bodyRows(el).some((r) => r.getAttribute('aria-selected') === 'true'));
      expect(selectionStatus(el)).to.equal('99,999 invoices selected');
      expect(
        backend.listCalls.slice(before).every((c) => (c.query.offset ?? 0) >= 99_000),
      ).to.equal(true);
    });
  });

  describe('customer audience', () => {
    it('has no checkbox, no bar, and Ctrl+A selects nothing', async () => {
      const memory = new MemoryBackend({ invoices: october(3) });
      const el = await mount(memory, 4, { audience: 'customer' });
      // (The Overdue only filter is a checkbox too: only the selection's are counted.)
      expect($$(el, '[part~="select-row"], [part~="select-all"]')).to.have.length(0);
      expect($$(el, '.body input[type="checkbox"], [role="columnheader"] input')).to.have.length(0);
      expect($(el, '[role="grid"]').hasAttribute('aria-multiselectable')).to.equal(false);
      expect(bodyRows(el).some((r) => r.hasAttribute('aria-selected'))).to.equal(false);
      bodyRows(el)[0]!.focus();
      await chord('Control', 'a');
      await sendKeys({ press: ' ' });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="bulk-bar"]')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part~="bulk-dialog"]')).to.equal(null);
    });
  });

  describe('languages', () => {
    const WORDS = {
      'pt-BR': {
        selected: '2 faturas selecionadas',
        change: 'Alterar status…',
        eligible: '1 de 2 faturas selecionadas pode mudar para Aberto.',
        reason: 'DOC-O1: já está Aberto',
        result: 'Resultado 1 alterada',
      },
      es: {
        selected: '2 facturas seleccionadas',
        change: 'Cambiar estado…',
        eligible: '1 de 2 facturas seleccionadas puede cambiar a Abierta.',
        reason: 'DOC-O1: ya está Abierta',
        result: 'Resultado 1 cambiada',
      },
    } as const;
    for (const lang of ['pt-BR', 'es'] as const) {
      it(`${lang}: the bar, the question and the result`, async () => {
        await loadLocale(lang);
        const memory = new MemoryBackend({ invoices: october(1) });
        const el = await mount(memory, 5, { lang });
        const w = WORDS[lang];
        boxOf(el, 'DOC-D1').click();
        boxOf(el, 'DOC-O1').click();
        await waitUntil(() => selectionStatus(el) === w.selected, selectionStatus(el));
        expect(text($(el, '[part="bulk-change-button"]'))).to.equal(w.change);
        choose($(el, '[part="bulk-target"]'), 'OPEN');
        await el.updateComplete;
        $(el, '[part="bulk-change-button"]').click();
        await waitUntil(() => dialogPart(el, 'confirm-button'));
        const body = text(dialog(el)?.querySelector('#bulk-body'));
        expect(body).to.contain(w.eligible);
        expect(body).to.contain(w.reason);
        dialogPart(el, 'confirm-button')!.click();
        await waitUntil(() => dialogPart(el, 'bulk-result'));
        expect(text(dialogPart(el, 'bulk-result'))).to.equal(w.result);
      });
    }
  });

  describe('accessibility', () => {
    it('axe finds nothing with rows selected, in the question and in the result', async () => {
      const memory = new MemoryBackend({ invoices: october(2) });
      const el = await mount(memory, 6);
      boxOf(el, 'DOC-D1').click();
      boxOf(el, 'DOC-V1').click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      choose($(el, '[part="bulk-target"]'), 'OPEN');
      await el.updateComplete;
      $(el, '[part="bulk-change-button"]').click();
      await waitUntil(() => dialogPart(el, 'confirm-button'));
      await expect(el).to.be.accessible();
      dialogPart(el, 'confirm-button')!.click();
      await waitUntil(() => dialogPart(el, 'bulk-result'));
      await expect(el).to.be.accessible();
    });
  });
});
