/**
 * Templates of `<invoice-table>`'s selection (issue 25), in the table's own bundle: the checkbox
 * cells and the bar shown while rows are selected. The dialog loads on demand
 * (`bulk-dialog.ts`, through `bulk-runtime.ts`). The table owns every handler.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { INVOICE_STATUSES, type InvoiceStatus } from '../../core/types.js';
import type { CommonStrings } from '../../i18n/common.strings.js';
import type { BulkStatusStrings } from './bulk.strings.js';

/** The statuses a bulk change may target (never DRAFT: nothing goes back to it). */
export const BULK_TARGETS: readonly InvoiceStatus[] = INVOICE_STATUSES.filter((s) => s !== 'DRAFT');

/** The header's checkbox: "Select all N matching invoices"; mixed when some are selected. */
export function renderSelectHeader(
  label: string,
  all: boolean,
  some: boolean,
  onChange: (e: Event) => void,
): TemplateResult {
  return html`<div class="cell select" role="columnheader" data-col="select">
    <input
      type="checkbox"
      part="select-all"
      aria-label=${label}
      .checked=${live(all)}
      .indeterminate=${some && !all}
      @change=${onChange}
    />
  </div>`;
}

/** A row's checkbox (out of the tab order: the row is the grid's tab stop, Space ticks it). */
export function renderSelectCell(label: string | undefined, checked: boolean): TemplateResult {
  return html`<div class="cell select" role="gridcell" data-col="select">
    ${
      label === undefined
        ? nothing
        : html`<input
            type="checkbox"
            part="select-row"
            tabindex="-1"
            data-action="select"
            aria-label=${label}
            .checked=${live(checked)}
          />`
    }
  </div>`;
}

export interface BulkBarOptions {
  count: number;
  total: number;
  all: boolean;
  target: InvoiceStatus | '';
  locale: string;
  t: BulkStatusStrings;
  common: CommonStrings;
  onSelectAll: () => void;
  onClear: () => void;
  onTarget: (e: Event) => void;
  onChange: () => void;
}

/** The bar over the grid while rows are selected: count, target, Change status…, Clear. */
export function renderBulkBar(o: BulkBarOptions): TemplateResult {
  const { t, common, locale } = o;
  return html`<div class="bulk-bar" part="bulk-bar" role="group" aria-label=${t.barLabel}>
    <span class="bulk-count">${t.selected(o.count, o.count.toLocaleString(locale))}</span>
    ${
      !o.all && o.count < o.total
        ? html`<button
            type="button"
            class="button"
            part="select-all-button"
            @click=${o.onSelectAll}
          >
            ${t.selectAll(o.total.toLocaleString(locale))}
          </button>`
        : nothing
    }
    <label class="bulk-target">
      <span>${t.targetLabel}</span>
      <select part="bulk-target" @change=${o.onTarget} .value=${live(o.target)}>
        <option value="">${t.chooseTarget}</option>
        ${BULK_TARGETS.map(
          (s) => html`<option value=${s} ?selected=${s === o.target}>${common.status[s]}</option>`,
        )}
      </select>
    </label>
    <button
      type="button"
      class="button"
      data-variant="primary"
      part="bulk-change-button"
      @click=${o.onChange}
    >
      ${t.change}
    </button>
    <button type="button" class="button" part="clear-selection" @click=${o.onClear}>
      ${t.clearSelection}
    </button>
  </div>`;
}
