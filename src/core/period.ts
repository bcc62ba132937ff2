/**
 * Billing periods: whole calendar months as `YYYY-MM`. No Lit, no time zones: a month is a
 * calendar label, not an instant.
 */
import type { BillingPeriod, YearMonth } from './types.js';

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isYearMonth(value: unknown): value is YearMonth {
  return typeof value === 'string' && YEAR_MONTH.test(value);
}

export function parseYearMonth(value: YearMonth): { year: number; month: number } {
  const m = YEAR_MONTH.exec(value);
  if (!m) throw new RangeError(`Not a YYYY-MM month: ${value}`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

export function yearMonth(year: number, month: number): YearMonth {
  // month may overflow either way: yearMonth(2026, 0) is 2025-12.
  const index = year * 12 + (month - 1);
  const y = Math.floor(index / 12);
  const mo = index - y * 12 + 1;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}`;
}

export function addMonths(value: YearMonth, delta: number): YearMonth {
  const { year, month } = parseYearMonth(value);
  return yearMonth(year, month + delta);
}

/** Compares two months: negative, zero or positive. `YYYY-MM` sorts as text. */
export function compareMonths(a: YearMonth, b: YearMonth): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The month a date falls in, in local time. */
export function monthOf(date: Date): YearMonth {
  return yearMonth(date.getFullYear(), date.getMonth() + 1);
}

export function isBillingPeriod(value: unknown): value is BillingPeriod {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return isYearMonth(p.from) && isYearMonth(p.to) && compareMonths(p.from, p.to) <= 0;
}

/** Whether two periods share at least one month. */
export function periodsOverlap(a: BillingPeriod, b: BillingPeriod): boolean {
  return compareMonths(a.from, b.to) <= 0 && compareMonths(b.from, a.to) <= 0;
}

/** Number of months in a period (a single month is 1). */
export function monthCount(period: BillingPeriod): number {
  const a = parseYearMonth(period.from);
  const b = parseYearMonth(period.to);
  return (b.year - a.year) * 12 + (b.month - a.month) + 1;
}

export type PeriodPreset = 'last-month' | 'this-quarter' | 'last-3-months' | 'last-12-months';
export const PERIOD_PRESETS: readonly PeriodPreset[] = [
  'last-month',
  'this-quarter',
  'last-3-months',
  'last-12-months',
];

/**
 * A preset range relative to `today`. "Last 3 months" and "last 12 months" are the completed
 * months before the current one; "this quarter" runs from its first month to the current one.
 */
export function presetPeriod(preset: PeriodPreset, today: Date = new Date()): BillingPeriod {
  const current = monthOf(today);
  const previous = addMonths(current, -1);
  switch (preset) {
    case 'last-month':
      return { from: previous, to: previous };
    case 'this-quarter': {
      const { year, month } = parseYearMonth(current);
      const first = month - ((month - 1) % 3);
      return { from: yearMonth(year, first), to: current };
    }
    case 'last-3-months':
      return { from: addMonths(current, -3), to: previous };
    case 'last-12-months':
      return { from: addMonths(current, -12), to: previous };
  }
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The month-and-year format of a locale, made once: an `Intl.DateTimeFormat` costs far more to
 * make than to use, and a table shows many periods (docs/PERFORMANCE.md, "Cold insert").
 */
function monthFormat(locale: string, style: 'long' | 'short'): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let f = monthFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { year: 'numeric', month: style, timeZone: 'UTC' });
    monthFormats.set(key, f);
  }
  return f;
}

/** Formats a month in a locale: `October 2026`, `outubro de 2026`. */
export function formatMonth(
  value: YearMonth,
  locale: string,
  style: 'long' | 'short' = 'long',
): string {
  return monthFormat(locale, style).format(firstDay(value));
}

/** The first day of a month, UTC: year 12 stays 12 (`Date.UTC` reads 0–99 as 1900–1999). */
function firstDay(value: YearMonth): Date {
  const { year, month } = parseYearMonth(value);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1);
  return date;
}

/** Formats a period: a single month, or `from – to`. */
export function formatPeriod(period: BillingPeriod, locale: string): string {
  if (period.from === period.to) return formatMonth(period.from, locale);
  return monthFormat(locale, 'long').formatRange(firstDay(period.from), firstDay(period.to));
}
