/**
 * Money: integer minor units plus an ISO 4217 code. Formatting through Intl.NumberFormat with
 * the currency's own digits; conversion to a display currency rounding half-even per line, the
 * converted total being the sum of the converted lines. No Lit, no floating totals.
 */
import type { CurrencyCode, Money } from './types.js';

/**
 * ISO 4217 minor-unit digits for currencies that do not use 2. Everything else uses 2.
 * (Intl agrees for most, but engines differ on a few, so the table is ours.)
 */
const ISO_DIGITS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

const CODE = /^[A-Z]{3}$/;

export function isCurrencyCode(code: unknown): code is CurrencyCode {
  return typeof code === 'string' && CODE.test(code);
}

/** Minor-unit digits of a currency (JPY 0, USD 2, BHD 3, CLF 4). */
export function currencyDigits(currency: CurrencyCode): number {
  return Object.hasOwn(ISO_DIGITS, currency) ? ISO_DIGITS[currency] : 2;
}

export function money(minor: number, currency: CurrencyCode): Money {
  return { minor, currency };
}

export function zero(currency: CurrencyCode): Money {
  return { minor: 0, currency };
}

/** Adds amounts of one currency; throws on a mix (a programming error, never data). */
export function sum(amounts: readonly Money[], currency: CurrencyCode): Money {
  let total = 0;
  for (const a of amounts) {
    if (a.currency !== currency) {
      throw new RangeError(`Cannot add ${a.currency} to ${currency}.`);
    }
    total += a.minor;
  }
  return { minor: total, currency };
}

const formatterCache = new Map<string, Intl.NumberFormat>();

/** The currency's own digits at least, and at most `maxDigits` (default: its own digits). */
function formatter(
  locale: string,
  currency: CurrencyCode,
  display: 'symbol' | 'code',
  maxDigits?: number,
): Intl.NumberFormat {
  const key = `${locale}|${currency}|${display}|${maxDigits}`;
  let f = formatterCache.get(key);
  if (!f) {
    const digits = currencyDigits(currency);
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: display,
      minimumFractionDigits: digits,
      maximumFractionDigits: Math.max(digits, maxDigits ?? digits),
    });
    formatterCache.set(key, f);
  }
  return f;
}

/**
 * A plain decimal string of `currency` (`0.000123`) formatted in `locale` with the currency's
 * digits at least and up to `maxDigits` (`$0.000123`, `$0.02`). Exact: Intl takes the decimal
 * string as it is (Intl.NumberFormat v3).
 */
export function formatDecimalMoney(
  decimal: string,
  currency: CurrencyCode,
  locale: string,
  maxDigits: number,
): string {
  return formatter(locale, currency, 'symbol', maxDigits).format(decimal as unknown as number);
}

/** The amount as a decimal string with the currency's digits, no grouping: `1234.50`, `-0.005`. */
export function toDecimalString(amount: Money): string {
  const digits = currencyDigits(amount.currency);
  const negative = amount.minor < 0;
  const abs = Math.abs(Math.trunc(amount.minor)).toString();
  if (digits === 0) return (negative ? '-' : '') + abs;
  const padded = abs.padStart(digits + 1, '0');
  const int = padded.slice(0, padded.length - digits);
  const frac = padded.slice(padded.length - digits);
  return `${negative ? '-' : ''}${int}.${frac}`;
}

/**
 * Formats for display in a locale, e.g. `$1,234.50`, `R$ 1.234,50`, `¥1,235`, `BHD 1.234`.
 * Exact: the number is built from the decimal string, not from a float division.
 */
export function formatMoney(
  amount: Money,
  locale: string,
  options: { currencyDisplay?: 'symbol' | 'code' } = {},
): string {
  const f = formatter(locale, amount.currency, options.currencyDisplay ?? 'symbol');
  // Intl accepts a decimal string as an exact value (Intl.NumberFormat v3); fall back to Number.
  const decimal = toDecimalString(amount);
  return f.format(decimal as unknown as number);
}

/** Rounds a real number to an integer, ties to even (banker's rounding). */
export function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const diff = value - floor;
  const epsilon = 1e-9;
  if (diff > 0.5 + epsilon) return floor + 1;
  if (diff < 0.5 - epsilon) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * Converts an amount to another currency. `rate` = units of `to` per 1 unit of the source
 * currency. Minor units are scaled by the digit difference, rounded half-even.
 */
