/**
 * Money owed (docs/ADAPTERS.md, "Money owed"): what an invoice still owes, and the derived
 * Overdue state. Overdue is never a status: it is worked out from the status, the amount owed
 * and the due date, the same way by the table, the viewer and the memory adapter. No Lit.
 */
import type { InvoiceSummary, Money } from './types.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;

/** A day as `YYYY-MM-DD`: a `Date` is read in local time (the user's calendar day). */
export function isoDay(day: Date | string): string {
  if (typeof day === 'string') return day.slice(0, 10);
  const p = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${p(day.getFullYear(), 4)}-${p(day.getMonth() + 1)}-${p(day.getDate())}`;
}

/**
 * What the invoice still owes, in its currency: `amountDue` when the backend sends it; else
 * the total less `amountPaid` when that is sent (never below zero); else, for an OPEN invoice,
 * its total. `undefined` when unknown (a draft, a void or closed invoice without amounts).
 */
export function amountOwed(
  s: Pick<InvoiceSummary, 'status' | 'total' | 'amountPaid' | 'amountDue'>,
): Money | undefined {
  if (s.amountDue) return s.amountDue;
  if (s.amountPaid?.currency === s.total.currency) {
    return { minor: Math.max(0, s.total.minor - s.amountPaid.minor), currency: s.total.currency };
  }
  return s.status === 'OPEN' ? s.total : undefined;
}

/**
 * Whether an invoice is overdue on `today` (a `Date`: the user's local day; a string: an ISO
 * day): OPEN, something still owed (`amountOwed` > 0), and a due date before today. A due date
 * that is not an ISO date never makes an invoice overdue.
 */
export function isOverdue(
  s: Pick<InvoiceSummary, 'status' | 'total' | 'amountPaid' | 'amountDue' | 'dueDate'>,
  today: Date | string,
): boolean {
  if (s.status !== 'OPEN' || !s.dueDate || !ISO_DAY.test(s.dueDate)) return false;
  return (amountOwed(s)?.minor ?? 0) > 0 && s.dueDate.slice(0, 10) < isoDay(today);
}
