// React 19 JSX: the four tags as a host writes them, with the package's JSX types. Must compile.
import type {} from 'invoice-elements/react-jsx';
import type { InvoiceOpenDetail, InvoiceTable as InvoiceTableElement } from 'invoice-elements';
import { MemoryBackend } from 'invoice-elements/adapters/memory';
import { useRef } from 'react';

const backend = new MemoryBackend();

export function Billing(props: { onOpen: (detail: InvoiceOpenDetail) => void }) {
  const table = useRef<InvoiceTableElement>(null);
  return (
    <div className="billing">
      <invoice-table
        ref={table}
        customerId="cus-1"
        pageSize={50}
        hideSearch
        from="2026-01"
        backend={backend}
        audience="customer"
        theme="dark"
        density="compact"
        today={new Date()}
        strings={{ common: {} }}
        page-size={25}
        oninvoice-open={(event) => {
          const id: string = event.detail.invoiceId;
          props.onOpen(event.detail);
          return id;
        }}
        oninvoice-period-change={(event) => event.detail.period.from}
      />
      <invoice-viewer
        invoice-id="inv-1"
        currency="EUR"
        flow="generation"
        openSections="summary lines"
        oninvoice-currency-change={(event) => event.detail.currency}
        oninvoice-discard-request={(event) => event.preventDefault()}
        oninvoice-section-toggle={(event) => event.detail.open}
      />
      <status-updater
        invoiceId="inv-1"
        oninvoice-status-change={(event) => event.detail.invoice.version}
      />
      <download-menu bom oninvoice-download={(event) => event.detail.filename} hidden />
    </div>
  );
}
