/**
 * The PDF module worker: receives an invoice and options, builds the document model, loads
 * jspdf and autotable (dynamic import, inside the worker) and the issuer's logo (logo.ts), and
 * posts back the PDF bytes as a transferred ArrayBuffer, with progress messages on the way and
 * the warnings of what was left out. The page cancels by terminating the worker. No Lit here.
 *
 * The same module is the main-thread fallback (pdf.ts imports it when no worker could make the
 * PDF): it exports what it uses, and listens for requests only in a worker's scope. Built, it
 * is one self-contained file, dist/workers/pdf.worker.js (vite.config.ts).
 */
import { loadLogo } from './logo.js';
import { buildDocumentModel } from './model.js';
import { renderPdf } from './pdf-render.js';
import { fontWarnings, newFontReport } from './pdf-fonts.js';
import type { PdfWorkerRequest, PdfWorkerResponse } from './pdf-protocol.js';
import { inWorkerScope } from './trusted-worker.js';
import { fetchedResources, workerErrorMessage } from './worker-session.js';

export { buildDocumentModel, renderPdf };

/**
 * Makes the PDF of a request: the model, the logo (fetched while the model is built; any
 * failure is a warning, never a failed PDF), the fonts (the built-in one or the host's; what
 * they could not do is a warning, pdf-fonts.ts `fontWarnings`) and the drawing. The worker and
 * the fallback both run it.
 */
export async function makePdf(
  request: Omit<PdfWorkerRequest, 'type'>,
  onProgress?: (value: number) => void,
): Promise<{ buffer: ArrayBuffer; warnings: string[] }> {
  const loading = request.logo && loadLogo(request.logo);
  const model = buildDocumentModel(request.invoice, request.options);
  const warnings: string[] = [];
  const logo = await loading;
  if (typeof logo === 'string') warnings.push(logo);
  const report = newFontReport();
  const buffer = await renderPdf(model, {
    compress: request.compress,
    onProgress,
    logo: typeof logo === 'string' ? undefined : logo,
    onWarning: (message) => warnings.push(message),
    fonts: request.fonts,
    report,
  });
  return { buffer, warnings: [...warnings, ...fontWarnings(report)] };
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
        const { buffer, warnings } = await makePdf(request, (value) =>
          scope.postMessage({ type: 'progress', value }),
        );
        scope.postMessage({ type: 'done', buffer, resources: fetchedResources(), warnings }, [
          buffer,
        ]);
      } catch (error) {
        scope.postMessage(workerErrorMessage(error));
      }
    })();
  });
