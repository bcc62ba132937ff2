/**
 * How the lazy parts of a generated invoice derive from its recipe (seed + line count): the
 * line stream (catalogue, prices, taxes), the monthly currency rates, and the status history.
 * The same recipe always derives the same parts, byte for byte. No Lit.
 */
import type { CurrencyCode, LineItem, StatusChange, YearMonth } from '../../core/types.js';
import { currencyDigits } from '../../core/money.js';
import { parseYearMonth } from '../../core/period.js';
import { Random, hashSeed } from './random.js';
import type { InvoiceRecipe, InvoiceRecord } from './records.js';
import { OPERATORS } from './words.js';

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
export function monthlyRate(from: CurrencyCode, to: CurrencyCode, month: YearMonth): number {
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

type Kind = 'seat' | 'hours' | 'gb' | 'units' | 'requests';
interface CatalogItem {
  sku: string;
  group: string;
  description: string;
  kind: Kind;
  /** Unit price in US cents (fractional for metered usage priced below a cent). */
  usdCents: number;
  /**
   * Metered usage: the unit price has this many decimals in major units (`unitPriceDecimal`),
   * and the amount is computed from it, not from the price rounded to the minor unit.
   */
  places?: number;
}

const item = (
  sku: string,
  group: string,
  description: string,
  kind: Kind,
  usdCents: number,
  places?: number,
): CatalogItem => ({
  sku,
  group,
  description,
  kind,
  usdCents,
  ...(places !== undefined && { places }),
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
    item('DZH317F1HKN0', 'Azure Storage', 'Blob Storage, Hot LRS (GB-month)', 'gb', 1.84, 4),
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
    item('S3-STD-GBMO', 'Amazon S3', 'S3 Standard storage (GB-month)', 'gb', 2.3, 4),
    item('S3-REQ-TIER1', 'Amazon S3', 'PUT, COPY, POST, LIST requests', 'requests', 0.0005, 6),
    item('RDS-PG-M6G-MAZ', 'Amazon RDS', 'PostgreSQL db.m6g.large Multi-AZ (hours)', 'hours', 32),
    item('LAMBDA-GBS', 'AWS Lambda', 'Compute (per 1,000 GB-seconds)', 'units', 1.6667, 6),
    item('CF-DTO-SA', 'Amazon CloudFront', 'Data transfer out — South America (GB)', 'gb', 11, 4),
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
    item('GCS-STD-GBMO', 'Cloud Storage', 'Standard storage (GB-month)', 'gb', 2, 4),
    item('BQ-ANALYSIS-TIB', 'BigQuery', 'Analysis (per TiB scanned)', 'units', 625),
    item('CSQL-PG-HA-2', 'Cloud SQL', 'PostgreSQL HA, 2 vCPU (hours)', 'hours', 21),
    item('RUN-VCPU-100K', 'Cloud Run', 'vCPU-seconds (per 100,000)', 'units', 240),
  ],
};
const GENERIC_CATALOG: readonly CatalogItem[] = [
  item('SUB-STD', 'Subscription', 'Standard subscription — per user', 'seat', 1500),
  item('USAGE-COMPUTE', 'Compute', 'Compute (hours)', 'hours', 12),
  item('USAGE-STORAGE', 'Storage', 'Storage (GB-month)', 'gb', 3, 4),
  item('USAGE-API', 'API', 'API requests', 'requests', 0.0123, 6),
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
    case 'requests':
      return r.int(100, 50_000) * 100;
  }
}

/** `k` units of 10^-`places` as a plain decimal string with exactly `places` decimals. */
function decimalOf(k: number, places: number): string {
  const digits = String(k).padStart(places + 1, '0');
  return `${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

/**
 * A line's unit price and amount in minor units. Metered items (`places`) carry the price with
 * its decimals (`"0.0230"`); the rounded unit price is that price to the minor unit, and the
 * amount is round(quantity × decimal price), from the decimal price, not from the rounded one.
 * Either way the price draws one number from `r` (so the stream is the same for both). `k`: the
 * metered price in units of 10^-places (see {@link decimalOf}).
 */
function priceLine(
  it: CatalogItem,
  quantity: number,
  currency: CurrencyCode,
  r: Random,
): { unit: number; amount: number; k: number } {
  const wobble = 0.95 + r.next() * 0.1;
  const minorPerMajor = 10 ** currencyDigits(currency);
  if (it.places === undefined) {
    // The minor units per US cent first, as before metered prices (the same data, bit for bit).
    const scale = usdRate(currency) * 10 ** (currencyDigits(currency) - 2);
    const unit = Math.max(1, Math.round(it.usdCents * scale * wobble));
    return { unit, amount: Math.round(quantity * unit), k: 0 };
  }
  const k = Math.max(
    1,
    Math.round(it.usdCents * 10 ** (it.places - 2) * usdRate(currency) * wobble),
  );
  // k / 10^places is the double nearest the decimal, as Number(decimalOf(k, places)) is: the
  // string is only made for a materialised line.
  const price = k / 10 ** it.places;
  return {
    unit: Math.round(price * minorPerMajor),
    amount: Math.round(quantity * price * minorPerMajor),
    k,
  };
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
  const defaultRate = TAX_RATES[currency] ?? 0.1;
  const lines: LineItem[] = [];
  let subtotal = 0;
  let taxTotal = 0;
  for (let i = 0; i < recipe.lines; i++) {
    const it = catalog[Math.floor(r.next() * catalog.length)] as CatalogItem;
    const quantity = quantityFor(it.kind, r);
    const { unit, amount, k } = priceLine(it, quantity, currency, r);
    const taxRate = it.sku === 'SUPPORT-BIZ' ? 0 : defaultRate;
    const tax = Math.round(amount * taxRate);
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
        ...(it.places !== undefined && { unitPriceDecimal: decimalOf(k, it.places) }),
        taxRate,
      });
    }
  }
  return { lines, subtotal, taxTotal };
}

// ---------------------------------------------------------------------------------------------
// Time and history

const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** The status history a generated invoice had when generated, consistent with its status. */
export function deriveHistory(record: InvoiceRecord): StatusChange[] {
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
