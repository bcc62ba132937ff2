/**
 * An in-memory `InvoiceBackend` with the semantics of a real server: versions and conflicts,
 * the transition table (narrowed or widened per invoice), idempotency keys, audiences, paging,
 * abortable simulated latency. For demos, stories, tests and as the store behind mock servers.
 *
 * Test and story hooks: `failNext`, `calls`, `allowedTargetsFor`, `setInvoices`, `addInvoice`,
 * `setDownload`, `inspect`, `snapshot` / `MemoryBackend.restore` / `reload`.
 *
 * `subscribe` reports each write (after its answer, as a server's event stream would), and the
 * changes passed to `reload` (another tab's writes, in the demo).
 */
import type { CallOptions, CustomerSearch, InvoiceBackend } from '../../core/backend.js';
import { BackendError } from '../../core/errors.js';
import { allowedTargets, canTransition, isKnownStatus, isVisibleTo } from '../../core/status.js';
import { acceptReason } from '../../core/reason-refusal.js';
import { reasonRequired } from '../../core/status-reason.js';
import type {
  Audience,
  Customer,
  DiscardRequest,
  DownloadFormat,
  Invoice,
  InvoiceChange,
  Issuer,
  InvoiceQuery,
  InvoiceSummary,
  Page,
  ServerDownload,
  StatusUpdate,
  StatusUpdateResult,
} from '../../core/types.js';
import {
  DEFAULT_ISSUER,
  DEFAULT_PAYMENT_INSTRUCTIONS,
  generateData,
  resolveGeneratorOptions,
} from './generator.js';
import type { GeneratedData, GeneratorOptions, ResolvedGeneratorOptions } from './generator.js';
import { copyCustomer, historyOf, recordFromInvoice, toInvoice, toSummary } from './records.js';
import type { InvoiceRecord } from './records.js';
import { queryRecords, searchCustomerList } from './query.js';
import { isoDay } from '../../core/overdue.js';

export const BACKEND_OPERATIONS = [
  'searchCustomers',
  'getCustomer',
  'listInvoices',
  'getInvoice',
  'updateStatus',
  'updateStatuses',
  'discardInvoice',
  'download',
] as const;
export type BackendOperation = (typeof BACKEND_OPERATIONS)[number];

/** What `download` answers for a format: a file, `null` (the browser makes it), or an error. */
export type DownloadAnswer = ServerDownload | null | BackendError;

export interface MemoryBackendOptions {
  /** Generated data, or options for the generator. Default: `generateData()` (seed 1). */
  data?: GeneratedData | GeneratorOptions;
  /** Exact fixture invoices; when given, nothing is generated. */
  invoices?: Invoice[];
  /** Extra customers (with `invoices`, or customers without invoices). */
  customers?: Customer[];
  /** A `snapshot()` string to start from (wins over `data`/`invoices`). */
  snapshot?: string;
  /** Simulated delay of every call, in ms (default 0); the AbortSignal cancels it. */
  latencyMs?: number;
  /** Who status changes are recorded as (history `by`). Default `Operator`. */
  actor?: string;
  /** The clock for history entries. Default `() => new Date()`. */
  now?: () => Date;
  /**
   * Whether every invoice requires a reason to be voided (issue 25; per invoice:
   * `requireVoidReason`, or the fixture invoice's own `voidReasonRequired`). Default no.
   */
  voidReasonRequired?: boolean;
  /** Per-format answers of `download`. Formats not listed answer `null`. */
  downloads?: Partial<Record<DownloadFormat, DownloadAnswer>>;
  /**
   * Who issues the generated invoices (docs/ADAPTERS.md, "Invoice documents"). Default
   * {@link DEFAULT_ISSUER}, a reseller with an address and a tax ID and no logo (give one with
   * a `logoUrl` of your own, https or same origin); `null` for none. Fixture invoices keep
   * their own issuer (or none).
   */
  issuer?: Issuer | null;
  /**
   * The payment instructions of the generated invoices. Default
   * {@link DEFAULT_PAYMENT_INSTRUCTIONS}; `null` for none. Fixture invoices keep their own.
   */
  paymentInstructions?: string | null;
}

const SNAPSHOT_FORMAT = 'invoice-elements/memory-backend@1';

interface SnapshotV1 {
  format: typeof SNAPSHOT_FORMAT;
  origin: ResolvedGeneratorOptions | null;
  customers: Customer[];
  removed: string[];
  records: InvoiceRecord[];
}

interface IdempotentEntry {
  fingerprint: string;
  result: Invoice | null;
}

