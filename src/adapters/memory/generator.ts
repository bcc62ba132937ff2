/**
 * A deterministic, seeded generator of realistic-looking invoice data for the memory adapter
 * (demos, stories, tests, benchmarks). Same options → same data, byte for byte.
 *
 * Summaries are generated eagerly; line items, the status history and the currency rates of a
 * generated invoice are derived on demand from its recipe (seed + line count), so 100,000
 * invoices stay cheap in memory and time. Totals are computed from the very same line stream,
 * so `total = subtotal + taxTotal` and `subtotal = Σ line amounts` hold exactly.
 */
import type {
  BillingPeriod,
  CloudProvider,
  CurrencyCode,
  CurrencyRate,
  Customer,
  CustomField,
  DownloadFormat,
  Invoice,
  InvoiceSummary,
  LineItem,
  ReceivedStatus,
  StatusChange,
  YearMonth,
} from '../../core/types.js';
import type { InvoiceStatus } from '../../core/types.js';
import { currencyDigits } from '../../core/money.js';
import { addMonths, parseYearMonth } from '../../core/period.js';
import { allowedTargets } from '../../core/status.js';
import { KNOWN_PROVIDERS } from '../../core/downloads.js';
import { Random, hashSeed } from './random.js';

export interface GeneratorOptions {
  /** Seed of every random choice. Default 1. */
  seed?: number;
  /** Number of customers. Default 40. With `invoiceCount`, more are added as needed. */
  customers?: number;
  /** Number of billing months, ending at `endMonth`. Default 14. */
  months?: number;
  /** Last billing month generated. Default `2026-10`. */
  endMonth?: YearMonth;
  /** When set, exactly this many invoices (customers are added or left out to get there). */
  invoiceCount?: number;
  /** When set, one invoice (see {@link GeneratedData.longInvoiceId}) gets this many lines. */
  longInvoiceLines?: number;
}

export type ResolvedGeneratorOptions = Required<
  Omit<GeneratorOptions, 'invoiceCount' | 'longInvoiceLines'>
> &
  Pick<GeneratorOptions, 'invoiceCount' | 'longInvoiceLines'>;

/** How a generated invoice derives its lazy parts. Plain JSON. */
export interface InvoiceRecipe {
  seed: number;
  /** Number of line items. */
  lines: number;
  /** Display currencies of the customer (rates derived per month). */
  display: CurrencyCode[];
  /** Custom fields of the customer's account. */
  fields: CustomField[];
}

/**
 * What the memory store keeps per invoice. Explicit `lines`, `history`, `currencies` and
 * `customFields` win; when absent they are derived from `recipe` (or empty). Plain JSON.
 */
export interface InvoiceRecord {
  id: string;
  documentId: string;
  customer: Customer;
  provider: CloudProvider;
  period: BillingPeriod;
  status: ReceivedStatus;
  version: string;
  generatedAt: string;
  dueDate?: string;
  currency: CurrencyCode;
  /** Minor units of the invoice currency. */
  subtotal: number;
  taxTotal: number;
  total: number;
  /** Raw per-invoice targets the backend announces (narrow/widen); normalised on the way out. */
  allowedTargets?: string[];
  downloadFormats?: DownloadFormat[];
  lines?: LineItem[];
  history?: StatusChange[];
  currencies?: CurrencyRate[];
  customFields?: CustomField[];
  recipe?: InvoiceRecipe;
}

export interface GeneratedData {
  options: ResolvedGeneratorOptions;
  customers: Customer[];
  invoices: InvoiceRecord[];
  /** The invoice given `longInvoiceLines` lines, when that option was set. */
  longInvoiceId?: string;
}

export const PROVIDERS: readonly CloudProvider[] = KNOWN_PROVIDERS;

// ---------------------------------------------------------------------------------------------
// Word lists

type Region = 'en' | 'pt' | 'es' | 'de' | 'jp' | 'bh';

