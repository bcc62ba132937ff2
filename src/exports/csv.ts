/**
 * CSV exports with papaparse: the invoice (header facts and totals, one row) and the detailed
 * CSV (one row per line item). RFC 4180 (comma, CRLF, quotes doubled, fields quoted when
 * needed), UTF-8 with an optional BOM for spreadsheet users. Amounts are plain decimals with
 * the currency's digits in the display currency; totals are sums of the converted lines.
 * Every text cell is neutralised against formula injection; the numeric cells we generate are
 * not (they must stay numbers). No Lit here.
 */
import Papa from 'papaparse';
import { forAudience } from '../core/audience.js';
import { money, sum, toDecimalString } from '../core/money.js';
import type { Invoice } from '../core/types.js';
import { neutraliseCell } from './neutralise.js';
import {
  assertExportable,
  convertInvoice,
  labelsOf,
  periodCode,
  type ConvertedInvoice,
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

const UNPARSE_CONFIG = {
  delimiter: ',',
  newline: '\r\n',
  quoteChar: '"',
  escapeChar: '"',
  // We neutralise text cells ourselves (papaparse's list misses cases and would also
  // quote-escape our negative amounts).
  escapeFormulae: false,
  // A cell holding another reader's separator (`;` in European Excel, a tab) is quoted too, so
  // a reader that splits on it never starts a new, unguarded cell inside ours (docs/RULES.md,
  // Security).
  quotes: (value: unknown) => typeof value === 'string' && /[;\t]/.test(value),
} as const;

/** Header and rows, RFC 4180; `header: false` gives the rows alone (same columns, same quoting). */
function unparse(header: string[], rows: Cell[][], withHeader = true): string {
  return Papa.unparse(
    { fields: header, data: rows.map((r) => r.map(render)) },
    { ...UNPARSE_CONFIG, header: withHeader },
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

/** Which CSV: the invoice (one row of facts and totals) or the detailed CSV (a row per line). */
export type CsvFormat = 'csv' | 'detailed-csv';

/** Lines converted and written per piece by {@link csvPieces} unless told otherwise. */
export const CSV_PIECE_LINES = 500;

/** A piece of a CSV file and how far the file is (0–1) once it is written. */
export interface CsvPiece {
  text: string;
  progress: number;
}

/**
 * The CSV file in pieces, made lazily: each step converts and writes at most `pieceLines`
 * lines, so a caller can let the page breathe between pieces (the main-thread fallback) or
 * report progress (the worker). Joined, the pieces are exactly the file {@link invoiceCsv} or
 * {@link detailedCsv} returns (they are made this way): pieces end on row boundaries, so they
 * can also be encoded one by one (`new Blob(pieces)`). The invoice CSV's pieces before the last
 * are empty (its totals need every line converted first).
 */
export function* csvPieces(
  whole: Invoice,
  format: CsvFormat,
  options: CsvOptions = {},
  pieceLines = CSV_PIECE_LINES,
): Generator<CsvPiece, void, undefined> {
  const audience = options.audience ?? 'operator';
  assertExportable(whole, audience);
  // What the audience sees on screen, field by field (docs/RULES.md, Audiences).
  const invoice = forAudience(whole, audience);
  const l: ExportLabels = labelsOf(options);
  const currency = options.currency ?? invoice.currency;
  const step = Math.max(1, Math.floor(pieceLines));
  const count = invoice.lines.length;
  // Each slice of lines converted on its own: conversion is per line and the totals are plain
  // sums of the converted lines, so this equals converting them all at once.
  const converted = (from: number): ConvertedInvoice =>
    convertInvoice({ ...invoice, lines: invoice.lines.slice(from, from + step) }, currency);
  if (format === 'csv') {
    let subtotal = 0;
    let taxTotal = 0;
    let c = converted(0);
    for (let from = 0; ;) {
      subtotal += c.subtotal.minor;
      taxTotal += c.taxTotal.minor;
      from += step;
      if (from >= count) break;
      yield { text: '', progress: from / count };
      c = converted(from);
    }
    const total = sum([money(subtotal, c.currency), money(taxTotal, c.currency)], c.currency);
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
      number(toDecimalString(money(subtotal, c.currency))),
      number(toDecimalString(money(taxTotal, c.currency))),
      number(toDecimalString(total)),
      number(String(c.rate)),
    ];
    const fields = [...header, ...customFieldHeaders(invoice)].map(render);
    yield {
      text: withBom(unparse(fields, [[...row, ...customFieldValues(invoice)]]), options.bom),
      progress: 1,
    };
    return;
  }
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
  const fields = [...header, ...customFieldHeaders(invoice)].map(render);
  const period = periodCode(invoice);
  const custom = customFieldValues(invoice);
  const rowsOf = (c: ConvertedInvoice): Cell[][] =>
    c.lines.map((line): Cell[] => [
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
  // The first piece: BOM, header and the first rows (no lines: the header alone, as papaparse
  // writes it); then CRLF and the next rows, which papaparse writes as it would after them.
  const first = converted(0);
  yield {
    text: withBom(unparse(fields, rowsOf(first)), options.bom),
    progress: count === 0 ? 1 : Math.min(step, count) / count,
  };
  for (let from = step; from < count; from += step) {
    yield {
      text: `\r\n${unparse(fields, rowsOf(converted(from)), false)}`,
      progress: Math.min(from + step, count) / count,
    };
  }
}

function joined(pieces: Iterable<CsvPiece>): string {
  let csv = '';
  for (const piece of pieces) csv += piece.text;
  return csv;
}

/** The invoice as CSV: a header row and one row of facts and totals. */
export function invoiceCsv(invoice: Invoice, options: CsvOptions = {}): string {
  return joined(csvPieces(invoice, 'csv', options, Number.MAX_SAFE_INTEGER));
}

/** One row per line item: SKU, description, quantity, unit price, amount, tax, currency, period, custom fields. */
export function detailedCsv(invoice: Invoice, options: CsvOptions = {}): string {
  return joined(csvPieces(invoice, 'detailed-csv', options, Number.MAX_SAFE_INTEGER));
}

/**
 * A CSV as a file Blob (`text/csv; charset=utf-8`, UTF-8): a string, or its pieces (strings or
 * Blobs of pieces) in order.
 */
export function csvBlob(csv: string | readonly (string | Blob)[]): Blob {
  return new Blob(typeof csv === 'string' ? [csv] : [...csv], { type: 'text/csv;charset=utf-8' });
}
