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

/**
 * The grouping alone, the same in every currency: compact (two typed arrays and the names), so
 * a 100,000-line invoice is grouped once and read row by row.
 */
export interface LineGrouping {
  /** The groups' names, in order of first appearance. */
  names: string[];
  /** Line indexes, group after group, each group's lines in their order. */
  order: Int32Array;
  /** Group `g`'s lines are `order[starts[g]]` to `order[starts[g + 1] - 1]` (one more entry than `names`). */
  starts: Int32Array;
  /** Each line's group (an index into `names`), in line order. */
  groupOf: Int32Array;
}

/**
 * Groups `lines` (no amounts): what {@link groupLines}, the viewer's rows and its group subtotals
 * (core/conversion.ts `lazyAmounts`) are built on.
 */
export function groupingOf(lines: readonly Pick<LineItem, 'group'>[]): LineGrouping {
  const ids = new Map<string, number>();
  const groupOf = new Int32Array(lines.length);
  const sizes: number[] = [];
  let last: string | undefined;
  let lastGroup = 0;
  for (let i = 0; i < lines.length; i++) {
    const name = lines[i].group;
    // Lines of one group usually follow each other: no lookup for those.
    let g = name === last ? lastGroup : ids.get(name);
    if (g === undefined) {
      g = sizes.length;
      ids.set(name, g);
      sizes.push(0);
    }
    groupOf[i] = g;
    sizes[g]++;
    last = name;
    lastGroup = g;
  }
  const starts = new Int32Array(sizes.length + 1);
  for (let g = 0; g < sizes.length; g++) starts[g + 1] = starts[g] + sizes[g];
  const next = starts.slice(0, sizes.length);
  const order = new Int32Array(lines.length);
  for (let i = 0; i < lines.length; i++) order[next[groupOf[i]]++] = i;
  return { names: [...ids.keys()], order, starts, groupOf };
}

/** Groups `lines`; `amounts[i]` is line i's amount in `currency` (already converted). */
export function groupLines(
  lines: readonly Pick<LineItem, 'group'>[],
  amounts: readonly Money[],
  currency: CurrencyCode,
): LineGroup[] {
  const { names, order, starts } = groupingOf(lines);
  return names.map((name, g) => {
    const indexes = Array.from(order.subarray(starts[g], starts[g + 1]));
    const minor = indexes.reduce((sum, i) => sum + amounts[i].minor, 0);
    return { name, indexes, subtotal: { minor, currency } };
  });
}
