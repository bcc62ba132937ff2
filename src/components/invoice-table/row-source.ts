/**
 * RowSource: the table's rows, fetched from the adapter page by page as they come into view.
 *
 * It owns the rows (position-keyed: a row not fetched yet is `PENDING`), their total, the phase
 * of the query, and the requests: the first page of a query at once, then the pages the view
 * needs, each abortable. A newer query makes every older answer stale (never shown). In the
 * customer audience drafts are dropped whatever the adapter returned (docs/RULES.md), and the
 * rows after them move up: a page's rows start where the earlier pages' visible rows end.
 * While the user flings, or while a request is out, fetching waits for the view to settle
 * (docs/PERFORMANCE.md). A change to one invoice (`apply`) patches or removes its row; `refresh`
 * asks the pages in view again, keeping the rows shown meanwhile. The host renders; this
 * controller only asks it to.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { InvoiceBackend } from '../../core/backend.js';
import { isVisibleTo, visibleTo } from '../../core/status.js';
import type { InvoiceChange, InvoiceQuery, InvoiceSummary, Page } from '../../core/types.js';
import { MAX_LIST_TOTAL, parseInvoiceSummary } from '../../core/validate.js';

/** A row not fetched yet. */
export const PENDING: { readonly pending: true } = Object.freeze({ pending: true });
export type Row = InvoiceSummary | typeof PENDING;
export const loaded = (row: Row | undefined): row is InvoiceSummary =>
  row !== undefined && row !== PENDING;
/** `idle` before the first query, `loading` until its first page, then `ready` or `error`. */
export type Phase = 'idle' | 'loading' | 'ready' | 'error';

export interface RowSourceOptions {
  /** The adapter in force (read at each request). */
  backend(): InvoiceBackend | undefined;
  /** The query in force, with its audience, without offset and limit (`null`: none). */
  query(): InvoiceQuery | null;
  /** Rows per request, a whole number ≥ 1. */
  pageSize(): number;
  /** The rows in view: the first and last rendered (`last < first` when none). */
  view(): { readonly first: number; readonly last: number };
  /** Sees each page's rows as they arrive (drafts already dropped for the customer). */
  onRows?(rows: readonly InvoiceSummary[]): void;
}

export class RowSource implements ReactiveController {
  rows: Row[] = [];
  /** Rows of the query (less the drafts dropped so far). */
  total = 0;
  phase: Phase = 'idle';
  /** Why the query failed (phase `error`). */
  error: unknown;
  /** Whether a page other than the first failed (the rows fetched stay shown). */
  pageFailed = false;
  /** How the first page says a sort by total was ordered (docs/ADAPTERS.md). */
  order: Pick<Page<unknown>, 'totalOrder' | 'reportingCurrency'> = {};

