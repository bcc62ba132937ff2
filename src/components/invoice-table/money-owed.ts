/**
 * Money owed in `<invoice-table>` (issue 25; docs/ADAPTERS.md, "Money owed"): the "Overdue only"
 * filter. The Overdue badge next to the status (text, not colour alone; shared with the viewer,
 * shared/status-badge.ts) and the Due date and Amount due cells are in the row's template
 * (invoice-rows.ts). Overdue is derived (core `isOverdue`), never a status.
 */
import { html, type TemplateResult } from 'lit';

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
