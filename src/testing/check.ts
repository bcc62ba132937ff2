/**
 * What a conformance check is and what it gets to run (issue 23; docs/ADAPTERS.md "Prove your
 * adapter"): the backend and fixture under test, a scope that keeps this run's invoices apart
 * from anything else the backend holds, and helpers that turn a wrong answer into a failure
 * naming the call made and what came back. No Lit, no test framework.
 */
import type { InvoiceBackend } from '../core/backend.js';
import { BACKEND_ERROR_KINDS, BackendError } from '../core/errors.js';
import type { BackendErrorKind } from '../core/errors.js';
import type { ConformanceFixture, ConformanceOptions, InvoiceSpec } from './types.js';

/**
 * What a check needs beyond the adapter's required methods. A check whose needs are not all
 * met is skipped, with the reason.
 */
export type ConformanceNeed =
  | 'customerBackend'
  | 'getCustomer'
  | 'download'
  | 'faults.serverErrorNext'
  | 'faults.malformedNext'
  | 'faults.hangNext'
  | 'faults.attempts'
  | 'requestTimeoutMs';

/** One rule of the adapter contract, checked on data the fixture creates. */
export interface ConformanceCheck {
  /** Stable id, `area.what`, e.g. `audience.list-has-no-draft`. */
  id: string;
  /** The rule, in one sentence. */
  rule: string;
  /** Skipped unless all of these are available. */
  needs?: ConformanceNeed[];
  /** Resolves when the rule holds; rejects with a `ConformanceFailure` when it does not. */
  run(ctx: CheckContext): Promise<void>;
}

/** A broken rule: what was wrong, the call made and (shortened) what came back. */
export class ConformanceFailure extends Error {
  override readonly name = 'ConformanceFailure';
  /** The call that broke the rule, as a report shows it, e.g. `getInvoice("inv-1")`. */
  readonly request?: string;
  /** What came back, shortened. */
  readonly answer?: string;

  constructor(message: string, details: { request?: string; answer?: string } = {}) {
    super(message);
    this.request = details.request;
    this.answer = details.answer;
  }
}

/** Longest text a failure quotes from an answer. */
const SHORT = 400;

/** A value as short text for a report: JSON, cut at a few hundred characters. */
export function short(value: unknown): string {
  let text: string;
  if (value instanceof BackendError) {
    text = `BackendError(${value.kind}): ${value.message}`;
  } else if (value instanceof Error) {
    text = `${value.name}: ${value.message}`;
  } else if (typeof Blob !== 'undefined' && value instanceof Blob) {
    text = `Blob(${value.type || 'no type'}, ${value.size} bytes)`;
  } else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > SHORT ? `${text.slice(0, SHORT)}…` : text;
}

/** How a call ended: its value, or its rejection. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** What a check runs with. A new one per check. */
export interface CheckContext {
  /** The adapter under test, as the operator sees it. */
  readonly backend: InvoiceBackend;
  readonly fixture: ConformanceFixture;
  readonly options: ConformanceOptions;
  /**
   * Letters unique to this run. Every document ID the kit creates starts with it and every
   * list the kit asks for is filtered by it (`text`), so a backend that holds other invoices
   * can be checked too.
   */
  readonly scope: string;
  /** Aborted when the check ran out of time: stop calling. */
  readonly signal: AbortSignal;
  /** Creates the invoices, in order, and resolves with their ids. */
  create(specs: readonly InvoiceSpec[]): Promise<string[]>;
  /**
   * Calls the backend, recording `request` (how the call reads in a report). An unexpected
   * rejection fails the check with the request and the error.
   */
  call<T>(request: string, run: () => Promise<T>): Promise<T>;
  /**
   * Calls the backend expecting a rejection of `kind`. Fails when it resolves, when it rejects
   * with anything but a `BackendError` of a known kind, or with another kind.
   */
  rejects(
    request: string,
    run: () => Promise<unknown>,
    kind: BackendErrorKind,
  ): Promise<BackendError>;
  /** Calls the backend, recording `request`, and resolves with what happened, either way. */
  settle<T>(request: string, run: () => Promise<T>): Promise<Settled<T>>;
  /** Fails the check (`answer` shortened), naming the last call made. */
  fail(message: string, answer?: unknown): never;
  /** Fails unless `actual` and `expected` are the same JSON. */
  same(actual: unknown, expected: unknown, what: string): void;
  /** A sentence the result carries when the check passes (e.g. what an optional part lacked). */
  note(message: string): void;
}

