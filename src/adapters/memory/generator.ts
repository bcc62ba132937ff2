/**
 * A deterministic, seeded generator of realistic-looking invoice data for the memory adapter
 * (demos, stories, tests, benchmarks). Same options → same data, byte for byte.
 *
 * Summaries are generated eagerly; line items, the status history and the currency rates of a
 * generated invoice are derived on demand from its recipe (seed + line count; see recipe.ts),
 * so 100,000 invoices stay cheap in memory and time. Totals are computed from the very same
 * line stream, so `total = subtotal + taxTotal` and `subtotal = Σ line amounts` hold exactly.
 * The records it makes are the store's model (records.ts); the names come from words.ts.
 */
import type {
  BillingPeriod,
  CloudProvider,
  CurrencyCode,
  Customer,
  CustomField,
  InvoiceStatus,
  Issuer,
  YearMonth,
} from '../../core/types.js';
import { addMonths, parseYearMonth } from '../../core/period.js';
import { KNOWN_PROVIDERS } from '../../core/downloads.js';
import { Random, hashSeed } from './random.js';
import { computeLines, two } from './recipe.js';
import type { InvoiceRecipe, InvoiceRecord } from './records.js';
import { FIELD_SETS, FIRST, LEGAL, MAILBOX, QUALIFIER, SECOND, TLD } from './words.js';
import type { Region } from './words.js';
import { INTERNATIONAL, addressIn, taxIdIn } from './places.js';
import type { Country, InternationalCountry } from './places.js';

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
  /**
   * Ids of the first customers, in order (the rest are `CUS-00001`…). The demo names the
   * README's example customer (`cus-1`) this way. Ids must be unique.
   */
  customerIds?: readonly string[];
}

type OptionalOption = 'invoiceCount' | 'longInvoiceLines' | 'customerIds';
export type ResolvedGeneratorOptions = Required<Omit<GeneratorOptions, OptionalOption>> &
  Pick<GeneratorOptions, OptionalOption>;

export interface GeneratedData {
  options: ResolvedGeneratorOptions;
  customers: Customer[];
  invoices: InvoiceRecord[];
  /** The invoice given `longInvoiceLines` lines, when that option was set. */
  longInvoiceId?: string;
}

export const PROVIDERS: readonly CloudProvider[] = KNOWN_PROVIDERS;

/**
 * Who issues the generated invoices unless the host says otherwise (`MemoryBackend`'s `issuer`):
 * a fictional reseller with an address and a tax ID, and no logo (a host gives its own). The
 * backend gives each invoice a copy.
 */
export const DEFAULT_ISSUER: Readonly<Issuer> = Object.freeze({
  name: 'Cumulus Cloud Solutions Ltda.',
  address: [
    'Avenida Brigadeiro Faria Lima, 3477 — 14º andar',
    'Itaim Bibi, São Paulo — SP',
    'CEP 04538-133',
    'Brasil',
  ],
  taxId: 'CNPJ 31.415.926/0001-53',
  email: 'billing@cumulus-cloud.example',
  phone: '+55 11 3040-5060',
  website: 'https://cumulus-cloud.example',
});

/** How the generated invoices say to pay, unless the host says otherwise. */
export const DEFAULT_PAYMENT_INSTRUCTIONS =
  'Bank transfer to Cumulus Cloud Solutions Ltda., Banco Exemplo (999), branch 0001, ' +
  'account 123456-7 (IBAN BR15 9990 0001 0000 0123 4567 C1), quoting the document ID.';

const DISPLAY_CANDIDATES: readonly CurrencyCode[] = ['USD', 'BRL', 'EUR', 'GBP', 'JPY', 'MXN'];

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
  if (options.customerIds !== undefined) {
    if (new Set(options.customerIds).size !== options.customerIds.length) {
      throw new RangeError('customerIds must be unique.');
    }
    resolved.customerIds = [...options.customerIds];
  }
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

function makeCustomer(
  seed: number,
  index: number,
  taken: Set<string>,
  id = `CUS-${String(index + 1).padStart(5, '0')}`,
): CustomerProfile {
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

  const customer: Customer = { id, name };
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
  placeCustomer(customer, seed, index, region, taken);
  return { customer, currency, providers, firstMonth, display, fields };
}

/**
 * Where a customer is (docs/ADAPTERS.md, "Invoice documents"): its billing address and tax ID,
 * drawn from a stream of their own, so every earlier draw (and so the rest of the data) stays
 * as it was. The country follows the region; some US-dollar and euro customers are in countries
 * whose names are written outside Latin-1 (Polish, Czech, Turkish, Greek, Bulgarian, Vietnamese)
 * and get a name in that script. The README's customer (the first) stays where it is.
 */
function placeCustomer(
  customer: Customer,
  seed: number,
  index: number,
  region: Region,
  taken: Set<string>,
): void {
  const r = new Random(hashSeed(seed, PLACE_STREAM, index));
  let country: Country = REGION_COUNTRY[region];
  if (customer.name.endsWith(' de C.V.')) country = 'MX';
  if (index > 0 && (region === 'en' || region === 'de') && r.chance(0.4)) {
    country = r.pick(region === 'de' ? ABROAD_FROM_DE : ABROAD_FROM_US);
    const name = country === 'DE' ? germanName(customer.name) : localName(customer, country, r);
    // The drawn name stays taken too, so the later customers draw exactly as before.
    let unique = name;
    for (let n = 2; taken.has(unique); n++) unique = `${name} (${n})`;
    taken.add(unique);
    customer.name = unique;
  }
  customer.address = addressIn(country, r);
  customer.taxId = taxIdIn(country, r);
}

/**
 * The salt of the customers' place stream (`hashSeed(seed, PLACE_STREAM, index)`), chosen so
 * the default data (seed 1, 40 customers: the demo's and the stories') has customers in every
 * country of {@link ABROAD_FROM_US} (test/adapters/memory-backend.test.ts checks it).
 */
const PLACE_STREAM = 19;

/** An English company name with a German legal form (`Aurora Dynamics GmbH`). */
function germanName(name: string): string {
  return name.replace(/ (Inc\.|LLC|Corp\.|Ltd\.)$/, ' GmbH');
}

/** A company name in the script of `country`; its e-mail, if any, on the matching domain. */
function localName(customer: Customer, country: InternationalCountry, r: Random): string {
  const words = INTERNATIONAL[country];
  const [first, slug] = r.pick(words.first);
  const rest = `${first} ${r.pick(words.second)}`;
  const legal = r.pick(words.legal);
  if (customer.email !== undefined) {
    customer.email = `${r.pick(MAILBOX.en)}@${slug}.${words.tld}`;
  }
  return words.legalFirst ? `${legal} ${rest}` : `${rest} ${legal}`;
}

const REGION_COUNTRY: Readonly<Record<Region, Country>> = {
  en: 'US',
  pt: 'BR',
  es: 'ES',
  de: 'DE',
  jp: 'JP',
  bh: 'BH',
};

const ABROAD_FROM_US = ['DE', 'PL', 'CZ', 'TR', 'GR', 'BG', 'VN'] as const;
const ABROAD_FROM_DE = ['GR', 'PL', 'CZ'] as const;

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
    const profile = makeCustomer(seed, c, taken, opts.customerIds?.[c]);
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
