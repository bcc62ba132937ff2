/**
 * Reads: customers, the invoice list (filters, sort, paging in SQL; docs/openapi.yaml and
 * docs/ADAPTERS.md "Sorting by total") and one invoice, each within the principal's scope.
 */
import { BackendError } from '../../../src/core/errors.js';
import { forAudience } from '../../../src/core/audience.js';
import type {
  Audience,
  Customer,
  Invoice,
  InvoiceQuery,
  InvoiceSummary,
  ListTotals,
  Page,
  SortDirection,
  SortKey,
} from '../../../src/core/types.js';
import type { Queryable } from '../db/database.js';
import { INVOICE_COLUMNS, SUMMARY_COLUMNS, toInvoice, toSummary } from '../db/invoice-rows.js';
import type { InvoiceRow, SummaryRow } from '../db/invoice-rows.js';
import type { Principal } from '../tokens.js';
import { Where, audienceOf, notFound, scopeCustomers, scopeInvoices } from './scope.js';

export const DEFAULT_LIMIT = 50;
export const DEFAULT_CUSTOMER_LIMIT = 20;
/** The contract's ceiling of `total` (docs/RULES.md, Limits). */
const MAX_TOTAL = 1_000_000;

/**
 * What an invoice still owes (docs/ADAPTERS.md, "Money owed"): `amountDue`, else the total less
 * `amountPaid` in the same currency (never below zero), else the total of an OPEN invoice; NULL
 * when unknown. In the currency of {@link OWED_CURRENCY}.
 */
const OWED = `(CASE
    WHEN jsonb_typeof(body->'amountDue') = 'object' THEN (body->'amountDue'->>'minor')::bigint
    WHEN body->'amountPaid'->>'currency' = currency
      THEN greatest(0, total_minor - (body->'amountPaid'->>'minor')::bigint)
    WHEN status = 'OPEN' THEN total_minor END)`;
const OWED_CURRENCY = `coalesce(body->'amountDue'->>'currency', currency)`;
/** The due date when it is an ISO day, else NULL. */
const DUE_DAY = `(CASE WHEN body->>'dueDate' ~ '^\\d{4}-\\d{2}-\\d{2}'
    THEN left(body->>'dueDate', 10) COLLATE "C" END)`;

/**
 * Overdue: OPEN, something still owed, and a due date before the day it is judged on (`asOf`,
 * default the server's UTC today), compared after this.
 */
const OVERDUE = `status = 'OPEN' AND ${OWED} > 0 AND ${DUE_DAY} IS NOT NULL`;

function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new BackendError('validation', 'limit must be 1 to 1000.', {
      field: 'limit',
      status: 400,
    });
  }
  return limit;
}

/** `%text%` for LIKE, its wildcards escaped. */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function searchCustomers(
  db: Queryable,
  principal: Principal,
  text: string,
  limit = DEFAULT_CUSTOMER_LIMIT,
): Promise<Customer[]> {
  const where = scopeCustomers(new Where(), principal);
  const needle = text.trim();
  if (needle) {
    where.add(
      `lower(name || ' ' || (id COLLATE "und-x-icu") || ' ' || coalesce(email, '')) LIKE ?`,
      containsPattern(needle),
    );
  }
  const limitParam = where.param(checkLimit(limit));
  const result = await db.query<{ data: Customer }>(
    `SELECT data FROM customers WHERE ${where.sql} ORDER BY name, id LIMIT ${limitParam}`,
    where.params,
  );
  return result.rows.map((r) => r.data);
}

export async function getCustomer(
  db: Queryable,
  principal: Principal,
  customerId: string,
): Promise<Customer> {
  const where = scopeCustomers(new Where(), principal).add('id = ?', customerId);
  const result = await db.query<{ data: Customer }>(
    `SELECT data FROM customers WHERE ${where.sql}`,
    where.params,
  );
  const row = result.rows[0];
  if (!row) throw notFound(`Customer ${customerId}`);
  return row.data;
}

