/**
 * The list CSV (issue 25, "Export the list"): one row per invoice of the table's list, in its
 * order, written page by page as the pages arrive (list-export.ts), in either dialect of
 * docs/RULES.md "CSV files". The same cells, quoting and formula guard as the invoice CSVs
 * (csv.ts, neutralise.ts). Loaded only where a file is written (the CSV worker, or the page's
 * fallback): it imports papaparse through csv.ts. No Lit here.
 */
import { toDecimalString } from '../core/money.js';
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
};

/** What a list CSV is written with: the dialect, locale and BOM of the invoice CSVs, and its headers. */
export interface ListCsvOptions extends Pick<CsvOptions, 'dialect' | 'locale' | 'bom'> {
  listLabels?: Partial<ListCsvLabels>;
}

const COLUMNS: readonly (keyof ListCsvLabels)[] = [
  'documentId',
  'customer',
  'customerId',
  'provider',
  'period',
  'status',
  'total',
  'currency',
  'generatedAt',
];

/** The start of the file: the BOM (when the dialect has one) and the header row, no line break. */
export function listCsvHeader(options: ListCsvOptions = {}): string {
  const f = csvFormatting(options);
  const labels = { ...DEFAULT_LIST_CSV_LABELS, ...(options.listLabels ?? {}) };
  return `${f.bom ? '\uFEFF' : ''}${unparse([COLUMNS.map((c) => text(labels[c]))], f)}`;
}

function rowOf(s: InvoiceSummary): Cell[] {
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
  return `\r\n${unparse(items.map(rowOf), csvFormatting(options))}`;
}
