/**
 * Module workers under Trusted Types. `new Worker(url)` is a Trusted Types sink: on a page with
 * `require-trusted-types-for 'script'` a plain URL is refused. The package vouches for its own
 * export workers through one policy, `invoice-elements` (hosts list it in `trusted-types`; see
 * docs/CSP.md), which accepts only same-origin script URLs.
 *
 * Bundlers find a worker by the shape `new Worker(new URL('./x.worker.ts', import.meta.url))`,
 * so the export modules import this class *as* `Worker` and keep that shape: Vite still emits
 * and rewrites the worker, and at run time the URL goes through the policy first.
 */

/** The few Trusted Types declarations we need (not in TypeScript's DOM library). */
interface ScriptUrlPolicy {
  createScriptURL(input: string): unknown;
}
interface PolicyFactory {
  createPolicy(name: string, rules: { createScriptURL(input: string): string }): ScriptUrlPolicy;
}

export const TRUSTED_TYPES_POLICY = 'invoice-elements';

let policy: ScriptUrlPolicy | null | undefined;

function scriptUrlPolicy(): ScriptUrlPolicy | null {
  if (policy !== undefined) return policy;
  const factory = (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;
  policy = null;
  if (factory) {
    try {
      policy = factory.createPolicy(TRUSTED_TYPES_POLICY, {
        createScriptURL(input: string): string {
          const url = new URL(input, globalThis.location?.href);
          if (url.origin !== globalThis.location?.origin) {
            throw new TypeError(`${TRUSTED_TYPES_POLICY}: refused a worker from ${url.origin}.`);
          }
          return url.href;
        },
      });
    } catch {
      // The page's policy does not allow our name: the sink then decides (a `default`
      // policy of the host, or a refusal that the exports answer on the main thread).
      policy = null;
    }
  }
  return policy;
}

/** A `Worker` whose script URL goes through the `invoice-elements` policy where there is one. */
export const TrustedWorker = class {
  constructor(url: URL | string, options?: WorkerOptions) {
    const href = typeof url === 'string' ? url : url.href;
    const vouched = scriptUrlPolicy()?.createScriptURL(href) ?? href;
    return new globalThis.Worker(vouched as string, options);
  }
} as unknown as typeof globalThis.Worker;

/** How a host replaces the creation of an export worker (`setPdfWorkerFactory`, …). */
export type ExportWorkerFactory = () => Worker;

/** What an export made: the file, and whether a worker made it. */
export interface ExportResult {
  blob: Blob;
  /** True when the file was made in a worker (false: main-thread fallback). */
  inWorker: boolean;
  /** URLs the worker fetched (Resource Timing inside the worker). */
  workerResources: string[];
  /**
   * Why the file was made on the main thread instead (absent when a worker made it): no
   * worker could be created, its script did not load or failed, it did not answer in time, or
   * it reported an error. The main thread then makes the same file.
   */
  workerError?: string;
}

/**
 * How long a started worker may stay silent before its first message, in milliseconds: a
 * worker whose script (or an import of it) cannot load in a host's build may never answer,
 * and the export then falls back to the main thread rather than waiting for ever. Generous:
 * the PDF worker parses ~0.4 MB of jspdf before it answers, on slow devices too.
 */
export const FIRST_MESSAGE_TIMEOUT_MS = 15_000;

let firstMessageTimeout = FIRST_MESSAGE_TIMEOUT_MS;

/** The current wait for a worker's first message (see {@link FIRST_MESSAGE_TIMEOUT_MS}). */
export function firstMessageTimeoutMs(): number {
  return firstMessageTimeout;
}

/** Changes that wait (tests; `undefined` restores the default). Not part of the public API. */
export function setFirstMessageTimeout(ms: number | undefined): void {
  firstMessageTimeout = ms ?? FIRST_MESSAGE_TIMEOUT_MS;
}

/** Why a worker path gave up, for {@link ExportResult.workerError}. */
export class WorkerFailure {
  constructor(readonly reason: string) {}
}

/**
 * A worker from `create`, or the reason none can be made (no `Worker` here, a refused URL, a
 * factory that throws): the export then runs on the main thread.
 */
export function startWorker(create: () => Worker): Worker | WorkerFailure {
  if (typeof globalThis.Worker === 'undefined') return new WorkerFailure('No Worker here.');
  try {
    return create();
  } catch (error) {
    return new WorkerFailure(`The worker could not be created: ${describe(error)}`);
  }
}

/** A short text for an error, an ErrorEvent or anything thrown. */
export function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  if (typeof ErrorEvent !== 'undefined' && error instanceof ErrorEvent) {
    return error.message || 'the worker script failed (not found, refused or broken)';
  }
  return String(error);
}

/** True in a worker's global scope, false on a page (the worker modules double as modules). */
export function inWorkerScope(): boolean {
  const scope = (globalThis as { WorkerGlobalScope?: abstract new () => unknown })
    .WorkerGlobalScope;
  return typeof scope === 'function' && globalThis instanceof scope;
}
