/**
 * The Discard flow: a native modal `<dialog>` (labelled by its heading, focus in, Esc/Cancel
 * without a backend call, focus back to the Discard button), then a cancelable
 * `invoice-discard-request`, then exactly one backend call carrying the version and an
 * idempotency key (one per intent, reused on Retry), then `invoice-discard`. The write is the
 * guarded write of src/core/guarded-write.ts; the viewer fires the events through callbacks.
 * A conflict is shown with Reload, never overwritten.
 */
import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import type { InvoiceBackend } from '../../core/backend.js';
import type { BackendError } from '../../core/errors.js';
import { GuardedWrite, type WriteOutcome } from '../../core/guarded-write.js';
import { canDiscard } from '../../core/status.js';
import { inSentence } from '../../core/display-text.js';
import type { Audience, Invoice } from '../../core/types.js';
import type { CommonStrings } from '../../i18n/common.strings.js';
import { errorMessage } from '../shared/error-message.js';
import type { InvoiceEventMap } from '../shared/events.js';
import type { InvoiceViewerStrings } from './invoice-viewer.strings.js';

/** What the controller needs of its element (a LitElement is one). */
export interface DiscardHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly audience: Audience;
}

/** What the element does for the flow. */
export interface DiscardCallbacks {
  /** The invoice on screen (none once it is gone). */
  invoice(): Invoice | undefined;
  backend(): InvoiceBackend | undefined;
  /** Fires an event through the element's typed `emit` (false: the host vetoed a request). */
  emit<K extends 'invoice-discard-request' | 'invoice-discard'>(
    type: K,
    detail: InvoiceEventMap[K],
  ): boolean;
  /** The backend confirmed: show that the document no longer exists. */
  discarded(invoice: Invoice): void;
  /** Re-reads the invoice from the backend (Reload after a conflict). */
  reload(): void;
  /** The host vetoed the request: say so. */
  vetoed(): void;
}

/** The change the user confirmed: this document at this version (the backend's payload). */
interface DiscardIntent {
  invoiceId: string;
  expectedVersion: string;
}

const RELOAD_KINDS = new Set(['conflict', 'invalid-transition', 'not-found']);

export class DiscardController implements ReactiveController {
  /** The last attempt's failure: the dialog shows it with Retry, or Reload. */
  #failed?: Exclude<WriteOutcome<unknown>, { kind: 'success' }>;
  /** One key per document version: Retry (or confirming again) reuses it. */
  readonly #write: GuardedWrite<DiscardIntent>;

  readonly #host: DiscardHost;
  readonly #on: DiscardCallbacks;

