/**
 * RowWindow: renders only the rows of a long list that are in view, for lists whose rows are
 * all the same height (the table's rows, the viewer's long line lists).
 *
 * The host renders rows `first`…`last` as the element children of a `body` element inside a
 * scrolling element; the controller pads `body` before and after
 * them by the height of the rows not rendered, so the scrollbar is the whole list's, and moves
 * the window as the user scrolls. The row height is read from the first rendered row after each
 * update (it follows density, fonts and container queries without configuration).
 *
 * A list taller than `MAX_LIST_HEIGHT` (8 million px, under every engine's cap on an element's
 * height) is laid out over that height only, and the scroll position stands for a position in
 * the whole list: by proportion after a jump (a scrollbar drag, `End`), row by row for small
 * scrolls (a wheel, an arrow), exactly the last row at the end. The mapping is in
 * `scroll-scale.ts` (its header says how); docs/PERFORMANCE.md, "Lists of any length".
 *
 * The first frame: until a row is measured, the window covers what the estimates (44px rows,
 * a view of 10) put in view, plus the host's `overscan()` (the table gives none then). When
 * the rows measured after that frame's layout fill the view, the rest of the window comes in
 * the next frame instead of a second layout of the first (docs/PERFORMANCE.md, "Cold insert").
 *
 * Why not `@lit-labs/virtualizer`: it measures every row (rows of any size), which costs
 * ~9 kB min+gzip and layout work in each frame; rows of one size need neither.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { placeVirtual, scrollGeometry, shiftAt, type ScrollGeometry } from './scroll-scale.js';

export interface RowWindowOptions {
  /** The scrolling element (`overflow: auto`, positioned, `overflow-anchor: none`). */
  scroller(): HTMLElement | null | undefined;
  /** The element whose element children are the rendered rows, nothing else. */
  body(): HTMLElement | null | undefined;
  /** How many rows the list has. */
  count(): number;
  /** Whether what precedes `body` in the scroller sticks to its top (a sticky header). */
  stickyStart?: boolean;
  /**
   * Rows rendered beyond each edge of the view (default 3), read at every move. A list whose
   * scroller is as tall as its rows gives all of them, so its height never depends on a window.
   */
  overscan?(): number;
  /** Called after the window moved (the host re-renders in any case). */
  onMove?(): void;
}

/** Row height assumed until a row has been measured. */
const ESTIMATE = 44;

export class RowWindow implements ReactiveController {
  /** First rendered row. */
  first = 0;
  /** Last rendered row (`first - 1` when none). */
  last = -1;
  /**
   * Twice the rows a window holds: keys of rendered rows are unique modulo this, and while a
   * row has focus no rendered row's element is moved (see `keyOf`).
   */
  #slots = 1;
  /** The row whose key is 0 (see `keyOf`). */
  #anchor = 0;

