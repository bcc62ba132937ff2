/**
 * One conversion model for the screen and the files (docs/RULES.md, money and conversion): an
 * invoice's amounts in a display currency, each line converted on its own and every total the
 * sum of its converted lines, so a displayed total always equals the sum of its displayed
 * lines, and `<invoice-viewer>` and an export of the same invoice can never disagree. No Lit.
 */
import { formatDate } from './dates.js';
import type { LineGrouping } from './line-groups.js';
import { conversion, convert, convertMinor } from './money.js';
import type { CurrencyCode, CurrencyRate, Invoice, Money } from './types.js';

/** How amounts in the invoice currency become amounts in a display currency. */
export interface DisplayRate {
  /** Units of the display currency per unit of the invoice currency: 1 in its own. */
  factor: number;
  /** The invoice's rate entry, undefined in its own currency. */
  rate?: CurrencyRate;
}

/** An invoice's totals in one display currency, and its unit prices on demand. */
interface ConvertedTotals extends DisplayRate {
  currency: CurrencyCode;
  /** A line's unit price, converted on demand (no total uses it). */
  unitPrice(index: number): Money;
  /** Σ line amounts, Σ line taxes, and their sum. */
  subtotal: Money;
  taxTotal: Money;
  total: Money;
}

/** An invoice's amounts in one display currency. */
export interface ConvertedAmounts extends ConvertedTotals {
  /** Each line's amount and tax, in line order. */
  amounts: Money[];
  taxes: Money[];
}

/**
 * An invoice's amounts in one display currency, each line's converted when asked for (nothing
 * per line is kept), the totals once: what a long invoice's screen needs, the rows in view.
 * The same numbers as {@link ConvertedAmounts}.
 */
export interface LazyAmounts extends ConvertedTotals {
  /** Line `index`'s amount, converted now. */
  amount(index: number): Money;
  /** Line `index`'s tax, converted now. */
  tax(index: number): Money;
  /** Each group's subtotal (Σ its line amounts), in the order of the grouping's `names`; empty without a grouping. */
  groupSubtotals: Money[];
}

/**
 * The rate from the invoice currency to `currency`: factor 1 in its own currency, the
 * invoice's rate for one of its currencies, `undefined` for any other (never a guess).
 */
export function rateTo(
  invoice: Pick<Invoice, 'currency' | 'currencies'>,
  currency: string,
): DisplayRate | undefined {
  if (currency === invoice.currency) return { factor: 1 };
  const rate = invoice.currencies.find((r) => r.currency === currency);
  return rate && { factor: rate.rate, rate };
}

/**
 * The amounts of `invoice` in `currency`, or `undefined` when the invoice has no usable rate to
 * it (not one of its currencies, or a rate that does not convert). The model never guesses a
 * rate: each caller says what it does then (the viewer shows the invoice's own currency, an
 * export refuses). In the invoice's own currency (its lines in that currency, as validated)
 * the result is always defined.
 *
 * One pass over the lines sums their converted amounts and taxes (and, given `grouping`, each
 * group's amounts: core/line-groups.ts `groupingOf`); a line is converted again
 * when asked for (`amount(i)`, `tax(i)`, `unitPrice(i)`), to the same result, so a total is
 * always the sum of the lines shown. Every amount and tax converted once in that pass, asking
 * for one never fails (a unit price, which no total counts, throws as `convert` would).
 */
