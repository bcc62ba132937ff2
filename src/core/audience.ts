/**
 * What each audience sees of an invoice, field by field (docs/RULES.md, Audiences). The viewer
 * and the files (CSV, PDF, print) both start from {@link forAudience}, so the screen and the
 * files agree. No Lit.
 */
import { isVisibleToCustomer } from './status.js';
import type { Audience, Invoice } from './types.js';

const customerViews = new WeakMap<Invoice, Invoice>();

/**
 * The invoice as `audience` may see it. The operator sees it whole (the same object). The
 * customer's copy has no `internal` custom field or line, and a history of the changes between
 * statuses the customer sees (so nothing from or to DRAFT, or an unknown status) without who
 * made them or whether a notification went out (`by` is empty, `notified` false). One copy per
 * invoice object, so repeated calls return the same object.
 */
export function forAudience(invoice: Invoice, audience: Audience): Invoice {
  if (audience === 'operator') return invoice;
  let view = customerViews.get(invoice);
  if (!view) {
    view = {
      ...invoice,
      lines: invoice.lines.filter((l) => l.visibility !== 'internal'),
      customFields: invoice.customFields.filter((f) => f.visibility !== 'internal'),
      history: invoice.history
        .filter(
          (h) => isVisibleToCustomer({ status: h.from }) && isVisibleToCustomer({ status: h.to }),
        )
        .map(({ from, to, at }) => ({ from, to, at, by: '', notified: false })),
    };
    delete view.allowedTargets;
    customerViews.set(invoice, view);
  }
  return view;
}
