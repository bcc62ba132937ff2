/**
 * The backend adapter interface. Components only ever talk to an `InvoiceBackend`; a host
 * implements it, or serves the REST contract (docs/openapi.yaml) and uses `RestBackend`.
 *
 * Every method takes an `AbortSignal`; an aborted call rejects with a `BackendError` of kind
 * `aborted`. Every failure rejects with a `BackendError` (see errors.ts).
 */
import type {
  Audience,
  Customer,
  DiscardRequest,
  DownloadFormat,
  Invoice,
  InvoiceChange,
  InvoiceQuery,
  InvoiceSummary,
  Page,
  ServerDownload,
  StatusUpdate,
  StatusUpdateResult,
} from './types.js';

export interface CallOptions {
  signal?: AbortSignal;
}

export interface CustomerSearch {
  /** Free text matched against name, id and e-mail. */
  text: string;
  limit?: number;
}

export interface InvoiceBackend {
  /** Customers whose name, id or e-mail contains the text (case-insensitive). */
  searchCustomers(search: CustomerSearch, options?: CallOptions): Promise<Customer[]>;

  /** One customer by id. Rejects with `not-found`. */
  getCustomer?(customerId: string, options?: CallOptions): Promise<Customer>;

  /** A page of invoice summaries. In the customer audience, drafts are never returned. */
  listInvoices(query: InvoiceQuery, options?: CallOptions): Promise<Page<InvoiceSummary>>;

  /** One invoice, whole. In the customer audience a draft is `not-found`. */
  getInvoice(invoiceId: string, options?: CallOptions & { audience?: Audience }): Promise<Invoice>;

  /**
   * Changes the status. Rejects with `conflict` when `expectedVersion` is stale,
   * `invalid-transition` when the target is not allowed. Repeating the same
   * `idempotencyKey` returns the first answer without applying the change twice.
   */
  updateStatus(update: StatusUpdate, options?: CallOptions): Promise<Invoice>;

  /**
   * Optional batch of `updateStatus` (issue 25, docs/ADAPTERS.md "Batch status change"): each
   * update with its own `expectedVersion` and `idempotencyKey`, the same rules as one, one result
   * per update in the order given (a failure of one item is its result, never the call's). The
   * call itself rejects only when nothing can be said of any item (network, timeout, 5xx). Without
   * it the elements send one `updateStatus` per invoice, a few at a time.
   */
  updateStatuses?(
    updates: readonly StatusUpdate[],
    options?: CallOptions,
  ): Promise<StatusUpdateResult[]>;

  /** Deletes a draft. Same version and idempotency semantics as `updateStatus`. */
  discardInvoice(request: DiscardRequest, options?: CallOptions): Promise<void>;

  /**
   * A file made by the server for a format, when the backend makes one. Resolve `null`
   * (or leave the method out) to let the browser make the file itself.
   */
  download?(
    invoiceId: string,
    format: DownloadFormat,
    options?: CallOptions & { currency?: string },
  ): Promise<ServerDownload | null>;

  /**
   * Optional: tells `listener` of every change the adapter learns of (its own writes, a server
   * event stream, another tab). The elements subscribe while connected and patch or re-read
   * what they show. Returns the unsubscribe function.
   */
  subscribe?(listener: (change: InvoiceChange) => void): () => void;
}
