/** Issue 17: the table's states: a visible count, an empty state naming the filters, a short grid. */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../support/wait.js';
import '../../../src/define.js';
import type { InvoiceTable } from '../../../src/components/invoice-table/invoice-table.js';
import {
  $,
  FakeBackend,
  TODAY,
  button,
  choose,
  rowsLoaded,
  showControls,
  summary,
} from './helpers.js';

async function mount(backend: FakeBackend): Promise<InvoiceTable> {
  return fixture<InvoiceTable>(
    html`<invoice-table lang="en" .backend=${backend} .today=${TODAY}></invoice-table>`,
  );
}

const many = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    summary({ id: `m${i}`, documentId: `DOC-${String(i).padStart(4, '0')}` }),
  );

describe('<invoice-table> states (issue 17)', () => {
  it('shows the count above the grid, the same text as the live region', async () => {
    const el = await mount(new FakeBackend(many(30)));
    await rowsLoaded(el);
    const count = $(el, '[part="count"]');
    await waitUntil(() => count.textContent?.trim() === '30 invoices', 'the count');
    expect(count.getAttribute('role')).to.equal('status');
    expect(count.classList.contains('visually-hidden')).to.equal(false);
    expect(count.getBoundingClientRect().height).to.be.greaterThan(0);
    // Above the grid.
    const grid = $(el, '[role="grid"]');
    expect(count.compareDocumentPosition(grid) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
  });

  it('names the active filters when nothing matches, and Clear filters resets them', async () => {
    const backend = new FakeBackend();
    const el = await mount(backend);
    await rowsLoaded(el, 4);
    await showControls(el, ['filters']);
    choose($(el, 'select[name="status"]'), 'VOID');
    choose($(el, 'select[name="provider"]'), 'aws');
    await waitUntil(() => el.shadowRoot!.querySelector('[part="empty"]'), 'the empty state');
    const empty = $(el, '[part="empty"]');
    expect(empty.textContent).to.contain('Status: Void');
    expect(empty.textContent).to.contain('Cloud provider: AWS');
    button(el, 'Clear filters').click();
    await rowsLoaded(el, 4);
    expect(backend.lastQuery.statuses).to.equal(undefined);
    expect(backend.lastQuery.providers).to.equal(undefined);
    expect(($(el, 'select[name="status"]') as HTMLSelectElement).value).to.equal('');
    expect(($(el, 'select[name="provider"]') as HTMLSelectElement).value).to.equal('');
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'select[name="status"]'));
  });

  it('shows the filters a host set, collapsed, when Clear filters is pressed, and focuses the first', async () => {
    const backend = new FakeBackend();
    const el = await mount(backend);
    await rowsLoaded(el, 4);
    el.view = { ...el.view, status: 'VOID', provider: 'aws' };
    await waitUntil(() => el.shadowRoot!.querySelector('[part="empty"]'), 'the empty state');
    const toggle = $(el, '[part~="filters-toggle"]');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    // The collapsed button says how many filters are in force.
    expect(toggle.textContent!.trim()).to.equal('Filters (2)');
    expect(el.shadowRoot!.querySelector('select[name="status"]')).to.equal(null);
    button(el, 'Clear filters').click();
    await rowsLoaded(el, 4);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(toggle.textContent!.trim()).to.equal('Filters');
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'select[name="status"]'));
    expect(($(el, 'select[name="status"]') as HTMLSelectElement).value).to.equal('');
  });

  it('offers no Clear filters when only the customer and period narrow the list', async () => {
    const el = await mount(new FakeBackend([]));
    await waitUntil(() => el.shadowRoot!.querySelector('[part="empty"]'), 'the empty state');
    expect(el.shadowRoot!.querySelector('[part="clear-filters"]')).to.equal(null);
  });

  it('is as tall as its rows when there are few, 32rem when there are many', async () => {
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    const few = await mount(new FakeBackend(many(3)));
    await rowsLoaded(few, 3);
    const grid = $(few, '[role="grid"]');
    const rows = [...grid.querySelectorAll<HTMLElement>('[role="row"]')];
    const rowsHeight = rows.reduce((h, r) => h + r.getBoundingClientRect().height, 0);
    await waitUntil(() => grid.getBoundingClientRect().height < 32 * rem - 1, 'a short grid');
    // Its inside (without borders and a horizontal scrollbar) holds the rows exactly.
    expect(grid.clientHeight).to.be.closeTo(rowsHeight, 2);
    const lots = await mount(new FakeBackend(many(120)));
    await rowsLoaded(lots);
    expect($(lots, '[role="grid"]').getBoundingClientRect().height).to.be.closeTo(32 * rem, 1);
  });

  it('an empty list is a header, not a tall empty box', async () => {
    const el = await mount(new FakeBackend([]));
    await waitUntil(() => el.shadowRoot!.querySelector('[part="empty"]'), 'the empty state');
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    expect($(el, '[role="grid"]').getBoundingClientRect().height).to.be.lessThan(5 * rem);
  });
});
