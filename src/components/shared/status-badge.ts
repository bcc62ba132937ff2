/** The status badge: text plus colour, never colour alone. Styled by `themeStyles`. */
import { html, type TemplateResult } from 'lit';
import { inSentence } from '../../core/display-text.js';
import { isKnownStatus } from '../../core/status.js';
import type { ReceivedStatus } from '../../core/types.js';
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
