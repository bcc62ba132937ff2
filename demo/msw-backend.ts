/**
 * The static demo's backend: the REST contract served in the page by msw over a MemoryBackend
 * (data.ts, kept in localStorage), the other tabs kept in step through sync.ts.
 */
import { setupWorker } from 'msw/browser';
import { createInvoiceHandlers } from '../src/adapters/msw/index.js';
import { RestBackend } from '../src/adapters/rest/rest-backend.js';
import type { InvoiceBackend } from '../src/core/backend.js';
import type { DemoConnection } from './backend.js';
import { README_CUSTOMER, loadStore } from './data.js';
import { syncTabs } from './sync.js';

export async function connectMsw(storageKey: string): Promise<DemoConnection> {
  const store = loadStore(storageKey, new Date());
  const memory = store.memory;

  const worker = setupWorker(...createInvoiceHandlers(memory, { baseUrl: '/api' }));
  await worker.start({
    serviceWorker: { url: new URL('./mockServiceWorker.js', document.baseURI).pathname },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });

  // The other tabs of the demo publish their writes; this tab's store reloads from them.
  const tabs = syncTabs(memory, 'invoice-elements-demo/changes');

  /**
   * The REST adapter plus a subscription to the store's changes, as a server's event stream
   * would offer: the elements follow the other tabs' writes (and their own, idempotently).
   */
  class DemoBackend extends RestBackend implements InvoiceBackend {
    subscribe(listener: Parameters<NonNullable<InvoiceBackend['subscribe']>>[0]): () => void {
      return memory.subscribe(listener);
    }
  }

  return {
    backend: new DemoBackend({ baseUrl: '/api' }),
    customerId: README_CUSTOMER,
    wrote: (change) => {
      localStorage.setItem(storageKey, memory.snapshot());
      tabs.publish(change);
    },
    reset: () => {
      localStorage.removeItem(storageKey);
      location.reload();
    },
    notes: store.discarded ? [store.discarded] : [],
  };
}
