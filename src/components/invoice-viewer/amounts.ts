/**
 * The amounts the viewer displays, in the chosen currency: the core conversion model
 * (core/conversion.ts, the one the exports use too) plus the line groups' subtotals
 * (core/line-groups.ts, the grouping the invoice documents print too). No Lit.
 *
 * Every total is the sum of its converted lines (docs/RULES.md): subtotal = Σ line amounts,
 * tax total = Σ line taxes, total = subtotal + tax total, and a group's subtotal = Σ its line
 * amounts. The totals are worked out once per currency; a line's amounts are converted when its
 * row renders, so a long invoice keeps nothing per line for the currency shown.
 */
import { lazyAmounts, type LazyAmounts } from '../../core/conversion.js';
import type { LineGrouping } from '../../core/line-groups.js';
import type { CurrencyCode, Invoice } from '../../core/types.js';

/** The currencies that apply to an invoice: its own first, then each rated one once. */
export function applicableCurrencies(invoice: Invoice): CurrencyCode[] {
  const list = [invoice.currency];
  for (const r of invoice.currencies) if (!list.includes(r.currency)) list.push(r.currency);
  return list;
}

/** The amounts shown, with each group's subtotal (`groupSubtotals`). */
export type DisplayAmounts = LazyAmounts;

/**
 * The displayed amounts of `invoice` (grouped as `grouping`) in `currency`. The screen never
 * fails on a currency: one without a usable rate (not the invoice's, or a rate that does not
 * convert) shows the invoice's own currency.
 */
export function displayAmounts(
  invoice: Invoice,
  grouping: LineGrouping,
  currency: CurrencyCode,
): DisplayAmounts {
  return (
    lazyAmounts(invoice, currency, grouping) ?? lazyAmounts(invoice, invoice.currency, grouping)!
  );
}