const FIRST: Record<'en' | 'pt' | 'es', readonly string[]> = {
  en: [
    'Aurora',
    'Nimbus',
    'Cobalt',
    'Solaris',
    'Quasar',
    'Helix',
    'Orion',
    'Lumen',
    'Vertex',
    'Boreal',
    'Atlas',
    'Pioneer',
    'Summit',
    'Harbor',
    'Meridian',
    'Keystone',
    'Evergreen',
    'Bluefin',
    'Redwood',
    'Granite',
    'Northwind',
    'Silverline',
  ],
  pt: [
    'Águia',
    'Ipê',
    'Jacarandá',
    'Cerrado',
    'Araucária',
    'Paraná',
    'Mirante',
    'Atlântico',
    'Estrela',
    'Pinheiro',
    'São Jorge',
    'Piracicaba',
    'Alvorada',
    'Horizonte',
    'Maré',
    'Tucano',
    'Serra Azul',
    'Pantanal',
    'Conceição',
    'Itaúna',
  ],
  es: [
    'Montaña',
    'Cumbre',
    'Ibérica',
    'Andes',
    'Castilla',
    'Peñalara',
    'Sierra',
    'Río Claro',
    'Brújula',
    'Azahar',
    'Olivo',
    'Cañada',
    'Marea',
    'Faro',
    'León',
    'Añil',
    'Mediterránea',
    'Pampa',
    'Nevada',
    'Logroño',
  ],
};

const SECOND: Record<'en' | 'pt' | 'es', readonly string[]> = {
  en: [
    'Systems',
    'Analytics',
    'Logistics',
    'Software',
    'Networks',
    'Labs',
    'Dynamics',
    'Health',
    'Foods',
    'Capital',
    'Robotics',
    'Media',
    'Energy',
    'Retail',
    'Consulting',
  ],
  pt: [
    'Tecnologia',
    'Sistemas',
    'Logística',
    'Consultoria',
    'Serviços',
    'Comércio',
    'Alimentos',
    'Engenharia',
    'Saúde',
    'Informática',
    'Transportes',
    'Soluções',
  ],
  es: [
    'Soluciones',
    'Datos',
    'Ingeniería',
    'Sistemas',
    'Consultores',
    'Logística',
    'Tecnología',
    'Servicios',
    'Energía',
    'Alimentación',
  ],
};

const QUALIFIER: Record<'en' | 'pt' | 'es', readonly string[]> = {
  en: ['Group', 'Holdings', 'International', 'Partners', 'Worldwide'],
  pt: ['do Brasil', 'Participações', 'Nordeste', 'do Sul', 'Paulista'],
  es: ['del Sur', 'Iberia', 'del Norte', 'Global', 'Andina'],
};

const LEGAL: Record<Region, readonly string[]> = {
  en: ['Inc.', 'LLC', 'Corp.', 'Ltd.'],
  pt: ['Ltda.', 'S.A.', 'ME', 'EIRELI'],
  es: ['S.L.', 'S.A.', 'S.A. de C.V.', 'SpA'],
  de: ['GmbH', 'AG'],
  jp: ['K.K.', 'Co., Ltd.'],
  bh: ['W.L.L.', 'B.S.C.'],
};

const MAILBOX: Record<'en' | 'pt' | 'es', readonly string[]> = {
  en: ['billing', 'ap', 'accounts.payable', 'finance'],
  pt: ['financeiro', 'contas.pagar', 'faturamento'],
  es: ['facturacion', 'cuentas', 'finanzas'],
};

const TLD: Record<Region, string> = {
  en: 'com',
  pt: 'com.br',
  es: 'es',
  de: 'de',
  jp: 'co.jp',
  bh: 'com.bh',
};

const OPERATORS = [
  'Ana Souza',
  'João Pereira',
  'María García',
  'Lucía Fernández',
  'Chris Walker',
  'billing-automation',
];

const FIELD_SETS: Record<
  'en' | 'pt',
  readonly (readonly [string, string, (r: Random) => string])[]
