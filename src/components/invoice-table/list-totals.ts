/**
 * Totals of what is listed in `<invoice-table>` (issue 25; docs/ADAPTERS.md, "Totals of what is
 * listed"): the totals of the whole list under the current filter, per currency, as the
 * adapter sends them with the first page (`Page.totals`). Without them, the table adds the rows
 * itself only when the whole list is held (it fits in the first page); otherwise it says the
 * totals are unavailable. Shown below the grid in a polite live region, so a change of filter
 * is announced with its new totals.
 */
import { html, type TemplateResult } from 'lit';
import { listTotalsOf } from '../../core/list-totals.js';
import { formatMoney } from '../../core/money.js';
import type { InvoiceSummary, ListTotals } from '../../core/types.js';
import type { InvoiceTableStrings } from './invoice-table.strings.js';

/** What the table knows of the list's totals. */
export interface TotalsSource {
  /** `ready` once the first page answered. */
  phase: string;
  /** Rows in the list. */
  total: number;
  /** The adapter's totals of the whole list, from the first page. */
  totals?: ListTotals;
  /** Whether rows the audience may not see were dropped (the adapter's totals then hold them). */
  dropped: boolean;
  /** Row `index`, when held. */
  row(index: number): InvoiceSummary | undefined;
}

/**
 * The totals to show: the adapter's; else the sum of the rows when every one is held and there
 * are at most `heldMax` (the first page); `null` when unavailable, `undefined` while loading.
 */
export function tableTotals(src: TotalsSource, heldMax: number): ListTotals | null | undefined {
  if (src.phase !== 'ready') return undefined;
  // A draft the customer was sent and never sees: the adapter's totals would count it.
  if (src.totals && !src.dropped) return src.totals;
  if (src.total > heldMax) return null;
  const rows: InvoiceSummary[] = [];
  for (let i = 0; i < src.total; i++) {
    const row = src.row(i);
    if (!row) return null;
    rows.push(row);
  }
  return listTotalsOf(rows);
}

/** The totals region (part `totals`): always rendered, so its changes are announced. */
export function renderListTotals(
  totals: ListTotals | null | undefined,
  t: InvoiceTableStrings,
  locale: string,
): TemplateResult {
  let text = '';
  if (totals === null) text = t.totalsUnavailable;
  else if (totals && totals.byCurrency.length) {
    text = t.totals(totals.byCurrency.map((m) => formatMoney(m, locale)).join('; '));
    const only = totals.byCurrency.length === 1 ? totals.byCurrency[0]!.currency : '';
    if (totals.reporting && totals.reporting.currency !== only) {
      text += ` ${t.totalsReporting(formatMoney(totals.reporting, locale))}`;
    }
  }
  return html`<p
    class=${text ? 'totals' : 'totals visually-hidden'}
    part="totals"
    role="status"
    aria-label=${t.totalsLabel}
  >
    ${text}
  </p>`;
}
