/**
 * The table's view as public API (issue 25): `view` reads and sets customer, period, filters
 * and sort as one JSON value; `invoice-view-change` fires once per user change, never for a
 * host's set nor on the first render.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import { InvoiceTable as InvoiceTableClass } from '../../../src/components/invoice-table/invoice-table.js';
import type {
  InvoiceTable,
  InvoiceTableView,
  InvoiceViewChangeDetail,
} from '../../../src/components/invoice-table/invoice-table.js';
import { waitUntil } from '../../support/wait.js';
import {
  $,
  $$,
  FakeBackend,
  TODAY,
  button,
  choose,
  columnHeader,
  documentIds,
  rowsLoaded,
  showControls,
} from './helpers.js';

interface Mounted {
  el: InvoiceTable;
  /** Every `invoice-view-change` since before the first render. */
  events: InvoiceViewChangeDetail[];
}

async function mount(backend: FakeBackend, audience = 'operator'): Promise<Mounted> {
  const events: InvoiceViewChangeDetail[] = [];
  const wrapper = await fixture<HTMLDivElement>(
    html`<div
      @invoice-view-change=${(e: CustomEvent<InvoiceViewChangeDetail>) => events.push(e.detail)}
    >
      <invoice-table .backend=${backend} .today=${TODAY} audience=${audience}></invoice-table>
    </div>`,
  );
  const el = wrapper.querySelector('invoice-table')!;
  await rowsLoaded(el);
  // The period's fields and the filters, shown by their toolbar buttons (no view change).
  await showControls(el);
  return { el, events };
}

const control = <T extends HTMLElement>(el: InvoiceTable, name: string) =>
  $(el, `.filters [name="${name}"]`) as T;

/** Chooses a customer as a user does: type, arrow to the suggestion, Enter. */
async function chooseCustomer(el: InvoiceTable, text: string): Promise<void> {
  $(el, '[role="combobox"]').focus();
  await sendKeys({ type: text });
  await waitUntil(() => $$(el, '[role="option"]').length === 1, 'a suggestion');
  await sendKeys({ press: 'ArrowDown' });
  await sendKeys({ press: 'Enter' });
}

/** Types in the document filter, then waits for the query that follows it. */
async function typeDocument(el: InvoiceTable, backend: FakeBackend, text: string): Promise<void> {
  control(el, 'document').focus();
  await sendKeys({ type: text });
  await waitUntil(() => backend.lastQuery.text === text, 'the search query');
  await rowsLoaded(el);
}

const DEFAULT_SORT = { key: 'period', direction: 'desc' } as const;

