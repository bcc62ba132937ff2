import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { waitUntil } from '../../support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { CallOptions } from '../../../src/core/backend.js';
import { BackendError } from '../../../src/core/errors.js';
import type { InvoiceQuery, InvoiceSummary, Page } from '../../../src/core/types.js';
import type { InvoiceTable } from '../../../src/components/invoice-table/invoice-table.js';
import { $, FakeBackend, TODAY, bodyRows } from './helpers.js';

/**
 * A server that refuses what a real one refuses: a negative or fractional offset, a limit
 * below 1. Every query it sees is kept, accepted or not.
 */
class StrictBackend extends FakeBackend {
  readonly rejected: InvoiceQuery[] = [];

  override listInvoices(
    query: InvoiceQuery,
    options: CallOptions = {},
  ): Promise<Page<InvoiceSummary>> {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 200;
    if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1) {
      this.listCalls.push({ query, signal: options.signal });
      this.rejected.push(query);
      return Promise.reject(new BackendError('validation', `bad offset ${offset}/limit ${limit}`));
    }
    return super.listInvoices(query, options);
  }
}

function grid(el: InvoiceTable): HTMLElement {
  return $(el, '.grid');
}

function rowIndex(row: Element | null | undefined): number {
  return Number(row?.getAttribute('aria-rowindex') ?? NaN);
}

function documentIdOf(row: Element): string {
  return row.querySelector('[data-col="documentId"]')?.textContent?.trim() ?? '';
}

/** Rows inside the grid's visible area (below the sticky header), in order. */
function visibleRows(el: InvoiceTable): HTMLElement[] {
  const box = grid(el).getBoundingClientRect();
  const top = $(el, '.head').getBoundingClientRect().bottom;
  return bodyRows(el)
    .filter((row) => {
      const r = row.getBoundingClientRect();
      return r.bottom > top + 1 && r.top < box.bottom - 1;
    })
    .sort((a, b) => rowIndex(a) - rowIndex(b));
}

/** Visible rows all show their data (their pages arrived). */
function visibleLoaded(el: InvoiceTable): boolean {
  const rows = visibleRows(el);
  return rows.length > 0 && rows.every((r) => !r.classList.contains('placeholder'));
}

async function mountLarge(backend: FakeBackend = new FakeBackend()): Promise<InvoiceTable> {
  backend.synthetic = 100_000;
  const el = await fixture<InvoiceTable>(
    html`<invoice-table .backend=${backend} .today=${TODAY}></invoice-table>`,
  );
  await ready(el, 100_000);
  return el;
}

/**
 * Rows are on screen and measured: the grid is as tall as all its rows (before, it is sized
 * from an estimate).
 */
async function ready(el: InvoiceTable, count: number): Promise<void> {
  await waitUntil(
    () => {
      const full = count * rowHeight(el);
      const height = grid(el).scrollHeight;
      return visibleLoaded(el) && height >= full && height < full + 200;
    },
    'first rows render, the grid sized for every row',
    { timeout: 5000 },
  );
  await nextFrame();
  await nextFrame();
}

/** Scrolls the grid as a user would (its scroll event fires), then lets frames pass. */
async function scrollGridTo(el: InvoiceTable, top: number): Promise<void> {
  const g = grid(el);
  const scrolled = new Promise((resolve) => g.addEventListener('scroll', resolve, { once: true }));
  g.scrollTop = top;
  await scrolled;
  await nextFrame();
  await nextFrame();
}

/** Waits for a condition; on timeout, says what the grid showed. */
async function settle(el: InvoiceTable, condition: () => boolean, what: string): Promise<void> {
  try {
    await waitUntil(condition, what, { timeout: 5000 });
  } catch {
    const shown = visibleRows(el).map(
      (r) => `${rowIndex(r)}${r.classList.contains('placeholder') ? ' (pending)' : ''}`,
    );
    throw new Error(
      `${what}: timed out with scrollTop ${grid(el).scrollTop}, ${bodyRows(el).length} rows ` +
        `(${rowIndex(bodyRows(el)[0])}…${rowIndex(bodyRows(el).at(-1))}), visible ${shown.join(', ')}`,
    );
  }
}

/**
 * The positions whose element differs between two renderings of the rows (compared by
 * identity; reported as positions, since a failed assertion on DOM elements prints them whole).
 */
