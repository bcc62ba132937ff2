/**
 * Money owed in `<invoice-table>` (issue 25; docs/ADAPTERS.md, "Money owed"): the Due date and
 * Amount due cells, the Overdue badge next to the status (text, not colour alone), and the
 * "Overdue only" filter. Overdue is derived (core `isOverdue`), never a status.
 */
import { html, type TemplateResult } from 'lit';
import { formatDate } from '../../core/dates.js';
import { formatMoney } from '../../core/money.js';
import { amountOwed } from '../../core/overdue.js';
import type { InvoiceSummary } from '../../core/types.js';

export { renderOverdueBadge } from '../shared/status-badge.js';

/** The Due date and Amount due cells of a row (empty when the backend sent neither). */
export function renderOwedCells(
  item: InvoiceSummary,
  labels: { dueDate: string; amountDue: string },
  locale: string,
): TemplateResult {
  const owed = amountOwed(item);
  return html`<div
      class="cell"
      role="gridcell"
      part="cell"
      data-col="amountDue"
      data-label=${labels.amountDue}
    >
      ${owed ? formatMoney(owed, locale) : ''}
    </div>
    <div class="cell" role="gridcell" part="cell" data-col="dueDate" data-label=${labels.dueDate}>
      ${item.dueDate ? formatDate(item.dueDate, locale) : ''}
    </div>`;
}

/** The "Overdue only" checkbox of the filters. */
export function renderOverdueFilter(
  checked: boolean,
  label: string,
  onChange: (checked: boolean) => void,
): TemplateResult {
  return html`<label class="overdue-filter"
    ><input
      name="overdue"
      type="checkbox"
      .checked=${checked}
      @change=${(e: Event) => onChange((e.target as HTMLInputElement).checked)}
    />${label}</label
  >`;
}
