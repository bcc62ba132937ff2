/**
 * HTTP helpers of the REST adapter: URLs, signals, backoff, `Retry-After`, and the mapping of
 * error responses to the BackendError taxonomy (statuses: http-status.ts; docs/openapi.yaml).
 * No Lit.
 */
import { BACKEND_ERROR_KINDS, BackendError } from '../../core/errors.js';
import type { BackendErrorKind, BackendErrorOptions } from '../../core/errors.js';
import { kindOfStatus } from '../http-status.js';
import { checkedDownloadUrl } from '../../core/urls.js';

// ---------------------------------------------------------------------------------------------
// URLs

/** The page's own URL, when there is a page (there is none in some workers and in Node). */
export function pageLocation(): URL | null {
  const href = (globalThis as { location?: { href?: string } }).location?.href;
  return typeof href === 'string' ? new URL(href) : null;
}

/** The base URL as an absolute URL whose path ends with `/`, so relative joins keep it. */
export function normaliseBaseUrl(baseUrl: string): URL {
  const page = pageLocation();
  const url = page ? new URL(baseUrl, page) : new URL(baseUrl);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url;
}

/**
 * One path segment, percent-encoded. `.` and `..` (and empty) are refused: URL parsers treat
 * them (even percent-encoded) as dot segments, so they could never name a resource safely.
 */
export function encodeSegment(value: string, field: string): string {
  if (value === '' || value === '.' || value === '..') {
    throw new BackendError('validation', `Invalid ${field}: ${JSON.stringify(value)}.`, { field });
  }
  return encodeURIComponent(value);
}

export type QueryValue = string | number | boolean | undefined | null | readonly string[];

/** `base` + encoded segments + query; repeated keys for arrays, absent values left out. */
export function buildUrl(
  base: URL,
  segments: readonly string[],
  query: Record<string, QueryValue> = {},
): URL {
  const url = new URL(segments.join('/'), base);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value as readonly string[]) params.append(key, item);
    } else {
      params.append(key, String(value));
    }
  }
  url.search = params.toString();
  return url;
}

/**
 * A URL given by the server for a download is usable only when it is `https:` or on the same
 * origin as the page; anything else (`javascript:`, `data:`, plain `http:` elsewhere) is refused.
 */
export function checkDownloadUrl(raw: string, base: URL): string {
  const checked = checkedDownloadUrl(raw, base, pageLocation()?.origin ?? null);
  if (checked) return checked.href;
  throw new BackendError(
    'validation',
    "Invalid download url: only https: or the page's own origin are allowed.",
    { field: 'url' },
  );
}

/** The file name of a `Content-Disposition` header (RFC 6266), without any path. */
export function filenameFromDisposition(header: string | null): string | undefined {
  if (!header) return undefined;
  let name: string | undefined;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      name = decodeURIComponent(extended[1].trim());
    } catch {
      name = undefined;
    }
  }
  if (name === undefined) {
    const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/.exec(header);
    name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2];
  }
  return sanitiseFilename(name);
}

export function sanitiseFilename(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base && base !== '.' && base !== '..' ? base : undefined;
}

// ---------------------------------------------------------------------------------------------
// Signals and waiting

export interface AttemptSignal {
  signal: AbortSignal;
  /** Whether our own per-request timeout fired (as opposed to the caller aborting). */
  timedOut(): boolean;
  dispose(): void;
}

/** The caller's signal combined with a per-attempt timeout (AbortSignal.any, or a fallback). */
export function attemptSignal(caller: AbortSignal | undefined, timeoutMs: number): AttemptSignal {
  const timeout = new AbortController();
  const timer = setTimeout(
    () => timeout.abort(new DOMException('The request timed out.', 'TimeoutError')),
    timeoutMs,
  );
  const dispose = (): void => clearTimeout(timer);
  if (!caller) {
    return { signal: timeout.signal, timedOut: () => timeout.signal.aborted, dispose };
  }
  const anyOf = (AbortSignal as { any?: (signals: AbortSignal[]) => AbortSignal }).any;
  if (typeof anyOf === 'function') {
    return {
      signal: anyOf.call(AbortSignal, [caller, timeout.signal]),
      timedOut: () => timeout.signal.aborted && !caller.aborted,
      dispose,
    };
  }
  const combined = new AbortController();
  const onCallerAbort = (): void => combined.abort(caller.reason);
  const onTimeout = (): void => combined.abort(timeout.signal.reason);
  if (caller.aborted) combined.abort(caller.reason);
  caller.addEventListener('abort', onCallerAbort, { once: true });
  timeout.signal.addEventListener('abort', onTimeout, { once: true });
  return {
    signal: combined.signal,
    timedOut: () => timeout.signal.aborted && !caller.aborted,
    dispose: () => {
      dispose();
      caller.removeEventListener('abort', onCallerAbort);
      timeout.signal.removeEventListener('abort', onTimeout);
    },
  };
}

