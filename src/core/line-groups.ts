/**
 * Lines grouped by product or subscription (`LineItem.group`), in order of first appearance,
 * each with its subtotal: the grouping the viewer shows and the invoice documents (PDF, print)
 * print, so both read the same (docs/RULES.md, money and conversion: a group's subtotal is the
 * sum of its converted line amounts). No Lit.
 */
import type { CurrencyCode, LineItem, Money } from './types.js';

export interface LineGroup {
  name: string;
  /** Indexes into the invoice's lines, in their order. */
  indexes: number[];
  subtotal: Money;
}

/** Groups `lines`; `amounts[i]` is line i's amount in `currency` (already converted). */
export function groupLines(
  lines: readonly Pick<LineItem, 'group'>[],
  amounts: readonly Money[],
  currency: CurrencyCode,
): LineGroup[] {
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
