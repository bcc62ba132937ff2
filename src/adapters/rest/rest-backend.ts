/**
 * `RestBackend`: the ready `InvoiceBackend` over `fetch`, speaking the HTTP contract of
 * docs/openapi.yaml. No Lit.
 *
 * - Every request has its own timeout, combined with the caller's signal: the caller aborting
 *   rejects with `aborted` (never retried), our timeout with `timeout`.
 * - Reads are retried with jittered exponential backoff on network errors, 5xx and 429 (honouring
 *   `Retry-After`, up to `maxRetryAfterMs`).
 * - Writes always carry `If-Match` and an `Idempotency-Key`, so they are retried on network errors
 *   and 5xx with the SAME key; a write that timed out after it was sent is never retried and
 *   rejects with `outcomeUnknown: true`, so the UI re-reads.
 * - Every response body is validated (core/validate.ts); a non-JSON or invalid body is
 *   `validation`. Download URLs must be `https:` or same-origin.
 * - Tokens come from `getToken` on every request and are never stored.
 */
import { BackendError } from '../../core/errors.js';
import type { CallOptions, CustomerSearch, InvoiceBackend } from '../../core/backend.js';
import type {
  Audience,
  Customer,
  DiscardRequest,
  DownloadFormat,
  Invoice,
  InvoiceQuery,
  InvoiceSummary,
  Page,
  ServerDownload,
  StatusUpdate,
  StatusUpdateResult,
} from '../../core/types.js';
import {
  parseCustomer,
  parseCustomers,
  parseInvoice,
  parseInvoiceSummary,
  parsePage,
} from '../../core/validate.js';
import { parseStatusResults } from '../../core/batch-results.js';
import {
  abortedError,
  attemptSignal,
  backoffMs,
  buildUrl,
  checkDownloadUrl,
  checkedToken,
  checkRedirect,
  encodeSegment,
  errorFromResponse,
  etagFor,
  filenameFromDisposition,
  normaliseBaseUrl,
  sanitiseFilename,
  readResponse,
  sleep,
  untilAborted,
  withOutcomeUnknown,
} from './http.js';
import type { Expect, HttpResponse, QueryValue } from './http.js';

export interface RestBackendOptions {
  /** Base URL of the API, absolute or relative to the page (e.g. `/api`). */
  baseUrl: string;
  /** Static headers sent with every request. */
  headers?: Record<string, string>;
  /** Called before every request; a token is sent as `Authorization: Bearer …` and never stored. */
  getToken?: (signal: AbortSignal) => Promise<string | null | undefined>;
  /** `fetch` credentials mode (e.g. `include` for cookie sessions on another origin). */
  credentials?: RequestCredentials;
  /** Timeout of each attempt, in ms. Default 15000. */
  timeoutMs?: number;
  /** Automatic retries after the first attempt. Default 3. */
  retries?: number;
  /** Base of the exponential backoff, in ms. Default 300. */
  retryBaseMs?: number;
  /** A `Retry-After` longer than this is not waited for: the call rejects `rate-limited`. Default 30000. */
  maxRetryAfterMs?: number;
  /** The `fetch` to use. Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /**
   * The server serves the optional batch `POST /invoices/status` (docs/ADAPTERS.md, "Batch
   * status change"): `updateStatuses` is then offered, and a bulk change sends its updates in
   * batches. Default false: one `POST /invoices/{invoiceId}/status` per invoice.
   */
  batchStatus?: boolean;
}

interface Plan {
  method: 'GET' | 'POST' | 'DELETE';
  url: URL;
  expect: Expect;
  headers?: Record<string, string>;
  body?: unknown;
  /** Writes: sent with the same key on every attempt. */
  idempotencyKey?: string;
}

interface TransportFailure {
  type: 'failure';
  error: BackendError;
  /** Whether the request left us (so a write may have been applied). */
  sent: boolean;
}

const RETRYABLE_STATUSES = new Set([500, 502, 503, 504]);

export class RestBackend implements InvoiceBackend {
  readonly #base: URL;
  readonly #headers: Readonly<Record<string, string>>;
  readonly #getToken?: RestBackendOptions['getToken'];
  readonly #credentials?: RequestCredentials;
  readonly #timeoutMs: number;
  readonly #retries: number;
  readonly #retryBaseMs: number;
  readonly #maxRetryAfterMs: number;
  readonly #fetch: typeof fetch;

  /**
   * The batch of status changes (`POST /invoices/status`), only with `batchStatus: true`. Each
   * update carries its own version and key (retried with the same body: the server replays each
   * key), one result per update in order; docs/ADAPTERS.md, "Batch status change".
   */
  readonly updateStatuses?: (
    updates: readonly StatusUpdate[],
    options?: CallOptions,
  ) => Promise<StatusUpdateResult[]>;

