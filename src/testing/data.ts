/**
 * The kit's invoices, written by hand, and the orders worked out by hand from them (never
 * computed by the code under test). Document IDs start with the run's scope, customer ids and
 * names carry it, so a run's data never mixes with anything else the backend holds.
 *
 * | n | documentId      | customer | provider  | period           | status | total       | generated           |
 * | 1 | INV-2026-000101 | Águia    | microsoft | 2026-08          | CLOSED | 1500.00 BRL | 2026-09-01T10:00    |
 * | 2 | INV-2026-000102 | Águia    | aws       | 2026-08          | VOID   |   25.00 BRL | 2026-09-01T11:00    |
 * | 3 | INV-2026-000203 | Águia    | microsoft | 2026-09          | OPEN   |  990.00 BRL | 2026-10-02T09:00    |
 * | 4 | INV-2026-000204 | Águia    | google    | 2026-09          | OPEN   |  123.45 BRL | 2026-10-02T09:00    |
 * | 5 | INV-2026-000305 | Águia    | microsoft | 2026-10          | DRAFT  |  800.00 BRL | 2026-11-01T08:00    |
 * | 6 | INV-2026-000306 | Boreal   | aws       | 2026-10          | DRAFT  |   42.00 USD | 2026-11-01T08:30    |
 * | 7 | INV-2026-000207 | Boreal   | google    | 2026-09          | CLOSED |   42.00 USD | 2026-10-03T12:00    |
 * | 8 | INV-2025-000999 | Cumbre   | aws       | 2025-12          | CLOSED |      700 JPY | 2026-01-02T07:00   |
 * | 9 | INV-2026-000150 | Cumbre   | google    | 2026-07..2026-09 | OPEN   |     5000 JPY | 2026-10-01T06:00   |
 *
 * Money owed (docs/ADAPTERS.md), on four of them; the others have none (nothing known owed):
 *
 * | n | dueDate    | amountPaid | amountDue | owed (`amountOwed`)            |
 * | 1 | 2026-09-30 | 1500.00    | 0.00      | 0 BRL (CLOSED)                 |
 * | 3 | 2026-11-01 | 400.00     | 590.00    | 590.00 BRL (OPEN)              |
 * | 4 | 2026-12-01 | —          | —         | 123.45 BRL (OPEN: the total)   |
 * | 9 | 2026-10-31 | —          | 5000      | 5000 JPY (OPEN)                |
 */
import type { Customer, InvoiceStatus, ListTotals, SortDirection, SortKey } from '../core/types.js';
import type { CheckContext } from './check.js';
import type { InvoiceSpec } from './types.js';

/** The three customers of a run. */
export function customers(scope: string): [Customer, Customer, Customer] {
  const s = scope.toLowerCase();
  return [
    {
      id: `${s}-cus-a`,
      name: `Águia Sistemas Ltda. ${scope}`,
      email: `financeiro.${s}@aguia.example`,
    },
    { id: `${s}-cus-b`, name: `Boreal Analytics Inc. ${scope}`, email: `ap.${s}@boreal.example` },
    { id: `${s}-cus-c`, name: `Cumbre Datos S.L. ${scope}` },
  ];
}

const PROVIDERS = {
  microsoft: { id: 'microsoft', name: 'Microsoft' },
  aws: { id: 'aws', name: 'AWS' },
  google: { id: 'google', name: 'Google Cloud' },
} as const;

type Row = [
  documentId: string,
  customer: 0 | 1 | 2,
  provider: keyof typeof PROVIDERS,
  period: [string, string],
  status: InvoiceStatus,
  minor: number,
  currency: string,
  generatedAt: string,
];

const ROWS: Row[] = [
  [
    'INV-2026-000101',
    0,
    'microsoft',
    ['2026-08', '2026-08'],
    'CLOSED',
    150000,
    'BRL',
    '2026-09-01T10:00:00Z',
  ],
  [
    'INV-2026-000102',
    0,
    'aws',
    ['2026-08', '2026-08'],
    'VOID',
    2500,
    'BRL',
    '2026-09-01T11:00:00Z',
  ],
  [
    'INV-2026-000203',
    0,
    'microsoft',
    ['2026-09', '2026-09'],
    'OPEN',
    99000,
    'BRL',
    '2026-10-02T09:00:00Z',
  ],
  [
    'INV-2026-000204',
    0,
    'google',
    ['2026-09', '2026-09'],
    'OPEN',
    12345,
    'BRL',
    '2026-10-02T09:00:00Z',
  ],
  [
    'INV-2026-000305',
    0,
    'microsoft',
    ['2026-10', '2026-10'],
    'DRAFT',
    80000,
    'BRL',
    '2026-11-01T08:00:00Z',
  ],
  [
    'INV-2026-000306',
    1,
    'aws',
    ['2026-10', '2026-10'],
    'DRAFT',
    4200,
    'USD',
    '2026-11-01T08:30:00Z',
  ],
  [
    'INV-2026-000207',
    1,
    'google',
    ['2026-09', '2026-09'],
    'CLOSED',
    4200,
    'USD',
    '2026-10-03T12:00:00Z',
  ],
  [
    'INV-2025-000999',
    2,
    'aws',
    ['2025-12', '2025-12'],
    'CLOSED',
    700,
    'JPY',
    '2026-01-02T07:00:00Z',
  ],
  [
    'INV-2026-000150',
    2,
    'google',
    ['2026-07', '2026-09'],
    'OPEN',
    5000,
    'JPY',
    '2026-10-01T06:00:00Z',
  ],
];

