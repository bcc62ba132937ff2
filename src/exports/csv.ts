/**
 * CSV exports with papaparse: the invoice (header facts and totals, one row) and the detailed
 * CSV (one row per line item). RFC 4180 (comma, CRLF, quotes doubled, fields quoted when
 * needed), UTF-8 with an optional BOM for spreadsheet users. Amounts are plain decimals with
 * the currency's digits in the display currency; totals are sums of the converted lines.
 * Every text cell is neutralised against formula injection; the numeric cells we generate are
 * not (they must stay numbers). No Lit here.
 */
import Papa from 'papaparse';
import { toDecimalString } from '../core/money.js';
import type { Invoice } from '../core/types.js';
import { neutraliseCell } from './neutralise.js';
import {
  assertExportable,
  convertInvoice,
  labelsOf,
  periodCode,
  type ExportLabels,
  type ExportOptions,
} from './model.js';

export interface CsvOptions extends ExportOptions {
  /** Start with a UTF-8 byte order mark (Excel then reads the file as UTF-8). */
  bom?: boolean;
}

/** A cell: text (neutralised) or a number we generated (kept as is). */
type Cell = { text: string } | { number: string };

const text = (value: string): Cell => ({ text: value });
const number = (value: string): Cell => ({ number: value });

function render(cell: Cell): string {
  return 'text' in cell ? neutraliseCell(cell.text) : cell.number;
}

/** Plain decimal of a quantity (no exponent, no grouping): `1.5`, `0.0000001`. */
function quantityString(q: number): string {
  if (!Number.isFinite(q)) return '';
  const s = String(q);
  if (!/e/i.test(s)) return s;
  return q.toFixed(20).replace(/\.?0+$/, '');
}

function unparse(header: Cell[], rows: Cell[][]): string {
  return Papa.unparse(
    { fields: header.map(render), data: rows.map((r) => r.map(render)) },
    {
      delimiter: ',',
      newline: '\r\n',
      quoteChar: '"',
      escapeChar: '"',
      header: true,
      // We neutralise text cells ourselves (papaparse's list misses cases and would also
      // quote-escape our negative amounts).
      escapeFormulae: false,
    },
  );
}

function withBom(csv: string, bom: boolean | undefined): string {
  return bom ? `\uFEFF${csv}` : csv;
}

function customFieldHeaders(invoice: Invoice): Cell[] {
  return invoice.customFields.map((f) => text(f.label));
}

function customFieldValues(invoice: Invoice): Cell[] {
  return invoice.customFields.map((f) => text(f.value));
}

/** The invoice as CSV: a header row and one row of facts and totals. */
export function invoiceCsv(invoice: Invoice, options: CsvOptions = {}): string {
  assertExportable(invoice, options.audience ?? 'operator');
  const l: ExportLabels = labelsOf(options);
  const c = convertInvoice(invoice, options.currency ?? invoice.currency);
  const header = [
    l.documentId,
    l.status,
    l.customer,
    l.customerId,
    l.provider,
    l.period,
    l.currency,
    l.generatedAt,
    l.dueDate,
    l.subtotal,
    l.taxTotal,
    l.total,
    l.rate,
  ].map(text);
  const row: Cell[] = [
    text(invoice.documentId),
    text(String(invoice.status)),
    text(invoice.customer.name),
    text(invoice.customer.id),
    text(invoice.provider.name),
    text(periodCode(invoice)),
    text(c.currency),
    text(invoice.generatedAt),
    text(invoice.dueDate ?? ''),
    number(toDecimalString(c.subtotal)),
    number(toDecimalString(c.taxTotal)),
    number(toDecimalString(c.total)),
    number(String(c.rate)),
  ];
  return withBom(
    unparse([...header, ...customFieldHeaders(invoice)], [[...row, ...customFieldValues(invoice)]]),
    options.bom,
  );
}

/** One row per line item: SKU, description, quantity, unit price, amount, tax, currency, period, custom fields. */
export function detailedCsv(invoice: Invoice, options: CsvOptions = {}): string {
  assertExportable(invoice, options.audience ?? 'operator');
  const l = labelsOf(options);
  const c = convertInvoice(invoice, options.currency ?? invoice.currency);
  const header = [
    l.documentId,
    l.sku,
    l.description,
    l.group,
    l.quantity,
    l.unitPrice,
    l.amount,
    l.tax,
    l.currency,
    l.period,
  ].map(text);
  const period = periodCode(invoice);
  const custom = customFieldValues(invoice);
  const rows = c.lines.map((line): Cell[] => [
    text(invoice.documentId),
    text(line.line.sku),
    text(line.line.description),
    text(line.line.group),
    number(quantityString(line.line.quantity)),
    number(toDecimalString(line.unitPrice)),
    number(toDecimalString(line.amount)),
    number(toDecimalString(line.tax)),
    text(c.currency),
    text(period),
    ...custom,
  ]);
  return withBom(unparse([...header, ...customFieldHeaders(invoice)], rows), options.bom);
}

/** A CSV string as a file Blob (`text/csv; charset=utf-8`). */
export function csvBlob(csv: string): Blob {
  return new Blob([csv], { type: 'text/csv;charset=utf-8' });
}
