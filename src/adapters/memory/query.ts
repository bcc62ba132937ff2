/**
 * Query logic of the memory adapter: the same filtering, sorting and paging a real server does.
 *
 * - Filters: customer, period overlap, statuses, providers, text (contains, case-insensitive, on
 *   the document ID). An empty `statuses`/`providers` list means "no filter".
 * - The customer audience never sees a draft (nor an unknown status).
 * - Sort keys: documentId (code-point order), customer (name, by an `en` collator, then id),
 *   provider (name, then id), period (from, then to), status (lifecycle order DRAFT, OPEN,
 *   VOID, CLOSED; unknown statuses last, by text), total (see below), generatedAt (instant).
 *   Ties always fall back to documentId ascending, then id ascending, whatever the direction.
 *   Default sort: period descending.
 * - Total (docs/ADAPTERS.md, "Sorting by total"): when every matching invoice has a
 *   `reportingTotal` in one currency, by it (`totalOrder: 'reporting'`); otherwise grouped by
 *   currency code ascending whatever the direction, then by amount in the direction
 *   (`totalOrder: 'currency-then-amount'`). Integer minor units only: never a bare number
 *   compared across currencies.
 * - Due date and amount due (docs/ADAPTERS.md, "Money owed"): an invoice without one (no due
 *   date; nothing known owed, `amountOwed`) comes last whatever the direction. The amount due is
 *   grouped by currency code ascending whatever the direction, then by amount.
 * - Overdue (`overdue: true`): only `isOverdue` invoices on `asOf` (default: the backend's today).
 * - Totals: every page carries the totals of every match (`listTotalsOf`).
 * - Paging: offset (default 0), limit (default 50).
 */
import { BackendError } from '../../core/errors.js';
import type { CustomerSearch } from '../../core/backend.js';
import { isBillingPeriod, periodsOverlap } from '../../core/period.js';
import { isVisibleTo } from '../../core/status.js';
import { INVOICE_STATUSES } from '../../core/types.js';
import { SORT_KEYS } from '../../core/types.js';
import type {
  CurrencyCode,
  Customer,
  InvoiceQuery,
  InvoiceSummary,
  ListTotals,
  SortDirection,
  SortKey,
  TotalOrder,
} from '../../core/types.js';
import { listTotalsOf } from '../../core/list-totals.js';
import { amountOwed, isOverdue } from '../../core/overdue.js';
import { copyCustomer, owedFields } from './records.js';
import type { InvoiceRecord } from './records.js';

export const DEFAULT_LIMIT = 50;
export const DEFAULT_CUSTOMER_LIMIT = 20;
export const DEFAULT_SORT: { key: SortKey; direction: SortDirection } = {
  key: 'period',
  direction: 'desc',
};

const collator = new Intl.Collator('en');

function codePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function statusRank(status: string): number {
  const i = (INVOICE_STATUSES as readonly string[]).indexOf(status);
  return i < 0 ? INVOICE_STATUSES.length : i;
}

/** The order a sort by total applies to these records (all of them, not one page). */
export function totalOrderOf(records: readonly InvoiceRecord[]): {
  totalOrder: TotalOrder;
  reportingCurrency?: CurrencyCode;
} {
  const currency = records[0]?.reportingTotal?.currency;
  return currency !== undefined && records.every((r) => r.reportingTotal?.currency === currency)
    ? { totalOrder: 'reporting', reportingCurrency: currency }
    : { totalOrder: 'currency-then-amount' };
}

type Key = number | string;

/** A record's summary fields that money owed is worked out from. */
function owedOf(r: InvoiceRecord): Parameters<typeof isOverdue>[0] {
  return { status: r.status, total: { minor: r.total, currency: r.currency }, ...owedFields(r) };
}

/** The value a record has no key for: sorted last whatever the direction. */
const NONE = null;

/**
 * The primary sort key of every record, precomputed once per query (a collator call per
 * comparison is far too slow for 100,000 rows): names become ranks among the distinct names.
 */
