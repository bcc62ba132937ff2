/**
 * The rows of `<invoice-table>`'s grid: the header row of sortable columns, each invoice, the
 * skeleton while loading, and a failure with Retry.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Page, SortDirection, SortKey } from '../../core/types.js';
import type { InvoiceTableStrings } from './invoice-table.strings.js';
import { monthParity, renderCells, type CellContext } from './invoice-rows.js';
import { loaded, type Row } from './row-source.js';

/**
 * The header row: a sort button per column (the sorted column says its direction), then the
 * actions column. Sorted by total, the Total header says the order the backend applied
 * (`order`): "Total (in USD)" or "Total (by currency)".
 */
export function renderHeader(
  columns: readonly SortKey[],
  sortKey: SortKey,
  direction: SortDirection,
  t: InvoiceTableStrings,
  onSort: (key: SortKey) => void,
  order: Pick<Page<unknown>, 'totalOrder' | 'reportingCurrency'>,
  lead: TemplateResult | typeof nothing = nothing,
) {
  const total =
    sortKey === 'total' &&
    (order.reportingCurrency
      ? t.totalIn(order.reportingCurrency)
      : order.totalOrder && t.totalByCurrency);
  return html`<div class="head" role="rowgroup">
    <div class="row" role="row" part="header-row" aria-rowindex="1">
      ${lead}
      ${columns.map((key) => {
        const active = sortKey === key;
        const sort = active ? (direction === 'asc' ? 'ascending' : 'descending') : undefined;
        // Narrower than its name, a column shows the start of it (…) and the whole on hover.
        const label = (key === 'total' && total) || t.columns[key];
        return html`<div
          class="cell"
          role="columnheader"
          data-col=${key}
          aria-sort=${sort ?? nothing}
        >
          <button type="button" class="sort" title=${label} @click=${() => onSort(key)}>
            <span class="label">${label}</span>
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

/**
 * Row `index` of the list: an invoice, or a placeholder until its page arrives. One outer
 * template for both, so the row element (and its focus) survives its page arriving. Sorted by
 * period (`byPeriod`), rows band by month and mark where a billing period starts (`previous`:
 * the row before).
 */
export function renderRow(
  item: Row,
  index: number,
  previous: Row | undefined,
  focused: boolean,
  byPeriod: boolean,
  ctx: CellContext,
  /** The selection's checkbox cell and state (issue 25), when the table is selectable. */
  select?: { cell: TemplateResult; selected: boolean },
): TemplateResult {
  const isLoaded = loaded(item);
  const grouped = isLoaded && byPeriod;
  const startsPeriod =
    grouped &&
    index > 0 &&
    (!loaded(previous) ||
      previous.period.from !== item.period.from ||
      previous.period.to !== item.period.to);
  return html`<div
    class=${isLoaded ? 'row' : 'row placeholder'}
    role="row"
    part="row"
    aria-rowindex=${index + 2}
    data-index=${index}
    tabindex=${focused ? '0' : '-1'}
    data-band=${grouped ? monthParity(item.period.from) : nothing}
    ?data-period-start=${startsPeriod}
    aria-selected=${select ? String(select.selected) : nothing}
  >
    ${select?.cell ?? nothing}
    ${
      isLoaded
        ? renderCells(item, ctx)
        : html`<div class="cell" role="gridcell" part="cell">${ctx.t.loadingRow}</div>`
    }
  </div>`;
}

/** Grey bars in the shape of `rows` rows of `columns` cells, while the first page loads. */
export function renderSkeleton(rows: number, columns: number) {
  return html`<div class="skeletons" aria-hidden="true">
    ${Array.from(
      { length: rows },
      () =>
        html`<div class="skeleton">
          ${Array.from({ length: columns }, () => html`<span class="bar"></span>`)}
        </div>`,
    )}
  </div>`;
}

/** An error message with its Retry button. */
export function renderFailure(message: string, retry: string, onRetry: () => void) {
  return html`<div class="alert error" part="error" role="alert">
    <p>${message}</p>
    <button type="button" class="button" @click=${onRetry}>${retry}</button>
  </div>`;
}
