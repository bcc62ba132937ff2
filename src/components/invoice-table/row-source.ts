/**
 * RowSource: the table's rows, fetched from the adapter page by page as they come into view.
 *
 * It owns a bounded cache of pages (page-keyed, the adapter's page size; `row(index)` reads a
 * row, `PENDING` when its page is not held), their total, the phase of the query, and the
 * requests: the first page of a query at once, then the pages the view needs, each abortable.
 * The cache holds at most `maxCachedPages(pageSize)` pages besides the ones in view: the pages
 * farthest from the view are evicted, and asked again when the view comes back to them, so its
 * memory does not grow with the row count (docs/PERFORMANCE.md). A newer query makes every
 * older answer stale (never shown). In the customer audience drafts are dropped whatever the
 * adapter returned (docs/RULES.md), and the rows after them move up: a page's rows start where
 * the earlier pages' visible rows end. While the user flings, fetching waits for the view to
 * stop (a frame without a move), except for the pages where the fling is predicted to stop,
 * asked ahead (`FlingPredictor`). A change to one invoice (`apply`) patches or removes its row;
 * `refresh` asks the pages in view again, keeping the rows shown meanwhile. The host renders;
 * this controller only asks it to.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { InvoiceBackend } from '../../core/backend.js';
import { isVisibleTo, visibleTo } from '../../core/status.js';
import { isOverdue } from '../../core/overdue.js';
import type {
  InvoiceChange,
  InvoiceQuery,
  InvoiceSummary,
  ListTotals,
  Page,
} from '../../core/types.js';
import { MAX_LIST_TOTAL, parseInvoiceSummary } from '../../core/validate.js';
import { FlingPredictor, type PageRange } from './fling.js';

/** A row not fetched yet (or whose page was evicted). */
export const PENDING: { readonly pending: true } = Object.freeze({ pending: true });
export type Row = InvoiceSummary | typeof PENDING;
export const loaded = (row: Row | undefined): row is InvoiceSummary =>
  row !== undefined && row !== PENDING;
/** `idle` before the first query, `loading` until its first page, then `ready` or `error`. */
export type Phase = 'idle' | 'loading' | 'ready' | 'error';

/** Rows the page cache aims to hold at most, over all its pages (docs/PERFORMANCE.md). */
export const CACHE_ROWS = 2000;
/** Pages the cache may hold whatever their size (the view and a page on each side). */
export const MIN_CACHED_PAGES = 4;
/**
 * The most pages the cache holds besides the pages in view (and one on each side of them):
 * 2,000 rows, at least 4 pages. Default page size 200: 10 pages.
 */
export const maxCachedPages = (pageSize: number): number =>
  Math.max(MIN_CACHED_PAGES, Math.ceil(CACHE_ROWS / pageSize));

export interface RowSourceOptions {
  /** The adapter in force (read at each request). */
  backend(): InvoiceBackend | undefined;
  /** The query in force, with its audience, without offset and limit (`null`: none). */
  query(): InvoiceQuery | null;
  /** Rows per request, a whole number ≥ 1. */
  pageSize(): number;
  /**
   * The rows in view: the first and last rendered (`last < first` when none); `sync` hears a
   * scroll made in this frame before its `scroll` event (`RowWindow.sync`).
   */
  view(): { readonly first: number; readonly last: number; sync?(): void };
  /** Sees each page's rows as they arrive (drafts already dropped for the customer). */
  onRows?(rows: readonly InvoiceSummary[]): void;
}

/**
 * The time of the frame being rendered: a browser's momentum scroll places the view for that
 * time, and scroll events are heard in that frame's rendering step. `performance.now()` there
 * also counts the page's own work before the handler (other scroll listeners, a busy main
 * thread), a few milliseconds that vary from frame to frame and read as changes of speed
 * (docs/PERFORMANCE.md, "Page cache, and data after a fling"). Outside a frame (no
 * timeline), the present.
 */
function frameTime(): number {
  const time = document.timeline?.currentTime;
  return typeof time === 'number' ? time : performance.now();
}