> = {
  en: [
    [
      'po-number',
      'PO number',
      (r) => `PO-${r.int(2024, 2026)}-${String(r.int(1, 9999)).padStart(4, '0')}`,
    ],
    [
      'cost-centre',
      'Cost centre',
      (r) =>
        `CC-${r.int(100, 999)} ${r.pick(['Engineering', 'Finance', 'Marketing', 'Operations', 'R&D'])}`,
    ],
    ['contract', 'Contract', (r) => `MSA-${r.int(2019, 2026)}-${r.int(1, 99)}`],
    [
      'project',
      'Project code',
      (r) => `PRJ-${r.pick(['ALFA', 'ORION', 'ATLAS', 'DELTA', 'NOVA'])}`,
    ],
  ],
  pt: [
    ['po-number', 'Pedido de compra', (r) => `PC ${r.int(10000, 99999)}/${r.int(2024, 2026)}`],
    [
      'cost-centre',
      'Centro de custo',
      (r) => `${r.int(1000, 9999)} – ${r.pick(['TI', 'Financeiro', 'Comercial', 'Operações'])}`,
    ],
    [
      'contract',
      'Contrato',
      (r) => `CT-${r.int(2019, 2026)}/${String(r.int(1, 999)).padStart(3, '0')}`,
    ],
    [
      'cnpj',
      'CNPJ',
      (r) => `${r.int(10, 99)}.${r.int(100, 999)}.${r.int(100, 999)}/0001-${r.int(10, 99)}`,
    ],
  ],
};

// ---------------------------------------------------------------------------------------------
// Money

/** Units of a currency per 1 USD (rough, late 2026 in our fiction). */
const USD_RATES: Readonly<Record<string, number>> = {
  USD: 1,
  BRL: 5.42,
  EUR: 0.921,
  GBP: 0.788,
  JPY: 149.8,
  MXN: 18.35,
  BHD: 0.376,
};
const DISPLAY_CANDIDATES: readonly CurrencyCode[] = ['USD', 'BRL', 'EUR', 'GBP', 'JPY', 'MXN'];
const TAX_RATES: Readonly<Record<string, number>> = {
  USD: 0.07,
  BRL: 0.1425,
  EUR: 0.21,
  JPY: 0.1,
  BHD: 0.1,
};

function usdRate(code: CurrencyCode): number {
  return USD_RATES[code] ?? 1;
}

/** The rate of `to` per 1 `from` for a month (a small deterministic wobble around the base). */
function monthlyRate(from: CurrencyCode, to: CurrencyCode, month: YearMonth): number {
  const { year, month: m } = parseYearMonth(month);
  const wobble = (code: CurrencyCode): number =>
    1 +
    ((hashSeed(code.charCodeAt(0), code.charCodeAt(1), code.charCodeAt(2), year, m) % 6001) -
      3000) /
      100_000;
  const rate = (usdRate(to) * wobble(to)) / (usdRate(from) * wobble(from));
  return Number(rate.toPrecision(6));
}

// ---------------------------------------------------------------------------------------------
// Catalogue

type Kind = 'seat' | 'hours' | 'gb' | 'units';
interface CatalogItem {
  sku: string;
  group: string;
  description: string;
  kind: Kind;
  /** Unit price in US cents. */
  usdCents: number;
}

const item = (
  sku: string,
  group: string,
  description: string,
  kind: Kind,
  usdCents: number,
): CatalogItem => ({
  sku,
  group,
  description,
  kind,
  usdCents,
});

