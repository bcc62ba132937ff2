/**
 * Bulk status change (issue 25): which of several invoices may move to a target, by the same
 * rules as one invoice (`targetsFor`, ./status.ts), and the writes, each on its own
 * `GuardedWrite` (./guarded-write.ts): its own version, its own idempotency key (kept for
 * Retry), an unknown outcome re-read before anything is said. A few invoices at a time; through
 * the adapter's optional `updateStatuses` in batches when it has one. No Lit.
 */
import type { InvoiceBackend } from './backend.js';
import { BackendError } from './errors.js';
import { GuardedWrite, type WriteOutcome } from './guarded-write.js';
import { isKnownStatus, targetsFor } from './status.js';
import type {
  Audience,
  Invoice,
  InvoiceStatus,
  InvoiceSummary,
  ReceivedStatus,
  StatusUpdate,
} from './types.js';

/** What a bulk change needs of one invoice (a summary's fields; `allowedTargets` when known). */
export type BulkItem = Pick<InvoiceSummary, 'id' | 'documentId' | 'status' | 'version'> & {
  allowedTargets?: readonly string[];
};

/**
 * Why an invoice is left out: it already has the target status; its status is not one this
 * version knows (read-only); or the rules do not allow the change from its status.
 */
export type IneligibleReason = 'same-status' | 'unknown-status' | 'not-allowed';

/** Why `item` may not move to `to` for `audience`, or `null` when it may. */
export function ineligibility(
  item: Pick<BulkItem, 'status' | 'allowedTargets'>,
  to: InvoiceStatus,
  audience: Audience = 'operator',
): IneligibleReason | null {
  if (!isKnownStatus(item.status)) return 'unknown-status';
  if (item.status === to) return 'same-status';
  const said = item.allowedTargets?.filter(isKnownStatus);
  return targetsFor({ status: item.status, allowedTargets: said }, audience).includes(to)
    ? null
    : 'not-allowed';
}

/** One invoice's confirmed change. Retry sends exactly this again (same key, same version). */
export interface BulkIntent {
  invoiceId: string;
  from: ReceivedStatus;
  to: InvoiceStatus;
  notify: boolean;
  expectedVersion: string;
}

/**
 * How one invoice's change ended: `changed`; `conflict` (someone else changed it: reload);
 * `invalid-transition` (not allowed now); `unconfirmed` (sent, the outcome not known yet:
 * Retry with the same key is safe); `failed` (`error.retryable` says whether Retry may help).
 */
export type BulkOutcome = 'changed' | 'conflict' | 'invalid-transition' | 'unconfirmed' | 'failed';

export interface BulkResult {
  item: BulkItem;
  intent: BulkIntent;
  outcome: BulkOutcome;
  /** The backend's invoice after the change (`changed`). */
  invoice?: Invoice;
  /** Why it did not change (every outcome but `changed` and `unconfirmed` after a check). */
  error?: BackendError;
}

/** Invoices written at a time without a batch operation (docs/ADAPTERS.md). */
export const BULK_CONCURRENCY = 4;
/** Invoices per `updateStatuses` call. */
export const BULK_BATCH_SIZE = 50;

export interface BulkRunOptions {
  /** Writes (or batches) in flight at most. Default {@link BULK_CONCURRENCY}. */
  concurrency?: number;
  /** Invoices per `updateStatuses` call. Default {@link BULK_BATCH_SIZE}. */
  batchSize?: number;
  /** Told of each invoice's outcome as it is known. */
  onResult?: (result: BulkResult) => void;
}

/** The outcome of one write (or the check after it), as a bulk outcome. */
function bulkOutcome(
  outcome: WriteOutcome<Invoice>,
): Pick<BulkResult, 'outcome' | 'invoice' | 'error'> {
  switch (outcome.kind) {
    case 'success':
      return { outcome: 'changed', invoice: outcome.result };
    case 'conflict':
    case 'invalid-transition':
      return { outcome: outcome.kind, error: outcome.error };
    case 'unconfirmed':
      return { outcome: 'unconfirmed' };
    case 'not-applied':
      return { outcome: 'failed', error: new BackendError('server', 'Not applied.') };
    case 'outcome-unknown':
      return { outcome: 'unconfirmed', error: outcome.error };
    default:
      return { outcome: 'failed', error: outcome.error };
  }
}

/**
 * The writes of one bulk change. `run` sends the intents of the invoices given, at most
 * `concurrency` writes (or batches) at a time; `cancel` stops what has not started (the writes
 * in flight end and are reported). `retry` sends again the intents that did not end (failed or
 * unconfirmed), each with its own key: the backend applies it once.
 */
export class BulkStatusRun {
  readonly #writes = new Map<string, GuardedWrite<BulkIntent>>();
  readonly #backend: () => InvoiceBackend | undefined;
  readonly #audience: Audience;
  #cancelled = false;