export function lazyAmounts(
  invoice: Pick<Invoice, 'currency' | 'currencies' | 'lines'>,
  currency: string,
  grouping?: LineGrouping,
): LazyAmounts | undefined {
  const found = rateTo(invoice, currency);
  if (!found) return undefined;
  const { factor, rate } = found;
  const { lines } = invoice;
  const money = (minor: number): Money => ({ minor, currency });
  try {
    const c = conversion(invoice.currency, currency, factor);
    const shown = (m: Money): Money => money(convertMinor(c, m.minor));
    // In line order, as the eager model adds them (and as the lines lie in memory).
    const groupOf = grouping?.groupOf;
    const groups = new Float64Array(grouping?.names.length ?? 0);
    let subtotal = 0;
    let taxTotal = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const amount = convertMinor(c, line.amount.minor);
      subtotal += amount;
      if (groupOf) groups[groupOf[i]] += amount;
      taxTotal += convertMinor(c, line.tax.minor);
    }
    return {
      currency,
      factor,
      rate,
      unitPrice: (index) => shown(lines[index].unitPrice),
      amount: (index) => shown(lines[index].amount),
      tax: (index) => shown(lines[index].tax),
      groupSubtotals: Array.from(groups, money),
      subtotal: money(subtotal),
      taxTotal: money(taxTotal),
      total: money(subtotal + taxTotal),
    };
  } catch {
    // An invalid rate, or an amount out of range once converted.
    return undefined;
  }
}

/**
 * The amounts of `invoice` in `currency` with every line converted ({@link lazyAmounts}, each
 * line's amount and tax in arrays, unit prices converted once each), or `undefined` as there.
 */
export function convertAmounts(
  invoice: Pick<Invoice, 'currency' | 'currencies' | 'lines'>,
  currency: string,
): ConvertedAmounts | undefined {
  const lazy = lazyAmounts(invoice, currency);
  if (!lazy) return undefined;
  const { factor, rate, subtotal, taxTotal, total } = lazy;
  // Every line's amount and tax, as the eager model always had them.
  const unitCache: Money[] = [];
  return {
    currency,
    factor,
    rate,
    unitPrice: (index) => (unitCache[index] ??= lazy.unitPrice(index)),
    amounts: invoice.lines.map((_, i) => lazy.amount(i)),
    taxes: invoice.lines.map((_, i) => lazy.tax(i)),
    subtotal,
    taxTotal,
    total,
  };
}

/**
 * The exchange rate as one statement, the same on screen and in every file:
 * `1 USD = 5.1234 BRL (ECB, Nov 30, 2026)`: which way it converts, then where the rate comes
 * from and the day it applies to, when known. The number is written in `locale` with every
 * digit the backend sent (up to 10 decimals); the date in `locale` too (`formatDate`), or ISO
 * when `locale` is omitted (machine-readable files). `source` is backend text: callers that
 * place it in a sentence isolate it (core/display-text.ts `inSentence`).
 */
export function rateStatement(
  from: CurrencyCode,
  rate: Pick<CurrencyRate, 'currency' | 'rate' | 'date' | 'source'>,
  locale?: string,
): string {
  const value = locale
    ? new Intl.NumberFormat(locale, { maximumFractionDigits: 10 }).format(rate.rate)
    : String(rate.rate);
  const date = rate.date && (locale ? formatDate(rate.date, locale) : rate.date);
  const detail = [rate.source, date].filter(Boolean).join(', ');
  return `1 ${from} = ${value} ${rate.currency}${detail ? ` (${detail})` : ''}`;
}

/**
 * The amounts paid and due of an invoice in a display currency (docs/ARCHITECTURE.md, "The
 * invoice documents"): `paid` is the backend's `amountPaid` converted (absent when not sent);
 * `due` is its `amountDue` converted, else the converted total less the converted amount paid.
 * An amount in another currency than the invoice's is not used (it would be mislabelled).
 */
export function paidAndDue(
  invoice: Pick<Invoice, 'currency' | 'amountPaid' | 'amountDue'>,
  converted: Pick<ConvertedTotals, 'currency' | 'factor' | 'total'>,
): { paid?: Money; due: Money } {
  const inDisplay = (m: Money | undefined): Money | undefined =>
    m?.currency === invoice.currency ? convert(m, converted.currency, converted.factor) : undefined;
  const paid = inDisplay(invoice.amountPaid);
  const due = inDisplay(invoice.amountDue) ?? {
    minor: converted.total.minor - (paid?.minor ?? 0),
    currency: converted.currency,
  };
  return paid ? { paid, due } : { due };
}