/** ORDER BY of a sort: the key in the direction, ties by documentId then id ascending. */
function orderBy(key: SortKey, direction: SortDirection, reporting: boolean): string {
  const d = direction === 'desc' ? 'DESC' : 'ASC';
  // Keyed by string: the due date and the amount due (Money owed) are keys of newer contracts.
  const primary: Record<string, string> = {
    documentId: `document_id ${d}`,
    customer: `customer_name ${d}, customer_id ${d}`,
    provider: `provider_name ${d}, provider_id ${d}`,
    period: `period_from ${d}, period_to ${d}`,
    status: `status_rank ${d}`,
    total: reporting ? `reporting_minor ${d}` : `currency ASC, total_minor ${d}`,
    generatedAt: `generated_at ${d}`,
    // Without one: last whatever the direction; amounts grouped by currency ascending.
    dueDate: `${DUE_DAY} ${d} NULLS LAST`,
    // Nothing known owed: last, by the tie-break alone (not grouped by currency).
    amountDue: `${OWED} IS NULL, CASE WHEN ${OWED} IS NOT NULL THEN ${OWED_CURRENCY} END ASC, ${OWED} ${d}`,
  };
  return `${primary[key] ?? primary.period}, document_id ASC, id ASC`;
}

/**
 * The exact number of matching rows (the contract's `total`), from an index-only scan of the
 * narrowest index (server/migrations/002_list_indexes.sql); asked at the same time as the page.
 */
async function countInvoices(db: Queryable, where: Where): Promise<number> {
  const result = await db.query<{ total: number }>(
    `SELECT count(*)::integer AS total FROM invoices WHERE ${where.sql}`,
    where.params,
  );
  return result.rows[0]?.total ?? 0;
}

/**
 * The totals of every matching invoice (docs/ADAPTERS.md "Totals of what is listed"), in one
 * `GROUP BY currency` over the listing's WHERE, asked beside the count: the sum of `total` per
 * currency, and the reporting sum only when every row has a reporting total in one currency
 * (each group counts its rows with one and the range of their currencies).
 */
async function totalsOfInvoices(db: Queryable, where: Where): Promise<ListTotals> {
  const result = await db.query<{
    currency: string;
    minor: string;
    rows: number;
    with_reporting: number;
    reporting_low: string | null;
    reporting_high: string | null;
    reporting_minor: string | null;
  }>(
    `SELECT currency, sum(total_minor)::text AS minor, count(*)::integer AS rows,
       count(reporting_currency)::integer AS with_reporting,
       min(reporting_currency) AS reporting_low, max(reporting_currency) AS reporting_high,
       sum(reporting_minor)::text AS reporting_minor
     FROM invoices WHERE ${where.sql} GROUP BY currency ORDER BY currency COLLATE "C"`,
    where.params,
  );
  const groups = result.rows;
  const totals: ListTotals = {
    byCurrency: groups.map((g) => ({ currency: g.currency, minor: Number(g.minor) })),
  };
  const currency = groups[0]?.reporting_low;
  const oneReporting =
    currency != null &&
    groups.every(
      (g) =>
        g.with_reporting === g.rows &&
        g.reporting_low === currency &&
        g.reporting_high === currency,
    );
  if (oneReporting) {
    const minor = groups.reduce((sum, g) => sum + Number(g.reporting_minor ?? 0), 0);
    totals.reporting = { currency, minor };
  }
  return totals;
}

/**
 * Whether a sort by total can use the reporting total (docs/ADAPTERS.md "Sorting by total"):
 * some rows match, none lacks a reporting total, and all are in one reporting currency. Each
 * part reads an end of an index instead of every matching row.
 */
async function reportingStats(
  db: Queryable,
  where: Where,
): Promise<{ reporting: boolean; currency: string | null }> {
  const result = await db.query<{ missing: boolean; low: string | null; high: string | null }>(
    `SELECT EXISTS (SELECT 1 FROM invoices WHERE ${where.sql} AND reporting_currency IS NULL) AS missing,
       (SELECT min(reporting_currency) FROM invoices WHERE ${where.sql}) AS low,
       (SELECT max(reporting_currency) FROM invoices WHERE ${where.sql}) AS high`,
    where.params,
  );
  const { missing, low, high } = result.rows[0] ?? { missing: true, low: null, high: null };
  return { reporting: !missing && low !== null && low === high, currency: low };
}

