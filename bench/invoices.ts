/** Invoices of a given number of lines, from MemoryBackend's seeded generator. */
import { MemoryBackend } from '../src/adapters/memory/index.js';
import type { Invoice } from '../src/core/types.js';

/** An invoice with `lines` line items, every download format and at least one other currency. */
export function invoiceWithLines(lines: number): Invoice {
  const memory = new MemoryBackend({ data: { invoiceCount: 3, longInvoiceLines: lines } });
  const invoice = memory.inspect(memory.longInvoiceId as string) as Invoice;
  invoice.downloadFormats = ['pdf', 'csv', 'detailed-csv', 'print'];
  if (invoice.currencies.length === 0) {
    invoice.currencies = [
      {
        currency: invoice.currency === 'EUR' ? 'USD' : 'EUR',
        rate: 0.9137,
        date: '2026-10-31',
        source: 'ECB',
      },
    ];
  }
  return invoice;
}
