// The host's code, plain JavaScript: everything comes from the single-file bundle, which also
// registers the four tags when it loads.
import { RestBackend, provideInvoiceBackend } from '/dist/invoice-elements.bundle.js';

provideInvoiceBackend(document.getElementById('billing'), new RestBackend({ baseUrl: '/api' }));

const viewer = document.querySelector('invoice-viewer');
document.querySelector('invoice-table').addEventListener('invoice-open', (event) => {
  viewer.setAttribute('invoice-id', event.detail.invoiceId);
  document.getElementById('viewer-pane').hidden = false;
});