  readonly #host: ReactiveControllerHost;
  readonly #options: RowSourceOptions;
  #key = '';
  #backend: unknown;
  #generation = 0;
  /** Requests in flight, by page. */
  #inFlight = new Map<number, AbortController>();
  #pages = new Map<number, 'loading' | 'loaded' | 'error'>();
  /** Drafts dropped, by page. */
  #drops = new Map<number, number>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastMove = { at: -Infinity, first: 0, last: -1, jumped: false };
  /** How long a fling's fetch waits for the next move: a frame and a half, 60–300 ms. */
  #settleMs = 60;

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
    this.#drops.clear();
    this.rows = [];
    this.total = 0;
    this.phase = 'loading';
    this.error = undefined;
    this.pageFailed = false;
    void this.#fetchPage(0);
    return true;
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
   * One invoice changed. A loaded row is patched in place (a new copy that still belongs to the
   * query), or removed when it was discarded or no longer belongs (status filter, audience), the
   * pages from its page on asked again; a change without the new copy asks its page again; an
   * invoice not loaded re-runs the query in view (it may have joined the list).
   */
  apply(change: InvoiceChange): void {
    const index = this.rows.findIndex((r) => loaded(r) && r.id === change.invoiceId);
    const row = this.rows[index];
    const q = this.#options.query();
    if (!loaded(row) || !q) return this.refresh();
    const page = this.#pageOf(index);
    if (change.kind === 'updated') {
      if (change.version === row.version) return;
      let next: InvoiceSummary;
      try {
        // Its summary fields, validated (a page's event may carry anything).
        next = parseInvoiceSummary(change.invoice);
      } catch {
        return this.#forget(page);
      }
      if (
        isVisibleTo(next, q.audience!) &&
        (!q.statuses || (q.statuses as string[]).includes(next.status))
      ) {
        this.rows[index] = next;
        return this.#host.requestUpdate();
      }
    }
    // Gone from the list: the rows after it move up.
    this.rows.splice(index, 1);
    this.total--;
    this.#forget(page);
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
        this.#drops.delete(p);
      }
    }
    this.pageFailed = false;
    if (!page) void this.#fetchPage(0);
    this.#schedule();
    this.#host.requestUpdate();
  }

  /** The view moved: fetches the pages it needs, at once, or once a fling settles. */
  moved(): void {
    this.#schedule(this.#flinging());
  }

  /** Aborts every request, and makes every answer still to come stale. */
  #abort(): void {
    this.#generation++;
    for (const c of this.#inFlight.values()) c.abort();
    this.#inFlight.clear();
    clearTimeout(this.#timer);
  }

  /** Drafts dropped so far, over all pages. */
  #dropped(): number {
    let n = 0;
    for (const d of this.#drops.values()) n += d;
    return n;
  }

  /** Display index where a page starts, given the drafts dropped from earlier loaded pages. */
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
      if (generation !== this.#generation) return; // an older query: never shown
      if (page === 0) this.order = result;
      this.#place(page, result.items, q, result.total);
      this.#pages.set(page, 'loaded');
      if (page === 0) this.phase = 'ready';
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
    const start = this.#pageStart(page);
    const dropped = items.length - visible.length;
    // Never more slots than a list may claim, whatever the adapter said (docs/RULES.md, Limits).
    total = Math.min(total, MAX_LIST_TOTAL);
    if (this.phase === 'loading') {
      // A new query: a new array.
      this.rows = new Array<Row>(Math.max(total, items.length)).fill(PENDING);
      this.total = this.rows.length;
    } else if (!page) {
      // The first page again (a refresh): the total may have changed; rows not fetched since
      // stay until their page answers.
      this.rows.length = this.total = Math.max(0, Math.max(total, items.length) - this.#dropped());
    }
    const rows = this.rows;
    if (dropped > 0) {
      rows.splice(start, items.length, ...visible);
      this.#drops.set(page, dropped);
      this.total = Math.max(0, this.total - dropped);
      rows.length = this.total;
    } else {
      // Filled in place: only the rendered rows re-render.
      for (let i = 0; i < visible.length; i++) rows[start + i] = visible[i]!;
    }
    this.#host.requestUpdate();
  }

  /**
   * Whether the user is flinging: the view moved past the rows it held a moment ago, or past
   * them again after such a move (a scrollbar drag or a fast wheel, not a jump, a slow scroll
   * or the keyboard). "A moment" is a few frames, and the wait for the fling to settle scales
   * with the time between moves, so a busy or slow device whose frames take 100 ms or more
   * still counts a drag as a fling rather than sending a request per frame.
   */
  #flinging(): boolean {
    const now = performance.now();
    const { first, last } = this.#options.view();
    const previous = this.#lastMove;
    const gap = now - previous.at;
    const jumped = first > previous.last || last < previous.first;
    this.#lastMove = { at: now, first, last, jumped };
    this.#settleMs = Math.min(300, Math.max(60, 1.5 * gap));
    return jumped && (gap < 150 || (previous.jumped && gap < 1000));
  }

  /**
   * Fetches the pages the view needs: at once for a jump, a slow scroll or the keyboard; while
   * the user flings or a request is out, once scrolling settles (placeholder rows meanwhile),
   * so a fling through 100,000 rows sends no request per frame and renders light rows.
   * Requests for pages the view has left behind are aborted (and asked again if the user comes
   * back).
   */
  #schedule(flinging = false): void {
    clearTimeout(this.#timer);
    if (this.phase !== 'ready') return;
    const view = this.#options.view();
    const firstPage = this.#pageOf(view.first) - 1;
    const lastPage = this.#pageOf(view.last) + 1;
    for (const [page, controller] of this.#inFlight) {
      if (page > 0 && (page < firstPage || page > lastPage)) {
        controller.abort();
        this.#inFlight.delete(page);
        this.#pages.delete(page);
      }
    }
    if (flinging) this.#timer = setTimeout(() => this.#fetchInView(), this.#settleMs);
    else if (this.#inFlight.size) this.#timer = setTimeout(() => this.#fetchInView(), 30);
    else this.#fetchInView();
  }

  #fetchInView(): void {
    const view = this.#options.view();
    const first = Math.max(0, view.first);
    const last = Math.min(view.last, this.total - 1);
    // `!(last >= first)` also stops a range that is not a number.
    if (this.phase !== 'ready' || !(last >= first)) return;
    const lastPage = this.#pageOf(last);
    for (let p = this.#pageOf(first); p <= lastPage; p++) {
      if (!this.#pages.has(p)) void this.#fetchPage(p);
    }
  }
}
