/**
 * An operator backend as one customer sees it, for fixtures whose backend takes the audience
 * per call (`MemoryBackend`, `RestBackend` with `?audience=`) rather than from a credential.
 */
import type { CallOptions, InvoiceBackend } from '../core/backend.js';
import { BackendError } from '../core/errors.js';
import type { DownloadFormat } from '../core/types.js';

const notFound = (what: string): BackendError =>
  new BackendError('not-found', `${what} was not found.`, { status: 404 });

/**
 * `backend` as customer `customerId` sees it: lists and reads in the customer audience and
 * only that customer's invoices; a download only of an invoice the customer can read.
 */
export function customerView(backend: InvoiceBackend, customerId: string): InvoiceBackend {
  const read = async (invoiceId: string, options: CallOptions) => {
    const invoice = await backend.getInvoice(invoiceId, { ...options, audience: 'customer' });
    if (invoice.customer.id !== customerId) throw notFound(`Invoice ${invoiceId}`);
    return invoice;
  };
  const view: InvoiceBackend = {
    searchCustomers: async (search, options) =>
      (await backend.searchCustomers(search, options)).filter((c) => c.id === customerId),
    listInvoices: (query, options) =>
      backend.listInvoices({ ...query, customerId, audience: 'customer' }, options),
    getInvoice: (invoiceId, options = {}) => read(invoiceId, options),
    updateStatus: () =>
      Promise.reject(new BackendError('forbidden', 'A customer changes no status.')),
    discardInvoice: () =>
      Promise.reject(new BackendError('forbidden', 'A customer discards nothing.')),
  };
  const download = backend.download?.bind(backend);
  if (download) {
    view.download = async (invoiceId: string, format: DownloadFormat, options = {}) => {
      await read(invoiceId, options);
      return download(invoiceId, format, options);
    };
  }
  return view;
}
