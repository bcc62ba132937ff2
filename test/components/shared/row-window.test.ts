/**
 * RowWindow through a tiny host made for these tests: a scrolling box with a sticky 30px head
 * and rows of one height (20px unless `--row` says otherwise), in a 200px view (`--h`).
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../support/wait.js';
import { LitElement, css } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { RowWindow } from '../../../src/components/shared/row-window.js';
import { MAX_LIST_HEIGHT } from '../../../src/components/shared/scroll-scale.js';

const HEAD = 30;

class RowWindowHost extends LitElement {
  static override styles = css`
    :host {
      display: block;
      inline-size: 300px;
    }
    .scroller {
      position: relative;
      overflow: auto;
      overflow-anchor: none;
      block-size: var(--h, 200px);
    }
    .head {
      position: sticky;
      top: 0;
      z-index: 1;
      block-size: ${HEAD}px;
      background: white;
    }
    .row {
      block-size: var(--row, 20px);
      overflow: hidden;
    }
  `;

  @property({ type: Number }) count = 0;
  moves = 0;
  /** No overscan until a row is measured (as `<invoice-table>` does). */
  overscanWhenMeasured = false;

  readonly window: RowWindow = new RowWindow(this, {
    scroller: () => this.renderRoot.querySelector<HTMLElement>('.scroller'),
    body: () => this.renderRoot.querySelector<HTMLElement>('.body'),
    count: () => this.count,
    stickyStart: true,
    overscan: (): number => (this.overscanWhenMeasured && !this.window.measured ? 0 : 3),
    onMove: () => this.moves++,
  });

  override render() {
    return html`<div class="scroller">
      <div class="head">Head</div>
      <div class="body">
        ${repeat(
          this.window.indexes,
          (i) => this.window.keyOf(i),
          (i) => html`<div class="row" tabindex="-1" data-index=${i}>Row ${i}</div>`,
        )}
      </div>
    </div>`;
  }
}
customElements.define('row-window-host', RowWindowHost);

function scroller(el: RowWindowHost): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
}

function rows(el: RowWindowHost): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('.row')];
}

/** The row indexes rendered, in DOM order. */
function shown(el: RowWindowHost): number[] {
  return rows(el).map((r) => Number(r.dataset.index));
}

function text(row: Element | undefined): string {
  return row?.textContent?.trim() ?? '';
}

/** Rows rendered are contiguous, in order, and match the window's range. */
function expectContiguous(el: RowWindowHost): void {
  const indexes = shown(el);
  expect(indexes[0]).to.equal(el.window.first);
  expect(indexes.at(-1)).to.equal(el.window.last);
  indexes.forEach((index, i) => expect(index).to.equal(indexes[0]! + i));
  rows(el).forEach((row) => expect(text(row)).to.equal(`Row ${row.dataset.index}`));
}

async function mount(count: number): Promise<RowWindowHost> {
  const el = await fixture<RowWindowHost>(
    html`<row-window-host .count=${count}></row-window-host>`,
  );
  await measured(el);
  return el;
}

/** The rows were measured, and the list is as tall as all its rows. */
async function measured(el: RowWindowHost, size = 20): Promise<void> {
  await waitUntil(
    () =>
      el.window.rowSize === size &&
      scroller(el).scrollHeight === Math.max(HEAD + el.count * size, scroller(el).clientHeight),
    `rows measured at ${size}px`,
  );
  await el.updateComplete;
}

/** Scrolls as a user would (the scroll event fires), then lets the host render. */
async function scrollTo(el: RowWindowHost, top: number): Promise<void> {
  const box = scroller(el);
  const scrolled = oneEvent(box, 'scroll');
  box.scrollTop = top;
  await scrolled;
  // A scroll event queued earlier (WebKit, after a focus) can be the one heard: wait until the
  // window holds the row now at the top.
  const atTop = Math.min(
    el.count - 1,
    Math.max(0, Math.floor((box.scrollTop - HEAD) / el.window.rowSize)),
  );
  await waitUntil(
    () => el.window.first <= atTop && atTop <= el.window.last,
    `the window moved to row ${atTop}`,
  );
  await el.updateComplete;
}