function aborted(): BackendError {
  return new BackendError('aborted', 'The request was aborted.');
}

function notFound(what: string): BackendError {
  return new BackendError('not-found', `${what} was not found.`, { status: 404 });
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw aborted();
}

/** Waits `ms` (or forever when `ms` is Infinity), rejecting with `aborted` when the signal fires. */
function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(aborted());
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      reject(aborted());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    if (Number.isFinite(ms)) {
      timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
    }
  });
}

function isGeneratedData(data: GeneratedData | GeneratorOptions): data is GeneratedData {
  return Array.isArray((data as Partial<GeneratedData>).invoices);
}

function nextVersion(current: string): string {
  const m = /^v(\d+)$/.exec(current);
  return `v${m ? Number(m[1]) + 1 : 2}`;
}

export class MemoryBackend implements InvoiceBackend {
  /** How many times each operation was called (including failed and aborted calls). */
  readonly calls: Record<BackendOperation, number> = MemoryBackend.zeroCalls();

  /** Simulated delay of every call, in ms. May be changed at any time. */
  latencyMs: number;
  /** Who status changes are recorded as. */
  actor: string;

  private readonly now: () => Date;
  private readonly issuer: Issuer | null;
  private readonly paymentInstructions: string | null;
  private records = new Map<string, InvoiceRecord>();
  private customers = new Map<string, Customer>();
  private origin: ResolvedGeneratorOptions | null = null;
  private dirty = new Set<string>();
  private removed = new Set<string>();
  private readonly faults = new Map<BackendOperation, (BackendError | 'hang')[]>();
  private readonly idempotency = new Map<string, IdempotentEntry>();
  private readonly downloads = new Map<DownloadFormat, DownloadAnswer>();
  private longInvoice: string | undefined;
  private readonly voidReasonRequired: boolean;
  private readonly listeners = new Set<(change: InvoiceChange) => void>();

  constructor(options: MemoryBackendOptions = {}) {
    this.voidReasonRequired = options.voidReasonRequired === true;
    this.latencyMs = options.latencyMs ?? 0;
    this.actor = options.actor ?? 'Operator';
    this.now = options.now ?? (() => new Date());
    this.issuer = options.issuer === undefined ? DEFAULT_ISSUER : options.issuer;
    this.paymentInstructions =
      options.paymentInstructions === undefined
        ? DEFAULT_PAYMENT_INSTRUCTIONS
        : options.paymentInstructions;
    for (const [format, answer] of Object.entries(options.downloads ?? {})) {
      this.downloads.set(format as DownloadFormat, answer as DownloadAnswer);
    }
    if (options.snapshot !== undefined) {
      this.load(options.snapshot);
    } else if (options.invoices) {
      this.setInvoices(options.invoices, options.customers);
    } else {
      const data = options.data ?? {};
      this.useGenerated(isGeneratedData(data) ? data : generateData(data));
      for (const c of options.customers ?? []) this.customers.set(c.id, copyCustomer(c));
    }
  }

  /** A backend restored from `snapshot()`. */
  static restore(
    json: string,
    options: Omit<MemoryBackendOptions, 'snapshot'> = {},
  ): MemoryBackend {
    return new MemoryBackend({ ...options, snapshot: json });
  }

  private static zeroCalls(): Record<BackendOperation, number> {
    return Object.fromEntries(BACKEND_OPERATIONS.map((op) => [op, 0])) as Record<
      BackendOperation,
      number
    >;
  }

  // -------------------------------------------------------------------------------------------
  // Test and story hooks

  /** Makes the next call of `operation` reject with `error`, or hang until aborted. Queues. */
  failNext(operation: BackendOperation, error: BackendError | 'hang'): void {
    const queue = this.faults.get(operation) ?? [];
    queue.push(error);
    this.faults.set(operation, queue);
  }

  /** Forgets queued failures and zeroes `calls`. */
  resetHooks(): void {
    this.faults.clear();
    for (const op of BACKEND_OPERATIONS) this.calls[op] = 0;
  }

  /**
   * Per-invoice targets the backend announces and enforces (narrow or widen the default table;
   * DRAFT is never accepted). `undefined` goes back to the default table.
   */
  allowedTargetsFor(invoiceId: string, targets: readonly string[] | undefined): void {
    const record = this.records.get(invoiceId);
    if (!record) throw new RangeError(`No invoice ${invoiceId}.`);
    const next: InvoiceRecord = { ...record };
    if (targets) next.allowedTargets = [...targets];
    else delete next.allowedTargets;
    this.put(next);
  }

