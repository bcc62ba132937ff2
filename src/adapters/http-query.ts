/**
 * The query strings of the HTTP contract (docs/openapi.yaml) read as the core's types, checked
 * as the contract says (a malformed value is a `validation` error naming the parameter, `400`),
 * and a request's JSON body.
 * Shared by the msw handlers (msw/handlers.ts) and the reference server (server/). No Lit, no msw.
 */
import { BackendError } from '../core/errors.js';
import { isYearMonth } from '../core/period.js';
import { isKnownStatus } from '../core/status.js';
import type {
  Audience,
  InvoiceQuery,
  InvoiceStatus,
  SortDirection,
  SortKey,
} from '../core/types.js';
import { SORT_KEYS } from '../core/types.js';

export function badRequest(message: string, field?: string): never {
  throw new BackendError('validation', message, field === undefined ? {} : { field });
}

/** The request's body as JSON; a body that is not JSON is a `validation` error. */
export async function jsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return badRequest('The body must be JSON.');
  }
}

export function intParam(params: URLSearchParams, name: string, min: number): number | undefined {
  const raw = params.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min) {
    badRequest(`${name} must be an integer ≥ ${min}.`, name);
  }
  return Number(raw);
}

export function audienceParam(params: URLSearchParams): Audience | undefined {
  const raw = params.get('audience');
  if (raw === null || raw === '') return undefined;
  if (raw !== 'operator' && raw !== 'customer') badRequest('Unknown audience.', 'audience');
  return raw;
}

/** The query of `GET /invoices`, checked as the contract says. */
export function parseInvoiceQuery(params: URLSearchParams): InvoiceQuery {
  const query: InvoiceQuery = {};
  const customerId = params.get('customerId');
  if (customerId) query.customerId = customerId;
  const from = params.get('from');
  const to = params.get('to');
  if (from !== null || to !== null) {
    if (!isYearMonth(from)) badRequest('from must be YYYY-MM.', 'from');
    if (!isYearMonth(to)) badRequest('to must be YYYY-MM.', 'to');
    if (from > to) badRequest('from must not be after to.', 'from');
    query.period = { from, to };
  }
  const statuses = params.getAll('status');
  if (statuses.length > 0) {
    if (!statuses.every(isKnownStatus)) badRequest('Unknown status.', 'status');
    query.statuses = statuses as InvoiceStatus[];
  }
  const providers = params.getAll('provider');
  if (providers.length > 0) query.providers = providers;
  const text = params.get('q');
  if (text) query.text = text;
  const overdue = params.get('overdue');
  if (overdue !== null && overdue !== '') {
    if (overdue !== 'true' && overdue !== 'false')
      badRequest('overdue must be true or false.', 'overdue');
    if (overdue === 'true') query.overdue = true;
  }
  const asOf = params.get('asOf');
  if (asOf) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) badRequest('asOf must be YYYY-MM-DD.', 'asOf');
    query.asOf = asOf;
  }
  const sort = params.get('sort');
  if (sort) {
    const direction: SortDirection = sort.startsWith('-') ? 'desc' : 'asc';
    const key = sort.replace(/^-/, '') as SortKey;
    if (!SORT_KEYS.includes(key)) badRequest('Unknown sort key.', 'sort');
    query.sort = { key, direction };
  }
  const offset = intParam(params, 'offset', 0);
  if (offset !== undefined) query.offset = offset;
  const limit = intParam(params, 'limit', 1);
  if (limit !== undefined) query.limit = limit;
  const audience = audienceParam(params);
  if (audience !== undefined) query.audience = audience;
  return query;
}
