/** The export and download-menu suites' invoices: presets of the one factory (test/support). */
import type { Invoice, LineItem } from '../../src/core/types.js';
import {
  documentFields,
  invoice,
  line as makeLine,
  longInvoice as longOf,
} from '../support/fixtures.js';

/** A line of the Azure plan group, from its numbers in minor units. */
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
  return makeLine(id, {
    sku,
    description,
    group: 'Azure plan',
    quantity,
    unit: unitMinor,
    amount: amountMinor,
    tax: taxMinor,
    currency,
  });
}

/**
 * INV-2026-0042, Microsoft, October 2026, OPEN, USD with a BRL rate of 5.4321.
 * Lines: 1250.00 + 0.05 + (-12.50) = 1237.55 USD; tax 125.00 + 0.01 + (-1.25) = 123.76.
 * In BRL (×5.4321, half-even per line): 6790.12 (679012.5 → even) + 0.27 + (-67.90) = 6722.49;
 * tax 679.01 + 0.05 + (-6.79) = 672.27; total 7394.76. Unit prices 679.01, 0.54, -67.90.
 */
export function fixtureInvoice(overrides: Partial<Invoice> = {}): Invoice {
  return invoice({
    id: 'inv-42',
    documentId: 'INV-2026-0042',
    customer: { id: 'cus-7', name: 'Contoso Ltda.' },
    generatedAt: '2026-11-01T08:00:00Z',
    lines: [
      line('l1', 'AZ-VM-D2', 'Virtual machines, D2 v3', 10, 12500, 125000, 12500),
      line('l2', 'AZ-STORAGE', 'Blob storage, hot tier', 0.5, 10, 5, 1),
      line('l3', 'AZ-CREDIT', 'Service credit', 1, -1250, -1250, -125),
    ],
    currencies: [{ currency: 'BRL', rate: 5.4321, date: '2026-10-31', source: 'ECB' }],
    customFields: [
      { key: 'po', label: 'PO number', value: 'PO-7781' },
      { key: 'cc', label: 'Cost centre', value: 'R&D, "Cloud"' },
    ],
    ...overrides,
  });
}

/**
 * INV-2026-0042 ({@link fixtureInvoice}) with every document field (issue 18) filled: decimal
 * unit prices `"125.00"`, `"0.0950"` (0.5 x 0.095 = 0.0475, rounded 0.05; unit rounded 0.10) and
 * `"-12.50"`, tax rate 10 % on each line; issuer and customer address and tax ID (Latin-1),
 * issued 2026-11-01 on 30 days, due 2026-12-01; total 1361.31 USD, paid 361.31, due 1000.00.
 */
export function fixtureDocumentInvoice(overrides: Partial<Invoice> = {}): Invoice {
  const base = fixtureInvoice();
  const decimals = ['125.00', '0.0950', '-12.50'];
  return fixtureInvoice({
    lines: base.lines.map((l, i) => ({ ...l, unitPriceDecimal: decimals[i]!, taxRate: 0.1 })),
    ...documentFields(base.total, 36131, base.customer),
    ...overrides,
  });
}

/** An invoice with `count` lines of 1.00 USD each (tax 0.10). */
export function longInvoice(count: number): Invoice {
  return longOf(count, {
    preset: fixtureInvoice,
    group: () => 'Azure plan',
    description: (i) => `Line item number ${i}`,
    overrides: { documentId: 'INV-LONG-5000' },
  });
}