  /**
   * Whether voiding this invoice requires a reason (issue 25): announced as the invoice's
   * `voidReasonRequired` and enforced by `updateStatus`. `undefined` goes back to the
   * backend-wide option.
   */
  requireVoidReason(invoiceId: string, required: boolean | undefined = true): void {
    const record = this.records.get(invoiceId);
    if (!record) throw new RangeError(`No invoice ${invoiceId}.`);
    const next: InvoiceRecord = { ...record };
    if (required === undefined) delete next.voidReasonRequired;
    else next.voidReasonRequired = required;
    this.put(next);
  }

  /** Whether `record` needs a reason to be voided: its own word, else the backend's option. */
  private needsVoidReason(record: InvoiceRecord): boolean {
    return record.voidReasonRequired ?? this.voidReasonRequired;
  }

  /** What `download` answers for a format (`null`: let the browser make the file). */
  setDownload(format: DownloadFormat, answer: DownloadAnswer): void {
    this.downloads.set(format, answer);
  }

  /** Replaces everything with exact fixtures. Customers come from the invoices plus `customers`. */
  setInvoices(invoices: readonly Invoice[], customers: readonly Customer[] = []): void {
    this.records = new Map();
    this.customers = new Map();
    this.origin = null;
    this.dirty = new Set();
    this.removed = new Set();
    this.longInvoice = undefined;
    this.idempotency.clear();
    for (const c of customers) this.customers.set(c.id, copyCustomer(c));
    for (const invoice of invoices) this.addInvoice(invoice);
  }

  /** Adds (or replaces, by id) one exact fixture invoice. */
  addInvoice(invoice: Invoice): void {
    const record = recordFromInvoice(invoice);
    if (!this.customers.has(record.customer.id)) {
      this.customers.set(record.customer.id, copyCustomer(record.customer));
    }
    this.removed.delete(record.id);
    this.put(record);
  }

  /**
   * Removes one invoice, whatever its status (a test fixture's cleanup; the adapter's own
   * `discardInvoice` takes drafts only). Returns whether it was there.
   */
  removeInvoice(invoiceId: string): boolean {
    if (!this.records.delete(invoiceId)) return false;
    this.dirty.delete(invoiceId);
    this.removed.add(invoiceId);
    return true;
  }

  /** The stored invoice as the operator sees it, without latency, hooks or counting. */
  inspect(invoiceId: string): Invoice | undefined {
    const record = this.records.get(invoiceId);
    return record ? this.invoiceOf(record) : undefined;
  }

  /**
   * The whole invoice of a record: a generated one without its own issuer or payment
   * instructions gets the backend's.
   */
  private invoiceOf(record: InvoiceRecord): Invoice {
    const invoice = toInvoice(record);
    if (this.needsVoidReason(record)) invoice.voidReasonRequired = true;
    if (record.recipe) {
      if (!invoice.issuer && this.issuer) invoice.issuer = structuredClone(this.issuer);
      if (invoice.paymentInstructions === undefined && this.paymentInstructions !== null) {
        invoice.paymentInstructions = this.paymentInstructions;
      }
    }
    return invoice;
  }

  /** Ids of all stored invoices, in store order. */
  invoiceIds(): string[] {
    return [...this.records.keys()];
  }

  /** All customers, copied. */
  customerList(): Customer[] {
    return [...this.customers.values()].map(copyCustomer);
  }

  /** The id of the generator's long invoice (`longInvoiceLines`), when there is one. */
  get longInvoiceId(): string | undefined {
    return this.longInvoice;
  }

  /** The mutable state as JSON (generator options + changed records), for `restore`. */
  snapshot(): string {
    const records: InvoiceRecord[] = [];
    for (const id of this.dirty) {
      const r = this.records.get(id);
      if (r) records.push(r);
    }
    const snapshot: SnapshotV1 = {
      format: SNAPSHOT_FORMAT,
      origin: this.origin,
      customers: [...this.customers.values()],
      removed: [...this.removed],
      records,
    };
    return JSON.stringify(snapshot);
  }

  /**
   * Replaces the whole state with a `snapshot()` in place (the same instance, so whatever serves
   * it keeps working), then reports `changes` to the subscribers. Versions come with the
   * snapshot's records, so a write based on an older copy is a `conflict`.
   */
  reload(json: string, changes: readonly InvoiceChange[] = []): void {
    this.load(json);
    this.idempotency.clear();
    for (const change of changes) this.notify(change);
  }

