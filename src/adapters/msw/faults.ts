/**
 * Fault controls of the msw handlers: a test queues failures per operation (malformed or
 * schema-breaking bodies, hangs, error statuses, `429`, network errors, optionally after the
 * write was applied) and counts the requests that reached the handlers; and how the handlers
 * answer a queued fault. No Lit.
 */
import { HttpResponse } from 'msw';
import type { BackendOperation } from '../memory/memory-backend.js';

/** The operations faults can target: the adapter's (same names as MemoryBackend's). */
export { BACKEND_OPERATIONS as OPERATIONS } from '../memory/memory-backend.js';
export type Operation = BackendOperation;

/** Bodies that parse as JSON but break the schema, per operation (when a test gives none). */
export const SCHEMA_INVALID_BODIES: Record<Operation, unknown> = {
  searchCustomers: [{ id: 42, name: 'Not a valid customer' }],
  getCustomer: { id: 'c-1', name: 42 },
  listInvoices: { items: 'not an array', total: 0, offset: 0, limit: 0 },
  getInvoice: { id: 'inv-1' },
  updateStatus: { id: 'inv-1' },
  updateStatuses: [{ invoiceId: 42 }],
  discardInvoice: { unexpected: true },
  download: { url: 42 },
};

export interface FaultOptions {
  /** Apply the operation to the store first, then fail (a write whose answer is lost). */
  afterApply?: boolean;
}

export type Fault =
  | { type: 'malformed' }
  | { type: 'schema-invalid'; body?: unknown }
  | { type: 'hang'; afterApply: boolean }
  | {
      type: 'respond';
      status: number;
      body?: unknown;
      headers?: Record<string, string>;
      afterApply: boolean;
    }
  | { type: 'network-error'; afterApply: boolean };

export interface FaultControls {
  /** The next `times` requests of `op` answer 200 with a body that is not JSON. */
  malformedNext(op: Operation, times?: number): void;
  /** The next request answers 200 with JSON that breaks the schema (`body`, or a default per op). */
  schemaInvalidNext(op: Operation, body?: unknown): void;
  /** The next request never answers (until `reset()`), e.g. to provoke the client's timeout. */
  hangNext(op: Operation, options?: FaultOptions): void;
  /** The next `times` requests answer `status` (default 503) with an error body. */
  serverErrorNext(op: Operation, times?: number, status?: number, options?: FaultOptions): void;
  /** The next `times` requests answer 429 with `Retry-After: retryAfter` (default `0`). */
  rateLimitNext(op: Operation, retryAfter?: string, times?: number): void;
  /** The next request answers exactly this status, body and headers. */
  respondNext(
    op: Operation,
    status: number,
    init?: { body?: unknown; headers?: Record<string, string> } & FaultOptions,
  ): void;
  /** The next `times` requests fail at the network level. */
  networkErrorNext(op: Operation, times?: number, options?: FaultOptions): void;
  /** How many requests of `op` reached the handlers since the last reset. */
  attempts(op: Operation): number;
  /** Clears queued faults and counters, and releases hanging requests. */
  reset(): void;
  /** Used by the handlers: counts an attempt and takes the next queued fault, if any. */
  take(op: Operation): Fault | undefined;
  /** Used by the handlers: waits until `reset()` (a hanging request). */
  hang(): Promise<void>;
}

export function createFaultControls(): FaultControls {
  const queues = new Map<Operation, Fault[]>();
  const counts = new Map<Operation, number>();
  let hanging: Array<() => void> = [];

  const push = (op: Operation, fault: Fault, times = 1): void => {
    const queue = queues.get(op) ?? [];
    for (let i = 0; i < times; i++) queue.push(fault);
    queues.set(op, queue);
  };

  return {
    malformedNext: (op, times = 1) => push(op, { type: 'malformed' }, times),
    schemaInvalidNext: (op, body) => push(op, { type: 'schema-invalid', body }),
    hangNext: (op, options = {}) =>
      push(op, { type: 'hang', afterApply: options.afterApply ?? false }),
    serverErrorNext: (op, times = 1, status = 503, options = {}) =>
      push(
        op,
        {
          type: 'respond',
          status,
          body: { error: { kind: 'server', message: `Injected ${status}.` } },
          afterApply: options.afterApply ?? false,
        },
        times,
      ),
    rateLimitNext: (op, retryAfter = '0', times = 1) =>
      push(
        op,
        {
          type: 'respond',
          status: 429,
          body: { error: { kind: 'rate-limited', message: 'Injected 429.' } },
          headers: { 'Retry-After': retryAfter },
          afterApply: false,
        },
        times,
      ),
    respondNext: (op, status, init = {}) =>
      push(op, {
        type: 'respond',
        status,
        body: init.body,
        headers: init.headers,
        afterApply: init.afterApply ?? false,
      }),
    networkErrorNext: (op, times = 1, options = {}) =>
      push(op, { type: 'network-error', afterApply: options.afterApply ?? false }, times),
    attempts: (op) => counts.get(op) ?? 0,
    reset: () => {
      queues.clear();
      counts.clear();
      const release = hanging;
      hanging = [];
      for (const resolve of release) resolve();
    },
    take: (op) => {
      counts.set(op, (counts.get(op) ?? 0) + 1);
      return queues.get(op)?.shift();
    },
    hang: () => new Promise<void>((resolve) => hanging.push(resolve)),
  };
}

/** Any JSON value as a response (msw's `HttpResponse.json` wants a narrower type). */
function jsonResponse(body: unknown, init: { status: number; headers?: Record<string, string> }) {
  return new HttpResponse(JSON.stringify(body), {
    status: init.status,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  });
}

/**
 * Used by the handlers: the answer to a fault taken for `op`. `apply` runs the operation on the
 * store (for the faults that apply it first).
 */
export async function answerFault(
  fault: Fault,
  op: Operation,
  faults: FaultControls,
  apply: () => Promise<Response>,
): Promise<Response> {
  switch (fault.type) {
    case 'malformed':
      return new HttpResponse('{"items": [ this is not JSON', {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    case 'schema-invalid':
      return jsonResponse(fault.body ?? SCHEMA_INVALID_BODIES[op], { status: 200 });
    case 'hang':
      if (fault.afterApply) await apply();
      await faults.hang();
      return HttpResponse.error();
    case 'network-error':
      if (fault.afterApply) await apply();
      return HttpResponse.error();
    case 'respond': {
      if (fault.afterApply) await apply();
      const init = { status: fault.status, headers: fault.headers ?? {} };
      return fault.body === undefined
        ? new HttpResponse(null, init)
        : jsonResponse(fault.body, init);
    }
  }
}