const CATALOG: Readonly<Record<string, readonly CatalogItem[]>> = {
  microsoft: [
    item(
      'CFQ7TTC0LFLX',
      'Microsoft 365 E3',
      'Microsoft 365 E3 — annual commitment, monthly billing',
      'seat',
      3600,
    ),
    item(
      'CFQ7TTC0LCHC',
      'Microsoft 365 Business Premium',
      'Microsoft 365 Business Premium — monthly',
      'seat',
      2200,
    ),
    item('CFQ7TTC0J1FV', 'Teams Phone Standard', 'Teams Phone Standard — per user', 'seat', 800),
    item('DZH318Z0BQ3Q', 'Azure Virtual Machines', 'D4s v5 — Brazil South (hours)', 'hours', 19),
    item('DZH318Z0BXWC', 'Azure Virtual Machines', 'B2ms — East US 2 (hours)', 'hours', 8),
    item('DZH317F1HKN0', 'Azure Storage', 'Blob Storage, Hot LRS (GB-month)', 'gb', 2),
    item('DZH318Z0BQPS', 'Azure SQL Database', 'General Purpose, 2 vCores (hours)', 'hours', 50),
    item(
      'CFQ7TTC0LHSF',
      'Microsoft Defender for Endpoint',
      'Defender for Endpoint P2 — per user',
      'seat',
      520,
    ),
    item(
      'CFQ7TTC0LH2H',
      'Dynamics 365 Sales',
      'Dynamics 365 Sales Enterprise — per user',
      'seat',
      9500,
    ),
  ],
  aws: [
    item(
      'EC2-M6I-LARGE',
      'Amazon EC2',
      'm6i.large On-Demand Linux — us-east-1 (hours)',
      'hours',
      10,
    ),
    item(
      'EC2-C7G-XLARGE',
      'Amazon EC2',
      'c7g.xlarge On-Demand Linux — sa-east-1 (hours)',
      'hours',
      22,
    ),
    item('S3-STD-GBMO', 'Amazon S3', 'S3 Standard storage (GB-month)', 'gb', 2),
    item('S3-REQ-TIER1', 'Amazon S3', 'PUT, COPY, POST, LIST requests (per 1,000)', 'units', 1),
    item('RDS-PG-M6G-MAZ', 'Amazon RDS', 'PostgreSQL db.m6g.large Multi-AZ (hours)', 'hours', 32),
    item('LAMBDA-GBS', 'AWS Lambda', 'Compute (per 1,000 GB-seconds)', 'units', 2),
    item('CF-DTO-SA', 'Amazon CloudFront', 'Data transfer out — South America (GB)', 'gb', 11),
    item('SUPPORT-BIZ', 'AWS Support', 'Business Support plan', 'seat', 10000),
  ],
  google: [
    item(
      'GWS-BSTD-FLEX',
      'Google Workspace',
      'Business Standard — flexible plan (per user)',
      'seat',
      1400,
    ),
    item(
      'GWS-BPLUS-ANN',
      'Google Workspace',
      'Business Plus — annual plan (per user)',
      'seat',
      2200,
    ),
    item(
      'GCE-N2-STD-4',
      'Compute Engine',
      'N2 standard, 4 vCPU — southamerica-east1 (hours)',
      'hours',
      25,
    ),
    item('GCS-STD-GBMO', 'Cloud Storage', 'Standard storage (GB-month)', 'gb', 2),
    item('BQ-ANALYSIS-TIB', 'BigQuery', 'Analysis (per TiB scanned)', 'units', 625),
    item('CSQL-PG-HA-2', 'Cloud SQL', 'PostgreSQL HA, 2 vCPU (hours)', 'hours', 21),
    item('RUN-VCPU-100K', 'Cloud Run', 'vCPU-seconds (per 100,000)', 'units', 240),
  ],
};
const GENERIC_CATALOG: readonly CatalogItem[] = [
  item('SUB-STD', 'Subscription', 'Standard subscription — per user', 'seat', 1500),
  item('USAGE-COMPUTE', 'Compute', 'Compute (hours)', 'hours', 12),
  item('USAGE-STORAGE', 'Storage', 'Storage (GB-month)', 'gb', 3),
];

function quantityFor(kind: Kind, r: Random): number {
  switch (kind) {
    case 'seat':
      return 1 + Math.floor(r.next() ** 2 * 250);
    case 'hours':
      return r.int(2400, 74400) / 100;
    case 'gb':
      return r.int(1000, 5_000_000) / 1000;
    case 'units':
      return r.int(100, 50_000) / 100;
  }
}

/**
 * The line stream of an invoice. Both modes consume the random stream identically, so the
 * totals computed eagerly (`materialize` false) always equal the sums of the lazy lines.
 */