/** Whether `error` is a `BackendError` with a kind of the taxonomy. */
export function isKnownBackendError(error: unknown): error is BackendError {
  return (
    error instanceof BackendError && (BACKEND_ERROR_KINDS as readonly string[]).includes(error.kind)
  );
}

/** A run-unique scope: `CK` and six capital letters (no digit, so no ID filter matches it). */
export function newScope(): string {
  let letters = '';
  for (let i = 0; i < 6; i++) letters += String.fromCharCode(65 + Math.floor(Math.random() * 26));
  return `CK${letters}`;
}

/** The context of one check run. */
export function checkContext(
  options: ConformanceOptions,
  scope: string,
  signal: AbortSignal,
  onRequest: (request: string) => void = () => {},
  onNote: (message: string) => void = () => {},
): CheckContext {
  let current: string | undefined;
  const record = (request: string): void => {
    current = request;
    onRequest(request);
  };
  const stopIfTimedOut = (): void => {
    if (signal.aborted)
      throw new ConformanceFailure('The check ran out of time.', { request: current });
  };
  const ctx: CheckContext = {
    backend: options.backend,
    fixture: options.fixture,
    options,
    scope,
    signal,
    async create(specs) {
      const ids: string[] = [];
      for (const spec of specs) {
        stopIfTimedOut();
        record(`fixture.createInvoice(${short(spec.documentId)}, ${spec.status})`);
        ids.push(await options.fixture.createInvoice(spec));
      }
      return ids;
    },
    async call(request, run) {
      stopIfTimedOut();
      record(request);
      try {
        return await run();
      } catch (error) {
        if (error instanceof ConformanceFailure) throw error;
        const known = isKnownBackendError(error);
        throw new ConformanceFailure(
          known
            ? `Rejected unexpectedly with ${error.kind}.`
            : 'Rejected with something that is not a BackendError of a known kind.',
          { request, answer: short(error) },
        );
      }
    },
    async settle(request, run) {
      stopIfTimedOut();
      record(request);
      try {
        return { ok: true, value: await run() };
      } catch (error) {
        return { ok: false, error };
      }
    },
    async rejects(request, run, kind) {
      stopIfTimedOut();
      record(request);
      let result: unknown;
      try {
        result = await run();
      } catch (error) {
        if (!isKnownBackendError(error)) {
          throw new ConformanceFailure(
            `Expected a BackendError of kind ${kind}; the rejection is not a BackendError of a known kind.`,
            { request, answer: short(error) },
          );
        }
        if (error.kind !== kind) {
          throw new ConformanceFailure(`Expected kind ${kind}, got ${error.kind}.`, {
            request,
            answer: short(error),
          });
        }
        return error;
      }
      throw new ConformanceFailure(`Expected a rejection of kind ${kind}; it resolved.`, {
        request,
        answer: short(result),
      });
    },
    fail(message, answer) {
      throw new ConformanceFailure(message, {
        request: current,
        answer: answer === undefined ? undefined : short(answer),
      });
    },
    same(actual, expected, what) {
      const a = JSON.stringify(actual);
      const e = JSON.stringify(expected);
      if (a !== e) ctx.fail(`${what}: expected ${short(expected)}.`, actual);
    },
    note: onNote,
  };
  return ctx;
}
