/**
 * ag-grid-community with its infinite row model (a datasource asked for blocks of rows, the
 * row count known), the same columns and an Open button; its defaults otherwise (theme, block
 * size, cache), as a host gets them.
 */
import {
  createGrid,
  InfiniteRowModelModule,
  ModuleRegistry,
  type ColDef,
  type ICellRendererParams,
} from 'ag-grid-community';
import type { InvoiceSummary } from 'invoice-elements/core';
import type { Contender, RowBox } from './contender.js';
import { COLUMNS, indexOfText } from './rows.js';

ModuleRegistry.registerModules([InfiniteRowModelModule]);

function openButton(params: ICellRendererParams<InvoiceSummary>): HTMLElement | string {
  if (!params.data) return '';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Open';
  button.setAttribute('aria-label', `Open ${params.data.documentId}`);
  return button;
}

const columnDefs: ColDef<InvoiceSummary>[] = [
  ...COLUMNS.map(([colId, headerName, text]): ColDef<InvoiceSummary> => ({
    colId,
    headerName,
    valueGetter: (p) => (p.data ? text(p.data) : ''),
  })),
  { colId: 'actions', headerName: '', cellRenderer: openButton },
];

const indexOfRow = (row: Element): number | null =>
  indexOfText(row.querySelector('[col-id="documentId"]')?.textContent);
/** Body rows (not pinned or sticky ones): v36 puts them in the scrolling container. */
const bodyRows = (el: HTMLElement): NodeListOf<HTMLElement> =>
  el.querySelectorAll(
    '.ag-grid-scrolling-container > .ag-row, .ag-center-cols-container > .ag-row',
  );

export const contender: Contender = {
  insert(stage, source) {
    const host = document.createElement('div');
    host.className = 'ag-host';
    stage.append(host);
    createGrid<InvoiceSummary>(host, {
      columnDefs,
      // The columns share the width, as the other two grids' do (no horizontal scrolling).
      defaultColDef: { flex: 1 },
      rowModelType: 'infinite',
      datasource: {
        rowCount: source.count,
        getRows(params) {
          const rows = source.rows(params.startRow, params.endRow - params.startRow);
          params.successCallback(rows, source.count);
        },
      },
    });
    return host;
  },
  // The element that scrolls vertically: `.ag-grid-viewport` in v36, `.ag-body-viewport` before.
  scroller: (el) => el.querySelector('.ag-grid-viewport, .ag-body-viewport') as HTMLElement,
  rows(el) {
    const out: RowBox[] = [];
    for (const row of bodyRows(el)) {
      const box = row.getBoundingClientRect();
      out.push({ index: indexOfRow(row), top: box.top, bottom: box.bottom });
    }
    return out;
  },
  firstCell(el) {
    for (const row of bodyRows(el)) {
      if (indexOfRow(row) === 0) return row.querySelector('[col-id="documentId"]');
    }
    return null;
  },
  rowOf(_el, active) {
    const row = active.closest('.ag-row');
    return row ? indexOfRow(row) : null;
  },
};