  constructor(options: RestBackendOptions) {
    this.#base = normaliseBaseUrl(options.baseUrl);
    this.#headers = { ...options.headers };
    this.#getToken = options.getToken;
    this.#credentials = options.credentials;
    this.#timeoutMs = options.timeoutMs ?? 15_000;
    this.#retries = Math.max(0, options.retries ?? 3);
    this.#retryBaseMs = Math.max(0, options.retryBaseMs ?? 300);
    this.#maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
    const fetchImpl = options.fetch ?? globalThis.fetch;
    this.#fetch = (input, init) => fetchImpl.call(globalThis, input, init);
    if (options.batchStatus) {
      this.updateStatuses = async (updates, callOptions) => {
        const plan: Plan = {
          method: 'POST',
          url: this.#url(['invoices', 'status']),
          expect: 'json',
          body: { updates },
        };
        const body = (await this.#json(plan, callOptions)) as { results?: unknown } | null;
        return parseStatusResults(body?.results, updates);
      };
    }
  }

  async searchCustomers(search: CustomerSearch, options?: CallOptions): Promise<Customer[]> {
    const url = this.#url(['customers'], { q: search.text, limit: search.limit });
    return parseCustomers(await this.#json({ method: 'GET', url, expect: 'json' }, options));
  }

  async getCustomer(customerId: string, options?: CallOptions): Promise<Customer> {
    const url = this.#url(['customers', encodeSegment(customerId, 'customerId')]);
    return parseCustomer(await this.#json({ method: 'GET', url, expect: 'json' }, options));
  }

  async listInvoices(query: InvoiceQuery, options?: CallOptions): Promise<Page<InvoiceSummary>> {
    const sort = query.sort
      ? `${query.sort.direction === 'desc' ? '-' : ''}${query.sort.key}`
      : undefined;
    const url = this.#url(['invoices'], {
      customerId: query.customerId,
      from: query.period?.from,
      to: query.period?.to,
      status: query.statuses,
      provider: query.providers,
      q: query.text,
      // Money owed (docs/ADAPTERS.md): `overdue=true` only when asked, with the day it judges by.
      overdue: query.overdue === true ? 'true' : undefined,
      asOf: query.overdue === true ? query.asOf : undefined,
      sort,
      offset: query.offset,
      limit: query.limit,
      audience: query.audience,
    });
    const body = await this.#json({ method: 'GET', url, expect: 'json' }, options);
    return parsePage(body, parseInvoiceSummary);
  }

  async getInvoice(
    invoiceId: string,
    options?: CallOptions & { audience?: Audience },
  ): Promise<Invoice> {
    const url = this.#url(['invoices', encodeSegment(invoiceId, 'invoiceId')], {
      audience: options?.audience,
    });
    return parseInvoice(await this.#json({ method: 'GET', url, expect: 'json' }, options));
  }

  async updateStatus(update: StatusUpdate, options?: CallOptions): Promise<Invoice> {
    const url = this.#url(['invoices', encodeSegment(update.invoiceId, 'invoiceId'), 'status']);
    const plan: Plan = {
      method: 'POST',
      url,
      expect: 'json',
      headers: { 'If-Match': etagFor(update.expectedVersion) },
      body: {
        to: update.to,
        notify: update.notify,
        ...(update.reason !== undefined && { reason: update.reason }),
      },
      idempotencyKey: update.idempotencyKey,
    };
    return parseInvoice(await this.#json(plan, options));
  }

  async discardInvoice(request: DiscardRequest, options?: CallOptions): Promise<void> {
    const url = this.#url(['invoices', encodeSegment(request.invoiceId, 'invoiceId')]);
    await this.#send(
      {
        method: 'DELETE',
        url,
        expect: 'none',
        headers: { 'If-Match': etagFor(request.expectedVersion) },
        idempotencyKey: request.idempotencyKey,
      },
      options?.signal,
    );
  }