const brl = (minor: number) => ({ minor, currency: 'BRL' });

/** The money owed of the table above, by row. */
const OWED: Partial<Record<number, Pick<InvoiceSpec, 'dueDate' | 'amountPaid' | 'amountDue'>>> = {
  1: { dueDate: '2026-09-30', amountPaid: brl(150000), amountDue: brl(0) },
  3: { dueDate: '2026-11-01', amountPaid: brl(40000), amountDue: brl(59000) },
  4: { dueDate: '2026-12-01' },
  9: { dueDate: '2026-10-31', amountDue: { minor: 5000, currency: 'JPY' } },
};

/** The nine invoices of the table above, in row order (row n is index n − 1). */
export function tableInvoices(scope: string): InvoiceSpec[] {
  const people = customers(scope);
  return ROWS.map(
    ([documentId, c, provider, [from, to], status, minor, currency, generatedAt], i) => ({
      status,
      customer: { ...people[c] },
      provider: { ...PROVIDERS[provider] },
      period: { from, to },
      total: { minor, currency },
      documentId: `${scope}-${documentId}`,
      generatedAt,
      ...structuredClone(OWED[i + 1] ?? {}),
    }),
  );
}

/**
 * The overdue filter on the table, by `asOf`, worked out by hand: OPEN, something owed, due
 * before that day (due on the day itself is not overdue yet). Row 1 is CLOSED.
 */
export const OVERDUE: readonly { asOf: string; rows: number[] }[] = [
  { asOf: '2026-11-01', rows: [9] },
  { asOf: '2026-11-15', rows: [3, 9] },
  { asOf: '2026-12-02', rows: [3, 4, 9] },
];

/** `Page.totals.byCurrency` of the table, by hand (currency code ascending). */
export const TOTALS = {
  /** BRL 1500.00 + 25.00 + 990.00 + 123.45 + 800.00; JPY 700 + 5000; USD 42.00 + 42.00. */
  all: [brl(343845), { minor: 5700, currency: 'JPY' }, { minor: 8400, currency: 'USD' }],
  /** `statuses: ['OPEN']`: rows 3, 4, 9. */
  open: [brl(111345), { minor: 5000, currency: 'JPY' }],
  /** The customer audience (no drafts: without rows 5 and 6). */
  customer: [brl(263845), { minor: 5700, currency: 'JPY' }, { minor: 4200, currency: 'USD' }],
  /** What customer a (rows 1–4) is listed through its own backend. */
  customerA: [brl(263845)],
} satisfies Record<string, ListTotals['byCurrency']>;

/**
 * Every sort key, both directions, as rows of the table. Ties fall back to documentId
 * ascending whatever the direction. Customers sort by name (collation: Águia first); status in
 * lifecycle order DRAFT, OPEN, VOID, CLOSED; period by its start; total (no reporting
 * amounts) by currency code ascending (BRL, JPY, USD) in both directions, then by amount.
 * Money owed: an invoice without a due date (or nothing known owed) comes last in both
 * directions, by documentId; amountDue (the amount owed) groups by currency (BRL, JPY) first.
 */
