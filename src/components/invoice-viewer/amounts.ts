/**
 * The amounts the viewer displays, in the chosen currency: the core conversion model
 * (core/conversion.ts, the one the exports use too) plus the line groups (core/line-groups.ts,
 * the grouping the invoice documents print too). No Lit.
 *
 * Every total is the sum of its converted lines (docs/RULES.md): subtotal = Σ line amounts,
 * tax total = Σ line taxes, total = subtotal + tax total, and a group's subtotal = Σ its line
 * amounts.
 */
import { convertAmounts, type ConvertedAmounts } from '../../core/conversion.js';
import { groupLines, type LineGroup } from '../../core/line-groups.js';
import type { CurrencyCode, Invoice } from '../../core/types.js';

export type { LineGroup } from '../../core/line-groups.js';

/** The currencies that apply to an invoice: its own first, then each rated one once. */
export function applicableCurrencies(invoice: Invoice): CurrencyCode[] {
  const list = [invoice.currency];
  for (const r of invoice.currencies) if (!list.includes(r.currency)) list.push(r.currency);
  return list;
}

export interface DisplayAmounts extends ConvertedAmounts {
  groups: LineGroup[];
}

/**
 * The displayed amounts of `invoice` in `currency`. The screen never fails on a currency: one
 * without a usable rate (not the invoice's, or a rate that does not convert) shows the
 * invoice's own currency.
 */
export function displayAmounts(invoice: Invoice, currency: CurrencyCode): DisplayAmounts {
  const c = convertAmounts(invoice, currency) ?? convertAmounts(invoice, invoice.currency)!;
  return { ...c, groups: groupLines(invoice.lines, c.amounts, c.currency) };
}
