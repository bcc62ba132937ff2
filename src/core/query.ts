/**
 * The list query of the table's state: filters, sort, period and audience (docs/RULES.md: the
 * customer never sees a draft). Pure, no Lit.
 */
import { compareMonths } from './period.js';
import { CUSTOMER_VISIBLE_STATUSES } from './status.js';
import type {
  Audience,
  BillingPeriod,
  InvoiceQuery,
  InvoiceStatus,
  SortDirection,
  SortKey,
} from './types.js';

/** What the list shows: the state a query is built from. */
export interface InvoiceListState {
  period: BillingPeriod;
  sort: { key: SortKey; direction: SortDirection };
  audience: Audience;
  /** The customer whose invoices are listed; every customer when absent. */
  customerId?: string;
  /** The one status shown (`''` or absent: any the audience may see). */
  status?: InvoiceStatus | '';
  /** The one provider shown, by id (`''` or absent: any). */
  provider?: string;
  /** Text the document ID contains (`''` or absent: any). */
  text?: string;
  /** Only overdue invoices, judged on `today` (`YYYY-MM-DD`, sent as the query's `asOf`). */
  overdue?: boolean;
  today?: string;
}

/**
 * The query for a list state, or `null` when the period ends before it starts. Without a status
 * filter, the customer audience asks only for the statuses a customer may see.
 */
export function buildInvoiceQuery(state: InvoiceListState): InvoiceQuery | null {
  const { period, sort, audience } = state;
  if (compareMonths(period.from, period.to) > 0) return null;
  const q: InvoiceQuery = { period, sort, audience };
  if (state.customerId) q.customerId = state.customerId;
  if (state.status) q.statuses = [state.status];
  else if (audience === 'customer') q.statuses = [...CUSTOMER_VISIBLE_STATUSES];
  if (state.provider) q.providers = [state.provider];
  if (state.text) q.text = state.text;
  if (state.overdue) {
    q.overdue = true;
    if (state.today) q.asOf = state.today;
  }
  return q;
}

/** Rows per page: a whole number from 1 to 1000, or 200 for anything else (not a number, < 1). */
export function pageSizeOf(value: unknown): number {
  const n = Math.floor(Number(value));
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 200;
}
