/**
 * RestBackend over the msw handlers (real fetch, real service worker) on a fresh MemoryBackend
 * per test: the shared backend contract, then what only an HTTP adapter has (headers, retries,
 * timeouts, status mapping, validation of bodies and download URLs).
 */
import { expect } from '@open-wc/testing';
import { http } from 'msw';
import { setupWorker } from 'msw/browser';
import type { SetupWorker } from 'msw/browser';
import { MemoryBackend } from '../../src/adapters/memory/index.js';
import { createFaultControls, createInvoiceHandlers } from '../../src/adapters/msw/index.js';
import { RestBackend } from '../../src/adapters/rest/rest-backend.js';
import type { RestBackendOptions } from '../../src/adapters/rest/rest-backend.js';
import { BackendError } from '../../src/core/errors.js';
import type { Invoice, InvoiceStatus } from '../../src/core/types.js';
import { backendContract, rejection } from './backend-contract.js';
import { until } from '../support/dom.js';
import { deferred, nextTask } from '../support/wait.js';

const BASE = '/api';
const faults = createFaultControls();
let memory = new MemoryBackend();
let worker: SetupWorker;
/** Requests as the handlers received them (headers, URL), in order. */
let wire: Request[] = [];

function useFreshMemory(): MemoryBackend {
  memory = new MemoryBackend();
  faults.reset();
  worker.resetHandlers(...createInvoiceHandlers(memory, { baseUrl: BASE, faults }));
  wire = [];
  return memory;
}

function rest(options: Partial<RestBackendOptions> = {}): RestBackend {
  return new RestBackend({ baseUrl: BASE, timeoutMs: 1500, retryBaseMs: 5, ...options });
}

function invoiceWith(status: InvoiceStatus): Invoice {
  for (const id of memory.invoiceIds()) {
    const invoice = memory.inspect(id);
    if (invoice?.status === status && invoice.allowedTargets === undefined) return invoice;
  }
  throw new Error(`The generated data has no ${status} invoice with the default table.`);
}

function wireFor(op: string): Request[] {
  return wire.filter((r) => `${r.method} ${new URL(r.url).pathname}`.includes(op));
}

before(async () => {
  worker = setupWorker(...createInvoiceHandlers(memory, { baseUrl: BASE, faults }));
  worker.events.on('request:start', ({ request }) => {
    if (new URL(request.url).pathname.startsWith(`${BASE}/`)) wire.push(request.clone());
  });
  await worker.start({
    serviceWorker: { url: '/mockServiceWorker.js' },
    onUnhandledRequest: 'error',
    quiet: true,
  });
});

after(() => {
  faults.reset();
  worker.stop();
});

afterEach(() => {
  // Releases requests left hanging by a test.
  faults.reset();
});

backendContract('RestBackend + msw', () => {
  const fresh = useFreshMemory();
  return {
    // A hang fault still ends in a timeout; an answer late on a busy machine must not.
    backend: rest({ timeoutMs: 2000, retries: 3 }),
    memory: fresh,
    dispose: () => faults.reset(),
    faults,
  };
});

