// A host's code: the npm package as a host installs it (the packed tarball), through its
// public entries and types only.
import { defineInvoiceElements, provideInvoiceBackend, type DownloadMenu } from 'invoice-elements';
import { MemoryBackend } from 'invoice-elements/adapters/memory';
import type { Invoice } from 'invoice-elements/core';
import type { InvoiceDownloadDetail } from 'invoice-elements/download-menu';

const usd = (minor: number) => ({ minor, currency: 'USD' as const });

const invoice: Invoice = {
  id: 'inv-1',
  documentId: 'DOC-HOST-0001',
  status: 'OPEN',
  customer: { id: 'cus-1', name: 'Acme Ltda', email: 'billing@acme.example' },
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
  customFields: [{ key: 'po', label: 'PO number', value: 'PO-HOST-1' }],
  history: [],
  lines: [
    {
      id: 'l1',
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

/** What the test reads: every `invoice-download` detail, in order. */
declare global {
  interface Window {
    hostDownloads: InvoiceDownloadDetail[];
  }
}
window.hostDownloads = [];

provideInvoiceBackend(
  document.getElementById('billing')!,
  new MemoryBackend({ invoices: [invoice] }),
);
defineInvoiceElements();

const menu = document.querySelector<DownloadMenu>('download-menu')!;
menu.addEventListener('invoice-download', (event) => {
  window.hostDownloads.push((event as CustomEvent<InvoiceDownloadDetail>).detail);
});