  private load(json: string): void {
    let parsed: Partial<SnapshotV1>;
    try {
      parsed = JSON.parse(json) as Partial<SnapshotV1>;
    } catch (cause) {
      throw new BackendError('validation', 'Not a MemoryBackend snapshot.', { cause });
    }
    if (parsed.format !== SNAPSHOT_FORMAT || !Array.isArray(parsed.records)) {
      throw new BackendError('validation', 'Not a MemoryBackend snapshot.');
    }
    if (parsed.origin) {
      this.useGenerated(generateData(resolveGeneratorOptions(parsed.origin)));
    } else {
      this.setInvoices([]);
    }
    this.customers = new Map((parsed.customers ?? []).map((c) => [c.id, c]));
    for (const id of parsed.removed ?? []) {
      if (this.records.delete(id)) this.removed.add(id);
    }
    for (const record of parsed.records) this.put(record);
  }

  private useGenerated(data: GeneratedData): void {
    this.records = new Map(data.invoices.map((r) => [r.id, r]));
    this.customers = new Map(data.customers.map((c) => [c.id, c]));
    this.origin = data.options;
    this.dirty = new Set();
    this.removed = new Set();
    this.longInvoice = data.longInvoiceId;
  }

  /** Stores a record (copy-on-write: a stored record object is never mutated). */
  private put(record: InvoiceRecord): void {
    this.records.set(record.id, record);
    this.dirty.add(record.id);
  }

  /** Reports a change to every subscriber, after the current task (after the write's answer). */
  private notify(change: InvoiceChange): void {
    setTimeout(() => {
      for (const listener of [...this.listeners]) listener(structuredClone(change));
    });
  }

  // -------------------------------------------------------------------------------------------
  // InvoiceBackend

