/**
 * Every row reachable at any row count (issue 22): 1,000,000 and 10,000,000 rows, taller than
 * any engine lets an element be, reached by the scrollbar, wheel-sized scrolls, the keyboard and
 * `scrollToIndex`, with the scrollbar proportional to the row index (docs/PERFORMANCE.md,
 * "Lists of any length"). Rows come from `PagedBackend` (test/support/paged-backend.ts): row i is `documentIdAt(i)`.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { InvoiceTable } from '../../../src/components/invoice-table/invoice-table.js';
import { MAX_LIST_TOTAL } from '../../../src/core/validate.js';
import { isWebKit } from '../../support/browser.js';
import { PagedBackend, documentIdAt, indexOfDocumentId } from '../../support/paged-backend.js';
import { waitUntil } from '../../support/wait.js';
import { $, TODAY, bodyRows } from './helpers.js';

/** Under Firefox's cap on an element's height (~17.9 million px), the lowest of the engines. */
const ENGINE_SAFE_HEIGHT = 17_000_000;

function grid(el: InvoiceTable): HTMLElement {
  return $(el, '.grid');
}

function rowIndexOf(row: Element | null | undefined): number {
  return Number(row?.getAttribute('aria-rowindex') ?? NaN);
}

function documentIdOf(row: Element | null | undefined): string {
  return row?.querySelector('[data-col="documentId"]')?.textContent?.trim() ?? '';
}

/** The focused element, looking inside shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Rows wholly inside the grid's view (below the sticky header, above a scrollbar), in order. */
function visibleRows(el: InvoiceTable): HTMLElement[] {
  const g = grid(el);
  const box = g.getBoundingClientRect();
  const top = $(el, '.head').getBoundingClientRect().bottom;
  const bottom = box.top + g.clientTop + g.clientHeight;
  return bodyRows(el)
    .filter((row) => {
      const r = row.getBoundingClientRect();
      return r.top >= top - 1 && r.bottom <= bottom + 1;
    })
    .sort((a, b) => rowIndexOf(a) - rowIndexOf(b));
}

/** The visible rows show their data, each the row its `aria-rowindex` says (header row 1). */
function visibleLoaded(el: InvoiceTable): boolean {
  const rows = visibleRows(el);
  return (
    rows.length > 3 && rows.every((r) => indexOfDocumentId(documentIdOf(r)) === rowIndexOf(r) - 2)
  );
}

/** The visible rows as `aria-rowindex:DOC-id`, for failure messages. */
function shown(el: InvoiceTable): string {
  const g = grid(el);
  const rows = visibleRows(el).map((r) => `${rowIndexOf(r)}:${documentIdOf(r) || '…'}`);
  const active = deepActive();
  const focus = active
    ? `${active.localName}[aria-rowindex=${active.getAttribute('aria-rowindex')}]`
    : 'none';
  return `scrollTop ${g.scrollTop} of ${g.scrollHeight - g.clientHeight}; visible ${rows.join(' ')}; focus on ${focus}`;
}

async function settle(el: InvoiceTable, condition: () => boolean, what: string): Promise<void> {
  try {
    await waitUntil(condition, what, { timeout: 10_000 });
  } catch {
    throw new Error(`${what}: timed out with ${shown(el)}`);
  }
}

async function mount(count: number): Promise<InvoiceTable> {
  const el = await fixture<InvoiceTable>(
    html`<invoice-table .backend=${new PagedBackend(count)} .today=${TODAY}></invoice-table>`,
  );
  await settle(
    el,
    () => visibleLoaded(el) && grid(el).scrollHeight > 1_000_000,
    'the first rows load and the grid is sized',
  );
  return el;
}

/** Sets the grid's `scrollTop` as a scrollbar drag or a wheel does, and waits for its event. */
async function scrollGridTo(el: InvoiceTable, top: number): Promise<void> {
  const g = grid(el);
  const scrolled = new Promise((resolve) => g.addEventListener('scroll', resolve, { once: true }));
  g.scrollTop = top;
  await scrolled;
}

/**
 * Ctrl+End, pressed as a user does. WebKit's WebDriver launcher knows only `press`: one string
 * of the WebDriver codes of Control and End is pressed as a chord (both down, then both up).
 */
async function pressCtrlEnd(): Promise<void> {
  if (isWebKit) return sendKeys({ press: '\uE009\uE010' });
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'End' });
  await sendKeys({ up: 'Control' });
}

/** The last row is in view, loaded, and (when `focused`) has the focus. */
async function expectLastRow(el: InvoiceTable, count: number, focused: boolean): Promise<void> {
  const isLast = (r: Element | null | undefined) => rowIndexOf(r) === count + 1;
  await settle(
    el,
    () =>
      isLast(visibleRows(el).at(-1)) &&
      visibleLoaded(el) &&
      (!focused || (isLast(deepActive()) && visibleRows(el).includes(deepActive() as HTMLElement))),
    `row ${count} (aria-rowindex ${count + 1}) in view${focused ? ' and focused' : ''}`,
  );
  const last = visibleRows(el).at(-1)!;
  expect(documentIdOf(last)).to.equal(documentIdAt(count - 1));
  expect(grid(el).getAttribute('aria-rowcount')).to.equal(String(count + 1));
  if (focused) {
    expect(deepActive()).to.equal(last);
    expect(last.getAttribute('tabindex')).to.equal('0');
  }
}