  constructor(host: DiscardHost, on: DiscardCallbacks) {
    this.#host = host;
    this.#on = on;
    host.addController(this);
    this.#write = new GuardedWrite<DiscardIntent>({
      same: (a, b) => a.invoiceId === b.invoiceId && a.expectedVersion === b.expectedVersion,
      onChange: () => host.requestUpdate(),
    });
  }

  hostDisconnected(): void {
    this.#write.abort();
  }

  get #dialog(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector('dialog.discard-dialog');
  }

  get #trigger(): HTMLElement | null {
    return this.#host.renderRoot.querySelector('[part="discard-button"]');
  }

  /** The invoice on screen, when this audience may discard it. */
  get #discardable(): Invoice | undefined {
    const invoice = this.#on.invoice();
    return invoice && canDiscard(invoice, this.#host.audience) ? invoice : undefined;
  }

  /** Forgets everything about a previous invoice (another invoice or version is shown). */
  reset(): void {
    this.#write.reset();
    this.#failed = undefined;
    this.#dialog?.close();
  }

  open = (): void => {
    const dialog = this.#dialog;
    if (!this.#discardable || !dialog || dialog.open) return;
    // After a failure the dialog opens on it (Retry or Reload); else it asks.
    if (!this.#failed) this.#write.open();
    dialog.showModal();
    // Focus in: the safe choice first (Cancel).
    dialog.querySelector<HTMLButtonElement>('.cancel')?.focus();
    this.#host.requestUpdate();
  };

  close = (): void => {
    if (this.#write.phase === 'sending') return;
    this.#dialog?.close();
    this.#trigger?.focus();
  };

  /** Esc: closes without a backend call, except while the call is in flight. */
  #onCancel = (event: Event): void => {
    if (this.#write.phase === 'sending') event.preventDefault();
  };

  #onClose = (): void => {
    if (this.#write.phase === 'confirming') this.#write.cancel();
    this.#host.requestUpdate();
    // Focus back to the button that opened the dialog (gone after a discard).
    this.#trigger?.focus();
  };

  confirm = async (): Promise<void> => {
    const invoice = this.#discardable;
    if (!invoice) return;
    // Ignored while the call is in flight: one backend call per confirmation.
    if (!this.#write.begin({ invoiceId: invoice.id, expectedVersion: invoice.version })) return;
    const detail = { invoiceId: invoice.id, documentId: invoice.documentId };
    if (!this.#on.emit('invoice-discard-request', detail)) {
      this.#write.cancel();
      this.#dialog?.close();
      this.#on.vetoed();
      return;
    }
    await this.#send();
  };

  /**
   * Sends the held intent (`again`: Retry, the same key and no second request event), or only
   * re-reads (`again === 'check'`). An unknown outcome re-reads before saying anything: a
   * document that is gone was deleted.
   */
  #send = async (again?: 'retry' | 'check'): Promise<void> => {
    const invoice = this.#discardable;
    const backend = this.#on.backend();
    if (!invoice || (again && this.#write.phase !== 'idle')) return;
    this.#failed = undefined;
    let outcome: WriteOutcome<unknown> | undefined;
    if (again !== 'check') {
      outcome = await this.#write.run(
        backend &&
          ((held, idempotencyKey, signal) =>
            backend.discardInvoice({ ...held, idempotencyKey }, { signal })),
      );
    }
    if (!outcome || outcome.kind === 'outcome-unknown') {
      outcome = await this.#write.check(
        backend &&
          ((signal) =>
            backend.getInvoice(invoice.id, { signal, audience: this.#host.audience }).catch((e) => {
              if ((e as BackendError).kind === 'not-found') return null;
              throw e;
            })),
        (fresh) => fresh === null,
      );
    }
    if (!outcome) return;
    if (outcome.kind === 'success') {
      this.#dialog?.close();
      this.#on.emit('invoice-discard', { invoiceId: invoice.id, documentId: invoice.documentId });
      this.#on.discarded(invoice);
      return;
    }
    // A changed or missing document offers only Reload, which starts over with a new intent.
    this.#failed = outcome;
    this.#host.requestUpdate();
  };

  #reload = (): void => {
    this.reset();
    this.#on.reload();
  };

  render(
    invoice: Invoice,
    t: InvoiceViewerStrings,
    common: CommonStrings,
    ids: { heading: string; body: string },
  ): TemplateResult {
    const sending = this.#write.phase === 'sending';
    const failed = this.#failed;
    const found = failed?.kind;
    const error = (failed as { error?: BackendError } | undefined)?.error;
    const needsReload = error && RELOAD_KINDS.has(error.kind);
    const button = (label: string, onClick: () => void, variant: string) =>
      html`<button
        type="button"
        class="button"
        data-variant=${variant}
        aria-disabled=${sending ? 'true' : 'false'}
        @click=${onClick}
      >
        ${label}
      </button>`;
    return html`<dialog
      class="discard-dialog"
      part="dialog"
      aria-labelledby=${ids.heading}
      aria-describedby=${ids.body}
      @cancel=${this.#onCancel}
      @close=${this.#onClose}
    >
      <h2 id=${ids.heading}>${t.discardHeading}</h2>
      <p id=${ids.body}>${t.discardBody(inSentence(invoice.documentId))}</p>
      ${sending ? html`<p role="status">${t.discarding}</p>` : nothing}
      ${
        failed
          ? html`<div class="alert" role="alert">
              <span
                >${error ? errorMessage(error, common) : nothing}
                ${error?.kind === 'conflict' ? t.conflictHint : nothing}
                ${
                  found === 'not-applied'
                    ? t.notDiscarded
                    : found === 'unconfirmed' || found === 'outcome-unknown'
                      ? t.unknownOutcome
                      : nothing
                }</span
              >
            </div>`
          : nothing
      }
      <div class="dialog-buttons">
        <button type="button" class="button cancel" ?disabled=${sending} @click=${this.close}>
          ${common.cancel}
        </button>
        ${found === 'unconfirmed' ? button(common.checkAgain, () => void this.#send('check'), '') : nothing}
        ${
          needsReload
            ? button(common.reload, this.#reload, 'primary')
            : failed
              ? button(common.retry, () => void this.#send('retry'), 'danger')
              : button(t.discardConfirm, this.confirm, 'danger')
        }
      </div>
    </dialog>`;
  }
}
