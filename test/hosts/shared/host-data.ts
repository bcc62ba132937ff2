// Shared by every built host fixture (test/package/host-harness.mjs copies this folder into each
// app as src/shared/): the invoices a host's MemoryBackend serves, and the record of every
// `invoice-download` the test reads back. Public entries and types of the package only.
import type { Invoice } from 'invoice-elements/core';
import type { InvoiceDownloadDetail } from 'invoice-elements/download-menu';

const usd = (minor: number) => ({ minor, currency: 'USD' as const });

function hostInvoice(id: string, documentId: string, status: Invoice['status']): Invoice {
  return {
    id,
    documentId,
    status,
    // The invoice-document fields (issue 18), the customer in Latin Extended, Cyrillic, Greek and
    // Vietnamese: the PDF draws them in the package's embedded font (host-harness.mjs, HOST).
    customer: {
      id: 'cus-1',
      name: 'Acme Łódź Ltda',
      email: 'billing@acme.example',
      address: ['ул. Тверская, 7', 'Οδός Ερμού 10', 'Phường Bến Nghé, Quận 1'],
      taxId: 'PL 123-456-32-18',
    },
    issuer: { name: 'Nuvem Revenda Ltda.', taxId: '12.345.678/0001-90' },
    issueDate: '2026-11-01',
    paymentTermsDays: 29,
    provider: { id: 'microsoft', name: 'Microsoft' },
    period: { from: '2026-10', to: '2026-10' },
    generatedAt: '2026-11-01T09:00:00.000Z',
    dueDate: '2026-11-30',
    version: 'v1',
    currency: 'USD',
    subtotal: usd(10000),
    taxTotal: usd(1000),
    total: usd(11000),
    currencies: [],
    customFields: [{ key: 'po', label: 'PO number', value: `PO-${documentId}` }],
    history: [],
    lines: [
      {
        id: `${id}-l1`,
        sku: 'SKU-SEATS',
        description: 'Seats',
        group: 'Office',
        quantity: 2,
        unitPrice: usd(5000),
        amount: usd(10000),
        tax: usd(1000),
      },
    ],
  };
}

/** One open and one draft invoice of customer cus-1, October 2026 (total 110.00 USD each). */
export const HOST_INVOICES: Invoice[] = [
  hostInvoice('inv-1', 'DOC-HOST-0001', 'OPEN'),
  hostInvoice('inv-2', 'DOC-HOST-0002', 'DRAFT'),
];

/** The table's query: the customer and the months the invoices are in. */
export const HOST_QUERY = { customerId: 'cus-1', from: '2026-09', to: '2026-10' } as const;

declare global {
  interface Window {
    /** What the test reads: every `invoice-download` detail, in order. */
    hostDownloads: InvoiceDownloadDetail[];
  }
}

/** Records every `invoice-download` under `root` (the events bubble and are composed). */
export function recordDownloads(root: EventTarget): void {
  window.hostDownloads = [];
  root.addEventListener('invoice-download', (event) => {
    window.hostDownloads.push((event as CustomEvent<InvoiceDownloadDetail>).detail);
  });
}
