/** The header row of `<invoice-table>`'s grid: its sortable column headers. */
import { html, nothing } from 'lit';
import type { SortDirection, SortKey } from '../../core/types.js';
import type { InvoiceTableStrings } from './invoice-table.strings.js';

/**
 * The header row: a sort button per column (the sorted column says its direction), then the
 * actions column.
 */
export function renderHeader(
  columns: readonly SortKey[],
  sortKey: SortKey,
  direction: SortDirection,
  t: InvoiceTableStrings,
  onSort: (key: SortKey) => void,
) {
  return html`<div class="head" role="rowgroup">
    <div class="row" role="row" part="header-row" aria-rowindex="1">
      ${columns.map((key) => {
        const active = sortKey === key;
        const sort = active ? (direction === 'asc' ? 'ascending' : 'descending') : undefined;
        return html`<div
          class="cell"
          role="columnheader"
          data-col=${key}
          aria-sort=${sort ?? nothing}
        >
          <button type="button" class="sort" @click=${() => onSort(key)}>
            ${t.columns[key]}
            <span class="sort-icon" aria-hidden="true"
              >${active ? (direction === 'asc' ? '▲' : '▼') : '↕'}</span
            >
          </button>
        </div>`;
      })}
      <div class="cell" role="columnheader" data-col="actions">
        <span class="visually-hidden">${t.columns.actions}</span>
      </div>
    </div>
  </div>`;
}
