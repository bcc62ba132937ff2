import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { GuardedWrite, type WriteOutcome } from '../../core/guarded-write.js';
import {
  defaultNotify,
  isKnownStatus,
  isVisibleTo,
  targetsFor,
  type InvoiceFlow,
} from '../../core/status.js';
import type { Invoice, InvoiceStatus } from '../../core/types.js';
import {
  asksReason,
  checkReason,
  reasonRequired,
  type ReasonProblem,
} from '../../core/status-reason.js';
import { errorMessage } from '../shared/error-message.js';
import { InvoiceElement, flowConverter } from '../shared/invoice-element.js';
import { LocaleController, type StringOverrides } from '../shared/locale-controller.js';
import { statusLabel } from '../shared/status-badge.js';
import { statusUpdaterStrings, type StatusUpdaterStrings } from './status-updater.strings.js';
import { statusUpdaterStyles } from './status-updater.styles.js';
import { renderConfirmDialog } from './status-updater.dialog.js';
import {
  renderControls,
  renderCurrent,
  renderLoad,
  renderMessage,
  renderReadOnly,
} from './status-updater.controls.js';
import { writeMessage, type Intent, type Message } from './status-updater.model.js';
import type { InvoiceStatusChangeRequestDetail } from './status-updater.events.js';

export type {
  InvoiceRefreshDetail,
  InvoiceStatusChangeDetail,
  InvoiceStatusChangeRequestDetail,
} from './status-updater.events.js';
export type { StatusUpdaterStrings } from './status-updater.strings.js';

/**
 * Changes the status of one invoice (the source's "Update invoice status"): a drop-down of the
 * statuses allowed from the current one, an **UPDATE STATUS** button, and a modal confirmation
 * that states the consequences and carries the "Send notification e-mail to the customer"
 * toggle. The viewer places it; it also works alone with `invoice-id` and a backend.
 *
 * Safety: one backend call per confirmation (repeated clicks and keys are ignored while a
 * change is in flight); one idempotency key per confirmed change, reused by Retry; the
 * invoice version travels as `expectedVersion`; a conflict keeps a message with Reload until
 * acted on; a timeout after sending, or an answer that does not show the change, re-reads the
 * invoice before reporting anything, and "not changed" is said only once the server's answer
 * allows it (else Check again and Retry; docs/RULES.md, "Writes").
 * Retry re-sends the already-approved change without a second `…-request` event.
 *
 * @summary Drop-down, UPDATE STATUS button and confirmation dialog for an invoice's status.
 *
 * @fires invoice-status-change-request - Cancelable, after OK and before the backend call.
 *   Detail `{ invoiceId, from, to, notify }`; `preventDefault()` vetoes the change.
 * @fires invoice-status-change - The backend confirmed. Detail `{ invoice, from, to, notify }`,
 *   `invoice` being the backend's answer (the element re-renders from it).
 * @fires invoice-refresh - The element re-read the invoice (Reload after a conflict, a refreshed
 *   list after an invalid transition, a check that found the change not applied).
 *   Detail `{ invoice }`.
 *
 * @csspart current - The "Current status" line (a host that shows the status elsewhere may hide it).
 * @csspart status-badge - The current status badge.
 * @csspart select - The native `<select>` of new statuses (label "New status").
 * @csspart button - The UPDATE STATUS button.
 * @csspart readonly - The sentence shown instead of the controls (final, unknown status, none allowed).
 * @csspart message - The result / error message, with its Retry or Reload button.
 * @csspart dialog - The native modal `<dialog>`.
 * @csspart dialog-heading - The dialog's heading (it labels the dialog).
 * @csspart notify-toggle - The `<input type="checkbox" role="switch">` of the notification e-mail.
 * @csspart reason - The dialog's reason `<textarea>` (VOID only; required when the invoice's `voidReasonRequired` says so).
 * @csspart reason-error - The reason's error message (required and empty, or too long).
 * @csspart confirm-button - The dialog's OK button.
 * @csspart cancel-button - The dialog's Cancel button.
 *
 * @cssprop --status-updater-gap - Space between the parts (default `--inv-space`).
 * @cssprop --status-updater-select-border-color - Border of the drop-down (default `--inv-color-border`).
 * @cssprop --status-updater-dialog-background - Dialog surface (default `--inv-color-surface`).
 * @cssprop --status-updater-dialog-color - Dialog text (default `--inv-color-text`).
 * @cssprop --status-updater-dialog-max-inline-size - Dialog width (default `32rem`).
 * @cssprop --status-updater-backdrop - The modal backdrop (default translucent black).
 * @cssprop --status-updater-switch-on-color - Notification switch, on (default `--inv-color-primary`).
 * @cssprop --status-updater-switch-off-color - Notification switch, off (default `--inv-color-text-muted`).
 */