function primaryKeys(key: SortKey, records: readonly InvoiceRecord[]): (Key | typeof NONE)[] {
  const rank = (label: (r: InvoiceRecord) => [string, string]): number[] => {
    const distinct = new Map<string, [string, string]>();
    for (const r of records) {
      const [name, id] = label(r);
      distinct.set(`${name}\u0000${id}`, [name, id]);
    }
    const sorted = [...distinct.entries()].sort(
      ([, a], [, b]) => collator.compare(a[0], b[0]) || codePoint(a[1], b[1]),
    );
    const ranks = new Map(sorted.map(([k], i) => [k, i]));
    return records.map((r) => {
      const [name, id] = label(r);
      return ranks.get(`${name}\u0000${id}`) as number;
    });
  };
  switch (key) {
    case 'documentId':
      return records.map((r) => r.documentId);
    case 'customer':
      return rank((r) => [r.customer.name, r.customer.id]);
    case 'provider':
      return rank((r) => [r.provider.name, r.provider.id]);
    case 'period':
      return records.map((r) => `${r.period.from}/${r.period.to}`);
    case 'status':
      return records.map((r) => `${statusRank(r.status)}${r.status}`);
    case 'total':
      // Minor units: exact within one currency (the reporting one, or the group's).
      return totalOrderOf(records).totalOrder === 'reporting'
        ? records.map((r) => r.reportingTotal!.minor)
        : records.map((r) => r.total);
    case 'generatedAt':
      return records.map((r) => Date.parse(r.generatedAt));
    case 'dueDate':
      return records.map((r) => owedFields(r).dueDate ?? NONE);
    case 'amountDue':
      return records.map((r) => amountOwed(owedOf(r))?.minor ?? NONE);
  }
}

function compareKeys(a: Key, b: Key): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return codePoint(String(a), String(b));
}

/**
 * Sorts in place: the key in the direction, then documentId and id ascending (stable). By total
 * without a reporting amount for all, groups by currency code ascending first.
 */
export function sortRecords(
  records: InvoiceRecord[],
  key: SortKey,
  direction: SortDirection,
): void {
  const keys = primaryKeys(key, records);
  const groups =
    key === 'amountDue' ||
    (key === 'total' && totalOrderOf(records).totalOrder === 'currency-then-amount')
      ? records.map((r) => r.currency)
      : undefined;
  const sign = direction === 'desc' ? -1 : 1;
  const order = records.map((_, i) => i);
  order.sort((i, j) => {
    const a = records[i] as InvoiceRecord;
    const b = records[j] as InvoiceRecord;
    const ka = keys[i] ?? NONE;
    const kb = keys[j] ?? NONE;
    return (
      (ka === NONE ? 1 : 0) - (kb === NONE ? 1 : 0) ||
      // Both without a key: by documentId and id only.
      (groups && ka !== NONE ? codePoint(groups[i] as string, groups[j] as string) : 0) ||
      (ka === NONE || kb === NONE ? 0 : sign * compareKeys(ka, kb)) ||
      codePoint(a.documentId, b.documentId) ||
      codePoint(a.id, b.id)
    );
  });
  const sorted = order.map((i) => records[i] as InvoiceRecord);
  for (let i = 0; i < sorted.length; i++) records[i] = sorted[i] as InvoiceRecord;
}

function invalid(field: string, message: string): BackendError {
  return new BackendError('validation', message, { field });
}

function isNonNegativeInteger(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0;
}

