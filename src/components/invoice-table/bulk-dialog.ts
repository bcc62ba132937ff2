/**
 * The dialog of `<invoice-table>`'s bulk status change (issue 25; loaded with it, by
 * `bulk-runtime.ts`): the parts and styles of
 * `<status-updater>`'s confirmation: a native modal `<dialog>` labelled by its heading, the
 * consequence sentences, the notification switch, Cancel / OK). The table owns every handler.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { displayText } from '../../core/display-text.js';
import type { BulkResult } from '../../core/bulk-status.js';
import { isKnownStatus } from '../../core/status.js';
import type { CommonStrings } from '../../i18n/common.strings.js';
import { errorMessage } from '../shared/error-message.js';
import { statusLabel } from '../shared/status-badge.js';
import { consequenceSentences } from '../status-updater/status-updater.dialog.js';
import type { StatusUpdaterStrings } from '../status-updater/status-updater.strings.js';
import type { BulkChange } from './bulk-change.js';
import { NAMED_MAX } from './bulk-change.js';
import type { BulkStatusStrings } from './bulk.strings.js';

export interface BulkDialogOptions {
  bulk: BulkChange;
  locale: string;
  t: BulkStatusStrings;
  su: StatusUpdaterStrings;
  common: CommonStrings;
  onCancel: () => void;
  onConfirm: () => void;
  onStop: () => void;
  onRetry: () => void;
  /** The dialog's `cancel` (Esc): refused while writes run. */
  onEscape: (e: Event) => void;
  onClose: () => void;
}

const fmt = (n: number, locale: string) => n.toLocaleString(locale);

/** "DOC-1: reason", the document ID isolated (it comes from the backend). */
function named(documentId: string, reason: string): TemplateResult {
  return html`<li><bdi>${displayText(documentId)}</bdi>: ${reason}</li>`;
}

function more(count: number, shown: number, o: BulkDialogOptions): TemplateResult | typeof nothing {
  return count > shown ? html`<li>${o.t.more(fmt(count - shown, o.locale))}</li>` : nothing;
}

/** Why one write did not change its invoice, in words. */
function failureReason(r: BulkResult, o: BulkDialogOptions): string {
  if (r.outcome === 'conflict') return o.t.conflictReason;
  if (r.outcome === 'unconfirmed') return o.t.unconfirmedReason;
  return errorMessage(r.error, o.common);
}

function button(
  part: string,
  label: string,
  onClick: () => void,
  variant?: 'primary' | 'danger',
): TemplateResult {
  return html`<button
    type="button"
    class="button"
    part=${part}
    data-variant=${variant ?? nothing}
    @click=${onClick}
  >
    ${label}
  </button>`;
}

// A native checkbox with role="switch" exposes its checked state itself (ARIA in HTML), as in
// status-updater.dialog.ts; the lint rule does not know the native case.
/* eslint-disable lit-a11y/role-has-required-aria-attrs */
function renderQuestion(o: BulkDialogOptions): TemplateResult {
  const { bulk, t, su, common, locale } = o;
  const to = bulk.to!;
  const n = bulk.eligible.length;
  const froms = [...new Set(bulk.eligible.map((i) => i.status))].filter(isKnownStatus);
  const sentences = [
    ...new Set(froms.flatMap((from) => consequenceSentences(from, to, su, common))),
  ];
  const reasons = bulk.ineligible.map(({ item, reason }) =>
    named(item.documentId, t.reasons[reason](statusLabel(item.status, common), common.status[to])),
  );
  return html`<div id="bulk-body">
      <p>
        ${
          n
            ? t.eligible(n, fmt(n, locale), fmt(bulk.selected, locale), common.status[to])
            : t.noneEligible(common.status[to])
        }
      </p>
      ${
        n && sentences.length
          ? html`<ul>
              ${sentences.map((s) => html`<li>${s}</li>`)}
            </ul>`
          : nothing
      }
      ${
        bulk.ineligibleCount
          ? html`<p>
                ${t.ineligibleHeading(bulk.ineligibleCount, fmt(bulk.ineligibleCount, locale))}
              </p>
              <ul class="bulk-list" part="bulk-ineligible">
                ${reasons} ${more(bulk.ineligibleCount, bulk.ineligible.length, o)}
              </ul>`
          : nothing
      }
    </div>
    ${
      n
        ? html`<label class="switch">
            <input type="checkbox" role="switch" part="notify-toggle" .checked=${bulk.notify} />
            <span>${t.notify}</span>
          </label>`
        : nothing
    }
    <div class="actions">
      ${button('cancel-button', n ? common.cancel : common.close, o.onCancel)}
      ${
        n
          ? button(
              'confirm-button',
              t.confirm(n, fmt(n, locale)),
              o.onConfirm,
              to === 'VOID' ? 'danger' : 'primary',
            )
          : nothing
      }
    </div>`;
}

