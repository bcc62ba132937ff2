/** The status, provider and document-ID filters of `<invoice-table>`: a template function. */
import { html } from 'lit';
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
  return html`<div class="filters" part="filters" role="group" aria-label=${t.filtersLabel}>
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
