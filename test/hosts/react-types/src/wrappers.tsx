// @lit/react wrappers (invoice-elements/react), as a React 18 host uses them. Must compile.
import { DownloadMenu, InvoiceTable, InvoiceViewer, StatusUpdater } from 'invoice-elements/react';

export function Billing() {
  return (
    <>
      <InvoiceTable
        customerId="cus-1"
        pageSize={50}
        onInvoiceOpen={(event) => event.detail.summary.documentId}
        onInvoicePeriodChange={(event) => event.detail.period.to}
      />
      <InvoiceViewer invoiceId="inv-1" onInvoiceCurrencyChange={(event) => event.detail.currency} />
      <StatusUpdater flow="existing" onInvoiceStatusChange={(event) => event.detail.to} />
      <DownloadMenu currency="USD" onInvoiceDownload={(event) => event.detail.source} />
    </>
  );
}
