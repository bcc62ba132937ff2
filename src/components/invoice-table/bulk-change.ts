/**
 * `<invoice-table>`'s bulk status change (issue 25): the dialog's state, from the selection to
 * the result. Opening reads what is selected (the rows picked, or every row matching the query,
 * page by page from the adapter, less the ones unticked) and sorts it by the rules of one invoice
 * (`ineligibility`, core/bulk-status.ts); OK fires the cancelable request and runs the writes
 * (`BulkStatusRun`: a few at a time, each on its own guarded write); Stop leaves what has not
 * started; the result lists what changed, conflicted and failed, with Retry for the failed ones
 * (the same keys). The table renders it (`bulk-dialog.ts`).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { InvoiceBackend } from '../../core/backend.js';
import {
  BulkStatusRun,
  ineligibility,
  type BulkItem,
  type BulkResult,
  type IneligibleReason,
} from '../../core/bulk-status.js';
import { defaultNotify, isKnownStatus, visibleTo } from '../../core/status.js';
import type { Audience, InvoiceQuery, InvoiceStatus } from '../../core/types.js';
import type { InvoiceEventMap } from '../shared/events.js';
import type { Selection } from './selection.js';

/** Rows asked per request when every matching row is read. */
export const READ_PAGE_SIZE = 500;
/** Invoices named in the dialog's "will not change" list (the rest are counted). */
export const NAMED_MAX = 20;

/**
 * `closed`; `reading` (the selection is read); `confirm` (the question); `running` (the writes);
 * `done` (the result, or a veto or a failed read: `message`).
 */
export type BulkPhase = 'closed' | 'reading' | 'confirm' | 'running' | 'done';

export interface BulkChangeOptions {
  backend(): InvoiceBackend | undefined;
  audience(): Audience;
  /** The table's query in force (without offset and limit). */
  query(): InvoiceQuery | null;
  /** The rows of the query. */
  total(): number;
  selection: Selection;
  emit<K extends keyof InvoiceEventMap>(type: K, detail: InvoiceEventMap[K]): boolean;
}

export interface Ineligible {
  item: BulkItem;
  reason: IneligibleReason;
}

export class BulkChange implements ReactiveController {
  phase: BulkPhase = 'closed';
  to?: InvoiceStatus;
  notify = defaultNotify('existing');
  /** How many were selected when the dialog opened. */
  selected = 0;
  read = 0;
  eligible: BulkItem[] = [];
  /** The first {@link NAMED_MAX} left out, with why; `ineligibleCount` counts them all. */
  ineligible: Ineligible[] = [];
  ineligibleCount = 0;
  /** Progress of the run under way: done of total. */
  done = 0;
  running = 0;
  stopping = false;
  changed: BulkResult[] = [];
  conflicted: BulkResult[] = [];
  failed: BulkResult[] = [];
  notStarted: BulkItem[] = [];
  /** `vetoed` or `read-failed`, shown instead of a result. */
  message?: 'vetoed' | 'read-failed';

  readonly #host: ReactiveControllerHost;
  readonly #options: BulkChangeOptions;
  #run?: BulkStatusRun;
  #reading?: AbortController;

  constructor(host: ReactiveControllerHost, options: BulkChangeOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#reading?.abort();
    this.#run?.cancel();
  }