describe('RestBackend (HTTP specifics)', () => {
  beforeEach(() => {
    useFreshMemory();
  });

  describe('headers and credentials', () => {
    it('sends static headers and the token from the callback, storing nothing', async () => {
      const localBefore = JSON.stringify({ ...localStorage });
      const sessionBefore = JSON.stringify({ ...sessionStorage });
      const signals: AbortSignal[] = [];
      const backend = rest({
        headers: { 'X-Tenant': 'acme' },
        getToken: async (signal) => {
          signals.push(signal);
          return 'secret-token-1';
        },
      });
      await backend.searchCustomers({ text: 'a' });
      const [request] = wireFor('/api/customers');
      expect(request?.headers.get('X-Tenant')).to.equal('acme');
      expect(request?.headers.get('Authorization')).to.equal('Bearer secret-token-1');
      expect(signals).to.have.length(1);
      expect(signals[0]).to.be.instanceOf(AbortSignal);
      expect(JSON.stringify({ ...localStorage })).to.equal(localBefore);
      expect(JSON.stringify({ ...sessionStorage })).to.equal(sessionBefore);
      expect(JSON.stringify({ ...localStorage })).not.to.contain('secret-token-1');
      expect(JSON.stringify(backend)).not.to.contain('secret-token-1');
    });

    it('asks for the token on every request and sends no Authorization without one', async () => {
      const tokens = ['t-1', null];
      const backend = rest({ getToken: async () => tokens.shift() });
      await backend.searchCustomers({ text: 'a' });
      await backend.searchCustomers({ text: 'b' });
      const requests = wireFor('/api/customers');
      expect(requests.map((r) => r.headers.get('Authorization'))).to.deep.equal([
        'Bearer t-1',
        null,
      ]);
    });

    it('a failing token callback is unauthorized and sends nothing', async () => {
      const backend = rest({
        getToken: async () => {
          throw new Error('login expired');
        },
      });
      const error = await rejection(backend.searchCustomers({ text: 'a' }));
      expect(error.kind).to.equal('unauthorized');
      expect(faults.attempts('searchCustomers')).to.equal(0);
    });

    it('a token callback that never settles ends in the timeout and sends nothing', async () => {
      const open = invoiceWith('OPEN');
      const backend = rest({ timeoutMs: 300, getToken: () => new Promise<string>(() => {}) });
      const error = await rejection(backend.getInvoice(open.id));
      expect(error.kind).to.equal('timeout');
      expect(error.outcomeUnknown).to.equal(false);
      expect(faults.attempts('getInvoice')).to.equal(0);
    });

    it('a write waiting for a token that never settles times out without outcomeUnknown', async () => {
      const draft = invoiceWith('DRAFT');
      const backend = rest({ timeoutMs: 300, getToken: () => new Promise<string>(() => {}) });
      const error = await rejection(
        backend.updateStatus({
          invoiceId: draft.id,
          to: 'OPEN',
          notify: true,
          expectedVersion: draft.version,
          idempotencyKey: 'k-token-hang',
        }),
      );
      expect(error.kind).to.equal('timeout');
      expect(error.outcomeUnknown).to.equal(false);
      expect(faults.attempts('updateStatus')).to.equal(0);
    });

    it('aborting the call ends the wait for a token at once', async () => {
      const asked = deferred();
      const backend = rest({
        timeoutMs: 60_000,
        getToken: () => {
          asked.resolve();
          return new Promise<string>(() => {});
        },
      });
      const controller = new AbortController();
      const pending = backend.listInvoices({}, { signal: controller.signal });
      await asked.promise;
      controller.abort();
      const error = await rejection(pending);
      expect(error.kind).to.equal('aborted');
      expect(faults.attempts('listInvoices')).to.equal(0);
    });

    for (const [label, token] of [
      ['CR/LF', 'abc\r\nX-Injected: 1'],
      ['LF', 'abc\ndef'],
      ['a space', 'abc def'],
      ['a non-ASCII character', 'tökén'],
    ] as const) {
      it(`a token with ${label} is a configuration error and sends nothing`, async () => {
        const backend = rest({ getToken: async () => token });
        const error = await rejection(backend.searchCustomers({ text: 'a' }));
        expect(error.kind).to.equal('config');
        expect(error.retryable).to.equal(false);
        expect(faults.attempts('searchCustomers')).to.equal(0);
      });
    }

    it('a static header with CR/LF is a configuration error and sends nothing', async () => {
      const backend = rest({ headers: { 'X-Tenant': 'acme\r\nX-Injected: 1' } });
      const error = await rejection(backend.searchCustomers({ text: 'a' }));
      expect(error.kind).to.equal('config');
      expect(faults.attempts('searchCustomers')).to.equal(0);
    });

    it('passes the credentials mode to fetch', async () => {
      const seen: (RequestCredentials | undefined)[] = [];
      const backend = rest({
        credentials: 'include',
        fetch: (input, init) => {
          seen.push(init?.credentials);
          return fetch(input, init);
        },
      });
      await backend.listInvoices({ limit: 1 });
      expect(seen).to.deep.equal(['include']);
    });
  });

  describe('operations round trip', () => {
    it('searchCustomers and getCustomer answer what the store answers', async () => {
      const backend = rest();
      const expected = await memory.searchCustomers({ text: 'a', limit: 3 });
      expect(expected.length).to.be.greaterThan(0);
      expect(await backend.searchCustomers({ text: 'a', limit: 3 })).to.deep.equal(expected);
      const url = new URL(wireFor('/api/customers')[0]!.url);
      expect(url.searchParams.get('q')).to.equal('a');
      expect(url.searchParams.get('limit')).to.equal('3');
      const customer = expected[0]!;
      expect(await backend.getCustomer(customer.id)).to.deep.equal(customer);
      const missing = await rejection(backend.getCustomer('no-such-customer'));
      expect(missing.kind).to.equal('not-found');
      expect(missing.status).to.equal(404);
    });

    it('listInvoices encodes every query field as the contract says', async () => {
      const backend = rest();
      const query = {
        period: { from: '2025-01', to: '2026-12' },
        statuses: ['OPEN', 'VOID'] as InvoiceStatus[],
        providers: ['aws', 'microsoft'],
        sort: { key: 'total' as const, direction: 'desc' as const },
        offset: 1,
        limit: 4,
        audience: 'customer' as const,
      };
      const page = await backend.listInvoices(query);
      expect(page).to.deep.equal(await memory.listInvoices(query));
      const params = new URL(wireFor('/api/invoices')[0]!.url).searchParams;
      expect(params.getAll('status')).to.deep.equal(['OPEN', 'VOID']);
      expect(params.getAll('provider')).to.deep.equal(['aws', 'microsoft']);
      expect(params.get('sort')).to.equal('-total');
      expect(params.get('from')).to.equal('2025-01');
      expect(params.get('to')).to.equal('2026-12');
      expect(params.get('offset')).to.equal('1');
      expect(params.get('limit')).to.equal('4');
      expect(params.get('audience')).to.equal('customer');
      expect(params.has('customerId')).to.equal(false);
    });

    it('getInvoice hides a draft from the customer audience', async () => {
      const draft = invoiceWith('DRAFT');
      const backend = rest();
      expect((await backend.getInvoice(draft.id)).status).to.equal('DRAFT');
      const error = await rejection(backend.getInvoice(draft.id, { audience: 'customer' }));
      expect(error.kind).to.equal('not-found');
    });

    it('encodes path segments and refuses dot segments', async () => {
      const backend = rest();
      const error = await rejection(backend.getInvoice('a/b c?d'));
      expect(error.kind).to.equal('not-found');
      expect(new URL(wire[0]!.url).pathname).to.equal('/api/invoices/a%2Fb%20c%3Fd');
      const dots = await rejection(backend.getInvoice('..'));
      expect(dots.kind).to.equal('validation');
      expect(dots.field).to.equal('invoiceId');
      expect(wire).to.have.length(1);
    });

    it('updateStatus sends If-Match, Idempotency-Key and {to, notify}', async () => {
      const draft = invoiceWith('DRAFT');
      const result = await rest().updateStatus({
        invoiceId: draft.id,
        to: 'OPEN',
        notify: false,
        expectedVersion: draft.version,
        idempotencyKey: 'key-1',
      });
      expect(result.status).to.equal('OPEN');
      expect(result.version).not.to.equal(draft.version);
      const [request] = wireFor('/status');
      expect(request?.method).to.equal('POST');
      expect(request?.headers.get('If-Match')).to.equal(`"${draft.version}"`);
      expect(request?.headers.get('Idempotency-Key')).to.equal('key-1');
      expect(await request?.json()).to.deep.equal({ to: 'OPEN', notify: false });
      expect(memory.inspect(draft.id)?.status).to.equal('OPEN');
      expect(memory.inspect(draft.id)?.history.at(-1)?.notified).to.equal(false);
    });

    it('discardInvoice sends DELETE with If-Match and Idempotency-Key', async () => {
      const draft = invoiceWith('DRAFT');
      await rest().discardInvoice({
        invoiceId: draft.id,
        expectedVersion: draft.version,
        idempotencyKey: 'discard-1',
      });
      const [request] = wireFor(`/api/invoices/${draft.id}`);
      expect(request?.method).to.equal('DELETE');
      expect(request?.headers.get('If-Match')).to.equal(`"${draft.version}"`);
      expect(request?.headers.get('Idempotency-Key')).to.equal('discard-1');
      expect(memory.inspect(draft.id)).to.equal(undefined);
    });

    it('a stale version is a conflict carrying the current version', async () => {
      const open = invoiceWith('OPEN');
      const error = await rejection(
        rest().updateStatus({
          invoiceId: open.id,
          to: 'CLOSED',
          notify: true,
          expectedVersion: 'stale-version',
          idempotencyKey: 'key-stale',
        }),
      );
      expect(error.kind).to.equal('conflict');
      expect(error.status).to.equal(409);
      expect(error.currentVersion).to.equal(open.version);
      expect(memory.inspect(open.id)?.status).to.equal('OPEN');
    });

    it('a refused transition is invalid-transition with the allowed targets', async () => {
      const draft = invoiceWith('DRAFT');
      const error = await rejection(
        rest().updateStatus({
          invoiceId: draft.id,
          to: 'CLOSED',
          notify: true,
          expectedVersion: draft.version,
          idempotencyKey: 'key-bad',
        }),
      );
      expect(error.kind).to.equal('invalid-transition');
      expect(error.status).to.equal(422);
      expect(error.allowedTargets).to.deep.equal(['OPEN']);
    });
  });

  describe('the handlers enforce the write headers', () => {
    for (const missing of ['Idempotency-Key', 'If-Match']) {
      it(`a write without ${missing} is 400 validation`, async () => {
        const draft = invoiceWith('DRAFT');
        const headers: Record<string, string> = {
          'Content-Type': 'application/json',
          'If-Match': `"${draft.version}"`,
          'Idempotency-Key': 'k',
        };
        delete headers[missing];
        const response = await fetch(`${BASE}/invoices/${draft.id}/status`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ to: 'OPEN', notify: true }),
        });
        expect(response.status).to.equal(400);
        const body = (await response.json()) as { error: { kind: string; field: string } };
        expect(body.error.kind).to.equal('validation');
        expect(body.error.field).to.equal(missing);
        expect(memory.inspect(draft.id)?.status).to.equal('DRAFT');
      });
    }

    it('GET /invoices/{id} sends the version as a quoted ETag', async () => {
      const open = invoiceWith('OPEN');
      const response = await fetch(`${BASE}/invoices/${open.id}`);
      expect(response.headers.get('ETag')).to.equal(`"${open.version}"`);
    });
  });

  describe('each HTTP status maps to its kind', () => {
    const cases: {
      status: number;
      body?: unknown;
      headers?: Record<string, string>;
      kind: string;
      check?: (e: BackendError) => void;
    }[] = [
      {
        status: 400,
        body: { error: { kind: 'validation', message: 'bad', field: 'limit' } },
        kind: 'validation',
        check: (e) => expect(e.field).to.equal('limit'),
      },
      { status: 401, kind: 'unauthorized' },
      { status: 403, kind: 'forbidden' },
      { status: 404, kind: 'not-found' },
      {
        status: 409,
        body: { error: { kind: 'conflict', message: 'stale', currentVersion: 'v9' } },
        kind: 'conflict',
        check: (e) => expect(e.currentVersion).to.equal('v9'),
      },
      {
        status: 412,
        headers: { ETag: '"v12"' },
        kind: 'conflict',
        check: (e) => expect(e.currentVersion).to.equal('v12'),
      },
      {
        status: 422,
        body: { error: { kind: 'invalid-transition', message: 'no', allowedTargets: ['VOID'] } },
        kind: 'invalid-transition',
        check: (e) => expect(e.allowedTargets).to.deep.equal(['VOID']),
      },
      {
        status: 422,
        body: { error: { kind: 'validation', message: 'no', field: 'notify' } },
        kind: 'validation',
        check: (e) => expect(e.field).to.equal('notify'),
      },
      {
        status: 429,
        headers: { 'Retry-After': '7' },
        kind: 'rate-limited',
        check: (e) => expect(e.retryAfterMs).to.equal(7000),
      },
      { status: 500, kind: 'server' },
      { status: 502, kind: 'server' },
      { status: 503, kind: 'server' },
      { status: 504, kind: 'server' },
    ];
    for (const c of cases) {
      const label = c.body ? (c.body as { error: { kind: string } }).error.kind : 'no body';
      it(`${c.status} (${label}) → ${c.kind}`, async () => {
        const open = invoiceWith('OPEN');
        faults.respondNext('getInvoice', c.status, { body: c.body, headers: c.headers });
        const error = await rejection(rest({ retries: 0 }).getInvoice(open.id));
        expect(error.kind).to.equal(c.kind);
        expect(error.status).to.equal(c.status);
        c.check?.(error);
      });
    }

    it('an HTML error page still maps by status', async () => {
      faults.respondNext('listInvoices', 502);
      const error = await rejection(rest({ retries: 0 }).listInvoices({}));
      expect(error.kind).to.equal('server');
    });
  });

  describe('retries', () => {
    it('reads are retried on 5xx and succeed', async () => {
      faults.serverErrorNext('listInvoices', 2);
      const page = await rest().listInvoices({ limit: 2 });
      expect(page.items).to.have.length(2);
      expect(faults.attempts('listInvoices')).to.equal(3);
    });

    it('reads give up after `retries` retries', async () => {
      faults.serverErrorNext('listInvoices', 10);
      const error = await rejection(rest({ retries: 2 }).listInvoices({}));
      expect(error.kind).to.equal('server');
      expect(faults.attempts('listInvoices')).to.equal(3);
    });

    it('reads are retried on network errors', async () => {
      const open = invoiceWith('OPEN');
      faults.networkErrorNext('getInvoice', 1);
      expect((await rest().getInvoice(open.id)).id).to.equal(open.id);
      expect(faults.attempts('getInvoice')).to.equal(2);
    });

    it('Retry-After in seconds is honoured', async () => {
      faults.rateLimitNext('listInvoices', '1');
      const started = performance.now();
      await rest().listInvoices({});
      expect(faults.attempts('listInvoices')).to.equal(2);
      expect(performance.now() - started).to.be.at.least(950);
    });

    it('a Retry-After longer than maxRetryAfterMs is not waited for', async () => {
      faults.rateLimitNext('listInvoices', '120');
      const error = await rejection(rest({ maxRetryAfterMs: 5000 }).listInvoices({}));
      expect(error.kind).to.equal('rate-limited');
      expect(error.retryAfterMs).to.equal(120_000);
      expect(faults.attempts('listInvoices')).to.equal(1);
    });

    it('Retry-After as an HTTP date is read', async () => {
      const date = new Date(Date.now() + 3_600_000).toUTCString();
      faults.rateLimitNext('listInvoices', date);
      const error = await rejection(rest().listInvoices({}));
      expect(error.kind).to.equal('rate-limited');
      expect(error.retryAfterMs).to.be.within(3_590_000, 3_600_000);
      expect(faults.attempts('listInvoices')).to.equal(1);
    });

    it('writes are not retried on 429', async () => {
      const draft = invoiceWith('DRAFT');
      faults.rateLimitNext('updateStatus', '0');
      const error = await rejection(
        rest().updateStatus({
          invoiceId: draft.id,
          to: 'OPEN',
          notify: true,
          expectedVersion: draft.version,
          idempotencyKey: 'k-429',
        }),
      );
      expect(error.kind).to.equal('rate-limited');
      expect(faults.attempts('updateStatus')).to.equal(1);
      expect(memory.inspect(draft.id)?.status).to.equal('DRAFT');
    });

    it('a write answered 503 after it was applied is retried with the same key, applied once', async () => {
      const draft = invoiceWith('DRAFT');
      const historyBefore = draft.history.length;
      faults.serverErrorNext('updateStatus', 1, 503, { afterApply: true });
      const result = await rest().updateStatus({
        invoiceId: draft.id,
        to: 'OPEN',
        notify: true,
        expectedVersion: draft.version,
        idempotencyKey: 'same-key',
      });
      expect(result.status).to.equal('OPEN');
      expect(faults.attempts('updateStatus')).to.equal(2);
      const keys = wireFor('/status').map((r) => r.headers.get('Idempotency-Key'));
      expect(keys).to.deep.equal(['same-key', 'same-key']);
      const stored = memory.inspect(draft.id)!;
      expect(stored.history.length).to.equal(historyBefore + 1);
      expect(stored.version).to.equal(result.version);
    });

    it('a discard answered 503 after it was applied is retried and succeeds once', async () => {
      const draft = invoiceWith('DRAFT');
      faults.serverErrorNext('discardInvoice', 1, 503, { afterApply: true });
      await rest().discardInvoice({
        invoiceId: draft.id,
        expectedVersion: draft.version,
        idempotencyKey: 'discard-same',
      });
      expect(faults.attempts('discardInvoice')).to.equal(2);
      expect(memory.inspect(draft.id)).to.equal(undefined);
    });
  });

  describe('timeouts and aborts', () => {
    it('a read that hangs is a timeout, not retried', async () => {
      const open = invoiceWith('OPEN');
      faults.hangNext('getInvoice');
      // The request must reach the server before the timeout (attempts is 1): a bound in
      // seconds, not in tens of ms, however busy the machine.
      const error = await rejection(rest({ timeoutMs: 1000 }).getInvoice(open.id));
      expect(error.kind).to.equal('timeout');
      expect(error.outcomeUnknown).to.equal(false);
      expect(faults.attempts('getInvoice')).to.equal(1);
    });

    it('a write that timed out after sending reports outcomeUnknown and is not retried', async () => {
      const draft = invoiceWith('DRAFT');
      faults.hangNext('updateStatus', { afterApply: true });
      // As above: the write must reach the server (and be applied) before the timeout.
      const error = await rejection(
        rest({ timeoutMs: 1000 }).updateStatus({
          invoiceId: draft.id,
          to: 'OPEN',
          notify: true,
          expectedVersion: draft.version,
          idempotencyKey: 'k-timeout',
        }),
      );
      expect(error.kind).to.equal('timeout');
      expect(error.outcomeUnknown).to.equal(true);
      expect(faults.attempts('updateStatus')).to.equal(1);
      // The write was applied: a re-read shows it.
      expect((await rest().getInvoice(draft.id)).status).to.equal('OPEN');
    });

    it('the caller aborting is aborted, not retried', async () => {
      faults.hangNext('listInvoices');
      const controller = new AbortController();
      const pending = rest({ timeoutMs: 5000 }).listInvoices({}, { signal: controller.signal });
      // Abort once the request reached the server (it hangs there), not after a guessed delay.
      await until(() => faults.attempts('listInvoices') === 1, 'the request never arrived');
      controller.abort();
      const error = await rejection(pending);
      expect(error.kind).to.equal('aborted');
      expect(faults.attempts('listInvoices')).to.equal(1);
    });

    it('aborting during the retry backoff stops at once', async () => {
      faults.serverErrorNext('listInvoices', 1);
      // The 503 was read by the client (its body too): from there on it is in the backoff.
      const answered = deferred();
      const readingFetch: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        const body = await response.text();
        const copy = new Response(body, response);
        copy.text = () => {
          answered.resolve();
          return Promise.resolve(body);
        };
        return copy;
      };
      const controller = new AbortController();
      const pending = rest({ retryBaseMs: 10_000, fetch: readingFetch }).listInvoices(
        {},
        { signal: controller.signal },
      );
      await answered.promise;
      await nextTask();
      // The backoff is 5 to 10 s: an abort that did not stop it would take that long.
      const aborted = performance.now();
      controller.abort();
      const error = await rejection(pending);
      expect(error.kind).to.equal('aborted');
      expect(performance.now() - aborted).to.be.below(3000);
      expect(faults.attempts('listInvoices')).to.equal(1);
    });

    it('an already aborted signal sends nothing', async () => {
      const controller = new AbortController();
      controller.abort();
      const error = await rejection(rest().listInvoices({}, { signal: controller.signal }));
      expect(error.kind).to.equal('aborted');
      expect(faults.attempts('listInvoices')).to.equal(0);
    });
  });

  describe('response validation', () => {
    it('malformed JSON is validation, not retried', async () => {
      faults.malformedNext('listInvoices');
      const error = await rejection(rest().listInvoices({}));
      expect(error.kind).to.equal('validation');
      expect(error.field).to.equal('$');
      expect(faults.attempts('listInvoices')).to.equal(1);
    });

    for (const type of ['text/html; charset=utf-8', 'text/plain', null]) {
      it(`a 200 with Content-Type ${type} and a JSON body is validation, not trusted`, async () => {
        const open = invoiceWith('OPEN');
        // The body is the real invoice: only the type says it is not our API's answer.
        if (type === null) {
          // msw's JSON answers always carry a type: a raw answer without one (a typeless Blob).
          const body = new Blob([JSON.stringify(open)]);
          worker.use(http.get(`${BASE}/invoices/:id`, () => new Response(body), { once: true }));
        } else {
          faults.respondNext('getInvoice', 200, { body: open, headers: { 'Content-Type': type } });
        }
        const error = await rejection(rest().getInvoice(open.id));
        expect(error.kind).to.equal('validation');
        expect(error.field).to.equal('$');
      });
    }

    it('a status write answered 200 text/html is validation (outcome unknown)', async () => {
      const draft = invoiceWith('DRAFT');
      faults.respondNext('updateStatus', 200, {
        body: { ...draft, status: 'OPEN' },
        headers: { 'Content-Type': 'text/html' },
      });
      const error = await rejection(
        rest().updateStatus({
          invoiceId: draft.id,
          to: 'OPEN',
          notify: true,
          expectedVersion: draft.version,
          idempotencyKey: 'k-html',
        }),
      );
      expect(error.kind).to.equal('validation');
    });

    it('schema-invalid JSON is validation naming the field', async () => {
      faults.schemaInvalidNext('listInvoices');
      const page = await rejection(rest().listInvoices({}));
      expect(page.kind).to.equal('validation');
      expect(page.field).to.equal('items');

      faults.schemaInvalidNext('searchCustomers');
      const customers = await rejection(rest().searchCustomers({ text: 'a' }));
      expect(customers.field).to.equal('[0].id');

      const open = invoiceWith('OPEN');
      faults.schemaInvalidNext('getInvoice', { ...open, total: { minor: 1.5, currency: 'USD' } });
      const invoice = await rejection(rest().getInvoice(open.id));
      expect(invoice.kind).to.equal('validation');
      expect(invoice.field).to.equal('total.minor');
    });
  });

  describe('downloads', () => {
    async function downloadWith(url: string) {
      const open = invoiceWith('OPEN');
      memory.setDownload('pdf', { kind: 'url', url, filename: 'invoice.pdf' });
      return rest().download(open.id, 'pdf');
    }

    it('an https URL is accepted', async () => {
      expect(await downloadWith('https://files.example.com/a.pdf')).to.deep.equal({
        kind: 'url',
        url: 'https://files.example.com/a.pdf',
        filename: 'invoice.pdf',
      });
    });

    it('a same-origin URL is accepted', async () => {
      expect(await downloadWith('/files/a.pdf')).to.deep.equal({
        kind: 'url',
        url: `${location.origin}/files/a.pdf`,
        filename: 'invoice.pdf',
      });
    });

    for (const bad of [
      'javascript:alert(1)',
      'http://evil.example/a.pdf',
      'data:text/html,<b>x</b>',
    ]) {
      it(`${bad.split(':')[0]}: URL ${bad} is refused`, async () => {
        const error = await rejection(downloadWith(bad));
        expect(error.kind).to.equal('validation');
        expect(error.field).to.equal('url');
      });
    }

    it('a file body is a blob with the name from Content-Disposition; currency is sent', async () => {
      const open = invoiceWith('OPEN');
      memory.setDownload('csv', {
        kind: 'blob',
        blob: new Blob(['a,b\n1,2\n'], { type: 'text/csv' }),
        filename: 'fatura março.csv',
      });
      const file = await rest().download(open.id, 'csv', { currency: 'EUR' });
      expect(file?.kind).to.equal('blob');
      if (file?.kind !== 'blob') return;
      expect(file.filename).to.equal('fatura março.csv');
      expect(await file.blob.text()).to.equal('a,b\n1,2\n');
      const url = new URL(wireFor('/download/csv')[0]!.url);
      expect(url.searchParams.get('currency')).to.equal('EUR');
    });

    it('204 means the browser makes the file', async () => {
      const open = invoiceWith('OPEN');
      expect(await rest().download(open.id, 'print')).to.equal(null);
    });

    it('a download error maps like any other', async () => {
      const error = await rejection(rest().download('no-such-invoice', 'pdf'));
      expect(error.kind).to.equal('not-found');
    });
  });
});
