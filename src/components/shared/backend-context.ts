/**
 * The adapter context: a host sets its `InvoiceBackend` once for a subtree, and every element
 * inside consumes it. An element's own `backend` property wins over the context.
 */
import { ContextProvider, createContext } from '@lit/context';
import type { InvoiceBackend } from '../../core/backend.js';

export const invoiceBackendContext = createContext<InvoiceBackend | undefined>(
  Symbol('invoice-elements/backend'),
);

/**
 * Provides `backend` to every invoice element inside `host` (any element: a `<main>`, a
 * `<div>`, a framework's root, or a custom element whose open shadow root holds the elements).
 * Returns a handle to change it later.
 *
 * ```js
 * const provider = provideInvoiceBackend(document.body, new RestBackend({ baseUrl: '/api' }));
 * provider.setValue(otherBackend);
 * ```
 *
 * Elements may connect before or after the call. Those that connected before asked for the
 * backend when nobody could answer (a context request is made once, on connection): each of
 * them, down through open shadow roots, asks again through its own context consumer, and this
 * provider (the nearest) answers and subscribes it, so `setValue` reaches it and its
 * subscription ends when it disconnects. Nothing global is installed: no `ContextRoot`, which
 * would have to listen on the document before the first element connects.
 */
export function provideInvoiceBackend(
  host: HTMLElement,
  backend: InvoiceBackend,
): ContextProvider<typeof invoiceBackendContext> {
  // ContextProvider accepts any element as host when it is not a ReactiveControllerHost.
  const provider = new ContextProvider(host, {
    context: invoiceBackendContext,
    initialValue: backend,
  });
  provider.hostConnected();
  askAgain(host);
  if (host.shadowRoot) askAgain(host.shadowRoot);
  return provider;
}

/** The connected consumers below `root` ask for the backend again (through open shadow roots). */
function askAgain(root: Element | ShadowRoot): void {
  for (const child of root.querySelectorAll('*')) {
    if (child.isConnected) (child as Partial<BackendConsumer>)[CONSUMES_BACKEND]?.hostConnected();
    if (child.shadowRoot) askAgain(child.shadowRoot);
  }
}

/**
 * Marks the elements that consume the backend context: an invoice element keeps its context
 * consumer (a `ContextConsumer` of `invoiceBackendContext`) under this key.
 */
export const CONSUMES_BACKEND = Symbol.for('invoice-elements/consumes-backend');

/** An element that consumes the backend context (see {@link CONSUMES_BACKEND}). */
export interface BackendConsumer {
  readonly [CONSUMES_BACKEND]: { hostConnected(): void };
}