describe('<invoice-table> view', () => {
  it('is the default view at first, and no event on the first render', async () => {
    const { el, events } = await mount(new FakeBackend());
    expect(el.view).to.deep.equal({ sort: DEFAULT_SORT });
    expect(events).to.deep.equal([]);
  });

  it('reads what the user chose with the controls, as a fresh object', async () => {
    const backend = new FakeBackend();
    const { el } = await mount(backend);
    await chooseCustomer(el, 'acm');
    await waitUntil(() => backend.lastQuery.customerId === 'cus-1');
    button(el, 'Last 12 months').click();
    choose(control(el, 'status'), 'OPEN');
    choose(control(el, 'provider'), 'microsoft');
    columnHeader(el, 'Total').querySelector('button')!.focus();
    await sendKeys({ press: 'Enter' });
    await typeDocument(el, backend, 'DOC-1');
    const expected: InvoiceTableView = {
      customerId: 'cus-1',
      from: '2025-11',
      to: '2026-10',
      status: 'OPEN',
      provider: 'microsoft',
      search: 'DOC-1',
      sort: { key: 'total', direction: 'desc' },
    };
    expect(el.view).to.deep.equal(expected);
    el.view.sort!.direction = 'asc';
    expect(el.view.sort, 'a copy, not the state').to.deep.equal(expected.sort);
    expect(documentIds(el)).to.deep.equal(['DOC-1001']);
  });

  it('set: the controls show it and the backend gets one query for all of it, no event', async () => {
    const backend = new FakeBackend();
    const { el, events } = await mount(backend);
    const calls = backend.listCalls.length;
    el.view = {
      customerId: 'cus-2',
      from: '2026-01',
      to: '2026-09',
      status: 'VOID',
      provider: 'microsoft',
      search: 'DOC-2',
      sort: { key: 'total', direction: 'asc' },
    };
    await rowsLoaded(el, 1);
    expect(backend.listCalls.length - calls, 'one request').to.equal(1);
    expect(backend.lastQuery).to.deep.include({
      customerId: 'cus-2',
      period: { from: '2026-01', to: '2026-09' },
      statuses: ['VOID'],
      providers: ['microsoft'],
      text: 'DOC-2',
      sort: { key: 'total', direction: 'asc' },
    });
    expect(documentIds(el)).to.deep.equal(['DOC-2001']);
    expect(control<HTMLSelectElement>(el, 'status').value).to.equal('VOID');
    expect(control<HTMLSelectElement>(el, 'provider').value).to.equal('microsoft');
    expect(control<HTMLInputElement>(el, 'document').value).to.equal('DOC-2');
    expect(columnHeader(el, 'Total').getAttribute('aria-sort')).to.equal('ascending');
    await waitUntil(
      () => ($(el, '[role="combobox"]') as HTMLInputElement).value === 'Globex SA',
      'the search names the customer',
    );
    expect(events, 'no event for the host').to.deep.equal([]);

    // An empty view is the default view again.
    el.view = {};
    await waitUntil(() => backend.lastQuery.statuses === undefined);
    await rowsLoaded(el, 4);
    expect(backend.listCalls.length - calls).to.equal(2);
    expect(control<HTMLInputElement>(el, 'document').value).to.equal('');
    expect(el.view).to.deep.equal({ sort: DEFAULT_SORT });
  });

  it('fires invoice-view-change once per user change, with the view and the reason', async () => {
    const backend = new FakeBackend();
    const { el, events } = await mount(backend);
    const last = () => events[events.length - 1]!;

    await chooseCustomer(el, 'acm');
    await waitUntil(() => events.length === 1, 'the customer event');
    expect(last()).to.deep.equal({
      view: { customerId: 'cus-1', sort: DEFAULT_SORT },
      reason: 'customer',
    });

    button(el, 'Last month').click();
    expect(events).to.have.length(2);
    expect(last()).to.deep.equal({
      view: { customerId: 'cus-1', from: '2026-10', to: '2026-10', sort: DEFAULT_SORT },
      reason: 'period',
    });

    choose(control(el, 'status'), 'CLOSED');
    expect(events).to.have.length(3);
    expect(last().reason).to.equal('filter');
    expect(last().view.status).to.equal('CLOSED');

    columnHeader(el, 'Document ID').querySelector('button')!.click();
    expect(events).to.have.length(4);
    expect(last()).to.deep.include({ reason: 'sort' });
    expect(last().view.sort).to.deep.equal({ key: 'documentId', direction: 'asc' });

    // Typing: one event once the text applies, not one per key.
    await typeDocument(el, backend, 'DOC-9');
    await waitUntil(() => events.length === 5, 'the search event');
    expect(last()).to.deep.include({ reason: 'search' });
    expect(last().view.search).to.equal('DOC-9');
    await rowsLoaded(el, 0);

    button(el, 'Clear filters').click();
    expect(events).to.have.length(6);
    expect(last()).to.deep.equal({
      view: {
        customerId: 'cus-1',
        from: '2026-10',
        to: '2026-10',
        sort: { key: 'documentId', direction: 'asc' },
      },
      reason: 'filter',
    });
    // The event's view is a copy: a listener changing it changes nothing.
    last().view.customerId = 'cus-2';
    expect(el.view.customerId).to.equal('cus-1');

    el.view = { status: 'OPEN' };
    await rowsLoaded(el);
    expect(events, 'none for the host').to.have.length(6);
  });

  it('survives JSON: another table given the saved view shows the same rows', async () => {
    const backend = new FakeBackend();
    const first = await mount(backend);
    button(first.el, 'Last 12 months').click();
    choose(control(first.el, 'provider'), 'aws');
    columnHeader(first.el, 'Total').querySelector('button')!.click();
    await rowsLoaded(first.el, 1);
    const saved = JSON.stringify(first.el.view);
    const shown = documentIds(first.el);

    const second = await mount(backend);
    expect(documentIds(second.el)).to.not.deep.equal(shown);
    second.el.view = JSON.parse(saved) as InvoiceTableView;
    await rowsLoaded(second.el, shown.length);
    expect(documentIds(second.el)).to.deep.equal(shown);
    expect(JSON.stringify(second.el.view)).to.equal(saved);
  });

  it('drops what it does not know, without throwing', async () => {
    const backend = new FakeBackend();
    const { el } = await mount(backend);
    el.view = {
      customerId: 42,
      from: '2026-13',
      to: 'x',
      status: 'PAID',
      provider: '<b>ibm</b>',
      search: ['DOC'],
      sort: { key: 'colour', direction: 'up' },
    } as unknown as InvoiceTableView;
    await rowsLoaded(el, 4);
    expect(el.view).to.deep.equal({ sort: DEFAULT_SORT });
    const query = backend.lastQuery;
    expect(query.statuses).to.equal(undefined);
    expect(query.providers).to.equal(undefined);
    expect(query.sort).to.deep.equal(DEFAULT_SORT);
    expect(query.period).to.deep.equal({ from: '2026-08', to: '2026-10' });

    // A known key with a bad direction keeps the key, in its first direction.
    el.view = { sort: { key: 'documentId', direction: 'sideways' } } as unknown as InvoiceTableView;
    expect(el.view.sort).to.deep.equal({ key: 'documentId', direction: 'asc' });

    el.view = null as unknown as InvoiceTableView;
    expect(el.view).to.deep.equal({ sort: DEFAULT_SORT });
  });

  it('takes a view set before the element is defined (an upgrade keeps it)', async () => {
    const backend = new FakeBackend();
    const el = document.createElement('view-state-early-table') as InvoiceTable;
    el.view = { provider: 'aws', sort: { key: 'documentId', direction: 'asc' } };
    Object.assign(el, { backend, today: TODAY });
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.append(el);
    customElements.define('view-state-early-table', class extends InvoiceTableClass {});
    await rowsLoaded(el, 1);
    expect(backend.listCalls).to.have.length(1);
    expect(backend.lastQuery.providers).to.deep.equal(['aws']);
    expect(el.view).to.deep.equal({
      provider: 'aws',
      sort: { key: 'documentId', direction: 'asc' },
    });
  });

  it("drops a status the customer may not see (the customer's view)", async () => {
    const backend = new FakeBackend();
    const { el } = await mount(backend, 'customer');
    el.view = { status: 'DRAFT', customerId: 'cus-1' };
    expect(el.view.status, 'dropped at once').to.equal(undefined);
    await rowsLoaded(el);
    expect(backend.lastQuery.statuses).to.deep.equal(['OPEN', 'VOID', 'CLOSED']);
    el.view = { status: 'VOID', customerId: 'cus-1' };
    await waitUntil(() => backend.lastQuery.statuses?.length === 1);
    expect(el.view.status).to.equal('VOID');
  });
});
