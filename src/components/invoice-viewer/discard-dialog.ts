/**
 * The Discard flow: a native modal `<dialog>` (labelled by its heading, focus in, Esc/Cancel
 * without a backend call, focus back to the Discard button), then a cancelable
 * `invoice-discard-request`, then exactly one backend call carrying the version and an
 * idempotency key (one per intent, reused on Retry), then `invoice-discard`.
 * A conflict is shown with Reload, never overwritten.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { InvoiceBackend } from '../../core/backend.js';
import { BackendError, noBackendError, toBackendError } from '../../core/errors.js';
import { canDiscard } from '../../core/status.js';
import type { Audience, Invoice } from '../../core/types.js';
import type { CommonStrings } from '../../i18n/common.strings.js';
import { errorMessage } from '../shared/error-message.js';
import type { InvoiceDiscardDetail, InvoiceDiscardRequestDetail } from './invoice-viewer.events.js';
import type { InvoiceViewerStrings } from './invoice-viewer.strings.js';

export interface DiscardHost extends HTMLElement {
  requestUpdate(): void;
  addController(controller: ReactiveController): void;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The invoice on screen. */
  readonly shownInvoice: Invoice | undefined;
  readonly audience: Audience;
  readonly discardBackend: InvoiceBackend | undefined;
  /** The backend confirmed: show that the document no longer exists. */
  discarded(invoice: Invoice): void;
  /** Re-read the invoice from the backend (Reload after a conflict). */
  reloadInvoice(): void;
  /** Says something in the live region. */
  announce(text: string): void;
}

type Phase = 'idle' | 'confirming' | 'sending' | 'failed';

const RELOAD_KINDS = new Set(['conflict', 'invalid-transition', 'not-found']);

function uuid(): string {
  return crypto.randomUUID();
}

export class DiscardController implements ReactiveController {
  phase: Phase = 'idle';
  error?: BackendError;
  private key?: string;
  /** `invoiceId|version` the key was made for: a new version is a new intent. */
  private keyFor?: string;
  private abort?: AbortController;

  constructor(private readonly host: DiscardHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.abort = undefined;
    if (this.phase === 'sending') this.phase = 'idle';
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog.discard-dialog');
  }

  private get trigger(): HTMLElement | null {
    return this.host.renderRoot.querySelector('[part="discard-button"]');
  }

  /** Forgets everything about a previous invoice (another invoice or version is shown). */
  reset(): void {
    this.abort?.abort();
    this.abort = undefined;
    this.phase = 'idle';
    this.error = undefined;
    this.key = undefined;
    this.keyFor = undefined;
    if (this.dialog?.open) this.dialog.close();
  }

  open = (): void => {
    const invoice = this.host.shownInvoice;
    if (!invoice || !canDiscard(invoice, this.host.audience)) return;
    const dialog = this.dialog;
    if (!dialog || dialog.open) return;
    if (this.phase !== 'failed') this.error = undefined;
    this.phase = this.phase === 'failed' ? 'failed' : 'confirming';
    dialog.showModal();
    // Focus in: the safe choice first (Cancel).
    dialog.querySelector<HTMLButtonElement>('.cancel')?.focus();
    this.host.requestUpdate();
  };

  close = (): void => {
    if (this.phase === 'sending') return;
    this.dialog?.close();
    this.trigger?.focus();
  };

  /** Esc: closes without a backend call, except while the call is in flight. */
  private onCancel = (event: Event): void => {
    if (this.phase === 'sending') event.preventDefault();
  };

  private onClose = (): void => {
    if (this.phase === 'confirming') this.phase = 'idle';
    this.host.requestUpdate();
    // Focus back to the button that opened the dialog (gone after a discard).
    this.trigger?.focus();
  };

