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
 * `<div>`, a framework's root). Returns a handle to change it later.
 *
 * ```js
 * const provider = provideInvoiceBackend(document.body, new RestBackend({ baseUrl: '/api' }));
 * provider.setValue(otherBackend);
 * ```
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
  return provider;
}