export function computeLines(
  recipe: Pick<InvoiceRecipe, 'seed' | 'lines'>,
  invoiceId: string,
  currency: CurrencyCode,
  providerId: string,
  materialize: boolean,
): { lines: LineItem[]; subtotal: number; taxTotal: number } {
  const r = new Random(recipe.seed);
  const catalog = CATALOG[providerId] ?? GENERIC_CATALOG;
  const scale = usdRate(currency) * 10 ** (currencyDigits(currency) - 2);
  const taxRate = TAX_RATES[currency] ?? 0.1;
  const lines: LineItem[] = [];
  let subtotal = 0;
  let taxTotal = 0;
  for (let i = 0; i < recipe.lines; i++) {
    const it = catalog[Math.floor(r.next() * catalog.length)] as CatalogItem;
    const quantity = quantityFor(it.kind, r);
    const unit = Math.max(1, Math.round(it.usdCents * scale * (0.95 + r.next() * 0.1)));
    const amount = Math.round(quantity * unit);
    const tax = it.sku === 'SUPPORT-BIZ' ? 0 : Math.round(amount * taxRate);
    subtotal += amount;
    taxTotal += tax;
    if (materialize) {
      lines.push({
        id: `${invoiceId}-L${i + 1}`,
        sku: it.sku,
        description: it.description,
        group: it.group,
        quantity,
        unitPrice: { minor: unit, currency },
        amount: { minor: amount, currency },
        tax: { minor: tax, currency },
      });
    }
  }
  return { lines, subtotal, taxTotal };
}

// ---------------------------------------------------------------------------------------------
// Derived parts

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** The status history a generated invoice had when generated, consistent with its status. */
function deriveHistory(record: InvoiceRecord): StatusChange[] {
  if (!record.recipe || record.status === 'DRAFT') return [];
  const status = record.status;
  if (status !== 'OPEN' && status !== 'CLOSED' && status !== 'VOID') return [];
  const r = new Random(hashSeed(record.recipe.seed, 99));
  const generated = Date.parse(record.generatedAt);
  const openedAt = generated + r.int(2 * 3600, 6 * 86400) * 1000;
  const history: StatusChange[] = [
    {
      from: 'DRAFT',
      to: 'OPEN',
      at: iso(openedAt),
      by: r.pick(OPERATORS),
      notified: r.chance(0.85),
    },
  ];
  if (status === 'CLOSED') {
    const at = openedAt + r.int(10 * 86400, 45 * 86400) * 1000;
    history.push({
      from: 'OPEN',
      to: 'CLOSED',
      at: iso(at),
      by: r.pick(OPERATORS),
      notified: r.chance(0.5),
    });
  } else if (status === 'VOID') {
    const at = openedAt + r.int(1 * 86400, 20 * 86400) * 1000;
    history.push({
      from: 'OPEN',
      to: 'VOID',
      at: iso(at),
      by: r.pick(OPERATORS),
      notified: r.chance(0.7),
    });
  }
  return history;
}

export function historyOf(record: InvoiceRecord): StatusChange[] {
  return record.history ? structuredClone(record.history) : deriveHistory(record);
}

function currenciesOf(record: InvoiceRecord): CurrencyRate[] {
  if (record.currencies) return structuredClone(record.currencies);
  if (!record.recipe) return [];
  const date = record.generatedAt.slice(0, 10);
  const source = record.currency === 'BRL' ? 'BCB' : 'ECB';
  return record.recipe.display.map((currency) => ({
    currency,
    rate: monthlyRate(record.currency, currency, record.period.to),
    date,
    source,
  }));
}

export function linesOf(record: InvoiceRecord): LineItem[] {
  if (record.lines) return structuredClone(record.lines);
  if (!record.recipe) return [];
  return computeLines(record.recipe, record.id, record.currency, record.provider.id, true).lines;
}

/** A fresh summary (no shared objects). */
export function toSummary(record: InvoiceRecord): InvoiceSummary {
  return {
    id: record.id,
    documentId: record.documentId,
    customer: { ...record.customer },
    provider: { ...record.provider },
    period: { ...record.period },
    status: record.status,
    total: { minor: record.total, currency: record.currency },
    generatedAt: record.generatedAt,
    version: record.version,
  };
}

