/**
 * The adapter context: a host sets its `InvoiceBackend` once for a subtree, and every element
 * inside consumes it. An element's own `backend` property wins over the context.
 */
import { ContextEvent, ContextProvider, createContext } from '@lit/context';
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
  // Elements that connected before this provider existed asked for the backend and got no
  // answer: ask again on their behalf, through open shadow roots (a viewer's nested elements).
  for (const element of invoiceElementsWithin(host)) {
    element.dispatchEvent(
      new ContextEvent(
        invoiceBackendContext,
        element,
        (value: InvoiceBackend | undefined) => {
          (element as Element & { contextBackend?: InvoiceBackend }).contextBackend = value;
        },
        true,
      ),
    );
  }
  return provider;
}

/** Elements below `root` that consume the backend context, through open shadow roots. */
function invoiceElementsWithin(root: Element): Element[] {
  const found: Element[] = [];
  const visit = (node: Element | ShadowRoot): void => {
    for (const child of node.querySelectorAll('*')) {
      if (CONSUMES_BACKEND in child) found.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
    }
  };
  visit(root);
  return found;
}

/** Marks elements that consume the backend context (set on InvoiceElement's prototype). */
export const CONSUMES_BACKEND = Symbol.for('invoice-elements/consumes-backend');
