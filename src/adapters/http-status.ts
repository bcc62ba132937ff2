/**
 * HTTP status ↔ BackendError kind, one table read both ways (docs/openapi.yaml): the REST
 * adapter reads a status as a kind, the msw handlers answer a kind with a status; and the
 * error body they (and the reference server) answer with. No Lit.
 */
import type { BackendError, BackendErrorKind } from '../core/errors.js';

/**
 * The kinds a server can answer with: not the transport-level `network`, `timeout` and
 * `aborted` (no HTTP answer at all), nor `no-backend` and `config` (the elements' own
 * configuration errors).
 */
export type HttpErrorKind = Exclude<
  BackendErrorKind,
  'network' | 'timeout' | 'aborted' | 'no-backend' | 'config'
>;

/**
 * The statuses of each kind. The first is the one a server sends for the kind; every one is
 * read as the kind. `server` also covers every other 5xx. `422` is both `validation` and
 * `invalid-transition`: the error body's `kind` tells them apart (`validation` when it says
 * nothing). Any other status is read as `server`.
 */
export const HTTP_STATUSES: Readonly<Record<HttpErrorKind, readonly number[]>> = {
  validation: [400, 422],
  unauthorized: [401],
  forbidden: [403],
  'not-found': [404, 410],
  conflict: [409, 412],
  'invalid-transition': [422],
  'rate-limited': [429],
  server: [500],
};

const KINDS = Object.keys(HTTP_STATUSES) as HttpErrorKind[];

function fits(kind: HttpErrorKind, status: number): boolean {
  return HTTP_STATUSES[kind].includes(status) || (kind === 'server' && status >= 500);
}

/**
 * The kind of a non-2xx status. `claimed` is the kind the error body names, if any: it decides
 * only between the kinds the status fits (a `400` claiming `conflict` is still `validation`).
 */
export function kindOfStatus(status: number, claimed?: string): HttpErrorKind {
  const candidates = KINDS.filter((kind) => fits(kind, status));
  return candidates.find((kind) => kind === claimed) ?? candidates[0] ?? 'server';
}

/**
 * The status a server answers `kind` with: `own` (an error's own status) when it is one of the
 * kind's statuses (any 5xx for `server`), else the kind's first. A kind no server sends
 * answers `500`.
 */
export function statusOfKind(kind: BackendErrorKind, own?: number): number {
  if (!(kind in HTTP_STATUSES)) return 500;
  const httpKind = kind as HttpErrorKind;
  return own !== undefined && own <= 599 && fits(httpKind, own)
    ? own
    : (HTTP_STATUSES[httpKind][0] as number);
}

/**
 * The `error` object of the contract's error body `{ error: { kind, message, field?,
 * currentVersion?, allowedTargets? } }`, also each failed update of a batch: what the reference
 * server and the msw handlers answer for a BackendError.
 */
export function errorDetail(error: BackendError): Record<string, unknown> {
  const detail: Record<string, unknown> = { kind: error.kind, message: error.message };
  if (error.field !== undefined) detail.field = error.field;
  if (error.currentVersion !== undefined) detail.currentVersion = error.currentVersion;
  if (error.allowedTargets !== undefined) detail.allowedTargets = error.allowedTargets;
  return detail;
}