/* eslint-enable lit-a11y/role-has-required-aria-attrs */

function renderProgress(o: BulkDialogOptions, done: number, total: number, text: string) {
  return html`<div id="bulk-body">
    <p id="bulk-progress-text">${text}</p>
    <progress
      part="bulk-progress"
      aria-labelledby="bulk-progress-text"
      max=${Math.max(1, total)}
      .value=${done}
    ></progress>
    ${o.bulk.stopping ? html`<p>${o.t.cancelling}</p>` : nothing}
  </div>`;
}

function renderResultList(
  label: string,
  results: readonly BulkResult[],
  o: BulkDialogOptions,
): TemplateResult {
  const shown = results.slice(0, NAMED_MAX);
  return html`<li>
    ${label}
    <ul class="bulk-list">
      ${shown.map((r) => named(r.item.documentId, failureReason(r, o)))}
      ${more(results.length, shown.length, o)}
    </ul>
  </li>`;
}

function renderResult(o: BulkDialogOptions): TemplateResult {
  const { bulk, t, common, locale } = o;
  if (bulk.message) {
    return html`<div id="bulk-body">
        <p>${bulk.message === 'vetoed' ? t.vetoed : t.readFailed}</p>
      </div>
      <div class="actions">${button('cancel-button', common.close, o.onCancel)}</div>`;
  }
  const { changed, conflicted, failed, notStarted } = bulk;
  const retry = bulk.retryable.length;
  return html`<div id="bulk-body" part="bulk-result">
      <h3>${t.resultHeading}</h3>
      <ul>
        <li>${t.changed(changed.length, fmt(changed.length, locale))}</li>
        ${
          conflicted.length
            ? renderResultList(
                t.conflicted(conflicted.length, fmt(conflicted.length, locale)),
                conflicted,
                o,
              )
            : nothing
        }
        ${failed.length ? renderResultList(t.failed(failed.length, fmt(failed.length, locale)), failed, o) : nothing}
        ${
          notStarted.length
            ? html`<li>${t.notStarted(notStarted.length, fmt(notStarted.length, locale))}</li>`
            : nothing
        }
      </ul>
    </div>
    <div class="actions">
      ${retry ? button('retry-failed', t.retryFailed(retry, fmt(retry, locale)), o.onRetry, 'primary') : nothing}
      ${button('cancel-button', common.close, o.onCancel)}
    </div>`;
}

/** The bulk dialog; rendered closed and empty when no change is under way. */
export function renderBulkDialog(o: BulkDialogOptions): TemplateResult {
  const { bulk, t, common, locale } = o;
  let body: TemplateResult | typeof nothing = nothing;
  switch (bulk.phase) {
    case 'reading':
      body = html`${renderProgress(o, bulk.read, bulk.selected, t.reading(fmt(bulk.read, locale), fmt(bulk.selected, locale)))}
        <div class="actions">${button('cancel-button', common.cancel, o.onCancel)}</div>`;
      break;
    case 'confirm':
      body = renderQuestion(o);
      break;
    case 'running':
      body = html`${renderProgress(o, bulk.done, bulk.running, t.progress(fmt(bulk.done, locale), fmt(bulk.running, locale)))}
        <div class="actions">
          ${bulk.stopping ? nothing : button('stop-button', t.cancelRemaining, o.onStop)}
        </div>`;
      break;
    case 'done':
      body = renderResult(o);
      break;
  }
  return html`<dialog
    part="dialog bulk-dialog"
    aria-labelledby="bulk-heading"
    aria-describedby="bulk-body"
    @cancel=${o.onEscape}
    @close=${o.onClose}
  >
    <h2 id="bulk-heading" part="dialog-heading">
      ${bulk.to ? t.dialogHeading(common.status[bulk.to]) : ''}
    </h2>
    <div role="status" class="visually-hidden">${liveText(o)}</div>
    ${body}
  </dialog>`;
}

/** What the dialog's live region says: the run's end (its counts). */
function liveText(o: BulkDialogOptions): string {
  const { bulk, t, locale } = o;
  if (bulk.phase !== 'done' || bulk.message) return '';
  const parts = [t.changed(bulk.changed.length, fmt(bulk.changed.length, locale))];
  if (bulk.conflicted.length)
    parts.push(t.conflicted(bulk.conflicted.length, fmt(bulk.conflicted.length, locale)));
  if (bulk.failed.length) parts.push(t.failed(bulk.failed.length, fmt(bulk.failed.length, locale)));
  if (bulk.notStarted.length)
    parts.push(t.notStarted(bulk.notStarted.length, fmt(bulk.notStarted.length, locale)));
  return `${parts.join('. ')}.`;
}