  confirm = async (): Promise<void> => {
    if (this.phase === 'sending') return;
    const invoice = this.host.shownInvoice;
    if (!invoice || !canDiscard(invoice, this.host.audience)) return;
    const intent = `${invoice.id}|${invoice.version}`;
    if (this.keyFor !== intent || !this.key) {
      this.key = uuid();
      this.keyFor = intent;
    }
    const detail: InvoiceDiscardRequestDetail = {
      invoiceId: invoice.id,
      documentId: invoice.documentId,
    };
    const allowed = this.host.dispatchEvent(
      new CustomEvent('invoice-discard-request', {
        detail,
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
    if (!allowed) {
      this.phase = 'idle';
      this.dialog?.close();
      this.host.announce(this.strings?.discardVetoed ?? '');
      return;
    }
    const backend = this.host.discardBackend;
    this.phase = 'sending';
    this.error = undefined;
    this.host.requestUpdate();
    if (!backend) {
      this.fail(noBackendError());
      return;
    }
    const abort = new AbortController();
    this.abort = abort;
    try {
      await backend.discardInvoice(
        { invoiceId: invoice.id, expectedVersion: invoice.version, idempotencyKey: this.key },
        { signal: abort.signal },
      );
    } catch (error) {
      if (abort.signal.aborted) return;
      this.fail(toBackendError(error));
      return;
    }
    if (abort.signal.aborted) return;
    this.abort = undefined;
    this.phase = 'idle';
    this.key = undefined;
    this.keyFor = undefined;
    this.dialog?.close();
    const done: InvoiceDiscardDetail = { invoiceId: invoice.id, documentId: invoice.documentId };
    this.host.dispatchEvent(
      new CustomEvent('invoice-discard', { detail: done, bubbles: true, composed: true }),
    );
    this.host.discarded(invoice);
  };

  private strings?: InvoiceViewerStrings;

  private fail(error: BackendError): void {
    this.abort = undefined;
    this.phase = 'failed';
    this.error = error;
    // A conflict or a changed document is a new situation: the next attempt is a new intent.
    if (RELOAD_KINDS.has(error.kind)) {
      this.key = undefined;
      this.keyFor = undefined;
    }
    this.host.requestUpdate();
  }

  private reload = (): void => {
    this.phase = 'idle';
    this.error = undefined;
    this.key = undefined;
    this.keyFor = undefined;
    this.dialog?.close();
    this.host.reloadInvoice();
  };

  render(
    invoice: Invoice,
    t: InvoiceViewerStrings,
    common: CommonStrings,
    ids: { heading: string; body: string },
  ): TemplateResult {
    this.strings = t;
    const sending = this.phase === 'sending';
    const error = this.error;
    const needsReload = error && RELOAD_KINDS.has(error.kind);
    return html`<dialog
      class="discard-dialog"
      part="dialog"
      aria-labelledby=${ids.heading}
      aria-describedby=${ids.body}
      @cancel=${this.onCancel}
      @close=${this.onClose}
    >
      <h2 id=${ids.heading}>${t.discardHeading}</h2>
      <p id=${ids.body}>${t.discardBody(invoice.documentId)}</p>
      ${sending ? html`<p role="status">${t.discarding}</p>` : nothing}
      ${
        error
          ? html`<div class="alert" role="alert">
              <span
                >${errorMessage(error, common)}
                ${error.kind === 'conflict' ? t.conflictHint : nothing}
                ${error.outcomeUnknown ? t.unknownOutcome : nothing}</span
              >
            </div>`
          : nothing
      }
      <div class="dialog-buttons">
        <button type="button" class="button cancel" ?disabled=${sending} @click=${this.close}>
          ${common.cancel}
        </button>
        ${
          needsReload
            ? html`<button
                type="button"
                class="button"
                data-variant="primary"
                @click=${this.reload}
              >
                ${common.reload}
              </button>`
            : html`<button
                type="button"
                class="button"
                data-variant="danger"
                aria-disabled=${sending ? 'true' : 'false'}
                @click=${this.confirm}
              >
                ${error ? common.retry : t.discardConfirm}
              </button>`
        }
      </div>
    </dialog>`;
  }
}
