/**
 * Invoices in and out of the `invoices` table: one INSERT for the seed and the conformance
 * fixture, and the rows read back as the contract's Invoice and InvoiceSummary.
 */
import type {
  Invoice,
  InvoiceStatus,
  InvoiceSummary,
  StatusChange,
} from '../../../src/core/types.js';
import type { Queryable } from './database.js';

/** The row of an invoice as the store reads it. */
export interface InvoiceRow {
  [column: string]: unknown;
  id: string;
  reseller_id: string;
  customer_id: string;
  status: InvoiceStatus;
  version: number;
  allowed_targets: string[] | null;
  history: StatusChange[];
  body: Omit<Invoice, 'status' | 'version' | 'history' | 'allowedTargets'>;
}

/** The columns {@link toInvoice} needs. */
export const INVOICE_COLUMNS =
  'id, reseller_id, customer_id, status, version, allowed_targets, history, body';

/** The columns {@link toSummary} needs: the summary's fields only, not the lines. */
export const SUMMARY_COLUMNS = `id, status, version, jsonb_build_object(
  'documentId', body->'documentId', 'customer', body->'customer', 'provider', body->'provider',
  'period', body->'period', 'total', body->'total', 'reportingTotal', body->'reportingTotal',
  'generatedAt', body->'generatedAt', 'dueDate', body->'dueDate', 'amountPaid',
  body->'amountPaid', 'amountDue', body->'amountDue') AS summary`;

export function versionTag(version: number): string {
  return `v${version}`;
}

/** The number of a `v<n>` version, or `undefined` for anything else (then no row matches). */
export function versionNumber(tag: string): number | undefined {
  const m = /^v([1-9]\d{0,8})$/.exec(tag);
  return m ? Number(m[1]) : undefined;
}

export function toInvoice(row: InvoiceRow): Invoice {
  const invoice: Invoice = {
    ...row.body,
    id: row.id,
    status: row.status,
    version: versionTag(row.version),
    history: row.history,
  };
  if (row.allowed_targets) invoice.allowedTargets = row.allowed_targets as InvoiceStatus[];
  return invoice;
}

export interface SummaryRow {
  [column: string]: unknown;
  id: string;
  status: InvoiceStatus;
  version: number;
  summary: Omit<InvoiceSummary, 'id' | 'status' | 'version' | Optional> & {
    [K in Optional]: InvoiceSummary[K] | null;
  };
}

/** The summary's fields an invoice may lack (JSON null in the row when it does). */
type Optional = 'reportingTotal' | 'dueDate' | 'amountPaid' | 'amountDue';

export function toSummary(row: SummaryRow): InvoiceSummary {
  const { reportingTotal, dueDate, amountPaid, amountDue, ...rest } = row.summary;
  const summary: InvoiceSummary = {
    id: row.id,
    ...rest,
    status: row.status,
    version: versionTag(row.version),
  };
  if (reportingTotal) summary.reportingTotal = reportingTotal;
  if (dueDate) summary.dueDate = dueDate;
  if (amountPaid) summary.amountPaid = amountPaid;
  if (amountDue) summary.amountDue = amountDue;
  return summary;
}

/** One invoice to insert, under a reseller. */
export interface NewInvoice {
  resellerId: string;
  invoice: Invoice;
  fixture?: boolean;
}

function bodyOf(invoice: Invoice): Record<string, unknown> {
  const body: Record<string, unknown> = { ...invoice };
  for (const key of ['status', 'version', 'history', 'allowedTargets']) delete body[key];
  return body;
}

/** Inserts invoices (their customers must exist), in one statement. */
export async function insertInvoices(
  db: Queryable,
  invoices: readonly NewInvoice[],
): Promise<void> {
  if (invoices.length === 0) return;
  const rows = invoices.map(({ resellerId, invoice, fixture }) => ({
    id: invoice.id,
    reseller: resellerId,
    status: invoice.status,
    version: versionNumber(invoice.version) ?? 1,
    targets: invoice.allowedTargets ?? null,
    history: invoice.history,
    body: bodyOf(invoice),
    fixture: fixture ?? false,
  }));
  await db.query(
    `INSERT INTO invoices (id, reseller_id, customer_id, document_id, customer_name, provider_id,
       provider_name, period_from, period_to, status, currency, total_minor, reporting_currency,
       reporting_minor, generated_at, version, allowed_targets, history, body, fixture)
     SELECT e->>'id', e->>'reseller', b->'customer'->>'id', b->>'documentId',
       b->'customer'->>'name', b->'provider'->>'id', b->'provider'->>'name',
       b->'period'->>'from', b->'period'->>'to', e->>'status', b->'total'->>'currency',
       (b->'total'->>'minor')::bigint, b->'reportingTotal'->>'currency',
       (b->'reportingTotal'->>'minor')::bigint, (b->>'generatedAt')::timestamptz,
       (e->>'version')::integer,
       CASE WHEN e->'targets' = 'null'::jsonb THEN NULL
         ELSE ARRAY(SELECT jsonb_array_elements_text(e->'targets')) END,
       e->'history', b, (e->>'fixture')::boolean
     FROM jsonb_array_elements($1::jsonb) AS e, LATERAL (SELECT e->'body' AS b) AS x`,
    [JSON.stringify(rows)],
  );
}