export function convert(amount: Money, to: CurrencyCode, rate: number): Money {
  return { minor: convertMinor(conversion(amount.currency, to, rate), amount.minor), currency: to };
}

/**
 * A currency pair at one rate, worked out once for {@link convertMinor}: the rate as an exact
 * decimal `digits × 10^power` (the digit difference of the currencies included), and as plain
 * numbers when that is exact (`small`, `divisor`), so a 100,000-line invoice converts without
 * redoing it per line and without allocating.
 */
export interface Conversion {
  readonly digits: bigint;
  readonly power: number;
  /** The digits as a number and `10^-power`, when `fast`. */
  readonly small: number;
  readonly divisor: number;
  readonly fast: boolean;
}

/**
 * The conversion from `from` to `to` at `rate` (units of `to` per unit of `from`; ignored when
 * they are the same currency). Throws a `RangeError` for a rate that is not finite and positive.
 */
export function conversion(from: CurrencyCode, to: CurrencyCode, rate: number): Conversion {
  if (from === to) rate = 1;
  else if (!(rate > 0) || !Number.isFinite(rate)) {
    throw new RangeError(`Invalid rate ${rate} for ${from} -> ${to}.`);
  }
  // Exact decimal arithmetic: in floating point, `minor * rate * scale` lands a hair off a true
  // tie (e.g. 999493 * 1.05 * 10 = 10494676.5) and rounds it the wrong way. The rate reads as
  // its shortest round-trip decimal form (as written in JSON): `1.05` is 105 × 10^-2.
  const [mantissa = '0', exp = '0'] = rate.toString().split('e');
  const [int = '0', frac = ''] = mantissa.split('.');
  const digits = BigInt(int + frac);
  const small = Number(digits);
  const power = currencyDigits(to) - currencyDigits(from) + Number(exp) - frac.length;
  // Fast path, still exact: integers below 2^53 in plain numbers; BigInt only when a product
  // could leave the safe range.
  const fast = Number.isSafeInteger(small) && power <= 0 && power >= -15;
  return { digits, power, small, divisor: 10 ** -power, fast };
}

/**
 * `minor` units converted as `c` says, rounded half-even (as {@link convert}). Throws a
 * `RangeError` when the result is out of the safe integer range.
 */
export function convertMinor(c: Conversion, minor: number): number {
  if (c.fast) {
    const n = minor * c.small;
    if (Number.isSafeInteger(n)) return divideHalfEvenSmall(n, c.divisor);
  }
  const numerator = BigInt(minor) * c.digits;
  const converted =
    c.power >= 0
      ? numerator * 10n ** BigInt(c.power)
      : divideHalfEven(numerator, 10n ** BigInt(-c.power));
  const result = Number(converted);
  if (!Number.isSafeInteger(result)) throw new RangeError('Converted amount out of range.');
  return result;
}

/** `n / d` rounded half-even for safe integers `n` and `d = 10^k` (k ≤ 15): exact. */
function divideHalfEvenSmall(n: number, d: number): number {
  let r = n % d;
  if (r < 0) r += d;
  const q = (n - r) / d;
  const twice = 2 * r;
  return twice > d || (twice === d && q % 2 !== 0) ? q + 1 : q;
}

/** `n / d` rounded half-even, for `d > 0`. */
function divideHalfEven(n: bigint, d: bigint): bigint {
  let q = n / d;
  let r = n % d;
  if (r < 0n) {
    r += d;
    q -= 1n;
  }
  const twice = 2n * r;
  if (twice > d || (twice === d && q % 2n !== 0n)) q += 1n;
  return q;
}

/**
 * Converts each line, then sums the converted lines, so a displayed total always equals the sum
 * of its displayed lines (docs/RULES.md).
 */
export function convertLines(
  amounts: readonly Money[],
  to: CurrencyCode,
  rate: number,
): { lines: Money[]; total: Money } {
  const lines = amounts.map((a) => convert(a, to, rate));
  return { lines, total: sum(lines, to) };
}
