/**
 * CSV exports with papaparse: the invoice CSV (header fields, the lines grouped as in the viewer
 * with group subtotals, the totals) and the detailed CSV (one row per line item, each carrying
 * the invoice's facts and totals). Layouts and dialects: docs/RULES.md, "CSV files".
 *
 * Two dialects: `spreadsheet` (for people, the default) follows the locale: where it writes
 * decimals with a comma (pt-BR, es, de, fr…), fields are separated by `;` and numbers use a
 * decimal comma, otherwise `,` and a point; always a UTF-8 BOM. `rfc4180` (for programs): `,`,
 * point decimals, no BOM. Both: CRLF rows, quotes doubled, no thousands grouping, and a cell is
 * quoted whenever it holds any separator either dialect or another reader could use (`,` `;`
 * tab `|`), a quote or a line break. Amounts are plain decimals with the currency's digits in the
 * display currency; totals are sums of the converted lines (core/conversion.ts). Every text cell
 * is neutralised against formula injection whatever separator a reader splits it on
 * (neutralise.ts); the numeric cells we generate are not (they must stay numbers). No Lit here.
 */
import Papa from 'papaparse';
import { forAudience } from '../core/audience.js';
import { rateStatement } from '../core/conversion.js';
import { groupLines } from '../core/line-groups.js';
import { convert, currencyDigits, money, toDecimalString } from '../core/money.js';
import type { CurrencyCode, Invoice, LineItem, Money } from '../core/types.js';
import { neutraliseCell } from './neutralise.js';
import {
  assertExportable,
  convertInvoice,
  labelsOf,
  periodCode,
  rateFor,
  type ConvertedInvoice,
  type ConvertedLine,
  type ExportLabels,
  type ExportOptions,
} from './model.js';

/** `spreadsheet`: for people, per locale (`;` and a decimal comma where it uses one, BOM); `rfc4180`: for programs. */
export type CsvDialect = 'spreadsheet' | 'rfc4180';

export interface CsvOptions extends ExportOptions {
  /** Default `spreadsheet`, in `locale` (default `en`). */
  dialect?: CsvDialect;
  /**
   * Whether the file starts with a UTF-8 byte order mark. Default: yes in the `spreadsheet`
   * dialect (Excel then reads the file as UTF-8), no in `rfc4180`; given, it wins.
   */
  bom?: boolean;
}

/** How a file is written: what separates fields, what separates decimals, whether a BOM starts it. */
export interface CsvFormatting {
  delimiter: ',' | ';';
  decimal: '.' | ',';
  bom: boolean;
}

/** The locale's decimal separator is a comma (`pt-BR`, `es`, `de`, `fr`…); `en` for a bad tag. */
function usesDecimalComma(locale: string): boolean {
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(locale).formatToParts(1.5);
  } catch {
    return false;
  }
  return parts.some((p) => p.type === 'decimal' && p.value === ',');
}

/** The separators and BOM of `options.dialect` in `options.locale`. */
export function csvFormatting(options: CsvOptions = {}): CsvFormatting {
  const spreadsheet = options.dialect !== 'rfc4180';
  const comma = spreadsheet && usesDecimalComma(options.locale ?? 'en');
  return {
    delimiter: comma ? ';' : ',',
    decimal: comma ? ',' : '.',
    bom: options.bom ?? spreadsheet,
  };
}

/** A cell: text (neutralised) or a number we generated (kept as is, decimal per dialect). */
export type Cell = { text: string } | { number: string };

export const text = (value: string): Cell => ({ text: value });
export const number = (value: string): Cell => ({ number: value });
const EMPTY = text('');

function render(cell: Cell, f: CsvFormatting): string {
  if ('text' in cell) return neutraliseCell(cell.text);
  return f.decimal === ',' ? cell.number.replace('.', ',') : cell.number;
}

