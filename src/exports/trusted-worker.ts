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
}

/** A worker from `create`, or `undefined` where none can be made: the export then runs here. */
export function startWorker(create: () => Worker): Worker | undefined {
  if (typeof globalThis.Worker === 'undefined') return undefined;
  try {
    return create();
  } catch {
    return undefined;
  }
}