export function abortedError(cause?: unknown): BackendError {
  return new BackendError('aborted', 'The request was aborted.', { cause });
}

/**
 * `promise`, or the signal's reason as soon as it aborts: a callback that never settles (a
 * token provider) cannot outlive the request's timeout or the caller's abort.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Waits, rejecting with `aborted` as soon as the caller aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortedError(signal.reason));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortedError(signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Full-jitter exponential backoff: a random delay in [base·2^n / 2, base·2^n]. */
export function backoffMs(attempt: number, baseMs: number, random: () => number = Math.random) {
  const ceiling = baseMs * 2 ** attempt;
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** `Retry-After` in milliseconds: delta-seconds or an HTTP date; undefined when absent or bad. */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now(),
): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

// ---------------------------------------------------------------------------------------------
// Errors

/** The `error` member of an error body, when the body is one (see ErrorBody in the contract). */
export interface ErrorDetails {
  kind?: BackendErrorKind;
  message?: string;
  field?: string;
  currentVersion?: string;
  allowedTargets?: string[];
}

export function readErrorDetails(body: unknown): ErrorDetails {
  if (typeof body !== 'object' || body === null) return {};
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return {};
  const e = error as Record<string, unknown>;
  const details: ErrorDetails = {};
  // `no-backend` and `config` are the elements' own configuration errors: a server cannot claim them.
  if (
    typeof e.kind === 'string' &&
    e.kind !== 'no-backend' &&
    e.kind !== 'config' &&
    (BACKEND_ERROR_KINDS as readonly string[]).includes(e.kind)
  ) {
    details.kind = e.kind as BackendErrorKind;
  }
  if (typeof e.message === 'string') details.message = e.message;
  if (typeof e.field === 'string') details.field = e.field;
  if (typeof e.currentVersion === 'string') details.currentVersion = e.currentVersion;
  if (Array.isArray(e.allowedTargets)) {
    details.allowedTargets = e.allowedTargets.filter((t): t is string => typeof t === 'string');
  }
  return details;
}

/** The version inside an entity tag: `W/"v3"` → `v3`, `"v3"` → `v3`. */
export function versionFromEtag(etag: string | null): string | undefined {
  if (!etag) return undefined;
  const m = /^(?:W\/)?"(.*)"$/.exec(etag.trim());
  const version = m ? m[1] : etag.trim();
  return version || undefined;
}

/** An entity tag for a version, for `If-Match`. */
export function etagFor(version: string): string {
  return `"${version.replace(/["\\]/g, '')}"`;
}

/** Maps a non-2xx response (status, headers, parsed body) to a BackendError (see http-status.ts). */
export function errorFromResponse(
  status: number,
  headers: Headers,
  body: unknown,
  now: number = Date.now(),
): BackendError {
  const details = readErrorDetails(body);
  const kind = kindOfStatus(status, details.kind);
  const options: BackendErrorOptions = { status };
  const say = (fallback: string): BackendError =>
    new BackendError(kind, details.message ?? fallback, options);
  switch (kind) {
    case 'validation':
      if (details.field) options.field = details.field;
      return say(status === 400 ? 'Bad request.' : 'Unprocessable request.');
    case 'unauthorized':
      return say('Not authenticated.');
    case 'forbidden':
      return say('Forbidden.');
    case 'not-found':
      return say('Not found.');
    case 'conflict': {
      const current = details.currentVersion ?? versionFromEtag(headers.get('ETag'));
      if (current !== undefined) options.currentVersion = current;
      return say('The invoice was changed by someone else.');
    }
    case 'invalid-transition':
      if (details.allowedTargets) options.allowedTargets = details.allowedTargets;
      return say('Transition not allowed.');
    case 'rate-limited': {
      const retryAfterMs = parseRetryAfter(headers.get('Retry-After'), now);
      if (retryAfterMs !== undefined) options.retryAfterMs = retryAfterMs;
      return say('Too many requests.');
    }
    case 'server':
      return say(status >= 500 ? `Server error ${status}.` : `Unexpected HTTP status ${status}.`);
  }
}