  constructor(backend: () => InvoiceBackend | undefined, audience: Audience = 'operator') {
    this.#backend = backend;
    this.#audience = audience;
  }

  /** Stops the writes not started yet. */
  cancel(): void {
    this.#cancelled = true;
  }

  get cancelled(): boolean {
    return this.#cancelled;
  }

  /**
   * Sends `to` (with `notify`) for each item, the version it was listed with as
   * `expectedVersion`. Resolves with the items not started (after `cancel`).
   */
  run(
    items: readonly BulkItem[],
    to: InvoiceStatus,
    notify: boolean,
    options: BulkRunOptions = {},
  ): Promise<BulkItem[]> {
    this.#cancelled = false;
    const jobs = items.map((item) => {
      const write = new GuardedWrite<BulkIntent>();
      const intent = { invoiceId: item.id, from: item.status, to, notify };
      write.begin({ ...intent, expectedVersion: item.version });
      this.#writes.set(item.id, write);
      return { item, write };
    });
    return this.#pool(jobs, options);
  }

  /** Sends again the held intents of `items` (failed or unconfirmed), with their keys. */
  retry(items: readonly BulkItem[], options: BulkRunOptions = {}): Promise<BulkItem[]> {
    this.#cancelled = false;
    const jobs = items.flatMap((item) => {
      const write = this.#writes.get(item.id);
      return write?.intent ? [{ item, write }] : [];
    });
    return this.#pool(jobs, options);
  }

  async #pool(jobs: Job[], options: BulkRunOptions): Promise<BulkItem[]> {
    const backend = this.#backend();
    const batch = backend?.updateStatuses ? (options.batchSize ?? BULK_BATCH_SIZE) : 1;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (!this.#cancelled && next < jobs.length) {
        const chunk = jobs.slice(next, next + batch);
        next += chunk.length;
        await this.#chunk(chunk, options);
      }
    };
    const width = Math.max(1, options.concurrency ?? BULK_CONCURRENCY);
    await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, worker));
    return jobs.slice(next).map((j) => j.item);
  }

  /** Writes a chunk: one `updateStatuses` call for all of it, or one `updateStatus`. */
  async #chunk(chunk: Job[], options: BulkRunOptions): Promise<void> {
    const backend = this.#backend();
    const batch = backend?.updateStatuses && new Batch(backend);
    const done = chunk.map(async ({ item, write }) => {
      const intent = write.intent!;
      const send = batch
        ? (i: BulkIntent, key: string) => batch.add(update(i, key))
        : backend &&
          ((i: BulkIntent, key: string, signal: AbortSignal) =>
            backend.updateStatus(update(i, key), { signal }));
      let outcome: WriteOutcome<Invoice> | undefined = await write.run(
        send,
        // An answer in the old status does not show the change: re-read (as for one invoice).
        (answer, i) => answer.status === i.to,
      );
      if (outcome?.kind === 'outcome-unknown') {
        const read =
          backend &&
          ((signal: AbortSignal) =>
            backend.getInvoice(intent.invoiceId, { signal, audience: this.#audience }));
        outcome = await write.check(read, (fresh, i) => fresh.status === i.to);
      }
      if (outcome) options.onResult?.({ item, intent, ...bulkOutcome(outcome) });
    });
    batch?.flush();
    await Promise.all(done);
  }
}

interface Job {
  item: BulkItem;
  write: GuardedWrite<BulkIntent>;
}

function update(intent: BulkIntent, idempotencyKey: string): StatusUpdate {
  const { invoiceId, to, notify, expectedVersion } = intent;
  return { invoiceId, to, notify, expectedVersion, idempotencyKey };
}

/** The updates of one chunk, sent in one `updateStatuses` call; each answered on its own. */
class Batch {
  readonly #backend: InvoiceBackend;
  readonly #waiting: {
    update: StatusUpdate;
    resolve(i: Invoice): void;
    reject(e: unknown): void;
  }[] = [];

  constructor(backend: InvoiceBackend) {
    this.#backend = backend;
  }

  add(update: StatusUpdate): Promise<Invoice> {
    return new Promise((resolve, reject) => this.#waiting.push({ update, resolve, reject }));
  }

  /** Sends every update added; a failure of the call is every item's failure. */
  flush(): void {
    const waiting = this.#waiting.splice(0);
    if (!waiting.length) return;
    this.#backend.updateStatuses!(waiting.map((w) => w.update)).then(
      (results) =>
        waiting.forEach((w, i) => {
          const r = results[i];
          if (r?.invoice) w.resolve(r.invoice);
          else
            w.reject(
              r?.error ?? new BackendError('validation', 'No answer.', { outcomeUnknown: true }),
            );
        }),
      (error: unknown) => waiting.forEach((w) => w.reject(error)),
    );
  }
}
