/**
 * The cold-insert benchmark's data (docs/PERFORMANCE.md, "Cold insert"): rows made from their
 * index when a page of them is asked for, so the page holds nothing per row and the heap
 * measured is the grid's own. Every contender gets the same rows and shows the same columns.
 */
import { amountOwed, formatMoney, formatPeriod, type InvoiceSummary } from 'invoice-elements/core';

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
    // Due next year: no row is overdue, so every contender shows the same texts (the table's
    // Overdue badge has no counterpart in the peers' columns). The amount due is derived (an
    // OPEN invoice owes its total).
    dueDate: `2027-${month}-${two(1 + (index % 28))}`,
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
/** What is owed (an OPEN invoice: its total), as the table's Amount due column shows it. */
function owedText(s: InvoiceSummary): string {
  const owed = amountOwed(s);
  return owed ? formatMoney(owed, 'en') : '';
}
/** A due date is a calendar day: shown in UTC, as the table shows it. */
const days = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

/**
 * The columns the peers render: those `<invoice-table>` shows for these rows (no customer
 * filter: the customer column too), in its order, with the same text; each peer adds the
 * Open button column.
 */
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
  ['amountDue', 'Amount due', owedText],
  ['dueDate', 'Due date', (s) => (s.dueDate ? days.format(new Date(s.dueDate)) : '')],
  ['generatedAt', 'Generated', (s) => dates.format(new Date(s.generatedAt))],
];