// ---------------------------------------------------------------------------------------------
// Responses

/** What the adapter expects of a 2xx body. */
export type Expect = 'json' | 'none' | 'download';

/** A response of any status, its body read as the plan expected. */
export interface HttpResponse {
  type: 'response';
  status: number;
  headers: Headers;
  /** Parsed JSON (or undefined for an empty or binary body). */
  json: unknown;
  blob?: Blob;
}

export function withOutcomeUnknown(error: BackendError): BackendError {
  return new BackendError(error.kind, `${error.message} The write may have been applied.`, {
    outcomeUnknown: true,
    cause: error,
  });
}

function isJsonType(contentType: string | null): boolean {
  return contentType !== null && /^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType.trim());
}

/**
 * Redirects (docs/ADAPTERS.md): a write is sent with `redirect: 'manual'`, so any redirect
 * comes back opaque and is refused (following it would re-send the body, `If-Match` and
 * `Idempotency-Key` elsewhere); a read may follow redirects within the API's origin, and an
 * answer from any other origin is refused. Either is a `config` error: nothing is trusted.
 */
export function checkRedirect(response: Response, requested: URL): void {
  const redirected =
    response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
  let origin = requested.origin;
  try {
    if (response.url) origin = new URL(response.url).origin;
  } catch {
    origin = '';
  }
  if (redirected || origin !== requested.origin) {
    throw new BackendError('config', `Refused a redirect away from ${requested.origin}.`, {
      status: response.status,
    });
  }
}

/**
 * A token must fit an `Authorization` header (printable ASCII, no spaces): anything else (CR,
 * LF, a space) is a configuration error, and nothing is sent.
 */
export function checkedToken(token: string): string {
  if (/^[\x21-\x7e]+$/.test(token)) return token;
  throw new BackendError('config', 'The token callback returned a value no header can carry.');
}

/** Reads the body as the plan expects. A 2xx body that is not the expected JSON throws. */
export async function readResponse(response: Response, expect: Expect): Promise<HttpResponse> {
  const base = { type: 'response' as const, status: response.status, headers: response.headers };
  const ok = response.status >= 200 && response.status < 300;
  if (!ok) {
    // Error bodies are best effort: a gateway's HTML page still maps by status.
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { ...base, json };
  }
  if (response.status === 204) {
    await response.body?.cancel();
    return { ...base, json: undefined };
  }
  if (expect === 'none') {
    // The contract answers a discard with 204. Another 2xx with a body (a proxy's HTML page, an
    // off-contract JSON) does not prove the write happened: say so rather than claim success.
    const text = await response.text();
    if (text.trim() === '') return { ...base, json: undefined };
    throw new BackendError('validation', `Expected an empty ${response.status} answer.`, {
      status: response.status,
      field: '$',
      outcomeUnknown: true,
    });
  }
  if (expect === 'download' && !isJsonType(response.headers.get('Content-Type'))) {
    return { ...base, json: undefined, blob: await response.blob() };
  }
  if (!isJsonType(response.headers.get('Content-Type'))) {
    // An HTML page (a proxy's, a login's) is not our answer, whatever its body looks like.
    await response.body?.cancel();
    throw new BackendError('validation', 'Invalid backend payload: the answer is not JSON.', {
      status: response.status,
      field: '$',
    });
  }
  const text = await response.text();
  try {
    return { ...base, json: JSON.parse(text) as unknown };
  } catch (cause) {
    throw new BackendError('validation', 'Invalid backend payload: the body is not JSON.', {
      status: response.status,
      field: '$',
      cause,
    });
  }
}