for (const count of [1_000_000, 10_000_000]) {
  const label = count.toLocaleString('en');
  // Both sizes are within MAX_LIST_TOTAL (core/validate.ts, docs/RULES.md "Limits"): a list may
  // claim 10,000,000 rows, and every one of them must be reachable.
  it(`${label} rows are within MAX_LIST_TOTAL`, () => {
    expect(count).to.be.at.most(MAX_LIST_TOTAL);
  });

  describe(`<invoice-table> with ${label} rows`, () => {
    it('keeps the scroll area under every engine cap, the scrollbar proportional to the rows', async () => {
      const el = await mount(count);
      const g = grid(el);
      expect(g.scrollHeight).to.be.below(ENGINE_SAFE_HEIGHT);
      expect(g.getAttribute('aria-rowcount')).to.equal(String(count + 1));
      for (const fraction of [0.5, 0.25, 0.9]) {
        await scrollGridTo(el, fraction * (g.scrollHeight - g.clientHeight));
        await settle(el, () => visibleLoaded(el), `rows at ${fraction * 100} % load`);
        const top = rowIndexOf(visibleRows(el)[0]) - 2;
        expect(
          Math.abs(top - fraction * count),
          `${fraction * 100} % of the scrollbar shows row ${top}`,
        ).to.be.at.most(count * 0.01);
      }
    });

    it('shows the last row when the scrollbar is dragged to the end', async () => {
      const el = await mount(count);
      const g = grid(el);
      await scrollGridTo(el, g.scrollHeight);
      await expectLastRow(el, count, false);
      // And back to the top.
      await scrollGridTo(el, 0);
      await settle(el, () => rowIndexOf(visibleRows(el)[0]) === 2, 'row 0 in view again');
    });

    it('End focuses the last row, and Home the first', async () => {
      const el = await mount(count);
      bodyRows(el)[0]!.focus();
      await sendKeys({ press: 'End' });
      await expectLastRow(el, count, true);
      await sendKeys({ press: 'Home' });
      await settle(
        el,
        () => rowIndexOf(deepActive()) === 2 && visibleLoaded(el),
        'the first row focused',
      );
      expect(visibleRows(el)[0]).to.equal(deepActive());
    });

    it('Ctrl+End focuses the last row', async () => {
      const el = await mount(count);
      bodyRows(el)[0]!.focus();
      const ends: boolean[] = [];
      el.addEventListener('keydown', (e) => e.key === 'End' && ends.push(e.ctrlKey));
      await pressCtrlEnd();
      await expectLastRow(el, count, true);
      expect(ends, 'End pressed with Control held').to.deep.equal([true]);
    });

    it('PageDown reaches the last row and PageUp comes back, the focus on a row throughout', async () => {
      const el = await mount(count);
      await el.scrollToIndex(count - 40, { focus: true });
      await settle(el, () => rowIndexOf(deepActive()) === count - 38, 'row count − 40 focused');
      let previous = rowIndexOf(deepActive());
      for (let press = 0; previous < count + 1; press++) {
        expect(press, 'PageDown presses').to.be.below(20);
        await sendKeys({ press: 'PageDown' });
        await settle(
          el,
          () =>
            rowIndexOf(deepActive()) > previous &&
            visibleRows(el).includes(deepActive() as HTMLElement),
          `PageDown ${press + 1}: a row further down focused and in view`,
        );
        previous = rowIndexOf(deepActive());
      }
      await expectLastRow(el, count, true);
      for (let press = 0; press < 3; press++) {
        await sendKeys({ press: 'PageUp' });
        await settle(
          el,
          () =>
            rowIndexOf(deepActive()) < previous &&
            visibleRows(el).includes(deepActive() as HTMLElement) &&
            visibleLoaded(el),
          `PageUp ${press + 1}: a row further up focused and in view`,
        );
        previous = rowIndexOf(deepActive());
        expect(documentIdOf(deepActive())).to.equal(documentIdAt(previous - 2));
      }
    });

    it('wheel-sized scrolls reach the last row, and move row by row back up from it', async () => {
      const el = await mount(count);
      const g = grid(el);
      await el.scrollToIndex(count - 300);
      await settle(
        el,
        () => rowIndexOf(visibleRows(el)[0]) === count - 298,
        'row count − 300 on top',
      );
      // 100 px per notch, as a mouse wheel scrolls, until the scrollbar is at its end.
      for (let notch = 0; g.scrollTop < g.scrollHeight - g.clientHeight - 0.5; notch++) {
        expect(notch, 'notches to the end').to.be.below(1000);
        await scrollGridTo(el, g.scrollTop + 100);
      }
      await expectLastRow(el, count, false);
      const rowHeight = visibleRows(el)[0]!.getBoundingClientRect().height;
      let top = rowIndexOf(visibleRows(el)[0]);
      for (let notch = 1; notch <= 5; notch++) {
        await scrollGridTo(el, g.scrollTop - 100);
        await settle(el, () => rowIndexOf(visibleRows(el)[0]) < top, `notch ${notch} up`);
        const next = rowIndexOf(visibleRows(el)[0]);
        expect(top - next, `rows moved by notch ${notch} up`).to.be.at.most(
          Math.ceil(100 / rowHeight) + 1,
        );
        top = next;
      }
    });

    it('scrollToIndex shows any row, and focuses it when asked', async () => {
      const el = await mount(count);
      await el.scrollToIndex(count - 1);
      await expectLastRow(el, count, false);
      const middle = Math.floor(count / 2) + 7;
      await el.scrollToIndex(middle, { focus: true });
      await settle(
        el,
        () => rowIndexOf(deepActive()) === middle + 2 && visibleLoaded(el),
        'the middle row focused and loaded',
      );
      expect(visibleRows(el)[0]).to.equal(deepActive());
      expect(documentIdOf(deepActive())).to.equal(documentIdAt(middle));
      await el.scrollToIndex(count - 1, { focus: true });
      await expectLastRow(el, count, true);
      // Out of range: nothing moves.
      await el.scrollToIndex(count);
      await el.scrollToIndex(-1);
      expect(rowIndexOf(deepActive())).to.equal(count + 1);
    });
  });
}