/** How long the view must stay still, at least, to end a fling. */
const STILL_MS = 12;

export class RowSource implements ReactiveController {
  /** Rows of the query (less the drafts dropped and the rows removed so far). */
  total = 0;
  phase: Phase = 'idle';
  /** Why the query failed (phase `error`). */
  error: unknown;
  /** Whether a page other than the first failed (the rows fetched stay shown). */
  pageFailed = false;
  /**
   * Whether the query's first page is still awaited at the first frame after it was asked: the
   * host shows its loading skeleton from then on. A page the adapter has at once renders its
   * rows in that frame without a skeleton built and removed first (docs/PERFORMANCE.md).
   */
  waiting = false;
  /** How the first page says a sort by total was ordered (docs/ADAPTERS.md). */
  order: Pick<Page<unknown>, 'totalOrder' | 'reportingCurrency'> = {};
  /** The totals of the whole list the first page carried, if any (docs/ADAPTERS.md). */
  totals: ListTotals | undefined;

  readonly #host: ReactiveControllerHost;
  readonly #options: RowSourceOptions;
  #key = '';
  #backend: unknown;
  #generation = 0;
  /** Requests in flight, by page. */
  #inFlight = new Map<number, AbortController>();
  /** Pages asked, answered or failed (a page absent here is asked when in view). */
  #pages = new Map<number, 'loading' | 'loaded' | 'error'>();
  /** The rows held, by page (drafts dropped): the bounded cache. */
  #cache = new Map<number, InvoiceSummary[]>();
  /**
   * Drafts dropped, by page (only pages that had any). Kept when a page is evicted, so the rows
   * after it stay where they are: one number per such page visited, never one per row.
   */
  #drops = new Map<number, number>();
  /** The total the first page claimed (at most `MAX_LIST_TOTAL`). */
  #claimed = 0;
  /** Rows removed by `apply` since the first page last answered. */
  #removed = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #fling = new FlingPredictor();
  /** Whether a fling is under way (fetching waits for it to stop). */
  #flinging = false;
  /** Where the fling under way is predicted to stop, when it is (pages). */
  #predicted: PageRange | null = null;
  #watching = false;
  /** The view's moves so far (for `#watchStill`). */
  #moves = 0;

