/** The cells of one invoice row, and the cached formatters they use (cheap per row). */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate } from '../../core/dates.js';
import { amountOwed } from '../../core/overdue.js';
import { NAME_MAX, displayText, inSentence } from '../../core/display-text.js';
import { formatMoney } from '../../core/money.js';
import { formatPeriod, parseYearMonth } from '../../core/period.js';
import type { BillingPeriod, InvoiceSummary } from '../../core/types.js';
import type { CommonStrings } from '../../i18n/common.strings.js';
import { renderOverdueBadge, renderStatusBadge } from '../shared/status-badge.js';
import type { InvoiceTableStrings } from './invoice-table.strings.js';

const periodTexts = new Map<string, string>();
export function periodText(period: BillingPeriod, locale: string): string {
  const key = `${locale}|${period.from}|${period.to}`;
  let text = periodTexts.get(key);
  if (text === undefined) {
    text = formatPeriod(period, locale);
    if (periodTexts.size > 2000) periodTexts.clear();
    periodTexts.set(key, text);
  }
  return text;
}

export function monthParity(month: string): number {
  const { year, month: m } = parseYearMonth(month);
  return (year * 12 + m) % 2;
}

export interface CellContext {
  t: InvoiceTableStrings;
  common: CommonStrings;
  locale: string;
  showCustomer: boolean;
  /** The user's today (`YYYY-MM-DD`), for the Overdue badge. */
  today: string;
}

export function renderCells(item: InvoiceSummary, ctx: CellContext): TemplateResult {
  const { t, locale } = ctx;
  const owed = amountOwed(item);
  // No per-cell label attribute: the stacked layout's labels are custom properties of the row
  // group (invoice-table.ts, `#labelRows`), so a row holds no binding per cell for them.
  return html`<div class="cell" role="gridcell" part="cell" data-col="documentId">
      <bdi>${displayText(item.documentId)}</bdi>
    </div>
    ${
      ctx.showCustomer
        ? html`<div class="cell" role="gridcell" part="cell" data-col="customer">
            <bdi>${displayText(item.customer.name, NAME_MAX)}</bdi>
          </div>`
        : nothing
    }
    <div class="cell" role="gridcell" part="cell" data-col="provider">
      <bdi>${displayText(item.provider.name)}</bdi>
    </div>
    <div class="cell" role="gridcell" part="cell" data-col="period">
      ${periodText(item.period, locale)}
    </div>
    <div class="cell" role="gridcell" part="cell" data-col="status">
      ${renderStatusBadge(item.status, ctx.common)}${renderOverdueBadge(item, ctx.today, ctx.common)}
    </div>
    <div class="cell" role="gridcell" part="cell" data-col="total">
      ${formatMoney(item.total, locale)}
    </div>
    <div class="cell" role="gridcell" part="cell" data-col="amountDue">
      ${owed ? formatMoney(owed, locale) : ''}
    </div>
    <div class="cell" role="gridcell" part="cell" data-col="dueDate">
      ${item.dueDate ? formatDate(item.dueDate, locale) : ''}
    </div>
    <div class="cell" role="gridcell" part="cell" data-col="generatedAt">
      ${formatDate(item.generatedAt, locale)}
    </div>
    <div class="cell" role="gridcell" part="cell" data-col="actions">
      <button
        type="button"
        class="button open"
        part="open-button"
        tabindex="-1"
        data-action="open"
        aria-label=${t.openLabel(inSentence(item.documentId))}
      >
        ${t.open}
      </button>
    </div>`;
}
