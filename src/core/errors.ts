/**
 * The error taxonomy every adapter maps its failures to, and every component can render.
 * No Lit here.
 */

export const BACKEND_ERROR_KINDS = [
  'network',
  'timeout',
  'aborted',
  'unauthorized',
  'forbidden',
  'not-found',
  'conflict',
  'invalid-transition',
  'validation',
  'rate-limited',
  'server',
  'no-backend',
  'config',
] as const;
export type BackendErrorKind = (typeof BACKEND_ERROR_KINDS)[number];

export interface BackendErrorOptions {
  /** HTTP status, when the error came over HTTP. */
  status?: number;
  /** For `validation` of a payload: the dotted path of the offending field, e.g. `lines[3].amount.minor`. */
  field?: string;
  /** For `rate-limited`: how long the server asked us to wait, in milliseconds. */
  retryAfterMs?: number;
  /** For `conflict`: the version the backend holds now, when it says. */
  currentVersion?: string;
  /** For `invalid-transition`: the targets the backend allows now, when it says. */
  allowedTargets?: string[];
  /** True when a write was sent and its outcome is unknown (timeout or network error after sending). */
  outcomeUnknown?: boolean;
  cause?: unknown;
}

/**
 * A failure of a backend operation, with a kind from the taxonomy. The `message` is for
 * developers and logs; components show their own translated sentence for the `kind`
 * (never a raw backend message as markup).
 */
export class BackendError extends Error {
  override readonly name = 'BackendError';
  readonly kind: BackendErrorKind;
  readonly status?: number;
  readonly field?: string;
  readonly retryAfterMs?: number;
  readonly currentVersion?: string;
  readonly allowedTargets?: string[];
  readonly outcomeUnknown: boolean;

  constructor(kind: BackendErrorKind, message: string, options: BackendErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
    this.field = options.field;
    this.retryAfterMs = options.retryAfterMs;
    this.currentVersion = options.currentVersion;
    this.allowedTargets = options.allowedTargets;
    this.outcomeUnknown = options.outcomeUnknown ?? false;
  }

  /** Whether trying the same thing again may succeed (reads: automatically; writes: by the user). */
  get retryable(): boolean {
    return (
      this.kind === 'network' ||
      this.kind === 'timeout' ||
      this.kind === 'rate-limited' ||
      this.kind === 'server'
    );
  }
}

/**
 * The failure of an element that has no adapter: neither its `backend` property nor an
 * ancestor's `provideInvoiceBackend` gave it one. A configuration error, never retried.
 */
export function noBackendError(): BackendError {
  return new BackendError('no-backend', 'No backend is configured for this element.');
}

export function isBackendError(value: unknown): value is BackendError {
  return value instanceof BackendError;
}

/** Turns anything thrown into a BackendError (an AbortError becomes `aborted`). */
export function toBackendError(error: unknown): BackendError {
  if (error instanceof BackendError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new BackendError('aborted', 'The request was aborted.', { cause: error });
  }
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new BackendError('timeout', 'The request timed out.', { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new BackendError('network', message || 'Unknown failure.', { cause: error });
}
