/**
 * The status, provider, document-ID and overdue filters of `<invoice-table>`, and the toolbar's
 * disclosure buttons that show them and the billing period's fields: template functions.
 */
import { html, nothing } from 'lit';
import type { InvoiceStatus } from '../../core/types.js';
import type { CommonStrings } from '../../i18n/common.strings.js';
import type { InvoiceTableStrings } from './invoice-table.strings.js';
import { renderOverdueFilter } from './money-owed.js';

export interface FiltersView {
  /** The statuses the audience may filter by. */
  statuses: readonly InvoiceStatus[];
  status: InvoiceStatus | '';
  /** Provider id → name, in the order offered. */
  providers: ReadonlyMap<string, string>;
  provider: string;
  /** The document filter in force (shown when the host sets the view). */
  text: string;
  t: InvoiceTableStrings;
  common: CommonStrings;
  onStatus: (status: InvoiceStatus | '') => void;
  onProvider: (provider: string) => void;
  onText: (e: Event) => void;
  /** Only overdue invoices (issue 25, money-owed.ts). */
  overdue: boolean;
  onOverdue: (overdue: boolean) => void;
}

const valueOf = (e: Event): string => (e.target as HTMLSelectElement).value;

export function renderFilters(v: FiltersView) {
  const { t } = v;
  return html`<div
    id="filter-controls"
    class="filters"
    part="filters"
    role="group"
    aria-label=${t.filtersLabel}
  >
    <label
      >${t.statusFilter}
      <select name="status" @change=${(e: Event) => v.onStatus(valueOf(e) as InvoiceStatus | '')}>
        <option value="" ?selected=${!v.status}>${t.anyStatus}</option>
        ${v.statuses.map(
          (s) =>
            html`<option value=${s} ?selected=${v.status === s}>${v.common.status[s]}</option>`,
        )}
      </select>
    </label>
    <label
      >${t.providerFilter}
      <select name="provider" @change=${(e: Event) => v.onProvider(valueOf(e))}>
        <option value="" ?selected=${!v.provider}>${t.anyProvider}</option>
        ${[...v.providers].map(
          ([id, name]) => html`<option value=${id} ?selected=${v.provider === id}>${name}</option>`,
        )}
      </select>
    </label>
    <label
      >${t.documentFilter}
      <input name="document" type="search" autocomplete="off" .value=${v.text} @input=${v.onText} />
    </label>
    ${renderOverdueFilter(v.overdue, t.overdueFilter, v.onOverdue)}
  </div>`;
}

/**
 * A disclosure button of the toolbar (the APG disclosure pattern): it shows or hides the
 * controls of `controls` (an id, named only while they are shown; hidden, they are not
 * rendered). The focus stays on the button.
 */
export function renderToggle(
  part: string,
  label: string,
  open: boolean,
  controls: string,
  onToggle: () => void,
) {
  return html`<button
    type="button"
    class="button toggle"
    part=${part}
    aria-expanded=${open}
    aria-controls=${open ? controls : nothing}
    @click=${onToggle}
  >
    ${label}
  </button>`;
}