export class StatusUpdater extends InvoiceElement {
  static override styles = statusUpdaterStyles;

  /** The invoice to act on. When set, nothing is loaded; the element never mutates it. */
  @property({ attribute: false })
  invoice?: Invoice;

  /** Loads the invoice with the backend's `getInvoice` when `invoice` is not set. */
  @property({ attribute: 'invoice-id' })
  invoiceId?: string;

  /**
   * `existing` (default): the notification toggle starts on. `generation`: the host just
   * generated the invoice, the toggle starts off.
   */
  @property({ attribute: 'flow', reflect: true, converter: flowConverter })
  flow: InvoiceFlow = 'existing';

  /** Overrides of any string of this element (and `common` ones). */
  @property({ attribute: false })
  strings?: StringOverrides<StatusUpdaterStrings>;

  /** The latest invoice the backend answered with (update, re-read); wins over `invoice`. */
  @state() private answer?: Invoice;
  @state() private selected: InvoiceStatus | '' = '';
  @state() private pendingTo?: InvoiceStatus;
  @state() private notify = true;
  /** The dialog's reason (issue 25), and what OK found wrong with it. */
  @state() private reason = '';
  @state() private reasonProblem?: ReasonProblem;
  @state() private message?: Message;
  @state() private announcement = '';

  /** What `@query` did (without shipping the decorator): the rendered part, if any. */
  #part<T extends HTMLElement = HTMLButtonElement>(name: string): T | null | undefined {
    return this.renderRoot?.querySelector<T>(`[part="${name}"]`);
  }

  /** The confirmation; `close()` does nothing when it is not open. */
  get #dialog() {
    return this.#part<HTMLDialogElement>('dialog');
  }

  readonly #l10n = new LocaleController(this, statusUpdaterStrings);
  /**
   * The confirmed change: its phase, and the intent Retry sends again with the same key. Reset
   * when the element is pointed at another invoice: late answers are then dropped.
   */
  readonly #write = new GuardedWrite<Intent>({ onChange: () => this.requestUpdate() });
  #workingId?: string;

  readonly #loader = new Task(this, {
    task: async ([id, backend, audience, given], { signal }) => {
      if (given || !id || !backend) return undefined;
      return backend.getInvoice(id, { signal, audience });
    },
    args: () =>
      [this.invoiceId, this.activeBackend, this.audience, this.invoice !== undefined] as const,
  });

  /** The invoice shown: the backend's latest answer, else the host's, else the loaded one. */
  get #current(): Invoice | undefined {
    if (this.answer) return this.answer;
    if (this.invoice !== undefined) return this.invoice ?? undefined;
    return this.#loader.value;
  }

  /** Reads invoice `id` (`undefined` without a backend or an id). */
  #reader(id: string | undefined) {
    const backend = this.activeBackend;
    return id && backend
      ? (signal: AbortSignal) => backend.getInvoice(id, { signal, audience: this.audience })
      : undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A removed modal leaves the top layer but stays `open`: close it, keep the status.
    if (this.#write.phase === 'confirming') {
      this.#write.cancel();
      this.pendingTo = undefined;
    }
    this.#dialog?.close();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (
      changed.has('invoice') &&
      this.#write.phase === 'idle' &&
      this.message?.kind === 'conflict' &&
      this.invoice?.version !== this.message.staleVersion
    ) {
      // The host brought a newer copy (e.g. the viewer reloaded): the conflict is resolved.
      this.message = undefined;
    }
    if (changed.has('invoice') || changed.has('invoiceId')) {
      // The host's new object is the latest truth; a different invoice resets everything.
      this.answer = undefined;
      const id = this.invoice?.id ?? this.invoiceId;
      if (id !== this.#workingId) {
        this.#workingId = id;
        this.#write.reset();
        this.#dialog?.close();
        this.pendingTo = undefined;
        this.message = undefined;
        this.selected = '';
      }
    }
    const invoice = this.#current;
    if (
      this.selected &&
      (!invoice || !targetsFor(invoice, this.audience).includes(this.selected))
    ) {
      this.selected = '';
    }
  }

  override render(): TemplateResult {
    const invoice = this.#current;
    const { t, common } = this.#l10n;
    let body: TemplateResult | typeof nothing = nothing;
    if (!invoice) body = this.#renderLoad();
    else if (this.audience === 'operator') body = this.#renderOperator(invoice);
    // The customer sees a short read-only status, never a draft, never an action.
    else if (isVisibleTo(invoice, 'customer')) body = renderCurrent(t.status, invoice, common);
    return html`${body}
      <div role="status" class="visually-hidden">${this.#liveText(invoice)}</div>`;
  }

  #liveText(invoice: Invoice | undefined): string {
    if (invoice || this.invoice !== undefined || !this.invoiceId) return this.announcement;
    if (this.#loader.status === TaskStatus.PENDING) return this.#l10n.common.loading;
    if (this.#loader.status === TaskStatus.ERROR && this.audience === 'operator') {
      return errorMessage(this.#loader.error, this.#l10n.common);
    }
    return this.announcement;
  }

  #renderLoad(): TemplateResult | typeof nothing {
    const { common } = this.#l10n;
    if (this.invoice !== undefined || !this.invoiceId) return nothing;
    if (!this.activeBackend) return renderReadOnly(common.error['no-backend']);
    return renderLoad(this.#loader, common, this.audience === 'operator');
  }

  #renderOperator(invoice: Invoice): TemplateResult {
    const { t, common } = this.#l10n;
    const controls = renderControls({
      status: invoice.status,
      targets: targetsFor(invoice, this.audience),
      selected: this.selected,
      blocked: this.#blocked,
      t,
      common,
      onSelect: this.#onSelect,
      onUpdate: this.#onUpdateClick,
    });
    const dialog = renderConfirmDialog({
      invoice,
      locale: this.#l10n.locale,
      to: this.pendingTo,
      notify: this.notify,
      t,
      common,
      onNotifyChange: this.#onNotifyChange,
      reason:
        this.pendingTo && asksReason(this.pendingTo)
          ? {
              required: reasonRequired(invoice, this.pendingTo),
              value: this.reason,
              problem: this.reasonProblem,
              onInput: this.#onReasonInput,
            }
          : undefined,
      onCancel: this.#onCancel,
      onConfirm: this.#onConfirm,
      onClose: this.#onDialogClose,
    });
    return html`<div class="updater">
      ${renderCurrent(t.currentStatus, invoice, common)} ${controls}
      ${renderMessage(this.message, common, this.#onRetry, this.#onReload, this.#check)} ${dialog}
    </div>`;
  }

  // -------------------------------------------------------------------------------------------
  // User actions

  /** While true, UPDATE STATUS does nothing: a change is open or in flight, or a conflict waits. */
  get #blocked(): boolean {
    return this.#write.phase !== 'idle' || this.message?.kind === 'conflict';
  }

  #onSelect(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.selected = isKnownStatus(value) ? value : '';
  }

  #onNotifyChange(event: Event): void {
    this.notify = (event.target as HTMLInputElement).checked;
  }

  #onReasonInput(event: Event): void {
    this.reason = (event.target as HTMLTextAreaElement).value;
  }

  async #onUpdateClick(): Promise<void> {
    if (this.#blocked) return;
    const invoice = this.#current;
    if (!invoice) return;
    const to = this.selected;
    if (!to || !targetsFor(invoice, this.audience).includes(to)) {
      this.#setMessage({ kind: 'info', text: this.#l10n.t.chooseFirst });
      this.#part('select')?.focus();
      return;
    }
    // Set synchronously: a second click or key repeat before the render sees `blocked`.
    this.#write.open();
    this.pendingTo = to;
    this.notify = defaultNotify(this.flow);
    this.reason = '';
    this.reasonProblem = undefined;
    this.message = undefined;
    await this.updateComplete;
    const dialog = this.#dialog;
    if (!dialog || this.#write.phase !== 'confirming') return;
    if (!dialog.open) dialog.showModal();
    // A required reason is what the dialog needs first; otherwise Cancel (the safe choice).
    if (reasonRequired(invoice, to)) this.#part<HTMLTextAreaElement>('reason')?.focus();
    else this.#part('cancel-button')?.focus();
  }

  #onCancel(): void {
    if (this.#write.phase !== 'confirming') return;
    this.#write.cancel();
    this.pendingTo = undefined;
    this.#closeDialog();
  }

  /** Esc (or any close not through OK) keeps the current status. */
  #onDialogClose(): void {
    // A `close` event is dispatched in a later task: when the next confirmation opened in the
    // meantime, this stale event must not reset it.
    if (this.#write.phase !== 'confirming' || this.#dialog?.open) return;
    this.#write.cancel();
    this.pendingTo = undefined;
    this.#part('button')?.focus();
  }

  #closeDialog(): void {
    this.#dialog?.close();
    this.#part('button')?.focus();
  }

  #onConfirm(): void {
    if (this.#write.phase !== 'confirming') return;
    const invoice = this.#current;
    const to = this.pendingTo;
    if (!invoice || !to || !isKnownStatus(invoice.status)) {
      this.#onCancel();
      return;
    }
    // Exactly what the dialog shows at this moment; a new intent, so a new idempotency key.
    const notify = this.#part<HTMLInputElement>('notify-toggle')?.checked ?? this.notify;
    const detail: InvoiceStatusChangeRequestDetail = {
      invoiceId: invoice.id,
      from: invoice.status,
      to,
      notify,
    };
    if (asksReason(to)) {
      const field = this.#part<HTMLTextAreaElement>('reason');
      const checked = checkReason(field?.value ?? this.reason, reasonRequired(invoice, to));
      if ('problem' in checked) {
        // The dialog stays open, the field says what is wrong and takes the focus.
        this.reasonProblem = checked.problem;
        void this.updateComplete.then(() => field?.focus());
        return;
      }
      if (checked.reason !== undefined) detail.reason = checked.reason;
    }
    this.#write.begin({ ...detail, expectedVersion: invoice.version });
    this.pendingTo = undefined;
    this.#closeDialog();
    if (!this.emit('invoice-status-change-request', detail)) {
      this.#write.cancel();
      this.#setMessage({ kind: 'info', text: this.#l10n.t.vetoed });
      return;
    }
    void this.#send();
  }

  #onRetry(): void {
    if (this.#write.phase !== 'idle' || !this.#write.intent) return;
    void this.#send();
  }

  async #onReload(): Promise<void> {
    const invoice = this.#current;
    if (this.#write.phase !== 'idle' || !invoice || !this.activeBackend) return;
    const hadFocus = this.matches(':focus-within');
    const { t, common } = this.#l10n;
    const staleVersion = this.message?.staleVersion ?? invoice.version;
    this.#setMessage({ kind: 'conflict', text: common.loading, staleVersion });
    const settled = await this.#reread((fresh) => {
      this.#write.forget();
      this.selected = '';
      this.#setMessage({ kind: 'info', text: t.reloaded(statusLabel(fresh.status, common)) });
    }, staleVersion);
    if (!settled) return;
    await this.#settleFocus(hadFocus);
  }

  /** Sends the held intent (again, for Retry) and shows how it ended. */
  async #send(): Promise<void> {
    const intent = this.#write.intent;
    const backend = this.activeBackend;
    if (!intent) return;
    if (backend) this.#setMessage({ kind: 'info', text: this.#l10n.t.sending });
    const { invoiceId, to, notify, expectedVersion, reason } = intent;
    const outcome = await this.#write.run(
      backend &&
        ((_, idempotencyKey, signal) =>
          backend.updateStatus(
            {
              invoiceId,
              to,
              notify,
              expectedVersion,
              idempotencyKey,
              ...(reason !== undefined && { reason }),
            },
            { signal },
          )),
      // An answer in the old status does not show the change: it is not a success.
      (answer) => answer.status === to,
    );
    if (outcome?.kind === 'outcome-unknown') {
      // Sent, but the answer is missing, unreadable or contradicts the request: look first.
      await this.#check();
    } else if (outcome?.kind === 'invalid-transition') {
      await this.#refreshTargets(outcome, intent);
    } else if (outcome) {
      await this.#show(outcome, intent);
    }
  }

  /** Re-reads after an unknown outcome (and Check again), then says what is true. */
  async #check(): Promise<void> {
    const intent = this.#write.intent;
    if (this.#write.phase !== 'idle' || !intent) return;
    const hadFocus = this.matches(':focus-within');
    this.#setMessage({ kind: 'info', text: this.#l10n.t.checking });
    const checked = await this.#write.check(
      this.#reader(intent.invoiceId),
      (fresh) => fresh.status === intent.to,
    );
    if (!checked) return;
    await this.#show(checked, intent);
    await this.#settleFocus(hadFocus);
  }

  /** Shows how the write of `intent` ended; a success shows (and announces) the answer. */
  async #show(outcome: WriteOutcome<Invoice>, intent: Intent): Promise<void> {
    this.#setMessage(writeMessage(outcome, intent, this.#l10n.t, this.#l10n.common));
    if (outcome.kind !== 'success') return;
    const hadFocus = this.matches(':focus-within');
    const invoice = outcome.result;
    this.answer = invoice;
    this.selected = '';
    const { from, to, notify } = intent;
    this.emit('invoice-status-change', { invoice, from, to, notify });
    await this.#settleFocus(hadFocus);
  }

  /** The backend refused the transition: take its list when it sent one, else re-read. */
  async #refreshTargets(
    outcome: Extract<WriteOutcome<Invoice>, { kind: 'invalid-transition' }>,
    intent: Intent,
  ): Promise<void> {
    const invoice = this.#current;
    const { allowedTargets } = outcome.error;
    this.selected = '';
    if (invoice && Array.isArray(allowedTargets)) {
      this.answer = { ...invoice, allowedTargets: allowedTargets.filter(isKnownStatus) };
      await this.#show(outcome, intent);
    } else {
      const prefix = `${this.#l10n.common.error['invalid-transition']} `;
      await this.#reread(() => void this.#show(outcome, intent), invoice?.version, prefix);
    }
  }

  /**
   * Re-reads the invoice shown; a fresh one is shown, told to the host (a parent can replace its
   * copy) and passed to `done`. A failure keeps a conflict with Reload, `prefix` before the
   * reason. False when the read was dropped.
   */
  async #reread(
    done: (fresh: Invoice) => void,
    staleVersion?: string,
    prefix = '',
  ): Promise<boolean> {
    const answer = await this.#write.reload(this.#reader(this.#current?.id));
    if (answer?.kind === 'success') {
      this.answer = answer.result;
      this.emit('invoice-refresh', { invoice: answer.result });
      done(answer.result);
    } else if (answer) {
      const text = prefix + errorMessage(answer.error, this.#l10n.common);
      this.#setMessage({ kind: 'conflict', text, action: 'reload', staleVersion });
    }
    return answer !== undefined;
  }

  /** Nothing (an aborted call) clears the message and keeps the live region. */
  #setMessage(message: Message | undefined): void {
    this.message = message;
    if (message) this.announcement = message.text;
  }

  /** When the focused control disappeared (final status, Reload gone), focus lands on the message. */
  async #settleFocus(hadFocus: boolean): Promise<void> {
    await this.updateComplete;
    if (!hadFocus || this.shadowRoot?.activeElement) return;
    (this.#part('button') ?? this.#part('message'))?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'status-updater': StatusUpdater;
  }
}
