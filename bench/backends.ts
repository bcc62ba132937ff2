/** In-page backends for the benchmarks: answers are pre-built and resolve at once. */
import type { InvoiceBackend } from '../src/core/backend.js';
import { BackendError } from '../src/core/errors.js';
import type { Invoice, InvoiceSummary } from '../src/core/types.js';

function notHere(): Promise<never> {
  return Promise.reject(new BackendError('server', 'Not available in this benchmark.'));
}

/** `listInvoices` answers pages of pre-built rows (the query is ignored), instantly. */
export function rowsBackend(rows: readonly InvoiceSummary[]): InvoiceBackend {
  return {
    searchCustomers: () => Promise.resolve([]),
    listInvoices(query) {
      const offset = query.offset ?? 0;
      const limit = query.limit ?? 200;
      return Promise.resolve({
        items: rows.slice(offset, offset + limit),
        total: rows.length,
        offset,
        limit,
      });
    },
    getInvoice: notHere,
    updateStatus: notHere,
    discardInvoice: notHere,
  };
}

/** `getInvoice` answers the next prepared invoice object (prepare them before timing). */
export function invoiceBackend(next: () => Invoice): InvoiceBackend {
  return {
    searchCustomers: () => Promise.resolve([]),
    listInvoices: notHere,
    getInvoice: () => Promise.resolve(next()),
    updateStatus: notHere,
    discardInvoice: notHere,
    download: () => Promise.resolve(null),
  };
}