  constructor(host: ReactiveControllerHost, options: RowSourceOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    // Connected again: load anew.
    if (!this.#key) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#abort();
    this.#key = '';
  }

  /** Row `index` of the list: an invoice, or `PENDING` while its page is not held. */
  row(index: number): Row {
    if (!(index >= 0 && index < this.total)) return PENDING;
    const page = this.#pageOf(index);
    return this.#cache.get(page)?.[index - this.#pageStart(page)] ?? PENDING;
  }

  /** Whether rows were dropped (drafts, for the customer) from a page held or visited. */
  get dropped(): boolean {
    return this.#drops.size > 0;
  }

  /** The pages held, in order (for tests and diagnostics). */
  get cachedPages(): number[] {
    return [...this.#cache.keys()].sort((a, b) => a - b);
  }

  /**
   * Starts the query in force unless it is the one loaded (same query, page size and adapter):
   * no rows, phase `loading`, the first page asked. Returns whether it started.
   */
  load(): boolean {
    const backend = this.#options.backend();
    const q = this.#options.query();
    if (!backend || !q) return false;
    const key = JSON.stringify([q, this.#options.pageSize()]);
    if (key === this.#key && backend === this.#backend) return false;
    this.#key = key;
    this.#backend = backend;
    this.#abort();
    this.#pages.clear();
    this.#cache.clear();
    this.#drops.clear();
    this.#fling.reset();
    this.total = this.#claimed = this.#removed = 0;
    this.totals = undefined;
    this.phase = 'loading';
    this.error = undefined;
    this.pageFailed = false;
    void this.#fetchPage(0);
    this.#waitFrame();
    return true;
  }

  /** `waiting` once a frame comes with the first page still out (at once without frames). */
  #waitFrame(): void {
    const generation = this.#generation;
    const check = (): void => {
      this.waiting = generation === this.#generation && this.phase === 'loading';
      if (this.waiting) this.#host.requestUpdate();
    };
    this.waiting = false;
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(check);
    else check();
  }

  /**
   * Retries after an error: the whole query (at the host's next update, by `load`), or only
   * the pages that failed.
   */
  retry(): void {
    if (this.phase === 'error' || !this.#pages.size) {
      this.#key = '';
    } else {
      for (const [page, s] of this.#pages) if (s === 'error') this.#pages.delete(page);
      this.pageFailed = false;
      this.#schedule();
    }
    this.#host.requestUpdate();
  }

  /**
   * Re-runs the query in force without starting over: the first page (for the total) and the
   * pages in view are asked again; every row stays shown until its page answers, and the scroll
   * position is kept. Before the first answer (or after a failed query): the whole query.
   */
  refresh(): void {
    if (this.phase === 'ready') return this.#forget(0);
    this.#key = '';
    this.#host.requestUpdate();
  }

  /**
   * One invoice changed. A held row is patched in place (a new copy that still belongs to the
   * query), or removed when it was discarded or no longer belongs (status filter, audience), the
   * pages from its page on asked again; a change without the new copy asks its page again; an
   * invoice not held re-runs the query in view (it may have joined the list, or sit in a page
   * evicted from the cache).
   */
  apply(change: InvoiceChange): void {
    const at = this.#find(change.invoiceId);
    const q = this.#options.query();
    if (!at || !q) return this.refresh();
    const rows = this.#cache.get(at.page)!;
    const row = rows[at.index]!;
    if (change.kind === 'updated') {
      if (change.version === row.version) return;
      let next: InvoiceSummary;
      try {
        // Its summary fields, validated (a page's event may carry anything).
        next = parseInvoiceSummary(change.invoice);
      } catch {
        return this.#forget(at.page);
      }
      if (
        isVisibleTo(next, q.audience!) &&
        (!q.statuses || (q.statuses as string[]).includes(next.status)) &&
        (!q.overdue || isOverdue(next, q.asOf ?? new Date()))
      ) {
        rows[at.index] = next;
        return this.#host.requestUpdate();
      }
    }
    // Gone from the list: the rows after it move up.
    this.#remove(at.page, at.index);
    this.total--;
    this.#removed++;
    this.#forget(at.page);
  }

  /** Where an invoice is held: its page and its place in the page. */
  #find(id: string): { page: number; index: number } | undefined {
    for (const [page, rows] of this.#cache) {
      const index = rows.findIndex((r) => r.id === id);
      if (index >= 0) return { page, index };
    }
    return undefined;
  }

  /**
   * Removes a held row; the rows after it move up: each later held page hands its first row to
   * the page before it when that page is held and was full (else the row is dropped, and asked
   * again with its page).
   */
  #remove(page: number, index: number): void {
    this.#cache.get(page)!.splice(index, 1);
    for (const p of this.cachedPages) {
      if (p <= page) continue;
      const first = this.#cache.get(p)!.shift();
      const before = this.#cache.get(p - 1);
      if (first && before && before.length === this.#pageLength(p - 1) - 1) before.push(first);
    }
  }

  /** The rows a full page shows (the adapter's page size less its drafts dropped). */
  #pageLength(page: number): number {
    return this.#options.pageSize() - (this.#drops.get(page) ?? 0);
  }

  /**
   * Forgets the pages from `page` on (asked again as they come into view; their rows stay shown
   * until then); from 0, also asks the first page again for the total.
   */
  #forget(page: number): void {
    for (const p of this.#pages.keys()) {
      if (p >= page) {
        this.#inFlight.get(p)?.abort();
        this.#inFlight.delete(p);
        this.#pages.delete(p);
      }
    }
    this.pageFailed = false;
    if (!page) void this.#fetchPage(0);
    this.#schedule();
    this.#host.requestUpdate();
  }

  /**
   * The view moved: fetches the pages it needs at once, or, while the user flings, the pages
   * where the fling is predicted to stop now and the rest once the view stops.
   */
  moved(): void {
    this.#moves++;
    const { first, last } = this.#options.view();
    const size = this.#options.pageSize();
    const motion = this.#fling.move(frameTime(), first, last, this.total, size);
    this.#flinging = motion.flinging;
    this.#predicted = motion.stop
      ? {
          first: this.#pageOf(motion.stop.first),
          last: this.#pageOf(motion.stop.last),
        }
      : null;
    this.#schedule();
  }

  /** Aborts every request, and makes every answer still to come stale. */
  #abort(): void {
    this.#generation++;
    for (const c of this.#inFlight.values()) c.abort();
    this.#inFlight.clear();
    clearTimeout(this.#timer);
    this.#flinging = false;
    this.#predicted = null;
  }

  /** Drafts dropped so far, over all pages. */
  #dropped(): number {
    let n = 0;
    for (const d of this.#drops.values()) n += d;
    return n;
  }

  /** Display index where a page starts, given the drafts dropped from earlier pages. */
  #pageStart(page: number): number {
    let dropped = 0;
    for (const [p, n] of this.#drops) if (p < page) dropped += n;
    return page * this.#options.pageSize() - dropped;
  }

  /** The page holding a display index (0 for anything before the first row). */
  #pageOf(index: number): number {
    if (!(index > 0)) return 0;
    let page = Math.floor(index / this.#options.pageSize());
    while (this.#pageStart(page + 1) <= index) page++;
    return page;
  }

  async #fetchPage(page: number): Promise<void> {
    const backend = this.#options.backend();
    const q = this.#options.query();
    // Never a negative, fractional or endless page: a server may reject it (or worse, answer).
    if (!backend || !q || !Number.isSafeInteger(page) || page < 0) return;
    const limit = this.#options.pageSize();
    const generation = this.#generation;
    const controller = new AbortController();
    this.#inFlight.set(page, controller);
    this.#pages.set(page, 'loading');
    try {
      const result = await backend.listInvoices(
        { ...q, offset: Math.max(0, page * limit), limit },
        { signal: controller.signal },
      );
      if (generation !== this.#generation || controller.signal.aborted) return; // stale
      if (page === 0) [this.order, this.totals] = [result, result.totals];
      this.#place(page, result.items, q, result.total);
      this.#pages.set(page, 'loaded');
      if (page === 0) this.phase = 'ready';
      this.#evict();
      this.#schedule();
    } catch (error) {
      // An older query, or a page the user scrolled far away from (it is asked again if needed).
      if (generation !== this.#generation || controller.signal.aborted) return;
      if (page === 0) {
        this.phase = 'error';
        this.error = error;
      } else {
        this.#pages.set(page, 'error');
        this.pageFailed = true;
      }
      this.#host.requestUpdate();
    } finally {
      if (this.#inFlight.get(page) === controller) this.#inFlight.delete(page);
    }
  }

  #place(page: number, items: readonly InvoiceSummary[], q: InvoiceQuery, total: number): void {
    // The customer never sees a draft, whatever the adapter returned.
    const visible = visibleTo(items, q.audience!);
    this.#options.onRows?.(visible);
    if (!page) {
      // Never more rows than a list may claim, whatever the adapter said (docs/RULES.md,
      // Limits). A refresh's first page: the total may have changed, and the rows removed
      // since the last one are counted in it.
      const claimed = Number.isFinite(total) ? Math.min(Math.floor(total), MAX_LIST_TOTAL) : 0;
      this.#claimed = Math.max(claimed, items.length);
      this.#removed = 0;
    }
    const dropped = items.length - visible.length;
    if (dropped > 0) this.#drops.set(page, dropped);
    else this.#drops.delete(page);
    this.#cache.set(page, visible);
    this.total = Math.max(0, this.#claimed - this.#dropped() - this.#removed);
    this.#host.requestUpdate();
  }

  /** The pages the cache keeps whatever its size: the view's, a page on each side, and the
   * pages where a fling is predicted to stop. */
  #kept(): (page: number) => boolean {
    const view = this.#options.view();
    const first = this.#pageOf(view.first) - 1;
    const last = Math.max(first + 2, this.#pageOf(view.last) + 1);
    const stop = this.#predicted;
    return (p) => (p >= first && p <= last) || (!!stop && p >= stop.first && p <= stop.last);
  }

  /**
   * Keeps the cache bounded: over `maxCachedPages`, the pages farthest from the view go (their
   * rows become `PENDING`, asked again when the view comes back).
   */
  #evict(): void {
    const max = maxCachedPages(this.#options.pageSize());
    if (this.#cache.size <= max) return;
    const kept = this.#kept();
    const view = this.#options.view();
    const centre = this.#pageOf(view.first);
    const far = [...this.#cache.keys()]
      .filter((p) => !kept(p))
      .sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const p of far) {
      if (this.#cache.size <= max) break;
      this.#cache.delete(p);
      if (this.#pages.get(p) === 'loaded') this.#pages.delete(p);
    }
  }

  /**
   * Fetches the pages the view needs: at once for a jump, a slow scroll or the keyboard; while
   * the user flings, only the pages where the fling is predicted to stop, then the rest once
   * the view stops (placeholder rows meanwhile), so a fling through 100,000 rows sends no
   * request per frame and renders light rows; while a request is out, a moment later.
   * Requests for pages the view has left behind (and that are not where a fling will stop) are
   * aborted, and asked again if the user comes back.
   */
  #schedule(): void {
    clearTimeout(this.#timer);
    if (this.phase !== 'ready') return;
    const kept = this.#kept();
    for (const [page, controller] of this.#inFlight) {
      if (page > 0 && !kept(page)) {
        controller.abort();
        this.#inFlight.delete(page);
        this.#pages.delete(page);
      }
    }
    if (this.#flinging) {
      const stop = this.#predicted;
      if (stop) this.#fetchPages(stop.first, stop.last);
      this.#timer = setTimeout(() => this.#stopped(), this.#fling.settleMs);
      this.#watchStill();
    } else if (this.#inFlight.size) this.#timer = setTimeout(() => this.#fetchInView(), 30);
    else this.#fetchInView();
  }

  /**
   * Ends the fling at the first frame without a move: a frame's callbacks that find no move
   * since the frame before, `STILL_MS` at least after the frame that had the last one (a display
   * faster than the input skips a frame now and then). The timer of `#schedule` does it where
   * frames are not running. A move made by a script in a frame's callbacks is heard in that
   * frame (`sync`), not with its `scroll` event a frame later: the next frame is the one
   * without a move. Times are the frames' own (their start), so a frame that ran late does not
   * shorten the wait.
   */
  #watchStill(): void {
    if (this.#watching || typeof requestAnimationFrame !== 'function') return;
    this.#watching = true;
    /** The moves heard by the previous check, and the start of the last frame that had one. */
    let seen = -1;
    let movedFrame = -Infinity;
    const check = (frame: number): void => {
      this.#options.view().sync?.();
      // Counted, not timed: a check may end within the clock's resolution of a move.
      const still = this.#moves === seen;
      seen = this.#moves;
      if (!still) movedFrame = frame;
      if (!this.#flinging) this.#watching = false;
      else if (still && frame - movedFrame >= STILL_MS) {
        this.#watching = false;
        this.#stopped();
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }

  /** The fling stopped: the pages in view, now. */
  #stopped(): void {
    clearTimeout(this.#timer);
    this.#flinging = false;
    this.#predicted = null;
    this.#fetchInView();
  }

  #fetchInView(): void {
    const view = this.#options.view();
    const first = Math.max(0, view.first);
    const last = Math.min(view.last, this.total - 1);
    // `!(last >= first)` also stops a range that is not a number.
    if (this.phase !== 'ready' || !(last >= first)) return;
    this.#fetchPages(this.#pageOf(first), this.#pageOf(last));
  }

  /** Asks the pages of a range not asked yet (none twice while one is in flight). */
  #fetchPages(first: number, last: number): void {
    for (let p = first; p <= last; p++) {
      if (!this.#pages.has(p)) void this.#fetchPage(p);
    }
  }
}
