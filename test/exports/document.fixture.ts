/**
 * The invoice documents' fixture (issue 18): INV-2026-0042 (fixtures.ts) with every field of an
 * invoice document, and what each language should print of it, worked out by hand here (the
 * numbers) and written by Intl directly (the locale's way of writing them), never by the code
 * under test.
 */
import type { Invoice } from '../../src/core/types.js';
import { ptBR } from '../../src/i18n/pt-BR.js';
import { es } from '../../src/i18n/es.js';
import { fixtureInvoice, line } from './fixtures.js';

/**
 * Lines in two groups, in order of first appearance: "Azure plan" (VM 1250.00, credit -12.50)
 * and "Storage" (blob 0.05, egress 0.12 = 1,000 GB × 0.000123). Subtotal 1237.67, tax 123.76,
 * total 1361.43; paid 1000.00, so 361.43 due. In BRL (× 5.4321, half-even per line): 6790.12,
 * -67.90, 0.27, 0.65 (0.651852); Azure plan 6722.22, Storage 0.92; subtotal 6723.14, tax 672.27,
 * total 7395.41; paid 5432.10; due 1963.31. The egress unit price: 0.000123 USD, 0.000668 BRL
 * (0.0006681483).
 */
export function documentInvoice(overrides: Partial<Invoice> = {}): Invoice {
  const base = fixtureInvoice();
  const [vm, blob, credit] = base.lines;
  return fixtureInvoice({
    customer: {
      id: 'cus-7',
      name: 'Contoso Ltda.',
      address: ['Rua das Flores, 12', '20000-000 Rio de Janeiro RJ'],
      taxId: '98.765.432/0001-10',
    },
    issuer: {
      name: 'Nuvem Revenda Ltda.',
      address: ['Av. Paulista, 1000', '01310-100 São Paulo SP'],
      taxId: '12.345.678/0001-90',
      email: 'billing@nuvem.example',
      phone: '+55 11 4000-0000',
      website: 'https://nuvem.example',
    },
    issueDate: '2026-11-03',
    dueDate: '2026-12-03',
    paymentTermsDays: 30,
    paymentInstructions: 'Bank transfer to IBAN XX00 1234 5678, reference INV-2026-0042.',
    amountPaid: { minor: 100000, currency: 'USD' },
    lines: [
      vm,
      { ...blob, group: 'Storage' },
      credit,
      {
        ...line('l4', 'AZ-EGRESS', 'Data transfer out', 1000, 0, 12, 0),
        group: 'Storage',
        unitPriceDecimal: '0.000123',
      },
    ],
    ...overrides,
  });
}

export type Lang = 'en' | 'pt-BR' | 'es';

/** The labels each language's download menu gives the exports. */
export const LABELS = {
  en: {},
  'pt-BR': ptBR.downloadMenu.document,
  es: es.downloadMenu.document,
} as const;

/** Non-breaking spaces (Intl puts them in money and dates) as plain spaces. */
export const spaced = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

const money = (lang: Lang, currency: string, value: string, digits = 2): string =>
  spaced(
    new Intl.NumberFormat(lang, {
      style: 'currency',
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: digits,
    }).format(value as unknown as number),
  );
const day = (lang: Lang, iso: string): string =>
  spaced(
    new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso)),
  );

/** What the document of {@link documentInvoice} in BRL says, in `lang`: words and values. */
export function expectedInBrl(lang: Lang) {
  const words = {
    en: [
      'Issue date',
      'Due date',
      'Payment terms',
      'Net 30 days',
      'Bill to',
      'Tax ID',
      'Amount paid',
      'Amount due',
      'Payment instructions',
      'Subtotal Storage',
      'Customer ID',
    ],
    'pt-BR': [
      'Data de emissão',
      'Vencimento',
      'Condições de pagamento',
      '30 dias',
      'Faturar para',
      'Identificação fiscal',
      'Valor pago',
      'Valor a pagar',
      'Instruções de pagamento',
      'Subtotal Storage',
      'ID do cliente',
    ],
    es: [
      'Fecha de emisión',
      'Vencimiento',
      'Condiciones de pago',
      '30 días',
      'Facturar a',
      'Identificación fiscal',
      'Importe pagado',
      'Importe pendiente',
      'Instrucciones de pago',
      'Subtotal Storage',
      'ID del cliente',
    ],
  }[lang];
  const [
    issueDate,
    dueDate,
    paymentTerms,
    net30,
    billTo,
    taxId,
    amountPaid,
    amountDue,
    instructions,
    storageSubtotal,
    customerId,
  ] = words;
  const rate = new Intl.NumberFormat(lang, { maximumFractionDigits: 10 }).format(5.4321);
  return {
    labels: {
      issueDate,
      dueDate,
      paymentTerms,
      billTo,
      amountPaid,
      amountDue,
      instructions,
      storageSubtotal,
    },
    issueDate: day(lang, '2026-11-03'),
    dueDate: day(lang, '2026-12-03'),
    net30,
    issuerTaxId: `${taxId}: 12.345.678/0001-90`,
    customerTaxId: `${taxId}: 98.765.432/0001-10`,
    customerId: `${customerId}: cus-7`,
    rate: `1 USD = ${rate} BRL (ECB, ${day(lang, '2026-10-31')})`,
    azureSubtotal: money(lang, 'BRL', '6722.22'),
    storageSubtotal: money(lang, 'BRL', '0.92'),
    subtotal: money(lang, 'BRL', '6723.14'),
    tax: money(lang, 'BRL', '672.27'),
    total: money(lang, 'BRL', '7395.41'),
    paid: money(lang, 'BRL', '5432.10'),
    due: money(lang, 'BRL', '1963.31'),
    egressUnitPrice: money(lang, 'BRL', '0.000668', 6),
  };
}

/** A real PNG, drawn here: `width` × `height` pixels of a blue bar. */
export async function pngLogo(width = 60, height = 20): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#0b57d0';
  ctx.fillRect(0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png'),
  );
}
