/**
 * The amounts the viewer displays, in the chosen currency: the core conversion model
 * (core/conversion.ts, the one the exports use too) plus the line groups. No Lit.
 *
 * Every total is the sum of its converted lines (docs/RULES.md): subtotal = Σ line amounts,
 * tax total = Σ line taxes, total = subtotal + tax total, and a group's subtotal = Σ its line
 * amounts.
 */
import { convertAmounts, type ConvertedAmounts } from '../../core/conversion.js';
import type { CurrencyCode, Invoice, LineItem, Money } from '../../core/types.js';

/** The currencies that apply to an invoice: its own first, then each rated one once. */
export function applicableCurrencies(invoice: Invoice): CurrencyCode[] {
  const list = [invoice.currency];
  for (const r of invoice.currencies) if (!list.includes(r.currency)) list.push(r.currency);
  return list;
}

export interface LineGroup {
  name: string;
  /** Indexes into `invoice.lines`, in their order. */
  indexes: number[];
  subtotal: Money;
}

export interface DisplayAmounts extends ConvertedAmounts {
  groups: LineGroup[];
}

function groupLines(lines: readonly LineItem[], amounts: readonly Money[], currency: CurrencyCode) {
  const byName = new Map<string, LineGroup>();
  lines.forEach((line, i) => {
    let g = byName.get(line.group);
    if (!g) {
      g = { name: line.group, indexes: [], subtotal: { minor: 0, currency } };
      byName.set(line.group, g);
    }
    g.indexes.push(i);
    g.subtotal = { minor: g.subtotal.minor + amounts[i].minor, currency };
  });
  return [...byName.values()];
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