  /** Whether the dialog was closed meanwhile (a read under way was then dropped). */
  get #closed(): boolean {
    return this.phase !== 'reading';
  }

  /** The failed writes Retry may send again: unknown outcome, or a failure that may pass. */
  get retryable(): BulkResult[] {
    return this.failed.filter(
      (r) => r.outcome === 'unconfirmed' || (r.outcome === 'failed' && r.error?.retryable),
    );
  }

  /** Opens the question for `to`: reads the selection, then says what is eligible. */
  async open(to: InvoiceStatus): Promise<void> {
    if (this.phase !== 'closed') return;
    const { selection } = this.#options;
    Object.assign(this, {
      to,
      notify: defaultNotify('existing'),
      selected: selection.count(this.#options.total()),
      read: 0,
      eligible: [],
      ineligible: [],
      ineligibleCount: 0,
      changed: [],
      conflicted: [],
      failed: [],
      notStarted: [],
      message: undefined,
      phase: 'reading',
    });
    this.#run = new BulkStatusRun(this.#options.backend, this.#options.audience());
    this.#host.requestUpdate();
    try {
      if (selection.all) await this.#readAll(selection.excluded);
      else this.#sort(selection.picked);
    } catch {
      if (this.#closed) return;
      this.message = 'read-failed';
      this.phase = 'done';
      this.#host.requestUpdate();
      return;
    }
    if (this.#closed) return;
    this.phase = 'confirm';
    this.#host.requestUpdate();
  }

  /**
   * Every row of the query, page by page, less `excluded`; an id already read is skipped (a list
   * that shifts between pages gives no row twice, as the list export: docs/RULES.md).
   */
  async #readAll(excluded: ReadonlySet<string>): Promise<void> {
    const backend = this.#options.backend();
    const query = this.#options.query();
    if (!backend || !query) throw new Error('No query.');
    const controller = new AbortController();
    this.#reading = controller;
    const seen = new Set<string>();
    // The next page starts after the rows served: a server may apply a smaller limit.
    for (let offset = 0; ;) {
      const page = await backend.listInvoices(
        { ...query, offset, limit: READ_PAGE_SIZE },
        { signal: controller.signal },
      );
      if (controller.signal.aborted) throw new Error('Aborted.');
      const rows = visibleTo(page.items, query.audience ?? 'operator');
      const fresh = rows.filter((r) => {
        if (seen.has(r.id)) return false;
        seen.add(r.id);
        return !excluded.has(r.id);
      });
      this.#sort(fresh);
      offset += page.items.length;
      this.read = Math.min(offset, page.total);
      this.#host.requestUpdate();
      if (!page.items.length || offset >= page.total) break;
    }
  }

  /** Sorts rows into eligible and left out (with why). */
  #sort(rows: readonly BulkItem[]): void {
    const to = this.to!;
    const audience = this.#options.audience();
    for (const row of rows) {
      const reason = ineligibility(row, to, audience);
      if (!reason) {
        const { id, documentId, status, version } = row;
        this.eligible.push({ id, documentId, status, version });
      } else {
        this.ineligibleCount++;
        if (this.ineligible.length < NAMED_MAX) this.ineligible.push({ item: row, reason });
      }
    }
  }

  /** OK: the request event, then the writes of the eligible invoices. */
  async confirm(notify: boolean): Promise<void> {
    const to = this.to;
    if (this.phase !== 'confirm' || !to || !this.eligible.length) return;
    this.notify = notify;
    const invoiceIds = this.eligible.map((i) => i.id);
    if (!this.#options.emit('invoice-bulk-status-change-request', { invoiceIds, to, notify })) {
      this.message = 'vetoed';
      this.phase = 'done';
      this.#host.requestUpdate();
      return;
    }
    await this.#go(
      (run, onResult) => run.run(this.eligible, to, notify, { onResult }),
      invoiceIds.length,
    );
  }

  /** Retry: the failed writes that may pass, each with its own key again. */
  async retry(): Promise<void> {
    const again = this.retryable;
    if (this.phase !== 'done' || !again.length) return;
    this.failed = this.failed.filter((r) => !again.includes(r));
    await this.#go(
      (run, onResult) =>
        run.retry(
          again.map((r) => r.item),
          { onResult },
        ),
      again.length,
    );
  }

  /** Stop: what has not started stays as it is; the writes in flight end and are reported. */
  stop(): void {
    if (this.phase !== 'running') return;
    this.stopping = true;
    this.#run?.cancel();
    this.#host.requestUpdate();
  }

  /** Closes the dialog (while reading: stops the reads). Not while writes are in flight. */
  close(): boolean {
    if (this.phase === 'running') return false;
    this.#reading?.abort();
    this.phase = 'closed';
    this.#host.requestUpdate();
    return true;
  }

  async #go(
    start: (run: BulkStatusRun, onResult: (r: BulkResult) => void) => Promise<BulkItem[]>,
    count: number,
  ): Promise<void> {
    const run = this.#run!;
    const changedBefore = this.changed.length;
    const conflictedBefore = this.conflicted.length;
    const failedBefore = this.failed.length;
    this.phase = 'running';
    this.stopping = false;
    this.done = 0;
    this.running = count;
    this.#host.requestUpdate();
    this.notStarted = await start(run, (result) => this.#record(result));
    this.phase = 'done';
    this.stopping = false;
    const ids = (list: { item: BulkItem }[], from: number) =>
      list.slice(from).map((r) => r.item.id);
    this.#options.emit('invoice-bulk-status-change', {
      to: this.to!,
      notify: this.notify,
      changed: ids(this.changed, changedBefore),
      conflicted: ids(this.conflicted, conflictedBefore),
      failed: ids(this.failed, failedBefore),
      notStarted: this.notStarted.map((i) => i.id),
    });
    this.#host.requestUpdate();
  }

  /** One invoice's outcome: counted, and a change told to the page as one invoice's is. */
  #record(result: BulkResult): void {
    this.done++;
    const { intent, invoice } = result;
    if (result.outcome === 'changed' && invoice) {
      this.changed.push(result);
      if (isKnownStatus(intent.from)) {
        const { from, to, notify } = intent;
        this.#options.emit('invoice-status-change', { invoice, from, to, notify });
      }
    } else if (result.outcome === 'conflict') this.conflicted.push(result);
    else this.failed.push(result);
    this.#host.requestUpdate();
  }
}
