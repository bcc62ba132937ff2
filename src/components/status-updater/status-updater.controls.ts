/**
 * The templates of `<status-updater>` but its dialog: the current status line, the new-status
 * drop-down with UPDATE STATUS (or the sentence that replaces them), the result / error message
 * with its Retry or Reload, and the load by id. The element owns every handler (Lit calls them
 * with the rendering element as `this`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Task } from '@lit/task';
import { isKnownStatus, isTerminal } from '../../core/status.js';
import type { Invoice, InvoiceStatus, ReceivedStatus } from '../../core/types.js';
import type { CommonStrings } from '../../i18n/common.strings.js';
import { errorMessage } from '../shared/error-message.js';
import { renderStatusBadge } from '../shared/status-badge.js';
import type { Message } from './status-updater.model.js';
import type { StatusUpdaterStrings } from './status-updater.strings.js';

export interface ControlsOptions {
  status: ReceivedStatus;
  /** The statuses offered (the backend's word, never DRAFT). */
  targets: InvoiceStatus[];
  selected: InvoiceStatus | '';
  /** A change is open or in flight, or a conflict waits: UPDATE STATUS does nothing. */
  blocked: boolean;
  t: StatusUpdaterStrings;
  common: CommonStrings;
  onSelect: (event: Event) => void;
  onUpdate: () => void;
}

/** "Current status" (or the customer's "Status") and the badge. */
export function renderCurrent(label: string, invoice: Invoice, common: CommonStrings) {
  return html`<p class="current" part="current">
    <span>${label}</span> ${renderStatusBadge(invoice.status, common)}
  </p>`;
}

/** The sentence shown instead of the controls. */
export function renderReadOnly(text: string): TemplateResult {
  return html`<p class="readonly" part="readonly">${text}</p>`;
}

export function renderControls(o: ControlsOptions): TemplateResult {
  const { t, common, targets, selected, blocked } = o;
  if (!isKnownStatus(o.status)) return renderReadOnly(t.unknownReadOnly);
  if (targets.length === 0) return renderReadOnly(isTerminal(o.status) ? t.final : t.noTargets);
  return html`<div class="controls">
    <div class="field">
      <label for="target">${t.newStatus}</label>
      <select id="target" part="select" ?disabled=${blocked} @change=${o.onSelect}>
        <option value="" ?selected=${selected === ''}>${t.choose}</option>
        ${targets.map(
          (status) =>
            html`<option value=${status} ?selected=${selected === status}>
              ${common.status[status]}
            </option>`,
        )}
      </select>
    </div>
    <button
      type="button"
      part="button"
      class="button"
      data-variant="primary"
      aria-disabled=${blocked ? 'true' : 'false'}
      @click=${o.onUpdate}
    >
      ${t.updateStatus}
    </button>
  </div>`;
}

export function renderMessage(
  m: Message | undefined,
  common: CommonStrings,
  onRetry: () => void,
  onReload: () => void,
  onCheck: () => void,
): TemplateResult | typeof nothing {
  if (!m) return nothing;
  const button = (label: string, onClick: () => void) =>
    html`<button type="button" class="button" @click=${onClick}>${label}</button>`;
  return html`<div class="alert message" part="message" data-kind=${m.kind} tabindex="-1">
    <span>${m.text}</span>
    ${m.action === 'check' ? button(common.checkAgain, onCheck) : nothing}
    ${m.action && m.action !== 'reload' ? button(common.retry, onRetry) : nothing}
    ${m.action === 'reload' ? button(common.reload, onReload) : nothing}
  </div>`;
}

/** A load by id: the sentence while it runs, its failure with Retry (for operators). */
export function renderLoad(
  loader: Pick<Task<readonly unknown[], unknown>, 'render' | 'run'>,
  common: CommonStrings,
  operator: boolean,
): TemplateResult | typeof nothing {
  return loader.render({
    pending: () => html`<p class="readonly">${common.loading}</p>`,
    error: (error) =>
      operator
        ? html`<div class="alert message" part="message" data-kind="error">
            <span>${errorMessage(error, common)}</span>
            <button type="button" class="button" @click=${() => loader.run()}>
              ${common.retry}
            </button>
          </div>`
        : nothing,
    complete: () => nothing,
  }) as TemplateResult | typeof nothing;
}
