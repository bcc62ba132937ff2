import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { noBackendError, toBackendError, type BackendError } from '../../core/errors.js';
import {
  allowedTargets,
  defaultNotify,
  isKnownStatus,
  isTerminal,
  isVisibleTo,
  type InvoiceFlow,
} from '../../core/status.js';
import type { Invoice, InvoiceStatus } from '../../core/types.js';
import { errorMessage } from '../shared/error-message.js';
import { InvoiceElement, flowConverter } from '../shared/invoice-element.js';
import { LocaleController, type StringOverrides } from '../shared/locale-controller.js';
import { renderStatusBadge, statusLabel } from '../shared/status-badge.js';
import { statusUpdaterStrings, type StatusUpdaterStrings } from './status-updater.strings.js';
import { statusUpdaterStyles } from './status-updater.styles.js';
import { renderConfirmDialog } from './status-updater.dialog.js';
import {
  newIdempotencyKey,
  type Intent,
  type Message,
  type Phase,
} from './status-updater.model.js';

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
 * acted on; a timeout after sending re-reads the invoice before reporting anything.
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
  @state() private phase: Phase = 'idle';
  @state() private pendingTo?: InvoiceStatus;
  @state() private notify = true;
  @state() private message?: Message;
  @state() private announcement = '';

  // What `@query` did (without shipping the decorator): the rendered element, if any.
  private get dialog() {
    return this.renderRoot?.querySelector<HTMLDialogElement>('dialog');
  }
  private get button() {
    return this.renderRoot?.querySelector<HTMLButtonElement>('[part="button"]');
  }
  private get select() {
    return this.renderRoot?.querySelector<HTMLSelectElement>('[part="select"]');
  }
  private get notifyInput() {
    return this.renderRoot?.querySelector<HTMLInputElement>('[part="notify-toggle"]');
  }
  private get cancelButton() {
    return this.renderRoot?.querySelector<HTMLButtonElement>('[part="cancel-button"]');
  }
  private get messageElement() {
    return this.renderRoot?.querySelector<HTMLElement>('[part="message"]');
  }

  private readonly l10n = new LocaleController(this, statusUpdaterStrings);
  /** The last confirmed change; Retry sends it again. */
  private intent?: Intent;
  /** Aborted when the element is pointed at another invoice: late answers are then dropped. */
  private controller = new AbortController();
  private workingId?: string;

  private readonly loader = new Task(this, {
    task: async ([id, backend, audience, given], { signal }) => {
      if (given || !id || !backend) return undefined;
      return backend.getInvoice(id, { signal, audience });
    },
    args: () =>
      [this.invoiceId, this.activeBackend, this.audience, this.invoice !== undefined] as const,
  });

  /** The invoice shown: the backend's latest answer, else the host's, else the loaded one. */
  private get current(): Invoice | undefined {
    if (this.answer) return this.answer;
    if (this.invoice !== undefined) return this.invoice ?? undefined;
    return this.loader.value;
  }

  private targetsOf(invoice: Invoice): InvoiceStatus[] {
    if (this.audience === 'customer') return [];
    const backendTargets = Array.isArray(invoice.allowedTargets) ? invoice.allowedTargets : null;
    return allowedTargets(invoice.status, backendTargets);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A removed modal leaves the top layer but stays `open`: close it, keep the status.
    if (this.phase === 'confirming') {
      this.phase = 'idle';
      this.pendingTo = undefined;
    }
    if (this.dialog?.open) this.dialog.close();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (
      changed.has('invoice') &&
      this.phase === 'idle' &&
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
      if (id !== this.workingId) {
        this.workingId = id;
        this.controller.abort();
        this.controller = new AbortController();
        if (this.dialog?.open) this.dialog.close();
        this.phase = 'idle';
        this.pendingTo = undefined;
        this.intent = undefined;
        this.message = undefined;
        this.selected = '';
      }
    }
    const invoice = this.current;
    if (this.selected && (!invoice || !this.targetsOf(invoice).includes(this.selected))) {
      this.selected = '';
    }
  }

  override render(): TemplateResult {
    const invoice = this.current;
    const body = invoice
      ? this.audience === 'customer'
        ? this.renderCustomer(invoice)
        : this.renderOperator(invoice)
      : this.renderLoad();
    return html`${body}
      <div role="status" class="visually-hidden">${this.liveText(invoice)}</div>`;
  }

  private liveText(invoice: Invoice | undefined): string {
    if (invoice || this.invoice !== undefined || !this.invoiceId) return this.announcement;
    if (this.loader.status === TaskStatus.PENDING) return this.l10n.common.loading;
    if (this.loader.status === TaskStatus.ERROR && this.audience === 'operator') {
      return errorMessage(this.loader.error, this.l10n.common);
    }
    return this.announcement;
  }

  private renderLoad(): TemplateResult | typeof nothing {
    const { common } = this.l10n;
    if (this.invoice !== undefined || !this.invoiceId) return nothing;
    if (!this.activeBackend)
      return html`<p class="readonly" part="readonly">${common.error['no-backend']}</p>`;
    return this.loader.render({
      pending: () => html`<p class="readonly">${common.loading}</p>`,
      error: (error) =>
        this.audience === 'customer'
          ? nothing
          : html`<div class="alert message" part="message" data-kind="error">
              <span>${errorMessage(error, common)}</span>
              <button type="button" class="button" @click=${() => this.loader.run()}>
                ${common.retry}
              </button>
            </div>`,
      complete: () => nothing,
    }) as TemplateResult | typeof nothing;
  }

  /** The customer sees a short read-only status, never a draft, never an action. */
  private renderCustomer(invoice: Invoice): TemplateResult | typeof nothing {
    if (!isVisibleTo(invoice, 'customer')) return nothing;
    return html`<p class="current" part="current">
      <span>${this.l10n.t.status}</span> ${renderStatusBadge(invoice.status, this.l10n.common)}
    </p>`;
  }

  private renderOperator(invoice: Invoice): TemplateResult {
    const { t, common } = this.l10n;
    return html`<div class="updater">
      <p class="current" part="current">
        <span>${t.currentStatus}</span> ${renderStatusBadge(invoice.status, common)}
      </p>
      ${this.renderControls(invoice)} ${this.renderMessage()} ${this.renderDialog(invoice)}
    </div>`;
  }

  private renderControls(invoice: Invoice): TemplateResult {
    const { t, common } = this.l10n;
    if (!isKnownStatus(invoice.status)) {
      return html`<p class="readonly" part="readonly">${t.unknownReadOnly}</p>`;
    }
    const targets = this.targetsOf(invoice);
    if (targets.length === 0) {
      return html`<p class="readonly" part="readonly">
        ${isTerminal(invoice.status) ? t.final : t.noTargets}
      </p>`;
    }
    const blocked = this.blocked;
    return html`<div class="controls">
      <div class="field">
        <label for="target">${t.newStatus}</label>
        <select id="target" part="select" ?disabled=${blocked} @change=${this.onSelect}>
          <option value="" ?selected=${this.selected === ''}>${t.choose}</option>
          ${targets.map(
            (status) =>
              html`<option value=${status} ?selected=${this.selected === status}>
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
        @click=${this.onUpdateClick}
      >
        ${t.updateStatus}
      </button>
    </div>`;
  }

  private renderMessage(): TemplateResult | typeof nothing {
    const m = this.message;
    if (!m) return nothing;
    const { common } = this.l10n;
    return html`<div class="alert message" part="message" data-kind=${m.kind} tabindex="-1">
      <span>${m.text}</span>
      ${
        m.action === 'retry'
          ? html`<button type="button" class="button" @click=${this.onRetry}>
              ${common.retry}
            </button>`
          : nothing
      }
      ${
        m.action === 'reload'
          ? html`<button type="button" class="button" @click=${this.onReload}>
              ${common.reload}
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderDialog(invoice: Invoice): TemplateResult {
    return renderConfirmDialog({
      from: invoice.status,
      to: this.pendingTo,
      notify: this.notify,
      t: this.l10n.t,
      common: this.l10n.common,
      onNotifyChange: this.onNotifyChange,
      onCancel: this.onCancel,
      onConfirm: this.onConfirm,
      onClose: this.onDialogClose,
    });
  }

  // -------------------------------------------------------------------------------------------
  // User actions

  /** While true, UPDATE STATUS does nothing: a change is open or in flight, or a conflict waits. */
  private get blocked(): boolean {
    return this.phase !== 'idle' || this.message?.kind === 'conflict';
  }

  private onSelect(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.selected = isKnownStatus(value) ? value : '';
  }

  private onNotifyChange(event: Event): void {
    this.notify = (event.target as HTMLInputElement).checked;
  }

  private async onUpdateClick(): Promise<void> {
    if (this.blocked) return;
    const invoice = this.current;
    if (!invoice) return;
    const to = this.selected;
    if (!to || !this.targetsOf(invoice).includes(to)) {
      this.setMessage({ kind: 'info', text: this.l10n.t.chooseFirst });
      this.select?.focus();
      return;
    }
    // Set synchronously: a second click or key repeat before the render sees `blocked`.
    this.phase = 'confirming';
    this.pendingTo = to;
    this.notify = defaultNotify(this.flow);
    this.message = undefined;
    await this.updateComplete;
    const dialog = this.dialog;
    if (!dialog || this.phase !== 'confirming') return;
    if (!dialog.open) dialog.showModal();
    this.cancelButton?.focus();
  }

  private onCancel(): void {
    if (this.phase !== 'confirming') return;
    this.phase = 'idle';
    this.pendingTo = undefined;
    this.closeDialog();
  }

  /** Esc (or any close not through OK) keeps the current status. */
  private onDialogClose(): void {
    // A `close` event is dispatched in a later task: when the next confirmation opened in the
    // meantime, this stale event must not reset it.
    if (this.phase !== 'confirming' || this.dialog?.open) return;
    this.phase = 'idle';
    this.pendingTo = undefined;
    this.button?.focus();
  }

  private closeDialog(): void {
    if (this.dialog?.open) this.dialog.close();
    this.button?.focus();
  }

  private onConfirm(): void {
    if (this.phase !== 'confirming') return;
    const invoice = this.current;
    const to = this.pendingTo;
    if (!invoice || !to || !isKnownStatus(invoice.status)) {
      this.onCancel();
      return;
    }
    // Exactly what the dialog shows at this moment.
    const notify = this.notifyInput?.checked ?? this.notify;
    const intent: Intent = {
      invoiceId: invoice.id,
      from: invoice.status,
      to,
      notify,
      expectedVersion: invoice.version,
      idempotencyKey: newIdempotencyKey(),
    };
    this.phase = 'sending';
    this.pendingTo = undefined;
    this.closeDialog();
    const detail = { invoiceId: intent.invoiceId, from: intent.from, to, notify };
    if (!this.emit('invoice-status-change-request', detail)) {
      this.phase = 'idle';
      this.setMessage({ kind: 'info', text: this.l10n.t.vetoed });
      return;
    }
    this.intent = intent;
    void this.send(intent);
  }

  private onRetry(): void {
    if (this.phase !== 'idle' || !this.intent) return;
    void this.send(this.intent);
  }

  private async onReload(): Promise<void> {
    const invoice = this.current;
    const backend = this.activeBackend;
    if (this.phase !== 'idle' || !invoice || !backend) return;
    const hadFocus = this.matches(':focus-within');
    const { signal } = this.controller;
    const staleVersion = this.message?.staleVersion ?? invoice.version;
    this.phase = 'reloading';
    this.setMessage({ kind: 'conflict', text: this.l10n.common.loading, staleVersion });
    try {
      const fresh = await backend.getInvoice(invoice.id, { signal, audience: this.audience });
      if (signal.aborted) return;
      this.phase = 'idle';
      this.intent = undefined;
      this.selected = '';
      this.refreshFrom(fresh);
      this.setMessage({
        kind: 'info',
        text: this.l10n.t.reloaded(statusLabel(fresh.status, this.l10n.common)),
      });
    } catch (error) {
      if (signal.aborted) return;
      this.phase = 'idle';
      this.setMessage({
        kind: 'conflict',
        text: errorMessage(error, this.l10n.common),
        action: 'reload',
        staleVersion,
      });
    }
    await this.settleFocus(hadFocus);
  }

  // -------------------------------------------------------------------------------------------
  // Backend calls

  private async send(intent: Intent): Promise<void> {
    const backend = this.activeBackend;
    const { t, common } = this.l10n;
    if (!backend) {
      this.phase = 'idle';
      this.setMessage({ kind: 'error', text: common.error['no-backend'] });
      return;
    }
    const { signal } = this.controller;
    this.phase = 'sending';
    this.setMessage({ kind: 'info', text: t.sending });
    let result: Invoice;
    try {
      result = await backend.updateStatus(
        {
          invoiceId: intent.invoiceId,
          to: intent.to,
          notify: intent.notify,
          expectedVersion: intent.expectedVersion,
          idempotencyKey: intent.idempotencyKey,
        },
        { signal },
      );
    } catch (error) {
      if (signal.aborted) return;
      await this.handleFailure(intent, toBackendError(error), signal);
      return;
    }
    if (signal.aborted) return;
    await this.succeed(intent, result);
  }

  private async succeed(intent: Intent, invoice: Invoice): Promise<void> {
    const hadFocus = this.matches(':focus-within');
    const { t, common } = this.l10n;
    this.answer = invoice;
    this.phase = 'idle';
    this.intent = undefined;
    this.selected = '';
    this.setMessage({
      kind: 'success',
      text: t.changed(statusLabel(intent.from, common), statusLabel(invoice.status, common)),
    });
    this.emit('invoice-status-change', {
      invoice,
      from: intent.from,
      to: intent.to,
      notify: intent.notify,
    });
    await this.settleFocus(hadFocus);
  }

  private async handleFailure(
    intent: Intent,
    error: BackendError,
    signal: AbortSignal,
  ): Promise<void> {
    const { t, common } = this.l10n;
    if (error.kind === 'aborted') {
      this.phase = 'idle';
      this.message = undefined;
      return;
    }
    if (error.kind === 'timeout' || error.outcomeUnknown || error.kind === 'validation') {
      // Sent, but the answer is missing or unreadable: look before claiming anything.
      await this.check(intent, signal);
      return;
    }
    if (error.kind === 'conflict') {
      this.phase = 'idle';
      this.setMessage({
        kind: 'conflict',
        text: `${common.error.conflict} ${t.conflictHint}`,
        action: 'reload',
        staleVersion: intent.expectedVersion,
      });
      return;
    }
    if (error.kind === 'invalid-transition') {
      await this.refreshTargets(error, signal);
      return;
    }
    this.phase = 'idle';
    this.setMessage({
      kind: 'error',
      text: errorMessage(error, common),
      action: error.retryable ? 'retry' : undefined,
    });
  }

  /** After an unknown outcome: re-read; the target status means success. */
  private async check(intent: Intent, signal: AbortSignal): Promise<void> {
    const { t, common } = this.l10n;
    const backend = this.activeBackend;
    this.phase = 'checking';
    this.setMessage({ kind: 'info', text: t.checking });
    let fresh: Invoice;
    try {
      if (!backend) throw noBackendError();
      fresh = await backend.getInvoice(intent.invoiceId, { signal, audience: this.audience });
    } catch (error) {
      if (signal.aborted) return;
      this.phase = 'idle';
      this.setMessage({
        kind: 'error',
        text: `${errorMessage(error, common)} ${t.unconfirmed}`,
        action: 'retry',
      });
      return;
    }
    if (signal.aborted) return;
    if (fresh.status === intent.to) {
      await this.succeed(intent, fresh);
      return;
    }
    this.phase = 'idle';
    if (fresh.version === intent.expectedVersion) {
      // Not applied and nobody else wrote: Retry (same key) is safe.
      this.setMessage({ kind: 'error', text: t.notApplied, action: 'retry' });
    } else {
      this.setMessage({
        kind: 'conflict',
        text: `${common.error.conflict} ${t.conflictHint}`,
        action: 'reload',
        staleVersion: intent.expectedVersion,
      });
    }
  }

  /** The backend refused the transition: take its list when it sent one, else re-read. */
  private async refreshTargets(error: BackendError, signal: AbortSignal): Promise<void> {
    const { t, common } = this.l10n;
    const invoice = this.current;
    const backend = this.activeBackend;
    const text = `${common.error['invalid-transition']} ${t.targetsRefreshed}`;
    this.intent = undefined;
    this.selected = '';
    if (invoice && Array.isArray(error.allowedTargets)) {
      this.answer = {
        ...invoice,
        allowedTargets: error.allowedTargets.filter(isKnownStatus),
      };
      this.phase = 'idle';
      this.setMessage({ kind: 'error', text });
      return;
    }
    this.phase = 'reloading';
    try {
      if (!invoice || !backend) throw noBackendError();
      const fresh = await backend.getInvoice(invoice.id, { signal, audience: this.audience });
      if (signal.aborted) return;
      this.refreshFrom(fresh);
      this.phase = 'idle';
      this.setMessage({ kind: 'error', text });
    } catch (reloadError) {
      if (signal.aborted) return;
      this.phase = 'idle';
      this.setMessage({
        kind: 'conflict',
        text: `${common.error['invalid-transition']} ${errorMessage(reloadError, common)}`,
        action: 'reload',
        staleVersion: invoice?.version,
      });
    }
  }

  /** Shows a re-read invoice and tells the host, so a parent can replace its copy. */
  private refreshFrom(fresh: Invoice): void {
    this.answer = fresh;
    this.emit('invoice-refresh', { invoice: fresh });
  }

  private setMessage(message: Message): void {
    this.message = message;
    this.announcement = message.text;
  }

  /** When the focused control disappeared (final status, Reload gone), focus lands on the message. */
  private async settleFocus(hadFocus: boolean): Promise<void> {
    await this.updateComplete;
    if (!hadFocus || this.shadowRoot?.activeElement) return;
    (this.button ?? this.messageElement)?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'status-updater': StatusUpdater;
  }
}
