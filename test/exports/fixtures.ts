/** Hand-written invoices for the export and download-menu tests. */
import type { Invoice, LineItem } from '../../src/core/types.js';

export function line(
  id: string,
  sku: string,
  description: string,
  quantity: number,
  unitMinor: number,
  amountMinor: number,
  taxMinor: number,
  currency = 'USD',
): LineItem {
  return {
    id,
    sku,
    description,
    group: 'Azure plan',
    quantity,
    unitPrice: { minor: unitMinor, currency },
    amount: { minor: amountMinor, currency },
    tax: { minor: taxMinor, currency },
  };
}

/**
 * INV-2026-0042, Microsoft, October 2026, OPEN, USD with a BRL rate of 5.4321.
 * Lines: 1250.00 + 0.05 + (-12.50) = 1237.55 USD; tax 125.00 + 0.01 + (-1.25) = 123.76.
 * In BRL (×5.4321, half-even per line): 6790.12 (679012.5 → even) + 0.27 + (-67.90) = 6722.49;
 * tax 679.01 + 0.05 + (-6.79) = 672.27; total 7394.76. Unit prices 679.01, 0.54, -67.90.
 */
export function fixtureInvoice(overrides: Partial<Invoice> = {}): Invoice {
  const lines = [
    line('l1', 'AZ-VM-D2', 'Virtual machines, D2 v3', 10, 12500, 125000, 12500),
    line('l2', 'AZ-STORAGE', 'Blob storage, hot tier', 0.5, 10, 5, 1),
    line('l3', 'AZ-CREDIT', 'Service credit', 1, -1250, -1250, -125),
  ];
  return {
    id: 'inv-42',
    documentId: 'INV-2026-0042',
    customer: { id: 'cus-7', name: 'Contoso Ltda.' },
    provider: { id: 'microsoft', name: 'Microsoft' },
    period: { from: '2026-10', to: '2026-10' },
    status: 'OPEN',
    total: { minor: 136131, currency: 'USD' },
    generatedAt: '2026-11-01T08:00:00Z',
    version: 'v1',
    dueDate: '2026-11-30',
    currency: 'USD',
    lines,
    subtotal: { minor: 123755, currency: 'USD' },
    taxTotal: { minor: 12376, currency: 'USD' },
    currencies: [{ currency: 'BRL', rate: 5.4321, date: '2026-10-31', source: 'ECB' }],
    customFields: [
      { key: 'po', label: 'PO number', value: 'PO-7781' },
      { key: 'cc', label: 'Cost centre', value: 'R&D, "Cloud"' },
    ],
    history: [],
    ...overrides,
  };
}

/** An invoice with `count` lines of 1.00 USD each (tax 0.10). */
export function longInvoice(count: number): Invoice {
  const lines: LineItem[] = [];
  for (let i = 0; i < count; i++) {
    lines.push(line(`l${i}`, `SKU-${i}`, `Line item number ${i}`, 1, 100, 100, 10));
  }
  return fixtureInvoice({
    id: 'inv-long',
    documentId: 'INV-LONG-5000',
    lines,
    subtotal: { minor: 100 * count, currency: 'USD' },
    taxTotal: { minor: 10 * count, currency: 'USD' },
    total: { minor: 110 * count, currency: 'USD' },
  });
}
