/**
 * The cold-insert benchmark's data (docs/PERFORMANCE.md, "Cold insert"): rows made from their
 * index when a page of them is asked for, so the page holds nothing per row and the heap
 * measured is the grid's own. Every contender gets the same rows and shows the same columns.
 */
import { formatMoney, formatPeriod, type InvoiceSummary } from 'invoice-elements/core';

const CUSTOMERS = ['Acme Corp', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries'];
const PROVIDERS = [
  { id: 'microsoft', name: 'Microsoft' },
  { id: 'aws', name: 'AWS' },
  { id: 'google', name: 'Google Cloud' },
];
const STATUSES = ['DRAFT', 'OPEN', 'VOID', 'CLOSED'];
const DIGITS = 7;

const two = (n: number): string => String(n).padStart(2, '0');

/** The Document ID of row `index` (0-based): `INV-0000001` for the first row. */
export function documentIdOf(index: number): string {
  return `INV-${String(index + 1).padStart(DIGITS, '0')}`;
}

/** The row index a Document ID text names, or `null` for any other text (a placeholder). */
export function indexOfText(text: string | null | undefined): number | null {
  const match = /INV-(\d{7})/.exec(text ?? '');
  return match ? Number(match[1]) - 1 : null;
}

/** Row `index`, a fresh object each time (as a backend's parsed JSON would be). */
export function rowAt(index: number): InvoiceSummary {
  const month = two(1 + (index % 12));
  return {
    id: `inv-${index}`,
    documentId: documentIdOf(index),
    customer: { id: `cus-${index % 97}`, name: CUSTOMERS[index % CUSTOMERS.length]! },
    provider: { ...PROVIDERS[index % PROVIDERS.length]! },
    period: { from: `2026-${month}`, to: `2026-${month}` },
    status: STATUSES[index % STATUSES.length]!,
    total: { minor: 1_000 + ((index * 7_919) % 10_000_000), currency: index % 5 ? 'USD' : 'EUR' },
    generatedAt: `2026-${month}-${two(1 + (index % 28))}T08:00:00Z`,
    version: '1',
  };
}

/** A data source of `count` rows that answers at once and counts the requests it gets. */
export class RowSource {
  requests = 0;
  constructor(readonly count: number) {}

  /** Rows `offset` to `offset + limit` (fewer at the end of the list). */
  rows(offset: number, limit: number): InvoiceSummary[] {
    this.requests++;
    const end = Math.min(this.count, Math.max(0, offset) + Math.max(0, limit));
    const out: InvoiceSummary[] = [];
    for (let i = Math.max(0, offset); i < end; i++) out.push(rowAt(i));
    return out;
  }
}

const dates = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

/** The columns the peers render (the same text `<invoice-table>` shows), header and text. */
export const COLUMNS: readonly [
  field: string,
  header: string,
  text: (s: InvoiceSummary) => string,
][] = [
  ['documentId', 'Document ID', (s) => s.documentId],
  ['customer', 'Customer', (s) => s.customer.name],
  ['provider', 'Provider', (s) => s.provider.name],
  ['period', 'Billing period', (s) => formatPeriod(s.period, 'en')],
  ['status', 'Status', (s) => String(s.status)],
  ['total', 'Total', (s) => formatMoney(s.total, 'en')],
  ['generatedAt', 'Generated', (s) => dates.format(new Date(s.generatedAt))],
];