function changedElements(before: HTMLElement[], after: HTMLElement[]): number[] {
  return after.flatMap((row, i) => (row === before[i] ? [] : [i]));
}

/** Height of one row (the distance between two consecutive rendered rows). */
function rowHeight(el: InvoiceTable): number {
  const [a, b] = bodyRows(el);
  return a && b ? b.getBoundingClientRect().top - a.getBoundingClientRect().top : NaN;
}

// The backend's rows are `DOC-000000` … `DOC-099999`: the row at index i (aria-rowindex i + 2,
// the header being row 1) shows DOC- followed by i on six digits.

describe('<invoice-table>', () => {
  describe('scrolling 100,000 invoices', () => {
    it('shows the rows of the middle after scrolling the grid there', async () => {
      const backend = new FakeBackend();
      const el = await mountLarge(backend);
      await scrollGridTo(el, 50_000 * rowHeight(el));
      await settle(
        el,
        () => Math.abs(rowIndex(visibleRows(el)[0]) - 50_002) <= 100 && visibleLoaded(el),
        'the rows near index 50,000 render and load',
      );
      const rows = visibleRows(el);
      expect(rowIndex(rows[0])).to.be.within(49_902, 50_102);
      expect(bodyRows(el).length).to.be.lessThan(200);
      // Row 50,000 is the one scrolled to the top: aria-rowindex 50,002, DOC-050000.
      const target = bodyRows(el).find((r) => r.getAttribute('aria-rowindex') === '50002');
      expect(target, 'row 50,000 rendered').to.not.equal(undefined);
      expect(documentIdOf(target!)).to.equal('DOC-050000');
      for (const row of rows) {
        expect(documentIdOf(row)).to.equal(`DOC-${String(rowIndex(row) - 2).padStart(6, '0')}`);
      }
      // Only the pages on screen were fetched, not everything in between.
      expect(backend.listCalls.map((c) => c.query.offset)).to.include(50_000);
      expect(backend.listCalls.length).to.be.lessThan(6);
    });

    it('shows the last rows after scrolling the grid to the end', async () => {
      const backend = new FakeBackend();
      const el = await mountLarge(backend);
      const g = grid(el);
      await scrollGridTo(el, g.scrollHeight);
      await settle(
        el,
        () => rowIndex(visibleRows(el).at(-1)) === 100_001 && visibleLoaded(el),
        'the last row renders and loads',
      );
      const rows = visibleRows(el);
      expect(rowIndex(rows[0])).to.be.within(99_900, 100_001);
      expect(documentIdOf(rows.at(-1)!)).to.equal('DOC-099999');
      expect(documentIdOf(rows[0]!)).to.equal(
        `DOC-${String(rowIndex(rows[0]) - 2).padStart(6, '0')}`,
      );
      expect(bodyRows(el).length).to.be.lessThan(200);
      expect(backend.listCalls.map((c) => c.query.offset)).to.include(99_800);
    });

    it('follows scrolling back up from the end to the middle', async () => {
      const el = await mountLarge();
      const height = rowHeight(el);
      await scrollGridTo(el, grid(el).scrollHeight);
      await waitUntil(() => rowIndex(visibleRows(el).at(-1)) === 100_001, 'at the end', {
        timeout: 5000,
      });
      await scrollGridTo(el, 25_000 * height);
      await settle(
        el,
        () => Math.abs(rowIndex(visibleRows(el)[0]) - 25_002) <= 100 && visibleLoaded(el),
        'the rows near index 25,000 render and load',
      );
      const target = bodyRows(el).find((r) => r.getAttribute('aria-rowindex') === '25002');
      expect(documentIdOf(target!)).to.equal('DOC-025000');
      expect(bodyRows(el).length).to.be.lessThan(200);
    });

    it('End then PageUp keeps the focused row rendered and on screen', async () => {
      const el = await mountLarge();
      bodyRows(el)[0]!.focus();
      await sendKeys({ press: 'End' });
      const focused = () => el.shadowRoot!.activeElement as HTMLElement | null;
      await waitUntil(() => rowIndex(focused()) === 100_001, 'last row focused', {
        timeout: 5000,
      });
      let previous = 100_001;
      for (let i = 0; i < 3; i++) {
        await sendKeys({ press: 'PageUp' });
        await waitUntil(
          () => rowIndex(focused()) < previous && visibleRows(el).includes(focused()!),
          `PageUp ${i + 1}: a row above is focused and visible`,
          { timeout: 5000 },
        );
        previous = rowIndex(focused());
        await waitUntil(() => documentIdOf(focused()!) !== '', 'its page loads', {
          timeout: 5000,
        });
        expect(documentIdOf(focused()!)).to.equal(`DOC-${String(previous - 2).padStart(6, '0')}`);
        expect(visibleRows(el)).to.include(focused());
      }
      expect(previous).to.be.within(99_900, 100_000);
      expect(bodyRows(el).length).to.be.lessThan(200);
    });
  });

  describe('page requests', () => {
    it('a fling sends no request per frame, and loads the rows in view once it settles', async () => {
      const backend = new FakeBackend();
      const el = await mountLarge(backend);
      const g = grid(el);
      const callsBefore = backend.listCalls.length;
      // 40 frames, each a jump of ~600 rows (a scrollbar drag): every frame leaves the rows of
      // the previous one behind.
      const step = (g.scrollHeight - g.clientHeight) / 160;
      for (let i = 1; i <= 40; i++) {
        g.scrollTop = Math.round(step * i);
        await nextFrame();
      }
      const during = backend.listCalls.length - callsBefore;
      expect(during, 'requests while flinging').to.be.at.most(3);
      await settle(el, () => visibleLoaded(el), 'the rows in view load after the fling');
      const rows = visibleRows(el);
      expect(
        Math.abs(rowIndex(rows[0]) - 2 - Math.floor((step * 40) / rowHeight(el))),
      ).to.be.at.most(2);
      for (const row of rows) {
        expect(documentIdOf(row)).to.equal(`DOC-${String(rowIndex(row) - 2).padStart(6, '0')}`);
      }
    });

    it('a slow scroll loads each page as it comes into view, without waiting', async () => {
      const backend = new FakeBackend();
      const el = await mountLarge(backend);
      const g = grid(el);
      const height = rowHeight(el);
      // Two rows per frame, from row 190 (page 0) into page 1 (rows 200–399).
      await scrollGridTo(el, 190 * height);
      await settle(el, () => visibleLoaded(el), 'rows near 190 load');
      for (let i = 1; i <= 10; i++) {
        g.scrollTop = (190 + 2 * i) * height;
        await nextFrame();
        await nextFrame();
        expect(
          visibleRows(el).filter((r) => r.classList.contains('placeholder')),
          `frame ${i}: rows in view wait for no settling`,
        ).to.have.length(0);
      }
      expect(backend.listCalls.map((c) => c.query.offset)).to.include(200);
    });

    it('a scroll rewrites the row elements in place: none is created or moved', async () => {
      const el = await mountLarge();
      const height = rowHeight(el);
      await scrollGridTo(el, 100 * height);
      await settle(el, () => visibleLoaded(el), 'rows near 100 load');
      const before = bodyRows(el);
      const firstBefore = rowIndex(before[0]);
      await scrollGridTo(el, 130 * height);
      await settle(el, () => visibleLoaded(el), 'rows near 130 load');
      const after = bodyRows(el);
      expect(rowIndex(after[0])).to.be.greaterThan(firstBefore);
      // The same elements, in the same order, now showing later rows.
      expect(after.length).to.equal(before.length);
      expect(changedElements(before, after)).to.deep.equal([]);
    });

    it('a focused row keeps its element while it stays in view', async () => {
      const el = await mountLarge();
      const height = rowHeight(el);
      await scrollGridTo(el, 100 * height);
      await settle(el, () => visibleLoaded(el), 'rows near 100 load');
      const row = bodyRows(el).find((r) => rowIndex(r) === 108)!;
      row.focus();
      const id = documentIdOf(row);
      const firstBefore = rowIndex(bodyRows(el)[0]);
      // Down to where row 108 is at the top of the view: the window moves on the way.
      for (const step of [2, 4, 6]) {
        await scrollGridTo(el, (100 + step) * height);
        await nextFrame();
        expect(el.shadowRoot!.activeElement === row, `focus after ${step} rows`).to.equal(true);
        expect(rowIndex(row)).to.equal(108);
        expect(documentIdOf(row)).to.equal(id);
      }
      expect(rowIndex(bodyRows(el)[0])).to.be.greaterThan(firstBefore);
      // Once focus leaves the rows, a scroll rewrites them in place again.
      (el.shadowRoot!.querySelector('[part="table"]') as HTMLElement).focus();
      row.blur();
      await scrollGridTo(el, 110 * height);
      await settle(el, () => visibleLoaded(el), 'rows near 110 load');
      const before = bodyRows(el);
      await scrollGridTo(el, 125 * height);
      await settle(el, () => visibleLoaded(el), 'rows near 125 load');
      expect(changedElements(before, bodyRows(el))).to.deep.equal([]);
    });

    it('a focused row that scrolls out of the window is blurred, never moved to another row', async () => {
      const el = await mountLarge();
      const row = bodyRows(el).find((r) => rowIndex(r) === 3)!;
      row.focus();
      expect(el.shadowRoot!.activeElement).to.equal(row);
      await scrollGridTo(el, 5_000 * rowHeight(el));
      await settle(el, () => visibleLoaded(el), 'rows near 5,000 load');
      const active = el.shadowRoot!.activeElement as HTMLElement | null;
      // Either nothing in the grid has focus, or the focused element is still row 1 (index 1).
      if (active && bodyRows(el).includes(active)) expect(rowIndex(active)).to.equal(3);
      else expect(active).to.equal(null);
    });

    it('never asks for a negative offset, with two tables scrolled on one page', async () => {
      const a = new StrictBackend();
      const b = new StrictBackend();
      a.synthetic = 100_000;
      b.synthetic = 100_000;
      const wrapper = await fixture<HTMLElement>(
        html`<div>
          <invoice-table .backend=${a} .today=${TODAY}></invoice-table>
          <invoice-table .backend=${b} .today=${TODAY}></invoice-table>
        </div>`,
      );
      const [first, second] = [...wrapper.querySelectorAll('invoice-table')];
      await ready(first!, 100_000);
      const height = rowHeight(first!);
      // The page scrolls (the second table into view, the first out of it), then each grid.
      second!.scrollIntoView();
      await ready(second!, 100_000);
      await scrollGridTo(second!, grid(second!).scrollHeight);
      await settle(second!, () => visibleLoaded(second!), 'second table at its end');
      await scrollGridTo(first!, 30_000 * height);
      await scrollGridTo(second!, 0);
      await settle(
        second!,
        () => rowIndex(visibleRows(second!)[0]) === 2 && visibleLoaded(second!),
        'second table back at the top',
      );
      first!.scrollIntoView();
      await settle(first!, () => visibleLoaded(first!), 'first table in view again');
      expect(rowIndex(visibleRows(first!)[0])).to.be.within(29_902, 30_102);
      await scrollGridTo(first!, 0);
      await settle(
        first!,
        () => rowIndex(visibleRows(first!)[0]) === 2 && visibleLoaded(first!),
        'first table back at the top',
      );
      for (const backend of [a, b]) {
        expect(backend.rejected).to.deep.equal([]);
        for (const { query } of backend.listCalls) expect(query.offset).to.be.at.least(0);
      }
      for (const el of [first!, second!]) {
        expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
      }
    });

    for (const pageSize of [-200, 0, Number.NaN, 2.5]) {
      it(`asks for whole, non-negative pages even when page-size is set to ${pageSize}`, async () => {
        const backend = new StrictBackend();
        backend.synthetic = 1000;
        const el = await fixture<InvoiceTable>(
          html`<invoice-table
            .backend=${backend}
            .today=${TODAY}
            .pageSize=${pageSize}
          ></invoice-table>`,
        );
        await ready(el, 1000);
        await scrollGridTo(el, 500 * rowHeight(el));
        await settle(
          el,
          () => Math.abs(rowIndex(visibleRows(el)[0]) - 502) <= 20 && visibleLoaded(el),
          'the rows near index 500 load',
        );
        expect(backend.rejected).to.deep.equal([]);
        for (const { query } of backend.listCalls) {
          expect(query.offset).to.be.at.least(0);
          expect(query.limit).to.be.at.least(1);
        }
        expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
      });
    }
  });
});
