/**
 * The confirmation dialog of `<status-updater>`: a native modal `<dialog>` labelled by its
 * heading, stating from, to and the consequences in words, with the notification switch and
 * Cancel / OK. The element opens it with `showModal()` and owns every handler.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { NAME_MAX, inSentence } from '../../core/display-text.js';
import { formatMoney } from '../../core/money.js';
import { formatPeriod } from '../../core/period.js';
import { isKnownStatus, transitionConsequences } from '../../core/status.js';
import type { Invoice, InvoiceStatus, ReceivedStatus } from '../../core/types.js';
import { REASON_MAX, type ReasonProblem } from '../../core/status-reason.js';
import type { CommonStrings } from '../../i18n/common.strings.js';
import type { StatusUpdaterStrings } from './status-updater.strings.js';

export interface ConfirmDialogOptions {
  /** The invoice the dialog names (document ID, customer, period, amount, recipient). */
  invoice: Invoice;
  locale: string;
  /** The chosen target; without one the dialog is rendered closed and empty. */
  to?: InvoiceStatus;
  notify: boolean;
  t: StatusUpdaterStrings;
  common: CommonStrings;
  /** Handlers run with the rendering element as `this` (Lit's event listener host). */
  onNotifyChange: (event: Event) => void;
  /** The reason field (issue 25), when the target asks for one (VOID). */
  reason?: ReasonField;
  onCancel: () => void;
  onConfirm: () => void;
  onClose: () => void;
}

/** The dialog's reason field: required or not, its text, what is wrong with it. */
export interface ReasonField {
  required: boolean;
  value: string;
  problem?: ReasonProblem;
  onInput: (event: Event) => void;
}

/** The reason field: a labelled textarea, its limit, and its error once OK found one. */
function renderReason(f: ReasonField, t: StatusUpdaterStrings): TemplateResult {
  const described = f.problem ? 'reason-error reason-hint' : 'reason-hint';
  return html`<div class="reason">
    <label for="reason">${f.required ? t.reasonRequiredLabel : t.reasonLabel}</label>
    <textarea
      id="reason"
      part="reason"
      rows="3"
      maxlength=${REASON_MAX}
      ?required=${f.required}
      aria-invalid=${f.problem ? 'true' : 'false'}
      aria-describedby=${described}
      .value=${f.value}
      @input=${f.onInput}
    ></textarea>
    <p id="reason-hint" class="hint">${t.reasonHint(REASON_MAX)}</p>
    ${
      f.problem
        ? html`<p id="reason-error" class="field-error" part="reason-error">
            ${f.problem === 'missing' ? t.reasonMissing : t.reasonTooLong(REASON_MAX)}
          </p>`
        : nothing
    }
  </div>`;
}

/** The sentences the dialog states for `from -> to`. */
export function consequenceSentences(
  from: ReceivedStatus,
  to: InvoiceStatus,
  t: StatusUpdaterStrings,
  common: CommonStrings,
): string[] {
  const c = transitionConsequences(from, to);
  return [
    c.leavesDraft ? t.leavesDraft(common.status.DRAFT) : '',
    c.publishes ? t.publishes : '',
    c.irreversible ? t.irreversible(common.status[to]) : '',
    c.final ? t.becomesFinal : '',
  ].filter(Boolean);
}

// A native checkbox with role="switch" exposes its checked state itself (ARIA in HTML); an
// aria-checked copy could only disagree with it. The lint rule does not know the native case.
/* eslint-disable lit-a11y/role-has-required-aria-attrs */
export function renderConfirmDialog(o: ConfirmDialogOptions): TemplateResult {
  const { t, common, to, invoice, locale } = o;
  const from = invoice.status;
  let body: TemplateResult | typeof nothing = nothing;
  if (to && isKnownStatus(from)) {
    const items = consequenceSentences(from, to, t, common);
    body = html`<div id="dialog-body">
        <p>
          ${t.subject(
            inSentence(invoice.documentId),
            inSentence(invoice.customer.name, NAME_MAX),
            formatPeriod(invoice.period, locale),
            formatMoney(invoice.total, locale),
          )}
        </p>
        <p>${t.fromTo(common.status[from], common.status[to])}</p>
        ${
          items.length
            ? html`<ul>
                ${items.map((item) => html`<li>${item}</li>`)}
              </ul>`
            : nothing
        }
      </div>
      ${o.reason ? renderReason(o.reason, t) : nothing}
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          part="notify-toggle"
          .checked=${o.notify}
          @change=${o.onNotifyChange}
        />
        <span
          >${t.notify}${invoice.customer.email ? ` (${inSentence(invoice.customer.email, NAME_MAX)})` : ''}</span
        >
      </label>
      <div class="actions">
        <button type="button" part="cancel-button" class="button" @click=${o.onCancel}>
          ${common.cancel}
        </button>
        <button
          type="button"
          part="confirm-button"
          class="button"
          data-variant=${to === 'VOID' ? 'danger' : 'primary'}
          @click=${o.onConfirm}
        >
          ${common.ok}
        </button>
      </div>`;
  }
  return html`<dialog
    part="dialog"
    aria-labelledby="dialog-heading"
    aria-describedby="dialog-body"
    @close=${o.onClose}
  >
    <h2 id="dialog-heading" part="dialog-heading">
      ${to ? t.dialogHeading(common.status[to]) : ''}
    </h2>
    ${body}
  </dialog>`;
}
/* eslint-enable lit-a11y/role-has-required-aria-attrs */