/**
 * One page in the sort's order as a deferred join: the page's ids first, from an index in the
 * sort's order (an index-only scan that skips `offset` entries without reading the rows), then
 * the summaries of those ids only.
 */
async function pageOfInvoices(
  db: Queryable,
  where: Where,
  order: string,
  limit: number,
  offset: number,
): Promise<InvoiceSummary[]> {
  const params = [...where.params, limit, offset];
  const limitParam = `$${params.length - 1}`;
  const offsetParam = `$${params.length}`;
  const rows = await db.query<SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM invoices WHERE id IN (
       SELECT id FROM invoices WHERE ${where.sql}
       ORDER BY ${order} LIMIT ${limitParam} OFFSET ${offsetParam}
     ) ORDER BY ${order}`,
    params,
  );
  return rows.rows.map(toSummary);
}

export async function listInvoices(
  db: Queryable,
  principal: Principal,
  query: InvoiceQuery,
): Promise<Page<InvoiceSummary>> {
  const audience = audienceOf(principal, query.audience);
  if (
    principal.role === 'customer' &&
    query.customerId !== undefined &&
    query.customerId !== principal.customerId
  ) {
    throw new BackendError('forbidden', 'A customer sees only its own invoices.', { status: 403 });
  }
  const where = scopeInvoices(new Where(), principal, audience);
  if (query.customerId !== undefined) where.add('customer_id = ?', query.customerId);
  if (query.period) {
    where.add('period_from <= ? AND period_to >= ?', query.period.to, query.period.from);
  }
  if (query.statuses?.length) where.add('status = ANY(?::text[])', query.statuses);
  if (query.providers?.length) where.add('provider_id = ANY(?::text[])', query.providers);
  if (query.text) where.add('lower(document_id) LIKE ?', containsPattern(query.text));
  const { overdue, asOf } = query as { overdue?: unknown; asOf?: unknown };
  if (overdue === true) {
    const day = typeof asOf === 'string' ? asOf : new Date().toISOString().slice(0, 10);
    where.add(`${OVERDUE} AND ${DUE_DAY} < ?`, day);
  }

  const offset = query.offset ?? 0;
  const limit = checkLimit(query.limit ?? DEFAULT_LIMIT);
  const sort = query.sort ?? { key: 'period', direction: 'desc' };
  const byTotal = sort.key === 'total';
  const stats = byTotal ? await reportingStats(db, where) : undefined;
  const reporting = stats?.reporting ?? false;
  const [total, items, totals] = await Promise.all([
    countInvoices(db, where),
    pageOfInvoices(db, where, orderBy(sort.key, sort.direction, reporting), limit, offset),
    totalsOfInvoices(db, where),
  ]);
  const page: Page<InvoiceSummary> = {
    items,
    total: Math.min(total, MAX_TOTAL),
    offset,
    limit,
    totals,
  };
  if (byTotal) {
    if (reporting && stats?.currency) {
      page.totalOrder = 'reporting';
      page.reportingCurrency = stats.currency;
    } else {
      page.totalOrder = 'currency-then-amount';
    }
  }
  return page;
}

/** The stored row of an invoice within the principal's scope, or `null`. */
export async function findInvoice(
  db: Queryable,
  principal: Principal,
  invoiceId: string,
  audience: Audience,
  lock = false,
): Promise<InvoiceRow | null> {
  const where = scopeInvoices(new Where(), principal, audience).add('id = ?', invoiceId);
  const result = await db.query<InvoiceRow>(
    `SELECT ${INVOICE_COLUMNS} FROM invoices WHERE ${where.sql}${lock ? ' FOR UPDATE' : ''}`,
    where.params,
  );
  return result.rows[0] ?? null;
}

export async function getInvoice(
  db: Queryable,
  principal: Principal,
  invoiceId: string,
  asked?: Audience,
): Promise<Invoice> {
  const audience = audienceOf(principal, asked);
  const row = await findInvoice(db, principal, invoiceId, audience);
  if (!row) throw notFound(`Invoice ${invoiceId}`);
  return forAudience(toInvoice(row), audience);
}
