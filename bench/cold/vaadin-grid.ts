/** `<vaadin-grid>` with a `dataProvider` over the same rows, the same columns and an Open button. */
import '@vaadin/grid/vaadin-grid.js';
import '@vaadin/grid/vaadin-grid-column.js';
import type { Grid } from '@vaadin/grid/vaadin-grid.js';
import type { GridColumn } from '@vaadin/grid/vaadin-grid-column.js';
import type { InvoiceSummary } from 'invoice-elements/core';
import type { Contender, RowBox } from './contender.js';
import { COLUMNS, indexOfText } from './rows.js';

type Column = GridColumn<InvoiceSummary>;

function column(header: string, render: Column['renderer']): Column {
  const c = document.createElement('vaadin-grid-column') as Column;
  c.header = header;
  c.renderer = render;
  return c;
}

/** The text in the first cell (Document ID) of a body row of the grid's shadow DOM. */
function indexOfRow(tr: Element): number | null {
  if (tr.hasAttribute('loading')) return null;
  const slot = tr.querySelector('td slot') as HTMLSlotElement | null;
  return indexOfText(slot?.assignedElements()[0]?.textContent);
}

const bodyRows = (el: HTMLElement): NodeListOf<HTMLTableRowElement> =>
  (el.shadowRoot as ShadowRoot).querySelectorAll('#items > tr:not([hidden])');

export const contender: Contender = {
  insert(stage, source) {
    const grid = document.createElement('vaadin-grid') as Grid<InvoiceSummary>;
    for (const [, header, text] of COLUMNS) {
      grid.append(
        column(header, (cell, _c, model) => {
          cell.textContent = text(model.item);
        }),
      );
    }
    grid.append(
      column('', (cell, _c, model) => {
        const button = (cell.firstElementChild ??
          cell.appendChild(document.createElement('button'))) as HTMLButtonElement;
        button.type = 'button';
        button.textContent = 'Open';
        button.setAttribute('aria-label', `Open ${model.item.documentId}`);
      }),
    );
    grid.dataProvider = (params, callback) => {
      callback(source.rows(params.page * params.pageSize, params.pageSize), source.count);
    };
    stage.append(grid);
    return grid;
  },
  scroller: (el) => (el.shadowRoot as ShadowRoot).querySelector('#table') as HTMLElement,
  rows(el) {
    const out: RowBox[] = [];
    for (const tr of bodyRows(el)) {
      const box = tr.getBoundingClientRect();
      out.push({ index: indexOfRow(tr), top: box.top, bottom: box.bottom });
    }
    return out;
  },
  firstCell(el) {
    for (const tr of bodyRows(el)) {
      if (indexOfRow(tr) === 0) {
        const slot = tr.querySelector('td slot') as HTMLSlotElement | null;
        return (slot?.assignedElements()[0] as HTMLElement | undefined) ?? null;
      }
    }
    return null;
  },
  rowOf(_el, active) {
    const tr = active.closest('tr');
    return tr ? indexOfRow(tr) : null;
  },
};
