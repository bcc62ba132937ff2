/**
 * PDF export: generated off the main thread in a module Web Worker so the page never blocks
 * (jspdf + autotable for 5,000 lines take ~0.6 s of CPU). jspdf is loaded only inside the
 * worker, only when a PDF is asked for. Cancel with the AbortSignal: the worker is terminated.
 * No Lit here.
 *
 * ## How the worker is found
 * The worker module is `pdf.worker.ts` beside this file, and the URL below names it with its
 * `.ts` extension, on purpose:
 * - Vite (our build, also the demo's dev server) recognises `new Worker(new URL(…,
 *   import.meta.url), { type: 'module' })`, compiles the `.ts` and emits a worker chunk whose
 *   URL replaces the literal in dist/;
 * - web-test-runner's dev server compiles `.ts` through esbuild when it is requested, but it
 *   only rewrites `.js` → `.ts` in `import` statements, not in `new URL()`: a request for the
 *   worker's `.js` name is a 404 there, while its `.ts` name is served compiled.
 * A host that bundles our *source* with another tool, or needs another URL (a CDN, a CSP
 * `worker-src`), sets its own factory with {@link setPdfWorkerFactory}.
 *
 * Where no module worker can be made (no `Worker`, or the worker script fails to load, e.g. a
 * CSP without `worker-src`), the PDF is made on the main thread as a fallback — it then blocks
 * the page for the generation time, which is the lesser evil than no PDF at all.
 */
// Imported as `Worker`: bundlers keep recognising `new Worker(new URL(…))` (trusted-worker.ts).
import {
  TrustedWorker as Worker,
  startWorker,
  type ExportResult,
  type ExportWorkerFactory,
} from './trusted-worker.js';
import type { Invoice } from '../core/types.js';
import { assertExportable, type ExportOptions } from './options.js';
import type { PdfWorkerRequest, PdfWorkerResponse } from './pdf-protocol.js';

export interface PdfOptions extends ExportOptions {
  signal?: AbortSignal;
  onProgress?: (value: number) => void;
  /** Deflate page streams (default true); tests turn it off to read the text back. */
  compress?: boolean;
}

export type PdfResult = ExportResult;

export type PdfWorkerFactory = ExportWorkerFactory;

let workerFactory: PdfWorkerFactory | undefined;

/** Replaces how the PDF worker is created (`undefined` restores the default). */
export function setPdfWorkerFactory(factory: PdfWorkerFactory | undefined): void {
  workerFactory = factory;
}

/** Creates the PDF module worker. See the module comment for why the URL names the `.ts`. */
export function createPdfWorker(): Worker {
  if (workerFactory) return workerFactory();
  return new Worker(new URL('./pdf.worker.ts', import.meta.url), { type: 'module' });
}

function abortError(): DOMException {
  return new DOMException('The PDF generation was cancelled.', 'AbortError');
}

/** Makes the PDF of an invoice, in a worker when possible. Rejects with an AbortError when cancelled. */
export async function generatePdf(invoice: Invoice, options: PdfOptions = {}): Promise<PdfResult> {
  const { signal, onProgress, compress, ...exportOptions } = options;
  assertExportable(invoice, exportOptions.audience ?? 'operator');
  if (signal?.aborted) throw abortError();
  const worker = startWorker(createPdfWorker);
  if (worker) {
    const outcome = await runInWorker(
      worker,
      { type: 'generate', invoice, options: exportOptions, compress },
      signal,
      onProgress,
    );
    if (outcome !== 'unavailable') return outcome;
  }
  // Fallback: no module worker here. The page blocks while jspdf works; see the module comment.
  const [{ buildDocumentModel }, { renderPdf }] = await Promise.all([
    import('./model.js'),
    import('./pdf-render.js'),
  ]);
  if (signal?.aborted) throw abortError();
  const buffer = await renderPdf(buildDocumentModel(invoice, exportOptions), {
    compress,
    onProgress,
  });
  if (signal?.aborted) throw abortError();
  return {
    blob: new Blob([buffer], { type: 'application/pdf' }),
    inWorker: false,
    workerResources: [],
  };
}

function runInWorker(
  worker: Worker,
  request: PdfWorkerRequest,
  signal: AbortSignal | undefined,
  onProgress: ((value: number) => void) | undefined,
): Promise<PdfResult | 'unavailable'> {
  return new Promise((resolve, reject) => {
    let heard = false;
    const finish = (): void => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      finish();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('message', (event: MessageEvent<PdfWorkerResponse>) => {
      heard = true;
      const message = event.data;
      if (message.type === 'progress') {
        onProgress?.(message.value);
      } else if (message.type === 'done') {
        finish();
        resolve({
          blob: new Blob([message.buffer], { type: 'application/pdf' }),
          inWorker: true,
          workerResources: message.resources,
        });
      } else {
        finish();
        const error = new Error(message.message);
        if (message.refused) error.name = 'ExportRefusedError';
        reject(error);
      }
    });
    worker.addEventListener('error', (event) => {
      finish();
      // The script never ran (not found, blocked by CSP, no module workers): fall back.
      if (!heard) resolve('unavailable');
      else reject(new Error(event.message || 'The PDF worker failed.'));
    });
    worker.postMessage(request);
  });
}