  /** Tells `listener` of every write and every change passed to `reload`; returns unsubscribe. */
  subscribe(listener: (change: InvoiceChange) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Counts the call, honours the signal and the latency, then plays a queued failure. */
  private async begin(operation: BackendOperation, signal?: AbortSignal): Promise<void> {
    this.calls[operation]++;
    throwIfAborted(signal);
    if (this.latencyMs > 0) await wait(this.latencyMs, signal);
    else await Promise.resolve();
    throwIfAborted(signal);
    const fault = this.faults.get(operation)?.shift();
    if (fault === 'hang') await wait(Infinity, signal);
    else if (fault) throw fault;
  }

  async searchCustomers(search: CustomerSearch, options: CallOptions = {}): Promise<Customer[]> {
    await this.begin('searchCustomers', options.signal);
    return searchCustomerList(this.customers.values(), search);
  }

  async getCustomer(customerId: string, options: CallOptions = {}): Promise<Customer> {
    await this.begin('getCustomer', options.signal);
    const customer = this.customers.get(customerId);
    if (!customer) throw notFound(`Customer ${customerId}`);
    return copyCustomer(customer);
  }

  async listInvoices(
    query: InvoiceQuery,
    options: CallOptions = {},
  ): Promise<Page<InvoiceSummary>> {
    await this.begin('listInvoices', options.signal);
    const page = queryRecords(this.records.values(), query, isoDay(this.now()));
    return { ...page, items: page.items.map(toSummary) };
  }

  async getInvoice(
    invoiceId: string,
    options: CallOptions & { audience?: Audience } = {},
  ): Promise<Invoice> {
    await this.begin('getInvoice', options.signal);
    const record = this.records.get(invoiceId);
    if (!record || !isVisibleTo(record, options.audience ?? 'operator')) {
      throw notFound(`Invoice ${invoiceId}`);
    }
    return this.invoiceOf(record);
  }

  async updateStatus(update: StatusUpdate, options: CallOptions = {}): Promise<Invoice> {
    await this.begin('updateStatus', options.signal);
    const { invoiceId, to, notify, expectedVersion, reason } = update;
    const fingerprint = JSON.stringify([
      'updateStatus',
      invoiceId,
      to,
      notify,
      expectedVersion,
      reason ?? null,
    ]);
    const replay = this.replay(update.idempotencyKey, fingerprint);
    if (replay) return structuredClone(replay.result as Invoice);

    if (!isKnownStatus(update.to)) {
      throw new BackendError('validation', `Unknown status ${String(update.to)}.`, { field: 'to' });
    }
    if (typeof update.notify !== 'boolean') {
      throw new BackendError('validation', 'notify must be a boolean.', { field: 'notify' });
    }
    const record = this.records.get(update.invoiceId);
    if (!record) throw notFound(`Invoice ${update.invoiceId}`);
    this.checkVersion(record, update.expectedVersion);
    if (!canTransition(record.status, update.to, record.allowedTargets)) {
      throw new BackendError(
        'invalid-transition',
        `${record.status} -> ${update.to} is not allowed.`,
        {
          status: 422,
          allowedTargets: allowedTargets(record.status, record.allowedTargets),
        },
      );
    }
    if (reason !== undefined && typeof reason !== 'string') {
      throw new BackendError('validation', 'reason must be a string.', { field: 'reason' });
    }
    const accepted = acceptReason(
      reason,
      reasonRequired({ voidReasonRequired: this.needsVoidReason(record) }, update.to),
    );
    const history = historyOf(record);
    history.push({
      from: record.status,
      to: update.to,
      at: this.now().toISOString(),
      by: this.actor,
      notified: update.notify,
      ...(accepted !== undefined && { reason: accepted }),
    });
    const next: InvoiceRecord = {
      ...record,
      status: update.to,
      version: nextVersion(record.version),
      history,
    };
    this.put(next);
    const result = this.invoiceOf(next);
    this.idempotency.set(update.idempotencyKey, { fingerprint, result });
    this.notify({ invoiceId: next.id, kind: 'updated', invoice: result, version: next.version });
    return structuredClone(result);
  }

  /**
   * The batch operation (docs/ADAPTERS.md, "Batch status change"): each update as
   * `updateStatus` would treat it (version, transition, idempotency key, `failNext('updateStatus')`
   * faults, counted in `calls.updateStatus`), one result per update in order. Only an abort or a
   * fault queued for `updateStatuses` fails the whole call.
   */
  async updateStatuses(
    updates: readonly StatusUpdate[],
    options: CallOptions = {},
  ): Promise<StatusUpdateResult[]> {
    await this.begin('updateStatuses', options.signal);
    const results: StatusUpdateResult[] = [];
    for (const update of updates) {
      const invoiceId = update.invoiceId;
      try {
        results.push({ invoiceId, invoice: await this.updateStatus(update, options) });
      } catch (e) {
        if (e instanceof BackendError && e.kind === 'aborted') throw e;
        results.push({ invoiceId, error: e instanceof BackendError ? e : { kind: 'server' } });
      }
    }
    return results;
  }

  async discardInvoice(request: DiscardRequest, options: CallOptions = {}): Promise<void> {
    await this.begin('discardInvoice', options.signal);
    const fingerprint = JSON.stringify([
      'discardInvoice',
      request.invoiceId,
      request.expectedVersion,
    ]);
    if (this.replay(request.idempotencyKey, fingerprint)) return;
    const record = this.records.get(request.invoiceId);
    if (!record) throw notFound(`Invoice ${request.invoiceId}`);
    this.checkVersion(record, request.expectedVersion);
    if (record.status !== 'DRAFT') {
      throw new BackendError('invalid-transition', 'Only a DRAFT invoice can be discarded.', {
        status: 422,
        allowedTargets: allowedTargets(record.status, record.allowedTargets),
      });
    }
    this.records.delete(record.id);
    this.dirty.delete(record.id);
    this.removed.add(record.id);
    this.idempotency.set(request.idempotencyKey, { fingerprint, result: null });
    this.notify({ invoiceId: record.id, kind: 'discarded' });
  }

  async download(
    invoiceId: string,
    format: DownloadFormat,
    options: CallOptions & { currency?: string } = {},
  ): Promise<ServerDownload | null> {
    await this.begin('download', options.signal);
    if (!this.records.has(invoiceId)) throw notFound(`Invoice ${invoiceId}`);
    const answer = this.downloads.get(format) ?? null;
    if (answer instanceof BackendError) throw answer;
    return answer ? { ...answer } : null;
  }

  /** The first answer for a key; a key reused with another payload is a `validation` error. */
  private replay(key: string, fingerprint: string): IdempotentEntry | undefined {
    if (typeof key !== 'string' || key === '') {
      throw new BackendError('validation', 'An idempotency key is required.', {
        field: 'idempotencyKey',
      });
    }
    const entry = this.idempotency.get(key);
    if (entry && entry.fingerprint !== fingerprint) {
      throw new BackendError(
        'validation',
        'This idempotency key was already used with a different request.',
        { status: 422, field: 'idempotencyKey' },
      );
    }
    return entry;
  }

  private checkVersion(record: InvoiceRecord, expectedVersion: string): void {
    if (record.version !== expectedVersion) {
      throw new BackendError('conflict', 'The invoice was changed by someone else.', {
        status: 409,
        currentVersion: record.version,
      });
    }
  }
}
