/**
 * What every export carries, built once from an invoice: the facts the viewer shows, the lines
 * and totals converted to the display currency (each line converted, totals summed from the
 * converted lines), and the labels in the caller's language. Plain data, so it can be posted
 * to the PDF worker. No Lit here.
 */
import { convert, convertLines, formatMoney, sum } from '../core/money.js';
import { formatPeriod } from '../core/period.js';
import type { CurrencyCode, Invoice, LineItem, Money } from '../core/types.js';
import {
  assertExportable,
  DEFAULT_EXPORT_LABELS,
  type ExportLabels,
  type ExportOptions,
} from './options.js';

// Defined in options.ts (small, loaded with the elements); exported here as before.
export {
  assertExportable,
  DEFAULT_EXPORT_LABELS,
  ExportRefusedError,
  type ExportLabels,
  type ExportOptions,
} from './options.js';

/** The rate from the invoice currency to `currency` (1 for its own); throws for another. */
export function rateFor(
  invoice: Pick<Invoice, 'currency' | 'currencies'>,
  currency: string,
): number {
  if (currency === invoice.currency) return 1;
  const found = invoice.currencies.find((c) => c.currency === currency);
  if (!found) throw new RangeError(`${currency} is not a currency of this invoice.`);
  return found.rate;
}

export interface ConvertedLine {
  line: LineItem;
  unitPrice: Money;
  amount: Money;
  tax: Money;
}

export interface ConvertedInvoice {
  currency: CurrencyCode;
  rate: number;
  lines: ConvertedLine[];
  subtotal: Money;
  taxTotal: Money;
  total: Money;
}

/**
 * The lines in the display currency, each converted with the invoice's rate; the totals are
 * the sums of the converted lines, so a total always equals the sum of its lines.
 */
export function convertInvoice(invoice: Invoice, currency = invoice.currency): ConvertedInvoice {
  const rate = rateFor(invoice, currency);
  const amounts = convertLines(
    invoice.lines.map((l) => l.amount),
    currency,
    rate,
  );
  const taxes = convertLines(
    invoice.lines.map((l) => l.tax),
    currency,
    rate,
  );
  const lines = invoice.lines.map((line, i) => ({
    line,
    unitPrice: convert(line.unitPrice, currency, rate),
    amount: amounts.lines[i],
    tax: taxes.lines[i],
  }));
  return {
    currency,
    rate,
    lines,
    subtotal: amounts.total,
    taxTotal: taxes.total,
    total: sum([amounts.total, taxes.total], currency),
  };
}

/** `2026-10`, or `2026-09/2026-10` for several months: the machine-readable period. */
export function periodCode(invoice: Pick<Invoice, 'period'>): string {
  const { from, to } = invoice.period;
  return from === to ? from : `${from}/${to}`;
}

export function labelsOf(options: ExportOptions): ExportLabels {
  return { ...DEFAULT_EXPORT_LABELS, ...(options.labels ?? {}) };
}

/** The human-readable document (PDF, print): every value already formatted as text. */
export interface DocumentModel {
  lang: string;
  title: string;
  /** Label/value pairs shown at the top: document ID, status, period, currency, … */
  facts: [string, string][];
  customFieldsTitle: string;
  customFields: [string, string][];
  linesTitle: string;
  columns: string[];
  /** Which columns are numeric (right-aligned). */
  numeric: boolean[];
  rows: string[][];
  totals: [string, string][];
  pageOf: string;
}

/** Builds the human-readable document of an invoice, refusing a draft for the customer. */
export function buildDocumentModel(invoice: Invoice, options: ExportOptions = {}): DocumentModel {
  assertExportable(invoice, options.audience ?? 'operator');
  const labels = labelsOf(options);
  const locale = options.locale ?? 'en';
  const converted = convertInvoice(invoice, options.currency ?? invoice.currency);
  const money = (m: Money): string => formatMoney(m, locale);
  const quantity = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  const facts: [string, string][] = [
    [labels.documentId, invoice.documentId],
    [labels.status, options.statusText ?? String(invoice.status)],
    [labels.period, formatPeriod(invoice.period, locale)],
    [labels.currency, converted.currency],
    [labels.customer, invoice.customer.name],
    [labels.provider, invoice.provider.name],
  ];
  if (converted.currency !== invoice.currency) {
    const rate = invoice.currencies.find((c) => c.currency === converted.currency);
    const when = [rate?.date, rate?.source].filter(Boolean).join(', ');
    facts.push([
      labels.rate,
      `1 ${invoice.currency} = ${converted.rate} ${converted.currency}${when ? ` (${when})` : ''}`,
    ]);
  }
  if (invoice.dueDate) facts.push([labels.dueDate, invoice.dueDate]);
  return {
    lang: locale,
    title: `${labels.invoice} ${invoice.documentId}`,
    facts,
    customFieldsTitle: labels.customFields,
    customFields: invoice.customFields.map((f) => [f.label, f.value]),
    linesTitle: labels.lines,
    columns: [
      labels.sku,
      labels.description,
      labels.quantity,
      labels.unitPrice,
      labels.amount,
      labels.tax,
    ],
    numeric: [false, false, true, true, true, true],
    rows: converted.lines.map((c) => [
      c.line.sku,
      c.line.description,
      quantity.format(c.line.quantity),
      money(c.unitPrice),
      money(c.amount),
      money(c.tax),
    ]),
    totals: [
      [labels.subtotal, money(converted.subtotal)],
      [labels.taxTotal, money(converted.taxTotal)],
      [labels.total, money(converted.total)],
    ],
    pageOf: labels.pageOf,
  };
}