export const SORTED: Record<SortKey, Record<SortDirection, number[]>> = {
  documentId: { asc: [8, 1, 2, 9, 3, 4, 7, 5, 6], desc: [6, 5, 7, 4, 3, 9, 2, 1, 8] },
  customer: { asc: [1, 2, 3, 4, 5, 7, 6, 8, 9], desc: [8, 9, 7, 6, 1, 2, 3, 4, 5] },
  provider: { asc: [8, 2, 6, 9, 4, 7, 1, 3, 5], desc: [1, 3, 5, 9, 4, 7, 8, 2, 6] },
  period: { asc: [8, 9, 1, 2, 3, 4, 7, 5, 6], desc: [5, 6, 3, 4, 7, 1, 2, 9, 8] },
  status: { asc: [5, 6, 9, 3, 4, 2, 8, 1, 7], desc: [8, 1, 7, 2, 9, 3, 4, 5, 6] },
  total: { asc: [2, 4, 5, 3, 1, 8, 9, 7, 6], desc: [1, 3, 5, 4, 2, 9, 8, 7, 6] },
  generatedAt: { asc: [8, 1, 2, 9, 3, 4, 7, 5, 6], desc: [6, 5, 7, 3, 4, 9, 2, 1, 8] },
  dueDate: { asc: [1, 9, 3, 4, 8, 2, 7, 5, 6], desc: [4, 3, 9, 1, 8, 2, 7, 5, 6] },
  amountDue: { asc: [1, 4, 3, 9, 8, 2, 7, 5, 6], desc: [3, 4, 1, 9, 8, 2, 7, 5, 6] },
};

/**
 * Invoices in JPY (0 digits), BRL and USD (2) and BHD (3) for the sort by total across
 * currencies (docs/ADAPTERS.md, "Sorting by total"), with a reporting amount in USD when asked.
 *
 * | n | total          | reportingTotal |
 * | 1 | ¥609,760       | $4,065.07      |
 * | 2 | R$451,043.00   | $82,007.82     |
 * | 3 | $1,500.00      | $1,500.00      |
 * | 4 | BHD 1,234.567  | $3,274.71      |
 * | 5 | BHD 1,234.568  | $3,274.72      |
 * | 6 | $1,500.00      | $1,500.00      | (a tie with 3: documentId ascending in both directions)
 * | 7 | ¥1,000         | $6.67          |
 */
const MONEY: [number, string, number][] = [
  [609760, 'JPY', 406507],
  [45104300, 'BRL', 8200782],
  [150000, 'USD', 150000],
  [1234567, 'BHD', 327471],
  [1234568, 'BHD', 327472],
  [150000, 'USD', 150000],
  [1000, 'JPY', 667],
];

/** The seven invoices of the money table, each with `reportingTotal` in USD when `reporting`. */
export function moneyInvoices(scope: string, reporting: boolean): InvoiceSpec[] {
  const [customer] = customers(scope);
  return MONEY.map(([minor, currency, usd], i) => ({
    status: 'OPEN',
    customer: { ...customer },
    provider: { ...PROVIDERS.aws },
    period: { from: '2026-09', to: '2026-09' },
    total: { minor, currency },
    documentId: `${scope}-DOC-M${i + 1}`,
    generatedAt: '2026-10-01T10:00:00Z',
    ...(reporting ? { reportingTotal: { minor: usd, currency: 'USD' } } : {}),
  }));
}

/**
 * `Page.totals` of the money table: every currency summed, and with reporting amounts in USD
 * ($4,065.07 + 82,007.82 + 1,500.00 + 3,274.71 + 3,274.72 + 1,500.00 + 6.67) their sum.
 */
export const MONEY_TOTALS: ListTotals = {
  byCurrency: [
    { minor: 2469135, currency: 'BHD' },
    { minor: 45104300, currency: 'BRL' },
    { minor: 610760, currency: 'JPY' },
    { minor: 300000, currency: 'USD' },
  ],
  reporting: { minor: 9562899, currency: 'USD' },
};

/** Orders of the money table, as rows, worked out by hand. */
export const MONEY_ORDERS = {
  /** Currency code ascending in both directions (BHD, BRL, JPY, USD), then the amount. */
  'currency-then-amount': { asc: [4, 5, 2, 7, 1, 3, 6], desc: [5, 4, 2, 1, 7, 3, 6] },
  /** By the USD amount. */
  reporting: { asc: [7, 3, 6, 4, 5, 1, 2], desc: [2, 1, 5, 4, 3, 6, 7] },
} as const;

/** The table's invoices, created; `id(n)` is the backend's id of row n. */
export interface Seeded {
  ids: string[];
  id(n: number): string;
  rows(...n: number[]): string[];
}

/** Creates `specs` and names their ids by row. */
export async function seed(ctx: CheckContext, specs: readonly InvoiceSpec[]): Promise<Seeded> {
  const ids = await ctx.create(specs);
  const id = (n: number): string => {
    const found = ids[n - 1];
    if (found === undefined) throw new RangeError(`No row ${n}.`);
    return found;
  };
  return { ids, id, rows: (...n) => n.map(id) };
}

/** Creates the nine invoices of the table. */
export const seedTable = (ctx: CheckContext): Promise<Seeded> =>
  seed(ctx, tableInvoices(ctx.scope));