/** A fresh, whole invoice (no shared objects), lazy parts materialised. */
export function toInvoice(record: InvoiceRecord): Invoice {
  const invoice: Invoice = {
    ...toSummary(record),
    currency: record.currency,
    lines: linesOf(record),
    subtotal: { minor: record.subtotal, currency: record.currency },
    taxTotal: { minor: record.taxTotal, currency: record.currency },
    currencies: currenciesOf(record),
    customFields: structuredClone(record.customFields ?? record.recipe?.fields ?? []),
    history: historyOf(record),
  };
  if (record.dueDate !== undefined) invoice.dueDate = record.dueDate;
  else if (record.recipe)
    invoice.dueDate = iso(Date.parse(record.generatedAt) + 30 * DAY).slice(0, 10);
  if (record.allowedTargets) {
    invoice.allowedTargets = allowedTargets(record.status, record.allowedTargets);
  }
  if (record.downloadFormats) invoice.downloadFormats = [...record.downloadFormats];
  return invoice;
}

/** A store record holding an exact fixture invoice (deep-copied, everything explicit). */
export function recordFromInvoice(invoice: Invoice): InvoiceRecord {
  const copy = structuredClone(invoice);
  const record: InvoiceRecord = {
    id: copy.id,
    documentId: copy.documentId,
    customer: copy.customer,
    provider: copy.provider,
    period: copy.period,
    status: copy.status,
    version: copy.version,
    generatedAt: copy.generatedAt,
    currency: copy.currency,
    subtotal: copy.subtotal.minor,
    taxTotal: copy.taxTotal.minor,
    total: copy.total.minor,
    lines: copy.lines,
    history: copy.history,
    currencies: copy.currencies,
    customFields: copy.customFields,
  };
  if (copy.dueDate !== undefined) record.dueDate = copy.dueDate;
  if (copy.allowedTargets) record.allowedTargets = copy.allowedTargets;
  if (copy.downloadFormats) record.downloadFormats = copy.downloadFormats;
  return record;
}

// ---------------------------------------------------------------------------------------------
// Generation

export const DEFAULT_GENERATOR_OPTIONS: ResolvedGeneratorOptions = {
  seed: 1,
  customers: 40,
  months: 14,
  endMonth: '2026-10',
};