  async download(
    invoiceId: string,
    format: DownloadFormat,
    options?: CallOptions & { currency?: string },
  ): Promise<ServerDownload | null> {
    const url = this.#url(
      [
        'invoices',
        encodeSegment(invoiceId, 'invoiceId'),
        'download',
        encodeSegment(format, 'format'),
      ],
      { currency: options?.currency },
    );
    const response = await this.#send({ method: 'GET', url, expect: 'download' }, options?.signal);
    if (response.status === 204) return null;
    if (response.blob) {
      const filename = filenameFromDisposition(response.headers.get('Content-Disposition'));
      return filename === undefined
        ? { kind: 'blob', blob: response.blob }
        : { kind: 'blob', blob: response.blob, filename };
    }
    return this.#downloadLink(response.json, url);
  }

  // -------------------------------------------------------------------------------------------

  #url(segments: string[], query?: Record<string, QueryValue>): URL {
    return buildUrl(this.#base, segments, query);
  }

  #downloadLink(body: unknown, requestUrl: URL): ServerDownload {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new BackendError('validation', 'Invalid download payload: not an object.', {});
    }
    const { url, filename } = body as { url?: unknown; filename?: unknown };
    if (typeof url !== 'string') {
      throw new BackendError('validation', 'Invalid download payload: url must be a string.', {
        field: 'url',
      });
    }
    if (filename !== undefined && filename !== null && typeof filename !== 'string') {
      throw new BackendError('validation', 'Invalid download payload: filename must be a string.', {
        field: 'filename',
      });
    }
    const safeUrl = checkDownloadUrl(url, requestUrl);
    const name = sanitiseFilename(typeof filename === 'string' ? filename : undefined);
    return name === undefined
      ? { kind: 'url', url: safeUrl }
      : { kind: 'url', url: safeUrl, filename: name };
  }

  async #json(plan: Plan, options?: CallOptions): Promise<unknown> {
    return (await this.#send(plan, options?.signal)).json;
  }

  /** Runs a request with retries; resolves with a 2xx response or rejects with a BackendError. */
  async #send(plan: Plan, caller: AbortSignal | undefined): Promise<HttpResponse> {
    const isWrite = plan.method !== 'GET';
    for (let attempt = 0; ; attempt++) {
      if (caller?.aborted) throw abortedError(caller.reason);
      const result = await this.#attempt(plan, caller);
      const last = attempt >= this.#retries;
      if (result.type === 'response') {
        if (result.status >= 200 && result.status < 300) return result;
        const error = errorFromResponse(result.status, result.headers, result.json);
        let wait: number | undefined;
        if (RETRYABLE_STATUSES.has(result.status)) {
          wait = backoffMs(attempt, this.#retryBaseMs);
        } else if (result.status === 429 && !isWrite) {
          const asked = error.retryAfterMs;
          if (asked === undefined) wait = backoffMs(attempt, this.#retryBaseMs);
          else if (asked <= this.#maxRetryAfterMs) wait = asked;
        }
        if (last || wait === undefined) throw error;
        await sleep(wait, caller);
        continue;
      }
      const { error, sent } = result;
      if (error.kind === 'aborted') throw error;
      if (error.kind === 'timeout') {
        // A write that left us and timed out may have been applied: never retry, say so.
        throw isWrite && sent ? withOutcomeUnknown(error) : error;
      }
      if (error.kind !== 'network' || last) {
        throw isWrite && sent && error.kind === 'network' ? withOutcomeUnknown(error) : error;
      }
      await sleep(backoffMs(attempt, this.#retryBaseMs), caller);
    }
  }

  /** One attempt: a response (any status) or a transport failure. Invalid 2xx bodies throw. */
  async #attempt(
    plan: Plan,
    caller: AbortSignal | undefined,
  ): Promise<HttpResponse | TransportFailure> {
    const scope = attemptSignal(caller, this.#timeoutMs);
    let sent = false;
    try {
      let headers: Headers;
      try {
        headers = new Headers(this.#headers);
      } catch (cause) {
        throw new BackendError('config', 'A static header cannot be sent.', { cause });
      }
      headers.set('Accept', plan.expect === 'download' ? '*/*' : 'application/json');
      for (const [name, value] of Object.entries(plan.headers ?? {})) headers.set(name, value);
      if (plan.idempotencyKey !== undefined) headers.set('Idempotency-Key', plan.idempotencyKey);
      let body: string | undefined;
      if (plan.body !== undefined) {
        headers.set('Content-Type', 'application/json');
        body = JSON.stringify(plan.body);
      }
      if (this.#getToken) {
        let token: string | null | undefined;
        try {
          // Raced against the timeout and the caller: a callback that never settles ends here.
          token = await untilAborted(this.#getToken(scope.signal), scope.signal);
        } catch (cause) {
          if (scope.signal.aborted) throw cause;
          throw new BackendError('unauthorized', 'The token callback failed.', { cause });
        }
        if (token) headers.set('Authorization', `Bearer ${checkedToken(token)}`);
      }
      // A write never follows a redirect (checkRedirect, http.ts).
      const redirect = plan.method === 'GET' ? 'follow' : 'manual';
      const init: RequestInit = { method: plan.method, headers, signal: scope.signal, redirect };
      if (body !== undefined) init.body = body;
      if (this.#credentials !== undefined) init.credentials = this.#credentials;
      sent = true;
      const response = await this.#fetch(plan.url.href, init);
      checkRedirect(response, plan.url);
      return await readResponse(response, plan.expect);
    } catch (cause) {
      if (cause instanceof BackendError && cause.kind !== 'network') throw cause;
      if (caller?.aborted) return { type: 'failure', error: abortedError(cause), sent };
      if (scope.timedOut()) {
        const error = new BackendError('timeout', `No answer within ${this.#timeoutMs} ms.`, {
          cause,
        });
        return { type: 'failure', error, sent };
      }
      const message = cause instanceof Error && cause.message ? cause.message : 'Network failure.';
      return { type: 'failure', error: new BackendError('network', message, { cause }), sent };
    } finally {
      scope.dispose();
    }
  }
}
