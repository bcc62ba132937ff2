/**
 * What every export carries, built once from an invoice: the facts the viewer shows, the lines
 * and totals converted to the display currency by the core conversion model the viewer uses
 * (core/conversion.ts: each line converted, totals summed from the converted lines), and the
 * labels in the caller's language. Plain data, so it can be posted to the PDF worker. No Lit.
 */
import { forAudience } from '../core/audience.js';
import { convertAmounts, rateTo, type ConvertedAmounts } from '../core/conversion.js';
import { formatMoney } from '../core/money.js';
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

/**
 * The rate from the invoice currency to `currency` (1 for its own); throws for another: an
 * export never uses a guessed rate.
 */
export function rateFor(
  invoice: Pick<Invoice, 'currency' | 'currencies'>,
  currency: string,
): number {
  const found = rateTo(invoice, currency);
  if (!found) throw new RangeError(`${currency} is not a currency of this invoice.`);
  return found.factor;
}

/**
 * The invoice's amounts in `currency` through the core conversion model (the one the viewer
 * shows). An export never falls back to another currency or guesses a rate: a currency the
 * invoice has no usable rate for throws.
 */
function amountsIn(invoice: Invoice, currency: string): ConvertedAmounts {
  const rate = rateFor(invoice, currency);
  const amounts = convertAmounts(invoice, currency);
  if (!amounts) {
    throw new RangeError(
      `The rate ${rate} from ${invoice.currency} to ${currency} does not convert.`,
    );
  }
  return amounts;
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
 * the sums of the converted lines, so a total always equals the sum of its lines. Throws for
 * a currency without a usable rate.
 */
export function convertInvoice(invoice: Invoice, currency = invoice.currency): ConvertedInvoice {
  const c = amountsIn(invoice, currency);
  return {
    currency,
    rate: c.factor,
    lines: invoice.lines.map((line, i) => ({
      line,
      unitPrice: c.unitPrice(i),
      amount: c.amounts[i],
      tax: c.taxes[i],
    })),
    subtotal: c.subtotal,
    taxTotal: c.taxTotal,
    total: c.total,
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

/**
 * Builds the human-readable document of an invoice as the audience sees it, refusing a draft for
 * the customer.
 */
export function buildDocumentModel(whole: Invoice, options: ExportOptions = {}): DocumentModel {
  const audience = options.audience ?? 'operator';
  assertExportable(whole, audience);
  // What the audience sees on screen, field by field (docs/RULES.md, Audiences).
  const invoice = forAudience(whole, audience);
  const labels = labelsOf(options);
  const locale = options.locale ?? 'en';
  const converted = amountsIn(invoice, options.currency ?? invoice.currency);
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
  const rate = converted.rate;
  if (rate) {
    const when = [rate.date, rate.source].filter(Boolean).join(', ');
    facts.push([
      labels.rate,
      `1 ${invoice.currency} = ${rate.rate} ${rate.currency}${when ? ` (${when})` : ''}`,
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
    rows: invoice.lines.map((line, i) => [
      line.sku,
      line.description,
      quantity.format(line.quantity),
      money(converted.unitPrice(i)),
      money(converted.amounts[i]),
      money(converted.taxes[i]),
    ]),
    totals: [
      [labels.subtotal, money(converted.subtotal)],
      [labels.taxTotal, money(converted.taxTotal)],
      [labels.total, money(converted.total)],
    ],
    pageOf: labels.pageOf,
  };
}
