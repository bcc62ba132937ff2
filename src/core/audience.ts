/**
 * What each audience sees of an invoice, field by field (docs/RULES.md, Audiences). The viewer
 * and the files (CSV, PDF, print) both start from {@link forAudience}, so the screen and the
 * files agree. No Lit.
 */
import { CUSTOMER_VISIBLE_STATUSES } from './status.js';
import type { Audience, Invoice } from './types.js';

const CUSTOMER_VISIBLE: readonly string[] = CUSTOMER_VISIBLE_STATUSES;
const customerViews = new WeakMap<Invoice, Invoice>();

/**
 * The invoice as `audience` may see it. The operator sees it whole (the same object). The
 * customer's copy has no `internal` custom field, no `internal` line without money (a line
 * that carries an amount or tax is a charge, shown whatever its flag, so every total the
 * customer sees is the sum of lines the customer sees), and a history of the changes between
 * statuses the customer sees (so nothing from or to DRAFT, or an unknown status) without who
 * made them, whether a notification went out (`by` is empty, `notified` false) or why (no
 * `reason`). The
 * invoice-document fields (issuer, customer address and tax ID, issue date, terms, payment
 * instructions, paid and due amounts, a line's decimal unit price and tax rate) are all for who
 * pays: the customer sees them as the operator does. One copy per invoice object, so repeated
 * calls return the same object.
 */
export function forAudience(invoice: Invoice, audience: Audience): Invoice {
  if (audience === 'operator') return invoice;
  let view = customerViews.get(invoice);
  if (!view) {
    view = {
      ...invoice,
      // A charge is never hidden from who pays it: an internal line with money stays.
      lines: invoice.lines.filter(
        (l) => l.visibility !== 'internal' || l.amount.minor || l.tax.minor,
      ),
      customFields: invoice.customFields.filter((f) => f.visibility !== 'internal'),
      history: invoice.history
        .filter((h) => [h.from, h.to].every((s) => CUSTOMER_VISIBLE.includes(s)))
        // Nor why (a VOID's reason is the operator's: docs/RULES.md, Audiences).
        .map(({ reason: _reason, ...h }) => ({ ...h, by: '', notified: false })),
    };
    customerViews.set(invoice, view);
  }
  return view;
}
