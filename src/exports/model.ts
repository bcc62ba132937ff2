/**
 * What every export carries, built once from an invoice: the facts the viewer shows, the lines
 * and totals converted to the display currency (each line converted, totals summed from the
 * converted lines), and the labels in the caller's language. Plain data, so it can be posted
 * to the PDF worker. No Lit here.
 */
import { convert, convertLines, formatMoney, sum } from '../core/money.js';
import { formatPeriod } from '../core/period.js';
import { isVisibleTo } from '../core/status.js';
import type { Audience, CurrencyCode, Invoice, LineItem, Money } from '../core/types.js';

/** The words of the exports (column headers, section titles). English by default. */
export interface ExportLabels {
  invoice: string;
  documentId: string;
  status: string;
  customer: string;
  customerId: string;
  provider: string;
  period: string;
  currency: string;
  rate: string;
  generatedAt: string;
  dueDate: string;
  customFields: string;
  lines: string;
  sku: string;
  description: string;
  group: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  tax: string;
  subtotal: string;
  taxTotal: string;
  total: string;
  /** Page footer; `{page}` and `{pages}` are replaced. */
  pageOf: string;
}

export const DEFAULT_EXPORT_LABELS: ExportLabels = {
  invoice: 'Invoice',
  documentId: 'Document ID',
  status: 'Status',
  customer: 'Customer',
  customerId: 'Customer ID',
  provider: 'Provider',
  period: 'Billing period',
  currency: 'Currency',
  rate: 'Exchange rate',
  generatedAt: 'Generated at',
  dueDate: 'Due date',
  customFields: 'Custom fields',
  lines: 'Lines',
  sku: 'SKU',
  description: 'Description',
  group: 'Group',
  quantity: 'Quantity',
  unitPrice: 'Unit price',
  amount: 'Amount',
  tax: 'Tax',
  subtotal: 'Subtotal',
  taxTotal: 'Tax total',
  total: 'Total',
  pageOf: 'Page {page} of {pages}',
};

/** Options every export takes. */
export interface ExportOptions {
  /** Display currency (one of the invoice's); default the invoice's own. */
  currency?: CurrencyCode;
  /** Who asked: in the customer audience a draft is refused. Default `operator`. */
  audience?: Audience;
  /** Labels in the caller's language; missing ones are English. */
  labels?: Partial<ExportLabels>;
  /** The status in words (e.g. `Aberto`); default the status code. */
  statusText?: string;
  /** Intl locale for the human-readable documents (PDF, print). Default `en`. */
  locale?: string;
}

/** Thrown when an export is not allowed (a draft in the customer audience). */
export class ExportRefusedError extends Error {
  override readonly name = 'ExportRefusedError';
}

/** Refuses an invoice the audience may not see (PRODUCT.md: no export ever contains a draft). */
export function assertExportable(invoice: Pick<Invoice, 'status'>, audience: Audience): void {
  if (!isVisibleTo(invoice, audience)) {
    throw new ExportRefusedError('This invoice cannot be exported for this audience.');
  }
}

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
