// The host's code, plain JavaScript: everything comes from the single-file bundle, which also
// registers the four tags when it loads.
import { RestBackend, provideInvoiceBackend } from '/dist/invoice-elements.bundle.js';

provideInvoiceBackend(document.getElementById('billing'), new RestBackend({ baseUrl: '/api' }));

// What the test reads: every `invoice-download` detail (the events bubble and are composed).
window.hostDownloads = [];
document.addEventListener('invoice-download', (event) => window.hostDownloads.push(event.detail));

const viewer = document.querySelector('invoice-viewer');
document.querySelector('invoice-table').addEventListener('invoice-open', (event) => {
  viewer.setAttribute('invoice-id', event.detail.invoiceId);
  document.getElementById('viewer-pane').hidden = false;
});
