/**
 * InvoiceChanges: how an element learns that an invoice it shows changed elsewhere on the page
 * or on the server, without the host wiring anything (docs/ARCHITECTURE.md, "How data flows").
 *
 * Two sources, one callback:
 * - the write events of every element on the page (`invoice-status-change`, `invoice-refresh`,
 *   `invoice-discard`: bubbling and composed, so they reach the window), heard on the window
 *   while the element is connected;
 * - the adapter's optional `subscribe` (a server event stream, another tab), subscribed while
 *   connected, again whenever the adapter in force changes.
 *
 * The same change may arrive from both (a write of this page with an adapter that reports its
 * own writes): what the host does with it must be idempotent.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { InvoiceBackend } from '../../core/backend.js';
import type { InvoiceChange } from '../../core/types.js';

/** The write events an element hears on its window. */
const EVENTS = ['invoice-status-change', 'invoice-refresh', 'invoice-discard'] as const;

/** What the write events carry: the invoice (status change, refresh) or its id (discard). */
type EventDetail = { invoice?: InvoiceChange['invoice']; invoiceId?: string } | null;

export class InvoiceChanges implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #backend: () => InvoiceBackend | undefined;
  readonly #onChange: (change: InvoiceChange) => void;
  #subscribed?: InvoiceBackend;
  #unsubscribe?: () => void;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    backend: () => InvoiceBackend | undefined,
    onChange: (change: InvoiceChange) => void,
  ) {
    this.#host = host;
    this.#backend = backend;
    this.#onChange = onChange;
    host.addController(this);
  }

  /** A write event of the page: the change it stands for. */
  readonly #onEvent = ({ type, detail }: CustomEvent<EventDetail>): void => {
    const invoice = detail?.invoice;
    if (type === 'invoice-discard') {
      if (detail?.invoiceId) this.#onChange({ invoiceId: detail.invoiceId, kind: 'discarded' });
    } else if (invoice) {
      this.#onChange({ invoiceId: invoice.id, kind: 'updated', invoice, version: invoice.version });
    }
  };

  hostConnected(): void {
    for (const type of EVENTS) addEventListener(type, this.#onEvent);
  }

  hostDisconnected(): void {
    for (const type of EVENTS) removeEventListener(type, this.#onEvent);
    this.#unsubscribe?.();
    this.#unsubscribe = this.#subscribed = undefined;
  }

  /** (Re)subscribes when the adapter in force changed. */
  hostUpdated(): void {
    const backend = this.#backend();
    if (backend === this.#subscribed || !this.#host.isConnected) return;
    this.#unsubscribe?.();
    this.#subscribed = backend;
    this.#unsubscribe = backend?.subscribe?.((change) => this.#onChange(change));
  }
}
