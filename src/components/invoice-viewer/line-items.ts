/**
 * The line-items section: lines grouped by product or subscription, as an ARIA table. Up to
 * {@link VIRTUALIZE_ABOVE} rows render plainly (and print whole); longer invoices render only
 * the rows in view of their own scrolling box (a `RowWindow` of the viewer), so 10,000 lines
 * keep ~a screenful in the DOM. Those rows are one line high: a long description is cut with
 * an ellipsis on screen (its whole text stays in the accessibility tree and the tooltip).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { NAME_MAX, TEXT_MAX, displayText } from '../../core/display-text.js';
import { formatMoney } from '../../core/money.js';
import type { LineGrouping } from '../../core/line-groups.js';
import type { Invoice } from '../../core/types.js';
import type { DisplayAmounts } from './amounts.js';
import type { InvoiceViewerStrings } from './invoice-viewer.strings.js';
import { shown } from './sections.js';

/** Row counts above this are virtualized. */
export const VIRTUALIZE_ABOVE = 200;

/** A row of the list: group `group`'s header (an index into the grouping's `names`), or line `index`. */
export type LineRowItem = { kind: 'group'; group: number } | { kind: 'line'; index: number };

/** How many rows the list has: each group's header row, then its lines. */
export function lineRowCount(grouping: LineGrouping): number {
  return grouping.order.length + grouping.names.length;
}

/**
 * Row `row` of the list, read from the grouping (no list of rows is built): group g's header is
 * row `starts[g] + g`, its lines the rows after it.
 */
export function lineRowAt(grouping: LineGrouping, row: number): LineRowItem {
  const { order, starts } = grouping;
  let lo = 0;
  let hi = grouping.names.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] + mid <= row) lo = mid;
    else hi = mid - 1;
  }
  const offset = row - starts[lo] - lo;
  return offset === 0
    ? { kind: 'group', group: lo }
    : { kind: 'line', index: order[starts[lo] + offset - 1] };
}

const quantityFormats = new Map<string, Intl.NumberFormat>();
function formatQuantity(value: number, locale: string): string {
  let f = quantityFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
    quantityFormats.set(locale, f);
  }
  return f.format(value);
}

export interface LineItemsContext {
  invoice: Invoice;
  amounts: DisplayAmounts;
  grouping: LineGrouping;
  t: InvoiceViewerStrings;
  locale: string;
  /** The rows to render when the list is long (the viewer's row window), and their keys. */
  windowed: readonly number[];
  keyOf: (index: number) => number;
  /** Copies a clipped value's full text (see `shown` in ./sections.ts). */
  copy: (full: string) => void;
}

function renderRow(
  ctx: LineItemsContext,
  item: LineRowItem,
  i: number,
  virtual = false,
): TemplateResult {
  const { invoice, amounts, t, locale } = ctx;
  if (item.kind === 'group') {
    const full = ctx.grouping.names[item.group];
    const name = displayText(full, NAME_MAX);
    return html`<div class="group-row" role="row" aria-rowindex=${i + 2}>
      <span class="group-name" role="rowheader" aria-colspan="4"
        >${shown(full, ctx, NAME_MAX)}</span
      >
      <span class="group-total num" role="cell" aria-label=${t.groupSubtotal(name)}
        >${formatMoney(amounts.groupSubtotals[item.group], locale)}</span
      >
      <span role="cell"></span>
    </div>`;
  }
  const line = invoice.lines[item.index];
  const description = displayText(line.description, TEXT_MAX);
  return html`<div class="line-row" part="line-row" role="row" aria-rowindex=${i + 2}>
    <span role="cell">${shown(line.sku, ctx)}</span>
    <span class="description" role="cell" title=${virtual ? description : nothing}
      >${shown(line.description, ctx, TEXT_MAX)}</span
    >
    <span class="num" role="cell" data-label=${t.quantity}
      >${formatQuantity(line.quantity, locale)}</span
    >
    <span class="num" role="cell" data-label=${t.unitPrice}
      >${formatMoney(amounts.unitPrice(item.index), locale)}</span
    >
    <span class="num" role="cell" data-label=${t.amount}
      >${formatMoney(amounts.amount(item.index), locale)}</span
    >
    <span class="num" role="cell" data-label=${t.tax}
      >${formatMoney(amounts.tax(item.index), locale)}</span
    >
  </div>`;
}

export function renderLineItems(ctx: LineItemsContext): TemplateResult {
  const { invoice, grouping, t } = ctx;
  if (invoice.lines.length === 0) return html`<p>${t.noLines}</p>`;
  // A long list is its own scrolling box (focusable, so the keyboard scrolls it), with a
  // sticky header row; only the rows in view render.
  const count = lineRowCount(grouping);
  const virtual = count > VIRTUALIZE_ABOVE;
  return html`<div
    class=${virtual ? 'lines-table virtual' : 'lines-table'}
    role="table"
    tabindex=${virtual ? '0' : nothing}
    aria-label=${t.linesLabel(invoice.lines.length)}
    aria-rowcount=${count + 1}
  >
    <div class="head" role="rowgroup">
      <div class="line-head" role="row" aria-rowindex="1">
        <span role="columnheader">${t.sku}</span>
        <span role="columnheader">${t.description}</span>
        <span class="num" role="columnheader">${t.quantity}</span>
        <span class="num" role="columnheader">${t.unitPrice}</span>
        <span class="num" role="columnheader">${t.amount}</span>
        <span class="num" role="columnheader">${t.tax}</span>
      </div>
    </div>
    <div class="rows" role="rowgroup">
      ${
        virtual
          ? repeat(ctx.windowed, ctx.keyOf, (i) => renderRow(ctx, lineRowAt(grouping, i), i, true))
          : Array.from({ length: count }, (_, i) => renderRow(ctx, lineRowAt(grouping, i), i))
      }
    </div>
  </div>`;
}
