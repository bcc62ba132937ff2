/**
 * The PDF module worker: receives an invoice and options, builds the document model, loads
 * jspdf and autotable (dynamic import, inside the worker) and posts back the PDF bytes as a
 * transferred ArrayBuffer, with progress messages on the way. The page cancels by terminating
 * the worker. No Lit here.
 *
 * The same module is the main-thread fallback (pdf.ts imports it when no worker could make the
 * PDF): it exports what it uses, and listens for requests only in a worker's scope. Built, it
 * is one self-contained file, dist/workers/pdf.worker.js (vite.config.ts).
 */
import { buildDocumentModel } from './model.js';
import { renderPdf, type RenderOptions } from './pdf-render.js';
import { fontWarnings, newFontReport } from './pdf-fonts.js';
import type { Invoice } from '../core/types.js';
import type { ExportOptions } from './options.js';
import type { PdfWorkerRequest, PdfWorkerResponse } from './pdf-protocol.js';
import { inWorkerScope } from './trusted-worker.js';
import { fetchedResources, workerErrorMessage } from './worker-session.js';

export { buildDocumentModel, renderPdf };

/** The PDF of an invoice, and what its fonts found to say (pdf-fonts.ts `fontWarnings`). */
export async function makePdfFile(
  invoice: Invoice,
  options: ExportOptions,
  render: Omit<RenderOptions, 'report'>,
): Promise<{ buffer: ArrayBuffer; warnings: string[] }> {
  const report = newFontReport();
  const buffer = await renderPdf(buildDocumentModel(invoice, options), { ...render, report });
  return { buffer, warnings: fontWarnings(report) };
}

interface WorkerScope {
  postMessage(message: PdfWorkerResponse, transfer?: Transferable[]): void;
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<PdfWorkerRequest>) => void,
  ): void;
}

const scope = globalThis as unknown as WorkerScope;

if (inWorkerScope())
  scope.addEventListener('message', (event) => {
    const request = event.data;
    if (!request || request.type !== 'generate') return;
    // First word back: the page now knows the worker runs (it stops waiting for it to start).
    scope.postMessage({ type: 'progress', value: 0 });
    void (async () => {
      try {
        const { buffer, warnings } = await makePdfFile(request.invoice, request.options, {
          compress: request.compress,
          onProgress: (value) => scope.postMessage({ type: 'progress', value }),
          fonts: request.fonts,
        });
        scope.postMessage({ type: 'done', buffer, resources: fetchedResources(), warnings }, [
          buffer,
        ]);
      } catch (error) {
        scope.postMessage(workerErrorMessage(error));
      }
    })();
  });
