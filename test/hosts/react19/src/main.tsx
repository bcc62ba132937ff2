// A React 19 host: the four tags in JSX (typed by invoice-elements/react-jsx), properties set by
// React 19 on the custom elements, `oninvoice-open` listened to by React. The viewer holds
// <status-updater> and <download-menu>; every element shares one MemoryBackend.
import type {} from 'invoice-elements/react-jsx';
import { defineInvoiceElements } from 'invoice-elements';
import { MemoryBackend } from 'invoice-elements/adapters/memory';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { HOST_INVOICES, HOST_QUERY, recordDownloads } from './shared/host-data.js';

const backend = new MemoryBackend({ invoices: HOST_INVOICES });
defineInvoiceElements();
recordDownloads(document);

function Billing() {
  const [invoiceId, setInvoiceId] = useState<string | null>(null);
  return (
    <main>
      <h1>Customer invoices</h1>
      <invoice-table
        backend={backend}
        customerId={HOST_QUERY.customerId}
        from={HOST_QUERY.from}
        to={HOST_QUERY.to}
        oninvoice-open={(event) => setInvoiceId(event.detail.invoiceId)}
      />
      {invoiceId === null ? null : (
        <section aria-label="Invoice">
          <invoice-viewer backend={backend} invoiceId={invoiceId} />
        </section>
      )}
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Billing />
  </StrictMode>,
);