/** Quoted: any separator of any reader (docs/RULES.md, Security), a quote, a line break. */
const NEEDS_QUOTES = /[,;\t|"\r\n]/;

/** Rows in the dialect: CRLF between them (none after the last), fields quoted when needed. */
export function unparse(rows: readonly Cell[][], f: CsvFormatting): string {
  return Papa.unparse(
    rows.map((r) => r.map((c) => render(c, f))),
    {
      delimiter: f.delimiter,
      newline: '\r\n',
      quoteChar: '"',
      escapeChar: '"',
      header: false,
      // We neutralise text cells ourselves (papaparse's list misses cases and would also
      // quote-escape our negative amounts).
      escapeFormulae: false,
      quotes: (value: unknown) => typeof value === 'string' && NEEDS_QUOTES.test(value),
    },
  );
}

/** Plain decimal (no exponent, no grouping) with `min` to `max` fraction digits: `0.000123`. */
function plainDecimal(value: number, min: number, max: number): string {
  if (!Number.isFinite(value)) return '';
  const fixed = Math.abs(value).toFixed(max);
  if (/e/i.test(fixed)) return String(value);
  const [int, frac = ''] = fixed.split('.');
  const digits = frac.replace(/0+$/, '').padEnd(min, '0');
  const sign = value < 0 && /[1-9]/.test(fixed) ? '-' : '';
  return `${sign}${int}${digits ? `.${digits}` : ''}`;
}

/** Plain decimal of a quantity (no exponent, no grouping): `1.5`, `0.0000001`. */
function quantityString(q: number): string {
  if (!Number.isFinite(q)) return '';
  const s = String(q);
  if (!/e/i.test(s)) return s;
  return q.toFixed(20).replace(/\.?0+$/, '');
}

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/**
 * The unit price with the precision the data has: `unitPriceDecimal` converted, up to 6
 * decimals (at least the currency's digits); else the rounded `unitPrice` converted.
 */
function unitPriceString(c: ConvertedLine, factor: number): string {
  const exact = c.line.unitPriceDecimal;
  if (exact === undefined || !DECIMAL.test(exact)) return toDecimalString(c.unitPrice);
  return plainDecimal(Number(exact) * factor, currencyDigits(c.unitPrice.currency), 6);
}

/** `line.taxRate`, else tax ÷ amount when the amount is not zero, else empty: a fraction. */
function taxRateString(line: LineItem): string {
  if (typeof line.taxRate === 'number' && Number.isFinite(line.taxRate)) {
    return plainDecimal(line.taxRate, 0, 6);
  }
  if (line.amount.minor === 0) return '';
  return plainDecimal(line.tax.minor / line.amount.minor, 0, 6);
}

const amount = (m: Money): Cell => number(toDecimalString(m));

/** Which CSV: the invoice (header fields, grouped lines, totals) or the detailed CSV (a row per line). */
export type CsvFormat = 'csv' | 'detailed-csv';

/** Lines converted and written per piece by {@link csvPieces} unless told otherwise. */
export const CSV_PIECE_LINES = 500;

/** A piece of a CSV file and how far the file is (0–1) once it is written. */
export interface CsvPiece {
  text: string;
  progress: number;
}

/** The invoice's totals in the display currency (sums of the converted lines) and what is due. */
interface Totals {
  subtotal: Money;
  taxTotal: Money;
  total: Money;
  paid: Money;
  due: Money;
}

/** What both CSVs need of an invoice before they write a row. */
interface Context {
  invoice: Invoice;
  l: ExportLabels;
  f: CsvFormatting;
  currency: CurrencyCode;
  factor: number;
  /** The rate statement when converted (ISO date), else empty. */
  rate: string;
  issueDate: string;
  period: string;
}

function contextOf(whole: Invoice, options: CsvOptions): Context {
  const audience = options.audience ?? 'operator';
  assertExportable(whole, audience);
  // What the audience sees on screen, field by field (docs/RULES.md, Audiences).
  const invoice = forAudience(whole, audience);
  const currency = options.currency ?? invoice.currency;
  const factor = rateFor(invoice, currency);
  const entry = invoice.currencies.find((r) => r.currency === currency);
  return {
    invoice,
    l: labelsOf(options),
    f: csvFormatting(options),
    currency,
    factor,
    rate: currency !== invoice.currency && entry ? rateStatement(invoice.currency, entry) : '',
    issueDate: invoice.issueDate ?? invoice.generatedAt.slice(0, 10),
    period: periodCode(invoice),
  };
}

/** One slice of the lines, converted on its own (see {@link convertAll}). */
function convertSlice(ctx: Context, from: number, step: number): ConvertedInvoice {
  const { invoice, currency } = ctx;
  return convertInvoice({ ...invoice, lines: invoice.lines.slice(from, from + step) }, currency);
}

/**
 * Converts the lines slice by slice (each slice on its own: conversion is per line and the
 * totals are plain sums of the converted lines, so this equals converting them all at once),
 * yielding progress from `from` to `to` between slices; returns the totals, and with `keep`
 * the converted lines (the detailed CSV converts its slices again as it writes them, so a
 * long invoice's converted lines are never all held at once).
 */
function* convertAll(
  ctx: Context,
  step: number,
  [from, to]: [number, number],
  keep: boolean,
): Generator<CsvPiece, { lines: ConvertedLine[]; totals: Totals }, undefined> {
  const { invoice, currency, factor } = ctx;
  const count = invoice.lines.length;
  const lines: ConvertedLine[] = [];
  let subtotal = 0;
  let taxTotal = 0;
  for (let at = 0; ;) {
    const c = convertSlice(ctx, at, step);
    if (keep) for (const line of c.lines) lines.push(line);
    subtotal += c.subtotal.minor;
    taxTotal += c.taxTotal.minor;
    at += step;
    if (at >= count) break;
    yield { text: '', progress: from + ((to - from) * at) / count };
  }
  const total = money(subtotal + taxTotal, currency);
  const paid = invoice.amountPaid
    ? convert(invoice.amountPaid, currency, factor)
    : money(0, currency);
  const due = invoice.amountDue
    ? convert(invoice.amountDue, currency, factor)
    : money(total.minor - paid.minor, currency);
  return {
    lines,
    totals: {
      subtotal: money(subtotal, currency),
      taxTotal: money(taxTotal, currency),
      total,
      paid,
      due,
    },
  };
}

/** The invoice CSV's `Field,Value` rows: the header fields (those present), then the custom fields. */
function fieldRows(ctx: Context): Cell[][] {
  const { invoice, l } = ctx;
  const terms = invoice.paymentTermsDays;
  const optional = (value: string | undefined): Cell | undefined =>
    value === undefined || value === '' ? undefined : text(value);
  const rows: [string, Cell | undefined][] = [
    [l.documentId, text(invoice.documentId)],
    [l.status, text(String(invoice.status))],
    [l.customer, text(invoice.customer.name)],
    [l.customerId, text(invoice.customer.id)],
    [l.csvCustomerTaxId, optional(invoice.customer.taxId)],
    [l.csvCustomerAddress, optional(invoice.customer.address?.join('\n'))],
    [l.csvIssuer, optional(invoice.issuer?.name)],
    [l.csvIssuerTaxId, optional(invoice.issuer?.taxId)],
    [l.provider, text(invoice.provider.name)],
    [l.period, text(ctx.period)],
    [l.issueDate, text(ctx.issueDate)],
    [l.dueDate, optional(invoice.dueDate)],
    [l.csvPaymentTerms, typeof terms === 'number' ? number(String(terms)) : undefined],
    [l.currency, text(ctx.currency)],
    [l.rate, optional(ctx.rate)],
    ...invoice.customFields.map((f): [string, Cell] => [f.label, text(f.value)]),
  ];
  const cells: Cell[][] = [[text(l.csvField), text(l.csvValue)]];
  for (const [label, value] of rows) if (value) cells.push([text(label), value]);
  return cells;
}

/**
 * The CSV file in pieces, made lazily: each step converts or writes at most `pieceLines`
 * lines, so a caller can let the page breathe between pieces (the main-thread fallback) or
 * report progress (the worker). Joined, the pieces are exactly the file {@link invoiceCsv} or
 * {@link detailedCsv} returns (they are made this way): pieces end on row boundaries, so they
 * can also be encoded one by one (`new Blob(pieces)`). Both files need every line converted
 * before their first row (the totals come from the converted lines): the pieces of that first
 * half are empty.
 */
export function* csvPieces(
  whole: Invoice,
  format: CsvFormat,
  options: CsvOptions = {},
  pieceLines = CSV_PIECE_LINES,
): Generator<CsvPiece, void, undefined> {
  const ctx = contextOf(whole, options);
  const { invoice, l, f } = ctx;
  const step = Math.max(1, Math.floor(pieceLines));
  const count = invoice.lines.length;
  const bom = f.bom ? '\uFEFF' : '';
  const { lines, totals } = yield* convertAll(ctx, step, [0, 0.5], format === 'csv');
  /** A line's own cells, the same in both CSVs: group, SKU, description, quantity, unit price, amount, tax, tax rate. */
  const lineCells = (c: ConvertedLine): Cell[] => [
    text(c.line.group),
    text(c.line.sku),
    text(c.line.description),
    number(quantityString(c.line.quantity)),
    number(unitPriceString(c, ctx.factor)),
    amount(c.amount),
    amount(c.tax),
    number(taxRateString(c.line)),
  ];
  const progress = (written: number): number => (count === 0 ? 1 : 0.5 + (0.5 * written) / count);

  if (format === 'csv') {
    const lineRow = (c: ConvertedLine): Cell[] => lineCells(c);
    const header = [l.group, l.sku, l.description, l.quantity, l.unitPrice, l.amount, l.tax];
    let head = `${bom}${unparse(fieldRows(ctx), f)}\r\n\r\n${unparse(
      [[...header, l.csvTaxRate].map(text)],
      f,
    )}`;
    let pending: Cell[][] = [];
    let written = 0;
    const groups = groupLines(
      lines.map((c) => c.line),
      lines.map((c) => c.amount),
      ctx.currency,
    );
    for (const group of groups) {
      for (const i of group.indexes) {
        pending.push(lineRow(lines[i]));
        written++;
        if (pending.length >= step) {
          yield { text: `${head}\r\n${unparse(pending, f)}`, progress: progress(written) };
          head = '';
          pending = [];
        }
      }
      const tax = group.indexes.reduce((s, i) => s + lines[i].tax.minor, 0);
      pending.push([
        text(group.name),
        EMPTY,
        text(l.csvGroupSubtotal),
        EMPTY,
        EMPTY,
        amount(group.subtotal),
        amount(money(tax, ctx.currency)),
        EMPTY,
      ]);
    }
    const rows: [string, Money][] = [
      [l.subtotal, totals.subtotal],
      [l.taxTotal, totals.taxTotal],
      [l.total, totals.total],
      [l.amountPaid, totals.paid],
      [l.amountDue, totals.due],
    ];
    const lineRows = pending.length > 0 ? `\r\n${unparse(pending, f)}` : '';
    yield {
      text: `${head}${lineRows}\r\n\r\n${unparse(
        rows.map(([label, m]) => [text(label), amount(m)]),
        f,
      )}`,
      progress: 1,
    };
    return;
  }

  const custom = invoice.customFields;
  const header = [
    l.documentId,
    l.customer,
    l.customerId,
    l.status,
    l.period,
    l.issueDate,
    l.dueDate,
    l.group,
    l.sku,
    l.description,
    l.quantity,
    l.unitPrice,
    l.amount,
    l.tax,
    l.csvTaxRate,
    l.currency,
    l.rate,
    l.subtotal,
    l.taxTotal,
    l.total,
    l.amountPaid,
    l.amountDue,
    ...custom.map((c) => c.label),
  ].map(text);
  const before: Cell[] = [
    text(invoice.documentId),
    text(invoice.customer.name),
    text(invoice.customer.id),
    text(String(invoice.status)),
    text(ctx.period),
    text(ctx.issueDate),
    text(invoice.dueDate ?? ''),
  ];
  const after: Cell[] = [
    text(ctx.currency),
    text(ctx.rate),
    amount(totals.subtotal),
    amount(totals.taxTotal),
    amount(totals.total),
    amount(totals.paid),
    amount(totals.due),
    ...custom.map((c) => text(c.value)),
  ];
  const rowOf = (c: ConvertedLine): Cell[] => [...before, ...lineCells(c), ...after];
  const rowsFrom = (from: number): Cell[][] => convertSlice(ctx, from, step).lines.map(rowOf);
  // The first piece: BOM, header and the first rows; then CRLF and the next rows.
  yield {
    text: `${bom}${unparse([header, ...rowsFrom(0)], f)}`,
    progress: progress(Math.min(step, count)),
  };
  for (let from = step; from < count; from += step) {
    yield {
      text: `\r\n${unparse(rowsFrom(from), f)}`,
      progress: progress(Math.min(from + step, count)),
    };
  }
}

function joined(pieces: Iterable<CsvPiece>): string {
  let csv = '';
  for (const piece of pieces) csv += piece.text;
  return csv;
}

/**
 * The invoice as CSV: a `Field,Value` section (header fields, custom fields), an empty row, the
 * lines grouped as in the viewer with a subtotal row per group, an empty row, the totals.
 */
export function invoiceCsv(invoice: Invoice, options: CsvOptions = {}): string {
  return joined(csvPieces(invoice, 'csv', options, Number.MAX_SAFE_INTEGER));
}

/**
 * One row per line item, each with the invoice's document ID, customer, status, period, dates,
 * the line (group, SKU, description, quantity, unit price, amount, tax, tax rate), the currency
 * and the rate statement (empty in the invoice's own currency), the invoice's totals and amount
 * due, and the custom fields.
 */
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
