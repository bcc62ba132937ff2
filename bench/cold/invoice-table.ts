/**
 * `<invoice-table>` from the built package (`dist/`, through its public exports: the bench's
 * Vite config maps `invoice-elements/*` to them), over an `InvoiceBackend` that answers each
 * `listInvoices` page at once.
 */
import 'invoice-elements/define';
import { BackendError, type InvoiceBackend } from 'invoice-elements/core';
import type { InvoiceTable } from 'invoice-elements';
import type { Contender, RowBox } from './contender.js';
import { indexOfText, type RowSource } from './rows.js';

function backendOf(source: RowSource): InvoiceBackend {
  const notHere = (): Promise<never> =>
    Promise.reject(new BackendError('server', 'Not available in this benchmark.'));
  return {
    searchCustomers: () => Promise.resolve([]),
    listInvoices(query) {
      const offset = query.offset ?? 0;
      const limit = query.limit ?? 200;
      const items = source.rows(offset, limit);
      return Promise.resolve({ items, total: source.count, offset, limit });
    },
    getInvoice: notHere,
    updateStatus: notHere,
    discardInvoice: notHere,
  };
}

const root = (el: HTMLElement): ShadowRoot => el.shadowRoot as ShadowRoot;
const indexOfRow = (row: Element): number | null =>
  indexOfText(row.querySelector('[data-col="documentId"]')?.textContent);

export const contender: Contender = {
  insert(stage, source) {
    const table = document.createElement('invoice-table') as InvoiceTable;
    table.backend = backendOf(source);
    stage.append(table);
    return table;
  },
  scroller: (el) => root(el).querySelector('[part~="table"]') as HTMLElement,
  rows(el) {
    const out: RowBox[] = [];
    for (const row of root(el).querySelectorAll('[part~="row"]')) {
      const box = row.getBoundingClientRect();
      out.push({ index: indexOfRow(row), top: box.top, bottom: box.bottom });
    }
    return out;
  },
  firstCell(el) {
    for (const row of root(el).querySelectorAll('[part~="row"]')) {
      if (indexOfRow(row) === 0) return row.querySelector('[data-col="documentId"]');
    }
    return null;
  },
  rowOf(_el, active) {
    const row = active.closest('[part~="row"]');
    return row ? indexOfRow(row) : null;
  },
};
