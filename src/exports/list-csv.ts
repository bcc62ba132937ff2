/**
 * The list CSV (issue 25, "Export the list"): one row per invoice of the table's list, in its
 * order, written page by page as the pages arrive (list-export.ts), in either dialect of
 * docs/RULES.md "CSV files". The same cells, quoting and formula guard as the invoice CSVs
 * (csv.ts, neutralise.ts). Loaded only where a file is written (the CSV worker, or the page's
 * fallback): it imports papaparse through csv.ts. No Lit here.
 */
import { toDecimalString } from '../core/money.js';
import { amountOwed, isOverdue, isoDay } from '../core/overdue.js';
import type { InvoiceSummary } from '../core/types.js';
import { csvFormatting, number, text, unparse, type Cell, type CsvOptions } from './csv.js';
import { periodCode } from './model.js';

/** The column headers of the list CSV, in the file's language. */
export interface ListCsvLabels {
  documentId: string;
  customer: string;
  customerId: string;
  provider: string;
  period: string;
  status: string;
  total: string;
  currency: string;
  generatedAt: string;
  /** Money owed (docs/ADAPTERS.md): the due date (ISO, as sent), amounts, Overdue yes/no. */
  dueDate: string;
  amountPaid: string;
  amountDue: string;
  overdue: string;
  /** The Overdue column's cells. */
  yes: string;
  no: string;
}

export const DEFAULT_LIST_CSV_LABELS: ListCsvLabels = {
  documentId: 'Document ID',
  customer: 'Customer',
  customerId: 'Customer ID',
  provider: 'Cloud provider',
  period: 'Billing period',
  status: 'Status',
  total: 'Total',
  currency: 'Currency',
  generatedAt: 'Generated on',
  dueDate: 'Due date',
  amountPaid: 'Amount paid',
  amountDue: 'Amount due',
  overdue: 'Overdue',
  yes: 'Yes',
  no: 'No',
};

/** What a list CSV is written with: the dialect, locale and BOM of the invoice CSVs, and its headers. */
export interface ListCsvOptions extends Pick<CsvOptions, 'dialect' | 'locale' | 'bom'> {
  listLabels?: Partial<ListCsvLabels>;
  /** The day (`YYYY-MM-DD`) Overdue is judged on: the table's today. Default: the local today. */
  today?: string;
}

const COLUMNS: readonly Exclude<keyof ListCsvLabels, 'yes' | 'no'>[] = [
  'documentId',
  'customer',
  'customerId',
  'provider',
  'period',
  'status',
  'total',
  'currency',
  'generatedAt',
  'dueDate',
  'amountPaid',
  'amountDue',
  'overdue',
];

/** The start of the file: the BOM (when the dialect has one) and the header row, no line break. */
export function listCsvHeader(options: ListCsvOptions = {}): string {
  const f = csvFormatting(options);
  const labels = { ...DEFAULT_LIST_CSV_LABELS, ...(options.listLabels ?? {}) };
  return `${f.bom ? '\uFEFF' : ''}${unparse([COLUMNS.map((c) => text(labels[c]))], f)}`;
}

const amount = (m: InvoiceSummary['total'] | undefined): Cell =>
  m ? number(toDecimalString(m)) : text('');

function rowOf(s: InvoiceSummary, labels: ListCsvLabels, today: string): Cell[] {
  return [
    text(s.documentId),
    text(s.customer.name),
    text(s.customer.id),
    text(s.provider.name),
    text(periodCode(s)),
    text(String(s.status)),
    number(toDecimalString(s.total)),
    text(s.total.currency),
    text(s.generatedAt),
    text(s.dueDate ?? ''),
    amount(s.amountPaid),
    amount(amountOwed(s)),
    text(isOverdue(s, today) ? labels.yes : labels.no),
  ];
}

/**
 * Rows of invoices, each after a CRLF (so the pieces of a file are its header, then these,
 * in order); empty for no invoice.
 */
export function listCsvRows(
  items: readonly InvoiceSummary[],
  options: ListCsvOptions = {},
): string {
  if (items.length === 0) return '';
  const labels = { ...DEFAULT_LIST_CSV_LABELS, ...(options.listLabels ?? {}) };
  const today = options.today ?? isoDay(new Date());
  const rows = items.map((s) => rowOf(s, labels, today));
  return `\r\n${unparse(rows, csvFormatting(options))}`;
}
