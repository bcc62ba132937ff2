/**
 * The one invoice fixture factory of the suites (no generator, no randomness): `invoice()` and
 * its line builders. Each suite's named invoices (the exports' INV-2026-0042, the viewer's
 * three-line invoice, …) are presets of it: the data they need, passed as overrides.
 */
import type { Customer, Invoice, InvoiceStatus, LineItem, Money } from '../../src/core/types.js';

export const money = (minor: number, currency = 'USD'): Money => ({ minor, currency });
const usd = (minor: number) => money(minor);

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

/** A line from its numbers (minor units): quantity × unit = amount, and its tax. */
export function line(
  id: string,
  spec: {
    sku?: string;
    description?: string;
    group?: string;
    quantity?: number;
    unit: number;
    amount?: number;
    tax?: number;
    currency?: string;
  },
): LineItem {
  const { quantity = 1, unit, currency = 'USD' } = spec;
  const amount = spec.amount ?? unit * quantity;
  return {
    id,
    sku: spec.sku ?? `SKU-${id}`,
    description: spec.description ?? `${spec.sku ?? id} description`,
    group: spec.group ?? 'Office',
    quantity,
    unitPrice: money(unit, currency),
    amount: money(amount, currency),
    tax: money(spec.tax ?? Math.round(amount / 10), currency),
  };
}

/** Subtotal, tax total and total of `lines`, in `currency`. */
export function totalsOf(
  lines: readonly LineItem[],
  currency = lines[0]?.amount.currency ?? 'USD',
): Pick<Invoice, 'subtotal' | 'taxTotal' | 'total'> {
  const subtotal = lines.reduce((sum, l) => sum + l.amount.minor, 0);
  const tax = lines.reduce((sum, l) => sum + l.tax.minor, 0);
  return {
    subtotal: money(subtotal, currency),
    taxTotal: money(tax, currency),
    total: money(subtotal + tax, currency),
  };
}

/**
 * One USD invoice of one line (100.00 + 10.00 tax = 110.00), BRL rate, one custom field.
 * Every field a test depends on is set by the caller through `overrides`. Given `lines` and no
 * totals, the totals are the sums of those lines.
 */
export function invoice(overrides: Partial<Invoice> = {}): Invoice {
  const lines = overrides.lines ?? [lineItem('l1')];
  return {
    id: 'inv-1',
    documentId: 'DOC-0001',
    customer: { id: 'cus-1', name: 'Acme Ltda' },
    provider: { id: 'microsoft', name: 'Microsoft' },
    period: { from: '2026-10', to: '2026-10' },
    status: 'OPEN',
    generatedAt: '2026-11-01T09:00:00.000Z',
    dueDate: '2026-11-30',
    version: 'v1',
    currency: 'USD',
    lines,
    ...totalsOf(lines, overrides.currency ?? 'USD'),
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

/**
 * An invoice of `count` lines of 1.00 USD each (tax 0.10), built on `preset` (the suite's
 * named invoice) with `overrides`; `group` and `description` name each line.
 */
export function longInvoice(
  count: number,
  options: {
    preset?: (overrides: Partial<Invoice>) => Invoice;
    group?: (i: number) => string;
    description?: (i: number) => string;
    overrides?: Partial<Invoice>;
  } = {},
): Invoice {
  const {
    preset = invoice,
    group = () => 'Office',
    description = (i) => `SKU-${i} description`,
  } = options;
  const lines: LineItem[] = [];
  for (let i = 0; i < count; i++) {
    lines.push(
      line(`l${i}`, { sku: `SKU-${i}`, description: description(i), group: group(i), unit: 100 }),
    );
  }
  return preset({ id: 'inv-long', ...options.overrides, lines, ...totalsOf(lines) });
}
