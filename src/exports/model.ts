/**
 * What every export carries, built once from an invoice: the facts the viewer shows, the lines
 * and totals converted to the display currency by the core conversion model the viewer uses
 * (core/conversion.ts: each line converted, totals summed from the converted lines), and the
 * labels in the caller's language. Plain data, so it can be posted to the PDF worker. No Lit.
 */
import { forAudience } from '../core/audience.js';
import {
  convertAmounts,
  paidAndDue,
  rateStatement,
  rateTo,
  type ConvertedAmounts,
} from '../core/conversion.js';
import { formatDate } from '../core/dates.js';
import { groupLines } from '../core/line-groups.js';
import { formatMoney } from '../core/money.js';
import { formatPeriod } from '../core/period.js';
import type { CurrencyCode, Customer, Invoice, Issuer, LineItem, Money } from '../core/types.js';
import {
  assertExportable,
  DEFAULT_EXPORT_LABELS,
  type ExportLabels,
  type ExportOptions,
} from './options.js';
import { convertedDecimal, formatPreciseMoney } from './unit-price.js';

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

/** A row of the document's lines table: a group's header, a line, or the group's subtotal. */
export type DocumentRow =
  | { kind: 'group'; label: string }
  | { kind: 'line'; cells: string[] }
  | { kind: 'subtotal'; label: string; amount: string };

/** The human-readable document (PDF, print): every value already formatted as text. */
export interface DocumentModel {
  lang: string;
  title: string;
  /**
   * Who issues the invoice, one printed line each: the name first, then the address, the tax
   * ID, e-mail, phone and website. Absent when the invoice has no `issuer`. (Its logo is not
   * here: each document loads it its own way, see logo.ts.)
   */
  issuer?: string[];
  /** Title of the customer's billing block ("Bill to"). */
  billToTitle: string;
  /** The customer: name, customer ID, address lines, tax ID. */
  billTo: string[];
  /** Label/value pairs shown at the top: document ID, status, dates, terms, period, currency, … */
  facts: [string, string][];
  customFieldsTitle: string;
  customFields: [string, string][];
  linesTitle: string;
  columns: string[];
  /** Which columns are numeric (right-aligned). */
  numeric: boolean[];
  /** The lines grouped as the viewer groups them (core/line-groups.ts), each group subtotalled. */
  rows: DocumentRow[];
  /** Subtotal, tax total, total, and the amount paid when the invoice has one. */
  totals: [string, string][];
  /** What is still owed, emphasised under the totals. */
  amountDue: [string, string];
  /** Title and text of the payment instructions, when the invoice has them. */
  paymentInstructions?: [string, string];
  /** The word across every page of a DRAFT or VOID invoice. */
  watermark?: string;
  pageOf: string;
}

/** The column a group's subtotal is written in (the line amounts'). */
export const AMOUNT_COLUMN = 4;

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
  const totals: [string, string][] = [
    [labels.subtotal, money(converted.subtotal)],
    [labels.taxTotal, money(converted.taxTotal)],
    [labels.total, money(converted.total)],
  ];
  // docs/ARCHITECTURE.md, "The invoice documents": core `paidAndDue`, as the viewer shows them.
  const { paid, due } = paidAndDue(invoice, converted);
  if (paid) totals.push([labels.amountPaid, money(paid)]);
  return {
    lang: locale,
    title: `${labels.invoice} ${invoice.documentId}`,
    issuer: invoice.issuer && issuerLines(invoice.issuer, labels),
    billToTitle: labels.billTo,
    billTo: billToLines(invoice.customer, labels),
    facts: factsOf(invoice, converted, labels, locale, options.statusText),
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
    rows: lineRows(invoice, converted, labels, locale),
    totals,
    amountDue: [labels.amountDue, money(due)],
    paymentInstructions: invoice.paymentInstructions
      ? [labels.paymentInstructions, invoice.paymentInstructions]
      : undefined,
    watermark:
      invoice.status === 'DRAFT'
        ? labels.watermarkDraft
        : invoice.status === 'VOID'
          ? labels.watermarkVoid
          : undefined,
    pageOf: labels.pageOf,
  };
}

const withTaxId = (lines: string[], taxId: string | undefined, labels: ExportLabels): string[] =>
  taxId ? [...lines, `${labels.taxId}: ${taxId}`] : lines;

function issuerLines(issuer: Issuer, labels: ExportLabels): string[] {
  const lines = withTaxId([issuer.name, ...(issuer.address ?? [])], issuer.taxId, labels);
  return [...lines, ...[issuer.email, issuer.phone, issuer.website].filter((s) => !!s)] as string[];
}

function billToLines(customer: Customer, labels: ExportLabels): string[] {
  const lines = [
    customer.name,
    `${labels.customerId}: ${customer.id}`,
    ...(customer.address ?? []),
  ];
  return withTaxId(lines, customer.taxId, labels);
}

function factsOf(
  invoice: Invoice,
  converted: ConvertedAmounts,
  labels: ExportLabels,
  locale: string,
  statusText: string | undefined,
): [string, string][] {
  const facts: [string, string][] = [
    [labels.documentId, invoice.documentId],
    [labels.status, statusText ?? String(invoice.status)],
    // The issue date, else the day the invoice was generated (in the reader's time zone).
    [labels.issueDate, formatDate(invoice.issueDate ?? invoice.generatedAt, locale)],
  ];
  if (invoice.dueDate) facts.push([labels.dueDate, formatDate(invoice.dueDate, locale)]);
  const days = invoice.paymentTermsDays;
  if (days !== undefined) {
    const terms =
      days > 0 ? labels.paymentTermsNet.replace('{days}', String(days)) : labels.dueOnReceipt;
    facts.push([labels.paymentTerms, terms]);
  }
  facts.push(
    [labels.period, formatPeriod(invoice.period, locale)],
    [labels.currency, converted.currency],
    [labels.provider, invoice.provider.name],
  );
  if (converted.rate) {
    facts.push([labels.rate, rateStatement(invoice.currency, converted.rate, locale)]);
  }
  return facts;
}

/** Each group's header row, its lines, then its subtotal row, in the viewer's order. */
function lineRows(
  invoice: Invoice,
  converted: ConvertedAmounts,
  labels: ExportLabels,
  locale: string,
): DocumentRow[] {
  const money = (m: Money): string => formatMoney(m, locale);
  const quantity = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  const rows: DocumentRow[] = [];
  for (const group of groupLines(invoice.lines, converted.amounts, converted.currency)) {
    rows.push({ kind: 'group', label: group.name });
    for (const i of group.indexes) {
      const line = invoice.lines[i];
      const precise =
        line.unitPriceDecimal !== undefined
          ? convertedDecimal(line.unitPriceDecimal, converted.factor)
          : undefined;
      rows.push({
        kind: 'line',
        cells: [
          line.sku,
          line.description,
          quantity.format(line.quantity),
          precise !== undefined
            ? formatPreciseMoney(precise, converted.currency, locale)
            : money(converted.unitPrice(i)),
          money(converted.amounts[i]),
          money(converted.taxes[i]),
        ],
      });
    }
    rows.push({
      kind: 'subtotal',
      label: labels.groupSubtotal.replace('{group}', group.name),
      amount: money(group.subtotal),
    });
  }
  return rows;
}
