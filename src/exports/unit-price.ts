/**
 * A line's unit price with the precision the data has (`LineItem.unitPriceDecimal`, up to 6
 * decimals, metered usage priced below a cent): converted with the invoice's rate in exact
 * decimal arithmetic, rounded half-even at 6 decimals, and written with the currency's digits at
 * least and up to 6 (`$0.000123`, `$0.02`, `R$ 0,000668`). The invoice documents (PDF, print)
 * show it; lines without it show `unitPrice`. No Lit.
 */
import { formatDecimalMoney } from '../core/money.js';
import type { CurrencyCode } from '../core/types.js';

/** Decimals kept: the most `unitPriceDecimal` may carry (core/types.ts). */
const PLACES = 6;
const SCALE = 10n ** BigInt(PLACES);
const DECIMAL = /^(-?)(\d{1,15})(?:\.(\d{1,6}))?$/;

/**
 * `decimal` × `factor` as a plain decimal string with 6 places (`0.000668`), or `undefined` when
 * `decimal` is not a plain decimal of at most 6 places or the factor is not a usable rate.
 */
export function convertedDecimal(decimal: string, factor: number): string | undefined {
  const m = DECIMAL.exec(decimal.trim());
  if (!m || !(factor > 0) || !Number.isFinite(factor)) return undefined;
  const [, sign, int, frac = ''] = m;
  // The rate exactly as it is written (`5.4321` is 54321 × 10^-4), as core/money.ts reads it.
  const [mantissa = '0', exp = '0'] = factor.toString().split('e');
  const [rateInt = '0', rateFrac = ''] = mantissa.split('.');
  const exponent = Number(exp) - rateFrac.length;
  let scaled = BigInt(int + frac.padEnd(PLACES, '0')) * BigInt(rateInt + rateFrac);
  if (exponent >= 0) scaled *= 10n ** BigInt(exponent);
  else scaled = halfEven(scaled, 10n ** BigInt(-exponent));
  const whole = (scaled / SCALE).toString();
  const part = (scaled % SCALE).toString().padStart(PLACES, '0');
  return `${sign && scaled !== 0n ? '-' : ''}${whole}.${part}`;
}

/** `n / d` rounded half-even, for `n ≥ 0`, `d > 0`. */
function halfEven(n: bigint, d: bigint): bigint {
  const q = n / d;
  const twice = 2n * (n % d);
  return twice > d || (twice === d && q % 2n === 1n) ? q + 1n : q;
}

/** A decimal string of `currency` in `locale`: the currency's digits at least, up to 6. */
export function formatPreciseMoney(
  decimal: string,
  currency: CurrencyCode,
  locale: string,
): string {
  return formatDecimalMoney(decimal, currency, locale, PLACES);
}