export function resolveGeneratorOptions(options: GeneratorOptions = {}): ResolvedGeneratorOptions {
  const resolved: ResolvedGeneratorOptions = {
    seed: options.seed ?? DEFAULT_GENERATOR_OPTIONS.seed,
    customers: options.customers ?? DEFAULT_GENERATOR_OPTIONS.customers,
    months: options.months ?? DEFAULT_GENERATOR_OPTIONS.months,
    endMonth: options.endMonth ?? DEFAULT_GENERATOR_OPTIONS.endMonth,
  };
  parseYearMonth(resolved.endMonth);
  if (!(resolved.months >= 1)) throw new RangeError('months must be at least 1.');
  if (options.invoiceCount !== undefined) resolved.invoiceCount = options.invoiceCount;
  if (options.longInvoiceLines !== undefined) resolved.longInvoiceLines = options.longInvoiceLines;
  return resolved;
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

interface CustomerProfile {
  customer: Customer;
  currency: CurrencyCode;
  providers: number[];
  firstMonth: number;
  display: CurrencyCode[];
  fields: CustomField[];
}

function makeCustomer(seed: number, index: number, taken: Set<string>): CustomerProfile {
  const r = new Random(hashSeed(seed, 1, index));
  const currency = r.weighted<CurrencyCode>([
    ['USD', 70],
    ['BRL', 12],
    ['EUR', 8],
    ['JPY', 5],
    ['BHD', 5],
  ]);
  let region: Region;
  let words: 'en' | 'pt' | 'es';
  switch (currency) {
    case 'BRL':
      region = words = 'pt';
      break;
    case 'EUR':
      region = r.chance(0.7) ? 'es' : 'de';
      words = region === 'es' ? 'es' : 'en';
      break;
    case 'JPY':
      region = 'jp';
      words = 'en';
      break;
    case 'BHD':
      region = 'bh';
      words = 'en';
      break;
    default:
      words = r.weighted<'en' | 'pt' | 'es'>([
        ['en', 70],
        ['pt', 15],
        ['es', 15],
      ]);
      region = words;
  }
  const first = r.pick(FIRST[words]);
  const second = r.pick(SECOND[words]);
  const legal = r.pick(LEGAL[region]);
  let name = `${first} ${second} ${legal}`;
  if (taken.has(name)) name = `${first} ${second} ${r.pick(QUALIFIER[words])} ${legal}`;
  for (let n = 2; taken.has(name); n++) name = `${first} ${second} ${n} ${legal}`;
  taken.add(name);

  const customer: Customer = { id: `CUS-${String(index + 1).padStart(5, '0')}`, name };
  if (r.chance(0.88)) {
    customer.email = `${r.pick(MAILBOX[words])}@${fold(`${first} ${second}`)}.${TLD[region]}`;
  }
  const providerCount = r.weighted([
    [1, 10],
    [2, 55],
    [3, 35],
  ]);
  const providers = r.sample([0, 1, 2], providerCount).sort((a, b) => a - b);
  const display = r.sample(
    DISPLAY_CANDIDATES.filter((c) => c !== currency),
    r.int(2, 4),
  );
  const fields: CustomField[] = [];
  if (r.chance(0.34)) {
    const set = FIELD_SETS[words === 'pt' ? 'pt' : 'en'];
    for (const [key, label, value] of r.sample(set, r.int(1, 3))) {
      fields.push({ key, label, value: value(r) });
    }
  }
  const firstMonth = r.chance(0.8) ? 0 : -1; // -1: joined later, decided per month count below
  return { customer, currency, providers, firstMonth, display, fields };
}

/** Status weights by age in months (0 = the latest month): drafts only in the latest two. */
const STATUS_WEIGHTS: readonly (readonly (readonly [InvoiceStatus, number])[])[] = [
  [
    ['DRAFT', 60],
    ['OPEN', 35],
    ['VOID', 5],
  ],
  [
    ['DRAFT', 15],
    ['OPEN', 70],
    ['CLOSED', 10],
    ['VOID', 5],
  ],
  [
    ['OPEN', 45],
    ['CLOSED', 48],
    ['VOID', 7],
  ],
  [
    ['OPEN', 8],
    ['CLOSED', 85],
    ['VOID', 7],
  ],
];

function statusFor(age: number, r: Random): InvoiceStatus {
  const table = age <= 1 ? age : age <= 3 ? 2 : 3;
  return r.weighted(STATUS_WEIGHTS[table] as (typeof STATUS_WEIGHTS)[number]);
}

interface Draft {
  customer: number;
  provider: number;
  month: YearMonth;
  /** Year of generation (the document ID's year). */
  year: number;
  period: BillingPeriod;
  status: InvoiceStatus;
  generatedMs: number;
  generatedAt: string;
  recipe: InvoiceRecipe;
  currency: CurrencyCode;
}

/** Generates a whole data set. Deterministic for the same options. */
export function generateData(options: GeneratorOptions = {}): GeneratedData {
  const opts = resolveGeneratorOptions(options);
  const { seed, months, endMonth } = opts;
  const target = opts.invoiceCount;
  const monthList: YearMonth[] = [];
  for (let m = 0; m < months; m++) monthList.push(addMonths(endMonth, m - (months - 1)));
  // Each month's invoices are generated in the following month (`prefix` = its YYYY-MM).
  const calendar = monthList.map((month) => {
    const prefix = addMonths(month, 1);
    const next = parseYearMonth(prefix);
    return { month, year: next.year, nextMonth: next.month, prefix };
  });
  // Records share one period object per month (records are never mutated in place).
  const periods: BillingPeriod[] = monthList.map((m) => ({ from: m, to: m }));

  const customers: Customer[] = [];
  const drafts: Draft[] = [];
  const taken = new Set<string>();
  for (let c = 0; target === undefined ? c < opts.customers : drafts.length < target; c++) {
    const profile = makeCustomer(seed, c, taken);
    const startRandom = new Random(hashSeed(seed, 4, c));
    const firstMonth = profile.firstMonth === 0 || months < 3 ? 0 : startRandom.int(1, months - 2);
    const mine: Draft[] = [];
    for (let m = firstMonth; m < months; m++) {
      const { month, year, nextMonth, prefix } = calendar[m] as (typeof calendar)[number];
      for (const p of profile.providers) {
        const r = new Random(hashSeed(seed, 2, c, m, p));
        const status = statusFor(months - 1 - m, r);
        // Generated in the first days of the following month.
        const day = r.int(1, 3);
        const h = r.int(6, 20);
        const min = r.int(0, 59);
        const sec = r.int(0, 59);
        const generatedMs = Date.UTC(year, nextMonth - 1, day, h, min, sec);
        const generatedAt = `${prefix}-0${day}T${two(h)}:${two(min)}:${two(sec)}Z`;
        const u = r.next();
        const lines = 3 + Math.floor(u * u * 38);
        mine.push({
          customer: c,
          provider: p,
          month,
          year,
          period: periods[m] as BillingPeriod,
          status,
          generatedMs,
          generatedAt,
          currency: profile.currency,
          recipe: {
            seed: hashSeed(seed, 3, c, m, p),
            lines,
            display: profile.display,
            fields: profile.fields,
          },
        });
      }
    }
    const room = target === undefined ? mine.length : target - drafts.length;
    // When trimming to an exact count, keep the customer's most recent documents.
    for (const d of mine.slice(Math.max(0, mine.length - room))) drafts.push(d);
    customers.push(profile.customer);
  }

  drafts.sort(
    (a, b) => a.generatedMs - b.generatedMs || a.customer - b.customer || a.provider - b.provider,
  );

  const sequence = new Map<number, number>();
  const invoices: InvoiceRecord[] = new Array<InvoiceRecord>(drafts.length);
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i] as Draft;
    const year = d.year;
    const n = (sequence.get(year) ?? 0) + 1;
    sequence.set(year, n);
    const id = `inv_${(Math.imul(i + 1, 0x9e3779b1) >>> 0).toString(16).padStart(8, '0')}`;
    const provider = PROVIDERS[d.provider] as CloudProvider;
    const totals = computeLines(d.recipe, id, d.currency, provider.id, false);
    invoices[i] = {
      id,
      documentId: `INV-${year}-${String(n).padStart(6, '0')}`,
      customer: customers[d.customer] as Customer,
      provider,
      period: d.period,
      status: d.status,
      version: 'v1',
      generatedAt: d.generatedAt,
      currency: d.currency,
      subtotal: totals.subtotal,
      taxTotal: totals.taxTotal,
      total: totals.subtotal + totals.taxTotal,
      recipe: d.recipe,
    };
  }

  const data: GeneratedData = { options: opts, customers, invoices };
  if (opts.longInvoiceLines !== undefined && invoices.length > 0) {
    // The most recent published invoice of the first customer (or the very last invoice).
    let index = invoices.length - 1;
    for (let i = invoices.length - 1; i >= 0; i--) {
      const inv = invoices[i] as InvoiceRecord;
      if (inv.customer === customers[0] && inv.status === 'OPEN') {
        index = i;
        break;
      }
    }
    const long = invoices[index] as InvoiceRecord;
    const recipe: InvoiceRecipe = {
      ...(long.recipe as InvoiceRecipe),
      lines: opts.longInvoiceLines,
    };
    const totals = computeLines(recipe, long.id, long.currency, long.provider.id, false);
    invoices[index] = {
      ...long,
      recipe,
      subtotal: totals.subtotal,
      taxTotal: totals.taxTotal,
      total: totals.subtotal + totals.taxTotal,
    };
    data.longInvoiceId = long.id;
  }
  return data;
}
