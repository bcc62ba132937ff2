/**
 * msw for the reliability suites: one worker per test file over a fresh MemoryBackend per case,
 * the adapter's fault controls, plus two faults the controls do not have: a response slower
 * than the client's timeout, and a request aborted in flight by something other than the caller.
 */
import { delay, http } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { MemoryBackend } from '../../src/adapters/memory/index.js';
import {
  createFaultControls,
  createInvoiceHandlers,
  type FaultControls,
  type Operation,
} from '../../src/adapters/msw/index.js';
import { RestBackend, type RestBackendOptions } from '../../src/adapters/rest/rest-backend.js';
import type { Invoice } from '../../src/core/types.js';

export const BASE = '/api';
/** The header that names a request `abortInFlight` aborts (test-only, same origin). */
const ABORT_ID = 'X-Test-Abort-Id';

/** Which request (method + path) belongs to an operation. */
export function isOperation(op: Operation, method: string, path: string): boolean {
  const p = path.replace(/^\/api/, '');
  switch (op) {
    case 'searchCustomers':
      return method === 'GET' && p === '/customers';
    case 'getCustomer':
      return method === 'GET' && /^\/customers\/[^/]+$/.test(p);
    case 'listInvoices':
      return method === 'GET' && p === '/invoices';
    case 'getInvoice':
      return method === 'GET' && /^\/invoices\/[^/]+$/.test(p);
    case 'updateStatus':
      return method === 'POST' && /^\/invoices\/[^/]+\/status$/.test(p);
    case 'updateStatuses':
      return method === 'POST' && p === '/invoices/status';
    case 'discardInvoice':
      return method === 'DELETE';
    case 'download':
      return method === 'GET' && /\/download\//.test(p);
  }
}

export interface MswHarness {
  worker: SetupWorker;
  faults: FaultControls;
  memory: MemoryBackend;
  /** Fresh store, no faults, no slow or aborting operations. */
  fresh(invoices: Invoice[]): MemoryBackend;
  /** Requests of `op` wait `ms` before reaching the store (until `fresh`). */
  slow(op: Operation, ms: number): void;
  /** Requests of `op` are aborted in flight, as soon as the server saw them (until `fresh`). */
  abortInFlight(op: Operation): void;
  /** The server is healthy again: no faults, no slow or aborting operations, same store. */
  heal(): void;
  /** A RestBackend whose fetch honours `abortInFlight`. */
  rest(options?: Partial<RestBackendOptions>): RestBackend;
  stop(): void;
}

export async function startMsw(): Promise<MswHarness> {
  const faults = createFaultControls();
  let memory = new MemoryBackend({ invoices: [] });
  const aborting = new Set<Operation>();
  /** Requests to abort once the server sees them, by the id in their ABORT_ID header. */
  const toAbort = new Map<string, AbortController>();
  let lastId = 0;
  const worker = setupWorker(...createInvoiceHandlers(memory, { baseUrl: BASE, faults }));
  worker.events.on('request:start', ({ request }) => {
    const id = request.headers.get(ABORT_ID);
    const controller = id === null ? undefined : toAbort.get(id);
    if (id === null || controller === undefined) return;
    toAbort.delete(id);
    controller.abort(new DOMException('Aborted by the network.', 'AbortError'));
  });
  await worker.start({
    serviceWorker: { url: '/mockServiceWorker.js' },
    onUnhandledRequest: 'error',
    quiet: true,
  });

  // The network drops the request once it reached the server: not after a guessed delay, which
  // on a busy machine may come before the request left the page.
  const abortingFetch: typeof fetch = (input, init) => {
    const url = new URL(typeof input === 'string' ? input : (input as Request).url, location.href);
    const method = (init?.method ?? 'GET').toUpperCase();
    const op = [...aborting].find((o) => isOperation(o, method, url.pathname));
    if (op === undefined) return fetch(input, init);
    const controller = new AbortController();
    init?.signal?.addEventListener('abort', () => controller.abort(init.signal?.reason));
    const id = String(++lastId);
    toAbort.set(id, controller);
    const headers = new Headers(init?.headers);
    headers.set(ABORT_ID, id);
    return fetch(input, { ...init, headers, signal: controller.signal }).finally(() =>
      toAbort.delete(id),
    );
  };

  const harness: MswHarness = {
    worker,
    faults,
    get memory() {
      return memory;
    },
    fresh(invoices) {
      faults.reset();
      aborting.clear();
      memory = new MemoryBackend({ invoices });
      worker.resetHandlers(...createInvoiceHandlers(memory, { baseUrl: BASE, faults }));
      return memory;
    },
    heal() {
      faults.reset();
      aborting.clear();
      worker.resetHandlers(...createInvoiceHandlers(memory, { baseUrl: BASE, faults }));
    },
    slow(op, ms) {
      worker.use(
        http.all(`${BASE}/*`, async ({ request }) => {
          if (isOperation(op, request.method, new URL(request.url).pathname)) await delay(ms);
          // Nothing returned: the request goes on to the contract handlers.
        }),
      );
    },
    abortInFlight(op) {
      aborting.add(op);
    },
    rest(options = {}) {
      return new RestBackend({ baseUrl: BASE, fetch: abortingFetch, ...options });
    },
    stop() {
      faults.reset();
      worker.stop();
    },
  };
  return harness;
}
