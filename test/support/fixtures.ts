/**
 * The one invoice fixture factory of the suites (no generator, no randomness): `invoice()` and
 * its line builders. Each suite's named invoices (the exports' INV-2026-0042, the viewer's
 * three-line invoice, …) are presets of it: the data they need, passed as overrides.
 */
import type {
  Customer,
  Invoice,
  InvoiceStatus,
  Issuer,
  LineItem,
  Money,
} from '../../src/core/types.js';

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

/** The optional invoice-level fields of the invoice documents (issue 18, core/types.ts). */
export const DOCUMENT_INVOICE_KEYS = [
  'issuer',
  'issueDate',
  'paymentTermsDays',
  'paymentInstructions',
  'amountPaid',
  'amountDue',
] as const;

/** The issuer of {@link invoiceWithDocumentFields}: address and tax ID, no logo (add a `logoUrl`). */
export const DOCUMENT_ISSUER: Issuer = {
  name: 'Cumulus Cloud Solutions Ltda.',
  address: [
    'Avenida Brigadeiro Faria Lima, 3477',
    'Itaim Bibi, Sao Paulo - SP',
    'CEP 04538-133',
    'Brasil',
  ],
  taxId: 'CNPJ 31.415.926/0001-53',
  email: 'billing@cumulus.example',
  phone: '+55 11 3040-5060',
  website: 'https://cumulus.example',
};

/**
 * The document fields of an invoice (issue 18) for `total` and what is paid of it: issuer,
 * customer address and tax ID, issued 2026-11-01 on 30 days (due 2026-12-01), payment
 * instructions, paid and due amounts (due = total - paid).
 */
export function documentFields(
  total: Money,
  paid: number,
  customer: Customer = { id: 'cus-1', name: 'Acme Ltda' },
): Partial<Invoice> {
  return {
    customer: {
      ...customer,
      address: ['Rua Augusta, 1500', 'Consolacao, Sao Paulo - SP', 'CEP 01304-001', 'Brasil'],
      taxId: 'CNPJ 12.345.678/0001-90',
    },
    issuer: structuredClone(DOCUMENT_ISSUER),
    issueDate: '2026-11-01',
    paymentTermsDays: 30,
    dueDate: '2026-12-01',
    paymentInstructions:
      'Bank transfer to Banco Exemplo (999), account 123456-7, quoting the document ID.',
    amountPaid: money(paid, total.currency),
    amountDue: money(total.minor - paid, total.currency),
  };
}

/**
 * An invoice with every document field (issue 18) filled, all text in Latin-1 (override the
 * names to test other scripts). Lines, USD:
 * - d1 "Microsoft 365 E3", 10 x 12.50 (`"12.50"`) = 125.00, tax 10 % = 12.50;
 * - d2 "S3 Standard storage (GB-month)", 1234.5 x `"0.0230"` (unit rounded 0.02) = 28.39
 *   (2839.35 cents), tax 10 % = 2.84 (283.9);
 * - d3 "API requests", 250,000 x `"0.000123"` (unit rounded 0.00) = 30.75, tax 21 % = 6.46
 *   (645.75).
 * Subtotal 184.14, tax 21.80, total 205.94; paid 50.00, due 155.94.
 */
export function invoiceWithDocumentFields(overrides: Partial<Invoice> = {}): Invoice {
  const lines: LineItem[] = [
    {
      ...line('d1', {
        sku: 'CFQ7TTC0LFLX',
        description: 'Microsoft 365 E3',
        group: 'Microsoft 365',
        quantity: 10,
        unit: 1250,
        tax: 1250,
      }),
      unitPriceDecimal: '12.50',
      taxRate: 0.1,
    },
    {
      ...line('d2', {
        sku: 'S3-STD-GBMO',
        description: 'S3 Standard storage (GB-month)',
        group: 'Amazon S3',
        quantity: 1234.5,
        unit: 2,
        amount: 2839,
        tax: 284,
      }),
      unitPriceDecimal: '0.0230',
      taxRate: 0.1,
    },
    {
      ...line('d3', {
        sku: 'API-REQ',
        description: 'API requests',
        group: 'API',
        quantity: 250_000,
        unit: 0,
        amount: 3075,
        tax: 646,
      }),
      unitPriceDecimal: '0.000123',
      taxRate: 0.21,
    },
  ];
  const totals = totalsOf(lines);
  return invoice({
    id: 'inv-doc',
    documentId: 'INV-2026-000777',
    lines,
    ...totals,
    ...documentFields(totals.total, 5000),
    ...overrides,
  });
}