  readonly #host: ReactiveControllerHost;
  readonly #options: RowWindowOptions;
  #size = 0;
  #viewport = 0;
  #offset = 0;
  /** The scroller's `scrollTop`, as of its last scroll event (reading it may force a layout). */
  #top = 0;
  /**
   * In a scaled list, how many rows higher than their index the rows are drawn: the row at
   * `scrollTop` is the one `#shift` rows further (scroll-scale.ts). Always 0 when not scaled.
   */
  #shift = 0;
  #scroller?: HTMLElement;
  /**
   * Whether the scroller was attached since its `scrollTop` was last read: it is read in the
   * first ResizeObserver callback (after layout), not when attached (in the middle of the first
   * update, which would force a layout of everything rendered so far, then another one in the
   * frame). Until then `#top` is 0, a new scroller's position.
   */
  #topUnread = false;
  #body?: HTMLElement;
  /**
   * Layout is read only here, after the browser laid out (never in the middle of an update,
   * which would force an extra layout per frame): the viewport's height, and a row's height
   * and the rows' offset when the rows' box changed (rows came, density or layout changed).
   */
  readonly #resize =
    typeof ResizeObserver === 'undefined'
      ? undefined
      : new ResizeObserver(() => {
          const scroller = this.#scroller;
          this.#viewport = scroller?.clientHeight ?? 0;
          // A scroller just attached: its position, now that reading it costs no layout.
          const jump = this.#topUnread && !!scroller;
          if (jump) {
            this.#topUnread = false;
            this.#top = scroller.scrollTop;
          }
          const body = this.#body;
          const unmeasured = !this.#size;
          const measured = body?.firstElementChild?.getBoundingClientRect().height ?? 0;
          // A hidden list measures 0: keep what was known.
          let moved = false;
          if (body && measured > 0) {
            this.#offset = body.offsetTop;
            moved = Math.abs(measured - this.#size) > 0.01;
            if (moved) this.#size = measured;
          }
          // A scroll heard before these sizes were known was mapped with estimates: map again.
          const shift = shiftAt(this.#geometry(), this.#top, this.#shift, jump);
          moved ||= shift !== this.#shift;
          this.#shift = shift;
          if (body && moved) this.#pad(body);
          // The first rows measured, and those rendered with the estimates fill the view: the
          // rows beyond it (overscan) come in the next frame, not in another layout of this one.
          if (unmeasured && this.#size && this.#fills()) {
            requestAnimationFrame(() => this.#move());
          } else this.#move();
        });

  constructor(host: ReactiveControllerHost, options: RowWindowOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The rendered row indexes, in order. */
  get indexes(): number[] {
    const out: number[] = [];
    const end = Math.min(this.last, this.#options.count() - 1);
    for (let i = this.first; i <= end; i++) out.push(i);
    return out;
  }

  /**
   * A key for the row at `index` (for `repeat`); the rendered rows have distinct keys.
   *
   * Keys count from an anchor row. While no row has focus, the anchor is the first rendered
   * row: a key is a position in the window, so when the window moves every element stays where
   * it is and shows the row now at its position (only text and attributes change: no element
   * is created or moved, the cheapest way to scroll). While an element in the rows has focus, the
   * anchor stays put instead: an element keeps its row while the row is in view, so the
   * focused row does not change under the focus. A row that enters then gets a key no rendered
   * row has (there are twice as many keys as rows), so `repeat` removes the elements of rows
   * that left and creates new ones, and never moves the elements that stay: moving an element
   * out of the document and back would take its focus away. A focused row that leaves the
   * window may hand its element to another row: the window blurs it (rows carry `data-index`).
   * When a taller view needs more keys, the anchor moves so that the focused row keeps its key.
   */
  keyOf(index: number): number {
    const key = (index - this.#anchor) % this.#slots;
    return key < 0 ? key + this.#slots : key;
  }

  /** Whether a row has been measured (until then the row height is an estimate). */
  get measured(): boolean {
    return this.#size > 0;
  }

  /** The measured row height in CSS pixels (an estimate until a row rendered). */
  get rowSize(): number {
    return this.#size || ESTIMATE;
  }

  hostDisconnected(): void {
    this.#attach(undefined, undefined);
  }

  hostUpdate(): void {
    // The list may have changed size since the last frame: render the right rows at once.
    this.#move(false);
  }

  hostUpdated(): void {
    const scroller = this.#options.scroller() ?? undefined;
    const body = this.#options.body() ?? undefined;
    if (scroller !== this.#scroller || body !== this.#body) this.#attach(scroller, body);
    // Writes only: the rows just rendered are placed, and the list keeps its whole height.
    if (body) this.#pad(body);
  }

  /** Scrolls to the first row (a new list). */
  toStart(): void {
    if (this.#scroller) this.#scroller.scrollTop = 0;
    this.#top = 0;
    this.#topUnread = false;
    this.#shift = 0;
    this.#move();
  }

  /**
   * Scrolls the least needed for row `index` to be in view (`align: 'nearest'`), or puts it at
   * the top of the view (`'start'`, under a sticky start), and renders it.
   */
  reveal(index: number, align: 'nearest' | 'start' = 'nearest'): void {
    const scroller = this.#scroller;
    if (!scroller) return;
    const size = this.rowSize;
    const top = this.#offset + index * size;
    const cover = this.#options.stickyStart ? this.#offset : 0;
    const current = this.#virtualTop;
    let next = current;
    if (align === 'start' || top < current + cover) next = top - cover;
    else if (top + size > current + this.#viewport) next = top + size - this.#viewport;
    if (next !== current) {
      const place = placeVirtual(this.#geometry(), next, this.#top, this.#shift, this.#viewport);
      scroller.scrollTop = place.top;
      this.#top = scroller.scrollTop;
      this.#topUnread = false;
      this.#shift = place.shift;
    }
    this.#move();
  }

  /**
   * Hears a scroll made in this frame before its `scroll` event, which comes only at the next
   * frame (a `scrollTop` set in an animation frame callback, as a script's scroll animation
   * does): the window moves now, and its rows render in this frame. A scroll already heard (or
   * none) changes nothing. Reads `scrollTop`: call it where layout is read anyway.
   */
  sync(): void {
    this.#onScroll();
  }

  /** The `scrollTop` the whole list would have (the scroller's own when not scaled). */
  get #virtualTop(): number {
    return this.#top + this.#shift * this.rowSize;
  }

  #geometry(): ScrollGeometry {
    const size = this.rowSize;
    const viewport = this.#viewport || size * 10;
    return scrollGeometry(this.#options.count(), size, this.#offset, viewport);
  }

  /** Whether the rendered rows cover every row in view (or the list's end). */
  #fills(): boolean {
    const size = this.rowSize;
    const top = this.#virtualTop;
    const count = this.#options.count();
    // Rows start `#offset` down the scroller (under a sticky start when there is one).
    const lastInView = Math.ceil((top + this.#viewport - this.#offset) / size) - 1;
    const firstInView = Math.max(0, Math.floor((top - this.#offset) / size));
    return this.first <= firstInView && this.last >= Math.min(count - 1, lastInView);
  }

  #pad(body: HTMLElement): void {
    const size = this.rowSize;
    const laidOut = this.#geometry().rows + this.#shift;
    // Rows drawn `#shift` rows up; the area as tall as `rows` rows, whatever the window.
    const before = Math.max(0, this.first - this.#shift);
    const after = Math.max(0, laidOut - 1 - this.last);
    body.style.paddingBlockStart = `${before * size}px`;
    body.style.paddingBlockEnd = `${after * size}px`;
  }

  #attach(scroller: HTMLElement | undefined, body: HTMLElement | undefined): void {
    if (scroller !== this.#scroller) {
      this.#scroller?.removeEventListener('scroll', this.#onScroll);
      scroller?.addEventListener('scroll', this.#onScroll, { passive: true });
      this.#top = 0;
      this.#shift = 0;
      this.#topUnread = !!scroller;
    }
    this.#scroller = scroller;
    this.#body = body;
    this.#resize?.disconnect();
    if (scroller) this.#resize?.observe(scroller);
    if (body) this.#resize?.observe(body);
  }

  /** The focused element of the document or shadow root, when it is in the rows. */
  #focusInRows(): HTMLElement | null {
    const root = this.#body?.getRootNode();
    const focused =
      root instanceof Document || root instanceof ShadowRoot ? root.activeElement : null;
    return focused instanceof HTMLElement && this.#body?.contains(focused) ? focused : null;
  }

  readonly #onScroll = (): void => {
    const top = this.#scroller?.scrollTop ?? 0;
    this.#topUnread = false;
    // Unmoved (the scroll this window made itself, in `reveal`): the shift it chose stands.
    if (top === this.#top) return;
    const jump = Math.abs(top - this.#top) > (this.#viewport || this.rowSize * 10);
    const shift = shiftAt(this.#geometry(), top, this.#shift, jump);
    this.#top = top;
    if (shift === this.#shift) return this.#move();
    this.#shift = shift;
    this.#move();
    // The rows' place changed even where the window did not: pad now, before the frame paints.
    if (this.#body) this.#pad(this.#body);
  };

  /**
   * Moves the window when the rows in view are not all rendered (or too many are), and asks
   * the host to render. The window is re-centred with `overscan` rows on each side, so a slow
   * scroll re-renders once every few rows, not every pixel.
   */
  #move(render = true): void {
    const count = this.#options.count();
    const size = this.rowSize;
    const overscan = this.#options.overscan?.() ?? 3;
    const geometry = this.#geometry();
    // The list changed length or row height: keep a shift it can have.
    this.#shift = geometry.scaled ? Math.min(geometry.maxShift, Math.max(0, this.#shift)) : 0;
    const top = this.#virtualTop - this.#offset;
    const inView = Math.ceil((this.#viewport || size * 10) / size) + 1;
    const focused = this.#focusInRows();
    // The focused row (NaN when the focus is not in one).
    const index = Number(focused?.closest<HTMLElement>('[data-index]')?.dataset.index);
    const slots = Math.max(this.#slots, 2 * (inView + 2 * overscan + 1));
    if (slots !== this.#slots) {
      // More keys: a focused row keeps its key (its element, and the focus on it). The keys
      // may count from a row far away (the anchor stays put while a row has focus).
      if (index >= this.first && index <= this.last) this.#anchor = index - this.keyOf(index);
      this.#slots = slots;
    }
    const from = Math.max(0, Math.min(count - 1, Math.floor(top / size)));
    const to = Math.min(count - 1, from + inView);
    // A scaled list draws rows `#shift` rows up: none above the area's start or past its end
    // (rows there are out of view, and would make the area taller).
    const lowest = this.#shift;
    const highest = this.#shift + geometry.rows - 1;
    const covered =
      from >= this.first &&
      to <= this.last &&
      this.last < count &&
      this.first >= lowest &&
      this.last <= highest;
    if (count > 0 && covered && this.last - this.first <= inView * 3) {
      return;
    }
    const last = count > 0 ? Math.min(count - 1, highest, to + overscan) : -1;
    // At the end of the list as many rows as in its middle. When the window shrank there (the
    // rows after the last one not rendered), WebKit's smooth End scroll was clamped by the rows
    // dropped: as if the list were that much shorter, one End stopped rows short of the end.
    const first = Math.max(lowest, Math.min(from - overscan, last - inView - 2 * overscan));
    if (first === this.first && last === this.last) return;
    this.first = first;
    this.last = last;
    if (!focused) this.#anchor = first;
    // A focused row that left the window: its element is about to show another row.
    else if (index < first || index > last) focused.blur();
    if (render) this.#host.requestUpdate();
    this.#options.onMove?.();
  }
}