/** Rejects a query a real server would answer 400 to. */
export function checkQuery(query: InvoiceQuery): void {
  if (query.offset !== undefined && !isNonNegativeInteger(query.offset)) {
    throw invalid('offset', 'offset must be a non-negative integer.');
  }
  if (query.limit !== undefined && !(isNonNegativeInteger(query.limit) && query.limit > 0)) {
    throw invalid('limit', 'limit must be a positive integer.');
  }
  if (query.period !== undefined && !isBillingPeriod(query.period)) {
    throw invalid('period', 'period must be { from, to } months with from ≤ to.');
  }
  if (query.sort !== undefined) {
    if (!SORT_KEYS.includes(query.sort.key)) throw invalid('sort.key', 'Unknown sort key.');
    if (query.sort.direction !== 'asc' && query.sort.direction !== 'desc') {
      throw invalid('sort.direction', 'Sort direction must be asc or desc.');
    }
  }
  if (query.statuses?.some((s) => !(INVOICE_STATUSES as readonly string[]).includes(s))) {
    throw invalid('statuses', 'Unknown status in filter.');
  }
  if (query.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(query.asOf)) {
    throw invalid('asOf', 'asOf must be a YYYY-MM-DD day.');
  }
}

/** Whether a record matches the query; overdue is judged on `today` (`YYYY-MM-DD`). */
export function matches(record: InvoiceRecord, query: InvoiceQuery, today = ''): boolean {
  if (query.overdue === true && !isOverdue(owedOf(record), query.asOf ?? today)) return false;
  if (query.audience === 'customer' && !isVisibleTo(record, 'customer')) return false;
  if (query.customerId !== undefined && record.customer.id !== query.customerId) return false;
  if (query.period && !periodsOverlap(record.period, query.period)) return false;
  if (query.statuses?.length && !(query.statuses as readonly string[]).includes(record.status)) {
    return false;
  }
  if (query.providers?.length && !query.providers.includes(record.provider.id)) return false;
  if (query.text) {
    if (!record.documentId.toLowerCase().includes(query.text.toLowerCase())) return false;
  }
  return true;
}

/** Filters, sorts and pages records (the records themselves, not copies). */
export function queryRecords(
  records: Iterable<InvoiceRecord>,
  query: InvoiceQuery,
  today = '',
): {
  items: InvoiceRecord[];
  total: number;
  offset: number;
  limit: number;
  totalOrder?: TotalOrder;
  reportingCurrency?: CurrencyCode;
  totals: ListTotals;
} {
  checkQuery(query);
  const offset = query.offset ?? 0;
  const limit = query.limit ?? DEFAULT_LIMIT;
  const sort = query.sort ?? DEFAULT_SORT;
  const found: InvoiceRecord[] = [];
  for (const r of records) if (matches(r, query, today)) found.push(r);
  sortRecords(found, sort.key, sort.direction);
  const page = {
    items: found.slice(offset, offset + limit),
    total: found.length,
    offset,
    limit,
    totals: listTotalsOf(found.map(totalsOf)),
  };
  return sort.key === 'total' ? { ...page, ...totalOrderOf(found) } : page;
}

/** The amounts of a record that the list totals add up. */
function totalsOf(r: InvoiceRecord): Pick<InvoiceSummary, 'total' | 'reportingTotal'> {
  return { total: { minor: r.total, currency: r.currency }, reportingTotal: r.reportingTotal };
}

/** Customers whose name, id or e-mail contains the text (case-insensitive), by name. */
export function searchCustomerList(
  customers: Iterable<Customer>,
  search: CustomerSearch,
): Customer[] {
  const limit = search.limit ?? DEFAULT_CUSTOMER_LIMIT;
  if (!(isNonNegativeInteger(limit) && limit > 0)) {
    throw invalid('limit', 'limit must be a positive integer.');
  }
  const text = (search.text ?? '').trim().toLowerCase();
  const found: Customer[] = [];
  for (const c of customers) {
    if (
      !text ||
      c.name.toLowerCase().includes(text) ||
      c.id.toLowerCase().includes(text) ||
      (c.email?.toLowerCase().includes(text) ?? false)
    ) {
      found.push(c);
    }
  }
  found.sort((a, b) => collator.compare(a.name, b.name) || codePoint(a.id, b.id));
  return found.slice(0, limit).map(copyCustomer);
}
