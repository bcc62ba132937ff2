/**
 * Totals of what is listed (docs/ADAPTERS.md, "Totals of what is listed"): the sum of the
 * invoices' totals per currency, never added across currencies, and the sum of their
 * reporting amounts when every invoice has one in one currency. No Lit.
 */
import type { CurrencyCode, InvoiceSummary, ListTotals, Money } from './types.js';

const byCode = (a: Money, b: Money): number =>
  a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0;

/** The totals of these invoices (all of those matching a query, not one page). */
export function listTotalsOf(
  items: Iterable<Pick<InvoiceSummary, 'total' | 'reportingTotal'>>,
): ListTotals {
  const sums = new Map<CurrencyCode, number>();
  let reporting: Money | undefined;
  let allReporting = true;
  for (const { total, reportingTotal: r } of items) {
    sums.set(total.currency, (sums.get(total.currency) ?? 0) + total.minor);
    if (!allReporting) continue;
    if (!r || (reporting && reporting.currency !== r.currency)) {
      allReporting = false;
      reporting = undefined;
    } else {
      reporting = { minor: (reporting?.minor ?? 0) + r.minor, currency: r.currency };
    }
  }
  const byCurrency = [...sums].map(([currency, minor]) => ({ minor, currency })).sort(byCode);
  return reporting && allReporting ? { byCurrency, reporting } : { byCurrency };
}
