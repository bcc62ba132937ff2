/** The status badge: text plus colour, never colour alone. Styled by `themeStyles`. */
import { html, nothing, type TemplateResult } from 'lit';
import { isOverdue } from '../../core/overdue.js';
import { inSentence } from '../../core/display-text.js';
import { isKnownStatus } from '../../core/status.js';
import type { InvoiceSummary, ReceivedStatus } from '../../core/types.js';
import type { CommonStrings } from '../../i18n/common.strings.js';

export function statusLabel(status: ReceivedStatus, common: CommonStrings): string {
  return isKnownStatus(status)
    ? common.status[status]
    : common.unknownStatus(inSentence(String(status)));
}

export function renderStatusBadge(
  status: ReceivedStatus,
  common: CommonStrings,
  id?: string,
): TemplateResult {
  const known = isKnownStatus(status);
  return html`<span
    class="status-badge"
    part="status-badge"
    id=${id ?? ''}
    data-status=${known ? status : 'unknown'}
    >${statusLabel(status, common)}</span
  >`;
}

/**
 * The Overdue badge (part `overdue-badge`) of an invoice overdue on `today` (`YYYY-MM-DD`; core
 * `isOverdue`), after its status badge, else nothing. Text plus colour, as the status badge.
 */
export function renderOverdueBadge(
  item: InvoiceSummary,
  today: string,
  common: CommonStrings,
): TemplateResult | typeof nothing {
  return isOverdue(item, today)
    ? html` <span class="status-badge" part="overdue-badge" data-status="overdue"
        >${common.overdue}</span
      >`
    : nothing;
}
