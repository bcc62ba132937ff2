/** Hand-written invoices for the reliability and security suites (no generator, no randomness). */
import type { Customer, Invoice, InvoiceStatus, LineItem } from '../../src/core/types.js';

const usd = (minor: number) => ({ minor, currency: 'USD' });

export function lineItem(id: string, text = 'Seats', overrides: Partial<LineItem> = {}): LineItem {
  return {
    id,
    sku: `SKU-${id}`,
    description: text,
    group: 'Office',
    quantity: 2,
    unitPrice: usd(5000),
    amount: usd(10000),
    tax: usd(1000),
    ...overrides,
  };
}

/**
 * One USD invoice of one line (100.00 + 10.00 tax = 110.00), BRL rate, one custom field.
 * Every field a test depends on is set by the caller through `overrides`.
 */
export function invoice(overrides: Partial<Invoice> = {}): Invoice {
  return {
    id: 'inv-1',
    documentId: 'DOC-0001',
    customer: { id: 'cus-1', name: 'Acme Ltda' },
    provider: { id: 'microsoft', name: 'Microsoft' },
    period: { from: '2026-10', to: '2026-10' },
    status: 'OPEN',
    total: usd(11000),
    generatedAt: '2026-11-01T09:00:00.000Z',
    dueDate: '2026-11-30',
    version: 'v1',
    currency: 'USD',
    lines: [lineItem('l1')],
    subtotal: usd(10000),
    taxTotal: usd(1000),
    currencies: [{ currency: 'BRL', rate: 5.5, date: '2026-10-31', source: 'ECB' }],
    customFields: [{ key: 'po', label: 'PO number', value: 'PO-1' }],
    history: [],
    ...overrides,
  };
}

export function invoiceWith(id: string, status: InvoiceStatus, customer?: Customer): Invoice {
  return invoice({
    id,
    documentId: `DOC-${id}`,
    status,
    ...(customer ? { customer } : {}),
  });
}

/**
 * An invoice whose every free-text field carries `text`: document ID, customer name and
 * e-mail, provider name, line SKU / description / group, custom-field label and value, the
 * history's author. Ids stay safe (they travel in URLs) unless `ids` is true.
 */
export function hostileInvoice(text: string, n: number, ids = false): Invoice {
  const id = ids ? text : `inv-h${n}`;
  return invoice({
    id,
    documentId: text,
    status: 'OPEN',
    customer: { id: ids ? text : `cus-h${n}`, name: text, email: text },
    provider: { id: 'microsoft', name: text },
    lines: [lineItem(`h${n}`, text, { sku: text, group: text })],
    customFields: [{ key: `k${n}`, label: text, value: text }],
    history: [
      { from: 'DRAFT', to: 'OPEN', at: '2026-11-02T10:00:00.000Z', by: text, notified: true },
    ],
  });
}