/** Whether a row is fully inside the view, below the sticky head. */
function inView(el: RowWindowHost, index: number): boolean {
  const row = rows(el).find((r) => Number(r.dataset.index) === index);
  if (!row) return false;
  const box = scroller(el).getBoundingClientRect();
  const r = row.getBoundingClientRect();
  return r.top >= box.top + HEAD - 0.5 && r.bottom <= box.bottom + 0.5;
}

describe('RowWindow', () => {
  describe('sizes', () => {
    it('renders the rows in view plus overscan, and pads for the rest', async () => {
      const el = await mount(1000);
      // 200px / 20px = 10 rows in view, one more for a partial row, 3 of overscan after.
      expect(shown(el)).to.deep.equal(Array.from({ length: 15 }, (_, i) => i));
      expectContiguous(el);
      const body = el.shadowRoot!.querySelector<HTMLElement>('.body')!;
      expect(body.style.paddingBlockStart).to.equal('0px');
      expect(body.style.paddingBlockEnd).to.equal(`${(1000 - 15) * 20}px`);
      expect(scroller(el).scrollHeight).to.equal(HEAD + 1000 * 20);
    });

    /**
     * Inserts a host with 44px rows (the window's estimate) in a view of `height`, rendering no
     * overscan before its rows are measured; the rows rendered before the first frame and at the
     * start of the second (before the window's own next-frame callback).
     */
    async function firstFrames(height: number) {
      const el = document.createElement('row-window-host') as RowWindowHost;
      el.style.setProperty('--h', `${height}px`);
      el.style.setProperty('--row', '44px');
      el.overscanWhenMeasured = true;
      el.count = 1000;
      document.body.append(el);
      try {
        await el.updateComplete;
        const before = shown(el);
        const measuredBefore = el.window.measured;
        // Asked before the first frame runs: its callback runs at the start of the second one.
        const second = await new Promise<number[]>((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(shown(el)))),
        );
        await waitUntil(() => el.window.last >= 16, 'the overscan rendered');
        await el.updateComplete;
        return { before, measuredBefore, second, after: shown(el) };
      } finally {
        el.remove();
      }
    }
    const upTo = (last: number) => Array.from({ length: last + 1 }, (_, i) => i);

    it('paints the first frame with the rows in view only, and the overscan in the next', async () => {
      // 500px: rows 0–10 in view under the 30px head; the estimate (10 rows of view) renders
      // 0–11, which fill it. Measured, the view holds 13 rows: 3 more of overscan make 0–16.
      const { before, measuredBefore, second, after } = await firstFrames(500);
      expect(measuredBefore).to.equal(false);
      expect(before).to.deep.equal(upTo(11));
      // Negative check: the first frame did not render the overscan (no second layout in it).
      expect(second).to.deep.equal(upTo(11));
      expect(after).to.deep.equal(upTo(16));
    });

    it('renders the rows in view in the first frame when the estimate does not fill it', async () => {
      // 700px: rows 0–15 in view; the estimate's 0–11 fall short, so the first frame renders
      // the rest at once (never a frame with an empty part of the view).
      const { before, second } = await firstFrames(700);
      expect(before).to.deep.equal(upTo(11));
      expect(second.at(-1)).to.be.at.least(15);
    });

    it('renders every row of a list shorter than the view', async () => {
      const el = await mount(5);
      expect(shown(el)).to.deep.equal([0, 1, 2, 3, 4]);
      expect(el.window.indexes).to.deep.equal([0, 1, 2, 3, 4]);
    });

    it('keeps each rendered row on its own key', async () => {
      const el = await mount(1000);
      const keys = el.window.indexes.map((i) => el.window.keyOf(i));
      expect(new Set(keys).size).to.equal(keys.length);
    });
  });

  describe('resizes', () => {
    it('renders more rows when the view grows, fewer when it shrinks', async () => {
      const el = await mount(1000);
      el.style.setProperty('--h', '400px');
      await waitUntil(() => el.window.last === 24, 'a 400px view: 21 rows and overscan');
      await el.updateComplete;
      expectContiguous(el);
      el.style.setProperty('--h', '100px');
      await waitUntil(() => el.window.last < 14, 'a 100px view renders fewer rows');
      await el.updateComplete;
      expectContiguous(el);
      expect(shown(el)).to.have.length.below(15);
    });

    it('measures the rows again when their height changes', async () => {
      const el = await mount(1000);
      el.style.setProperty('--row', '40px');
      await measured(el, 40);
      expect(scroller(el).scrollHeight).to.equal(HEAD + 1000 * 40);
      // 200px / 40px = 5 rows in view, one more, 3 of overscan: all still rendered.
      expect(el.window.last).to.be.at.least(9);
      expectContiguous(el);
      await scrollTo(el, HEAD + 500 * 40);
      expect(inView(el, 502)).to.equal(true);
      expect(inView(el, 504)).to.equal(true);
      expectContiguous(el);
    });

    it('follows the list growing and shrinking', async () => {
      const el = await mount(1000);
      await scrollTo(el, HEAD + 800 * 20);
      expect(shown(el)).to.include(800);
      el.count = 100;
      await el.updateComplete;
      expect(el.window.last).to.equal(99);
      expect(shown(el).at(-1)).to.equal(99);
      expectContiguous(el);
      await measured(el);
      await waitUntil(() => inView(el, 99), 'the last row in view');
      el.count = 3000;
      await measured(el);
      expect(scroller(el).scrollHeight).to.equal(HEAD + 3000 * 20);
      expectContiguous(el);
    });
  });

  describe('scrolling and jumps', () => {
    it('moves the window with the scroll, and the rows in view are rendered', async () => {
      const el = await mount(1000);
      await scrollTo(el, HEAD + 500 * 20);
      expect(el.window.first).to.be.at.most(500);
      expect(el.window.last).to.be.at.least(509);
      expectContiguous(el);
      expect(inView(el, 502)).to.equal(true);
      expect(inView(el, 509)).to.equal(true);
      expect(shown(el)).to.have.length.below(25);
    });

    it('renders as many rows at the end of the list as in its middle (the list never shortens)', async () => {
      const el = await mount(1000);
      await scrollTo(el, HEAD + 500 * 20);
      const middle = shown(el).length;
      await scrollTo(el, scroller(el).scrollHeight);
      expect(el.window.last).to.equal(999);
      expect(shown(el)).to.have.length(middle);
      expectContiguous(el);
      expect(inView(el, 999)).to.equal(true);
    });

    it('does not move for a scroll within the overscan', async () => {
      const el = await mount(1000);
      const moves = el.moves;
      await scrollTo(el, 20);
      expect(el.moves).to.equal(moves);
      expect(shown(el)[0]).to.equal(0);
    });

    it('reveals a far row (the least scroll), and goes back to the start', async () => {
      const el = await mount(1000);
      el.window.reveal(800);
      await el.updateComplete;
      expect(shown(el)).to.include(800);
      expectContiguous(el);
      await waitUntil(() => inView(el, 800), 'row 800 in view');
      // Revealed at the bottom edge of the view: the least scroll.
      const box = scroller(el).getBoundingClientRect();
      const row = rows(el)
        .find((r) => r.dataset.index === '800')!
        .getBoundingClientRect();
      expect(Math.abs(row.bottom - box.bottom)).to.be.below(1);
      el.window.reveal(790);
      await el.updateComplete;
      await waitUntil(() => inView(el, 790), 'row 790 in view, under the sticky head');
      el.window.toStart();
      await el.updateComplete;
      expect(scroller(el).scrollTop).to.equal(0);
      expect(shown(el)[0]).to.equal(0);
      expectContiguous(el);
    });

    it('does not scroll to reveal a row already in view', async () => {
      const el = await mount(1000);
      el.window.reveal(4);
      await el.updateComplete;
      expect(scroller(el).scrollTop).to.equal(0);
    });
  });

  describe('focus', () => {
    it('without focus, rewrites the row elements in place when the window moves', async () => {
      const el = await mount(1000);
      const before = rows(el);
      await scrollTo(el, HEAD + 5 * 20);
      expect(el.window.first).to.equal(2);
      const after = rows(el);
      expect(after.length).to.be.at.least(before.length);
      before.forEach((row, i) => expect(after[i], `element ${i}`).to.equal(row));
      expect(text(after[0])).to.equal('Row 2');
    });

    it('keeps the focused row on its element, with its focus, while it stays rendered', async () => {
      const el = await mount(1000);
      const focused = rows(el).find((r) => r.dataset.index === '3')!;
      focused.focus();
      await scrollTo(el, HEAD + 5 * 20);
      expect(el.window.first).to.equal(2);
      expect(shown(el)).to.include(3);
      expect(el.shadowRoot!.activeElement).to.equal(focused);
      expect(text(focused)).to.equal('Row 3');
      expect(focused.dataset.index).to.equal('3');
      expectContiguous(el);
      const keys = el.window.indexes.map((i) => el.window.keyOf(i));
      expect(new Set(keys).size).to.equal(keys.length);
    });

    it('keeps the focused row through several moves, and rewrites in place once focus leaves', async () => {
      const el = await mount(1000);
      const focused = rows(el).find((r) => r.dataset.index === '6')!;
      focused.focus();
      for (const top of [5, 7, 9]) {
        await scrollTo(el, HEAD + top * 20);
        expect(el.shadowRoot!.activeElement, `at row ${top}`).to.equal(focused);
        expect(text(focused)).to.equal('Row 6');
      }
      focused.blur();
      await scrollTo(el, HEAD + 20 * 20);
      const before = rows(el);
      await scrollTo(el, HEAD + 25 * 20);
      rows(el).forEach((row, i) => expect(row).to.equal(before[i]));
      expectContiguous(el);
    });
  });

  describe('keys', () => {
    it('keeps the focused row on its element when the view grows, after a jump far away', async () => {
      const el = await mount(1000);
      // The focus leaves row 3 with the jump (End in the table); the keys still count from
      // where the window was.
      rows(el)
        .find((r) => r.dataset.index === '3')!
        .focus();
      el.window.reveal(900);
      await el.updateComplete;
      const row = rows(el).find((r) => r.dataset.index === '900')!;
      row.focus();
      // A taller view needs more keys than the window had.
      el.style.setProperty('--h', '400px');
      await waitUntil(() => el.window.last - el.window.first > 20, 'a 400px view: more rows');
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement, 'the focus on its row').to.equal(row);
      expect(row.dataset.index).to.equal('900');
      expect(rows(el).filter((r) => r.dataset.index === '900')).to.deep.equal([row]);
      expectContiguous(el);
      const keys = el.window.indexes.map((i) => el.window.keyOf(i));
      expect(new Set(keys).size).to.equal(keys.length);
    });
  });

  describe('zero rows', () => {
    it('renders nothing and pads nothing', async () => {
      const el = await fixture<RowWindowHost>(html`<row-window-host></row-window-host>`);
      await el.updateComplete;
      expect(rows(el)).to.have.length(0);
      expect(el.window.indexes).to.deep.equal([]);
      expect(el.window.last).to.be.below(el.window.first);
      expect(scroller(el).scrollHeight).to.equal(scroller(el).clientHeight);
      el.window.reveal(0);
      el.window.toStart();
      await el.updateComplete;
      expect(rows(el)).to.have.length(0);
    });

    it('renders rows when they come, and none when they go', async () => {
      const el = await fixture<RowWindowHost>(html`<row-window-host></row-window-host>`);
      el.count = 50;
      await measured(el);
      expect(shown(el)[0]).to.equal(0);
      expectContiguous(el);
      el.count = 0;
      await el.updateComplete;
      expect(rows(el)).to.have.length(0);
      const body = el.shadowRoot!.querySelector<HTMLElement>('.body')!;
      expect(body.style.paddingBlockStart).to.equal('0px');
      expect(body.style.paddingBlockEnd).to.equal('0px');
    });
  });

  describe('lists taller than the cap (scaled, issue 22)', () => {
    /** A list of `count` 20px rows, its area capped at MAX_LIST_HEIGHT. */
    async function mountScaled(count: number): Promise<RowWindowHost> {
      const el = await fixture<RowWindowHost>(
        html`<row-window-host .count=${count}></row-window-host>`,
      );
      await waitUntil(
        () => el.window.rowSize === 20 && scroller(el).scrollHeight === HEAD + MAX_LIST_HEIGHT,
        'rows measured, the area capped',
      );
      await el.updateComplete;
      return el;
    }

    /** Sets `scrollTop` (a drag, a wheel notch), waits for its event and the render. */
    async function scrollScaled(el: RowWindowHost, top: number): Promise<void> {
      const box = scroller(el);
      const scrolled = oneEvent(box, 'scroll');
      box.scrollTop = top;
      await scrolled;
      await el.updateComplete;
    }

    /** The first row wholly below the sticky head. */
    function topRow(el: RowWindowHost): number {
      const found = shown(el).find((i) => inView(el, i));
      return found ?? NaN;
    }

    /**
     * The row just under the sticky head (1.5px below it). Firefox keeps a `scrollTop` of about 8
     * million px to half a pixel or so (7,999,780 reads back 7,999,780.5), so a row put at the
     * top may start a pixel under the head: `topRow` would name the next one.
     */
    function rowAtHead(el: RowWindowHost): number {
      const line = scroller(el).getBoundingClientRect().top + HEAD + 1.5;
      const row = rows(el).find((r) => {
        const box = r.getBoundingClientRect();
        return box.top <= line && box.bottom > line;
      });
      return Number(row?.dataset.index ?? NaN);
    }

    function maxTop(el: RowWindowHost): number {
      return scroller(el).scrollHeight - scroller(el).clientHeight;
    }

    /**
     * The rendered rows fill the view below the head, one after another (none misplaced by the
     * shift), and the area keeps its capped height.
     */
    function expectViewFilled(el: RowWindowHost, what: string): void {
      const box = scroller(el).getBoundingClientRect();
      const boxes = rows(el).map((r) => r.getBoundingClientRect());
      expect(boxes[0]!.top, `${what}: rows from the head down`).to.be.at.most(box.top + HEAD + 0.5);
      expect(boxes.at(-1)!.bottom, `${what}: rows to the bottom`).to.be.at.least(box.bottom - 0.5);
      boxes.slice(1).forEach((b, i) => expect(b.top - boxes[i]!.bottom).to.be.closeTo(0, 0.5));
      expect(scroller(el).scrollHeight, `${what}: the area's height`).to.equal(
        HEAD + MAX_LIST_HEIGHT,
      );
    }

    for (const count of [1_000_000, 10_000_000]) {
      const label = count.toLocaleString('en');

      it(`${label} rows: the scrollbar maps to the rows by proportion, the end to the last row`, async () => {
        const el = await mountScaled(count);
        expectContiguous(el);
        for (const fraction of [0.5, 0.25, 0.75]) {
          await scrollScaled(el, fraction * maxTop(el));
          expectContiguous(el);
          expectViewFilled(el, `at ${fraction}`);
          expect(Math.abs(topRow(el) - fraction * count), `at ${fraction}`).to.be.at.most(
            count * 0.01,
          );
        }
        await scrollScaled(el, scroller(el).scrollHeight);
        expect(el.window.last).to.equal(count - 1);
        expectContiguous(el);
        expect(inView(el, count - 1)).to.equal(true);
        // The last row's bottom is the view's bottom: nothing after it, no gap.
        const last = rows(el).find((r) => Number(r.dataset.index) === count - 1)!;
        const bottom = scroller(el).getBoundingClientRect().bottom;
        expect(Math.abs(last.getBoundingClientRect().bottom - bottom)).to.be.below(1);
        expect(scroller(el).scrollHeight).to.equal(HEAD + MAX_LIST_HEIGHT);
        await scrollScaled(el, 0);
        expect(shown(el)[0]).to.equal(0);
        expect(inView(el, 0)).to.equal(true);
      });

      it(`${label} rows: small scrolls move the rows by the pixels scrolled`, async () => {
        const el = await mountScaled(count);
        await scrollScaled(el, maxTop(el) / 2);
        let top = topRow(el);
        for (let step = 1; step <= 8; step++) {
          await scrollScaled(el, scroller(el).scrollTop + 20);
          expect(topRow(el), `one row per 20px, step ${step}`).to.equal(top + 1);
          expectViewFilled(el, `step ${step}`);
          top = topRow(el);
        }
        await scrollScaled(el, scroller(el).scrollTop - 60);
        expect(topRow(el)).to.equal(top - 3);
        expectContiguous(el);
      });

      it(`${label} rows: wheel notches from near the end reach the last row, and go back row by row`, async () => {
        const el = await mountScaled(count);
        await scrollScaled(el, maxTop(el) - 400);
        expect(topRow(el)).to.be.below(count - 10);
        for (let notch = 0; scroller(el).scrollTop < maxTop(el) - 0.5; notch++) {
          expect(notch).to.be.below(100);
          const before = topRow(el);
          await scrollScaled(el, scroller(el).scrollTop + 100);
          expectViewFilled(el, `notch ${notch}`);
          expectContiguous(el);
          expect(topRow(el)).to.be.above(before);
        }
        expect(inView(el, count - 1)).to.equal(true);
        let top = topRow(el);
        for (let notch = 1; notch <= 4; notch++) {
          await scrollScaled(el, scroller(el).scrollTop - 100);
          expect(topRow(el), `notch ${notch} up: five rows`).to.equal(top - 5);
          expectViewFilled(el, `notch ${notch} up`);
          top = topRow(el);
        }
        expectContiguous(el);
      });

      it(`${label} rows: reveal brings any row into view`, async () => {
        const el = await mountScaled(count);
        for (const index of [count - 1, Math.floor(count / 3), 7, count - 12]) {
          el.window.reveal(index);
          await el.updateComplete;
          await waitUntil(() => inView(el, index), `row ${index} in view`);
          expectContiguous(el);
          expectViewFilled(el, `row ${index} revealed`);
        }
        el.window.reveal(count / 2 + 3, 'start');
        await el.updateComplete;
        await waitUntil(() => topRow(el) === count / 2 + 3, 'the row at the top');
        el.window.toStart();
        await el.updateComplete;
        expect(scroller(el).scrollTop).to.equal(0);
        expect(shown(el)[0]).to.equal(0);
      });

      it(`${label} rows: a row revealed from the far end stays put when the scroller is resized`, async () => {
        // The window maps the scroll position again on every resize it hears: a placement that
        // mapping would not keep made the rows jump (scroll-scale.test.ts).
        const el = await mountScaled(count);
        for (const index of [1, 5, 11, count - 30, count - 14]) {
          await scrollScaled(el, index < count / 2 ? maxTop(el) : 0);
          el.window.reveal(index, 'start');
          await el.updateComplete;
          await waitUntil(() => rowAtHead(el) === index, `row ${index} at the top`);
          const resized = new Promise<void>((resolve) => {
            const observer = new ResizeObserver(() => {
              observer.disconnect();
              resolve();
            });
            // Observed after the window's own observer: called after it, in the same frame.
            observer.observe(scroller(el));
          });
          el.style.inlineSize = el.style.inlineSize === '301px' ? '300px' : '301px';
          await resized;
          await el.updateComplete;
          expect(rowAtHead(el), `row ${index} after the resize`).to.equal(index);
          expectContiguous(el);
        }
      });
    }
  });
});
