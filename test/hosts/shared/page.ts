// The page every plain-TypeScript host app runs (test/hosts/vite-ts, webpack, esbuild; each
// bundler builds it from its own src/main.ts): the npm package as a host installs it (the
// packed tarball), through its public entries and types only. The page composes the four
// elements: the table lists the customer's invoices, Open shows one in the viewer (which holds
// <status-updater> and <download-menu>), over a MemoryBackend.
import {
  defineInvoiceElements,
  provideInvoiceBackend,
  type InvoiceTable,
  type InvoiceViewer,
} from 'invoice-elements';
import { MemoryBackend } from 'invoice-elements/adapters/memory';
import { HOST_INVOICES, HOST_QUERY, recordDownloads } from './host-data.js';

const billing = document.getElementById('billing')!;
provideInvoiceBackend(billing, new MemoryBackend({ invoices: HOST_INVOICES }));
recordDownloads(billing);
defineInvoiceElements();

const table = document.querySelector<InvoiceTable>('invoice-table')!;
table.customerId = HOST_QUERY.customerId;
table.from = HOST_QUERY.from;
table.to = HOST_QUERY.to;

const viewer = document.querySelector<InvoiceViewer>('invoice-viewer')!;
table.addEventListener('invoice-open', (event) => {
  // Typed by the package's HTMLElementEventMap: no cast.
  viewer.invoiceId = event.detail.invoiceId;
  document.getElementById('viewer-pane')!.hidden = false;
});
