/**
 * Loads the export code of `<download-menu>` (src/exports/run.ts) the first time a user picks
 * a format, not with the element: most pages never export, and the CSV, PDF and print code is
 * a good part of the elements' size. One load per page: the promise is kept once it resolved;
 * a failed load (offline, a CDN error) is forgotten, so the next choice (Retry) tries again.
 *
 * Internal: not exported from any public entry.
 */
export type ExportRuntime = typeof import('../../exports/run.js');

export type ExportRuntimeLoader = () => Promise<ExportRuntime>;

// A literal `import()`: bundlers make the export code a chunk of its own from it.
const importRuntime: ExportRuntimeLoader = () => import('../../exports/run.js');

let loader = importRuntime;
let loading: Promise<ExportRuntime> | undefined;

/**
 * The export runtime, loaded on the first call; rejects when loading fails (then retried), or
 * with an AbortError as soon as `signal` aborts (the load itself goes on, for the next call).
 */
export function loadExportRuntime(signal?: AbortSignal): Promise<ExportRuntime> {
  if (!loading) loading = load();
  return signal ? untilAborted(loading, signal) : loading;
}

function load(): Promise<ExportRuntime> {
  const attempt: Promise<ExportRuntime> = Promise.resolve()
    .then(loader)
    .catch((error: unknown) => {
      if (loading === attempt) loading = undefined;
      throw error;
    });
  return attempt;
}

/** `promise`, or an AbortError as soon as `signal` aborts (the promise is then ignored). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new DOMException('Cancelled', 'AbortError'));
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    void promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Test seam: replaces how the runtime is loaded (`undefined` restores the dynamic import) and
 * forgets a loaded one.
 */
export function setExportRuntimeLoader(next: ExportRuntimeLoader | undefined): void {
  loader = next ?? importRuntime;
  loading = undefined;
}
