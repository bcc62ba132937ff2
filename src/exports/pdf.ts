/**
 * PDF export: generated off the main thread in a module Web Worker so the page never blocks
 * (jspdf + autotable for 5,000 lines take ~0.6 s of CPU). jspdf is loaded only inside the
 * worker, only when a PDF is asked for. Cancel with the AbortSignal: the worker is terminated.
 * No Lit here.
 *
 * ## How the worker is found
 * The worker module is `pdf.worker.ts` beside this file, and the URL below names it with its
 * `.ts` extension, on purpose:
 * - Vite's dev server and app builds (the demo's) recognise `new Worker(new URL(…,
 *   import.meta.url), { type: 'module' })` and compile the `.ts`;
 * - web-test-runner's dev server compiles `.ts` through esbuild when it is requested, but it
 *   only rewrites `.js` → `.ts` in `import` statements, not in `new URL()`: a request for the
 *   worker's `.js` name is a 404 there, while its `.ts` name is served compiled.
 * In the package and the bundle (dist/), the build points this at `workers/pdf.worker.js`, one
 * self-contained file (jspdf and autotable inside, no import of another file), so a host's
 * bundler that copies it as an asset or bundles it as a worker gets a working worker either
 * way (vite.config.ts, `workerFiles`). A host that needs another URL (a CDN, a CSP
 * `worker-src`) sets its own factory with {@link setPdfWorkerFactory}.
 *
 * ## When the worker fails
 * Where no module worker can be made, or the worker fails at any point (its script or an
 * import does not load, it throws, it reports an error, it says nothing for
 * `FIRST_MESSAGE_TIMEOUT_MS` (trusted-worker.ts)), the PDF is made on the main thread from the same module,
 * `pdf.worker.js` imported as a module: the same file, jspdf once in dist/. The page then
 * blocks for the generation time, the lesser evil than no PDF at all; the result says so
 * (`inWorker: false`, `workerError`). Only a refusal (a draft for a customer) is not retried.
 */
// Imported as `Worker`: bundlers keep recognising `new Worker(new URL(…))` (trusted-worker.ts).
import {
  TrustedWorker as Worker,
  WorkerFailure,
  startWorker,
  type ExportResult,
  type ExportWorkerFactory,
} from './trusted-worker.js';
import { superviseWorker } from './worker-session.js';
import type { Invoice } from '../core/types.js';
import { checkedLogoUrl } from './logo.js';
import { assertExportable, type ExportOptions } from './options.js';
import type { PdfFonts, PdfWorkerRequest, PdfWorkerResponse } from './pdf-protocol.js';

export type { PdfFonts };

export interface PdfOptions extends ExportOptions {
  signal?: AbortSignal;
  onProgress?: (value: number) => void;
  /** Deflate page streams (default true); tests turn it off to read the text back. */
  compress?: boolean;
  /**
   * A TrueType font for every text of this PDF, instead of the one set by {@link setPdfFonts}
   * or the built-in DejaVu Sans (Latin, Greek, Cyrillic, Vietnamese): for CJK, Arabic, …
   */
  fonts?: PdfFonts;
}

export interface PdfResult extends ExportResult {
  /**
   * What was left out of the PDF or drawn otherwise, in words for a developer (also written
   * with `console.warn`): a logo whose URL is not allowed, that did not load, is not a PNG or
   * JPEG, or is over 1 MB (logo.ts); a host font that could not be used (the built-in font
   * was); characters no font could draw (drawn as U+FFFD, named). Empty when all went well.
   */
  warnings: string[];
}

export type PdfWorkerFactory = ExportWorkerFactory;

let workerFactory: PdfWorkerFactory | undefined;

/** Replaces how the PDF worker is created (`undefined` restores the default). */
export function setPdfWorkerFactory(factory: PdfWorkerFactory | undefined): void {
  workerFactory = factory;
}

let hostFonts: PdfFonts | undefined;

/**
 * Sets the font of every PDF made from now on (`undefined` restores the built-in DejaVu Sans):
 * a TrueType (`.ttf`) font's bytes, or its URL (https, or the page's own origin; relative to the
 * page; checked and fetched by the PDF worker, only when a PDF is made). `bold` defaults to
 * `regular`. A font that cannot be used gives a warning in {@link PdfResult.warnings}, and the
 * PDF is made with the built-in font.
 */
export function setPdfFonts(fonts: PdfFonts | undefined): void {
  hostFonts = fonts;
}

/** `fonts` with URLs made absolute against the page (the worker checks them, pdf-fonts.ts). */
function absolute(fonts: PdfFonts | undefined): PdfFonts | undefined {
  const url = (source: ArrayBuffer | string): ArrayBuffer | string => {
    try {
      return typeof source === 'string' ? new URL(source, globalThis.location?.href).href : source;
    } catch {
      return source;
    }
  };
  return fonts && { regular: url(fonts.regular), bold: fonts.bold && url(fonts.bold) };
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
  const { signal, onProgress, compress, fonts: given, ...exportOptions } = options;
  assertExportable(invoice, exportOptions.audience ?? 'operator');
  if (signal?.aborted) throw abortError();
  // The logo's URL is resolved against this page and checked here, not in the worker.
  const logoUrl = invoice.issuer?.logoUrl;
  const logo = logoUrl === undefined ? undefined : checkedLogoUrl(logoUrl);
  const request: PdfWorkerRequest = {
    type: 'generate',
    invoice,
    options: exportOptions,
    compress,
    logo: typeof logo === 'string' ? undefined : logo,
    fonts: absolute(given ?? hostFonts),
  };
  const warnings = typeof logo === 'string' ? [logo] : [];
  const worker = startWorker(createPdfWorker);
  let result =
    worker instanceof WorkerFailure
      ? worker
      : await runInWorker(worker, request, signal, onProgress);
  if (result instanceof WorkerFailure) {
    // Fallback: the worker's own module, on the page. It blocks while jspdf works.
    const { makePdf } = await import('./pdf.worker.js');
    if (signal?.aborted) throw abortError();
    const made = await makePdf(request, onProgress);
    if (signal?.aborted) throw abortError();
    result = {
      blob: new Blob([made.buffer], { type: 'application/pdf' }),
      inWorker: false,
      workerResources: [],
      workerError: result.reason,
      warnings: made.warnings,
    };
  }
  result = { ...result, warnings: [...warnings, ...result.warnings] };
  for (const warning of result.warnings) console.warn(`invoice-elements: ${warning}`);
  return result;
}

function runInWorker(
  worker: Worker,
  request: PdfWorkerRequest,
  signal: AbortSignal | undefined,
  onProgress: ((value: number) => void) | undefined,
): Promise<PdfResult | WorkerFailure> {
  return superviseWorker<PdfWorkerResponse, PdfResult>(
    worker,
    { label: 'PDF', signal, abortError },
    (message, session) => {
      if (message.type === 'progress') onProgress?.(message.value);
      else {
        session.done({
          blob: new Blob([message.buffer], { type: 'application/pdf' }),
          inWorker: true,
          workerResources: message.resources,
          warnings: message.warnings,
        });
      }
    },
    () => worker.postMessage(request),
  );
}
