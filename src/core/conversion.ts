/**
 * One conversion model for the screen and the files (docs/RULES.md, money and conversion): an
 * invoice's amounts in a display currency, each line converted on its own and every total the
 * sum of its converted lines, so a displayed total always equals the sum of its displayed
 * lines, and `<invoice-viewer>` and an export of the same invoice can never disagree. No Lit.
 */
import { formatDate } from './dates.js';
import { convert, convertLines } from './money.js';
import type { CurrencyCode, CurrencyRate, Invoice, Money } from './types.js';

/** How amounts in the invoice currency become amounts in a display currency. */
export interface DisplayRate {
  /** Units of the display currency per unit of the invoice currency: 1 in its own. */
  factor: number;
  /** The invoice's rate entry, undefined in its own currency. */
  rate?: CurrencyRate;
}

/** An invoice's amounts in one display currency. */
export interface ConvertedAmounts extends DisplayRate {
  currency: CurrencyCode;
  /** A line's unit price, converted on demand (no total uses it). */
  unitPrice(index: number): Money;
  /** Each line's amount and tax, in line order. */
  amounts: Money[];
  taxes: Money[];
  /** Σ amounts, Σ taxes, and their sum. */
  subtotal: Money;
  taxTotal: Money;
  total: Money;
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
 */
export function convertAmounts(
  invoice: Pick<Invoice, 'currency' | 'currencies' | 'lines'>,
  currency: string,
): ConvertedAmounts | undefined {
  const found = rateTo(invoice, currency);
  if (!found) return undefined;
  const { factor, rate } = found;
  try {
    const unitCache: Money[] = [];
    const unitPrice = (index: number): Money =>
      (unitCache[index] ??= convert(invoice.lines[index].unitPrice, currency, factor));
    const amounts = convertLines(
      invoice.lines.map((l) => l.amount),
      currency,
      factor,
    );
    const taxes = convertLines(
      invoice.lines.map((l) => l.tax),
      currency,
      factor,
    );
    return {
      currency,
      factor,
      rate,
      unitPrice,
      amounts: amounts.lines,
      taxes: taxes.lines,
      subtotal: amounts.total,
      taxTotal: taxes.total,
      total: { minor: amounts.total.minor + taxes.total.minor, currency },
    };
  } catch {
    // An invalid rate, or an amount out of range once converted.
    return undefined;
  }
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
