/**
 * CSV and detailed CSV files, made off the main thread in a module Web Worker (`csv.worker.ts`)
 * so the page never blocks: the detailed CSV of 100,000 lines is seconds of CPU. papaparse and
 * the CSV writer load only inside the worker, only when a CSV is asked for; this module itself
 * imports neither, so a page that never exports a CSV never fetches them. Cancel with the
 * AbortSignal: the worker is terminated. No Lit here.
 *
 * The page's share of the work is handing the invoice over: its lines go in slices, a few
 * per task, yielding between tasks (one `postMessage` of 100,000 lines would be a ~250 ms long
 * task), with few slices in flight; the file comes back as a Blob, passed by reference.
 *
 * The worker is found as the PDF's is (see pdf.ts): `new URL('./csv.worker.ts',
 * import.meta.url)`, which both Vite and web-test-runner resolve; in dist/ it is one
 * self-contained file, `workers/csv.worker.js` (papaparse inside). Hosts that need another URL
 * set a factory with {@link setCsvWorkerFactory}. Where no module worker can be made, or the
 * worker fails at any point (as for the PDF: not loaded, thrown, an error reported, silent for
 * `FIRST_MESSAGE_TIMEOUT_MS` (trusted-worker.ts)), the file is written on the main thread as a fallback that
 * yields to the page every few milliseconds, with the worker's own module imported on the page
 * (papaparse once in dist/); the result says so (`inWorker: false`, `workerError`).
 */
// Imported as `Worker`: bundlers keep recognising `new Worker(new URL(…))` (trusted-worker.ts).
import {
  TrustedWorker as Worker,
  WorkerFailure,
  startWorker,
  type ExportResult,
  type ExportWorkerFactory,
} from './trusted-worker.js';
import { superviseWorker, type WorkerSession } from './worker-session.js';
import type { Invoice } from '../core/types.js';
import type { CsvFormat, CsvOptions } from './csv.js';
import type { CsvWorkerRequest, CsvWorkerResponse } from './csv-protocol.js';
import { assertExportable } from './options.js';
import type * as CsvWorkerModule from './csv.worker.js';

export type { CsvDialect, CsvFormat } from './csv.js';

export interface CsvExportOptions extends CsvOptions {
  signal?: AbortSignal;
  onProgress?: (value: number) => void;
}

export type CsvResult = ExportResult;

export type CsvWorkerFactory = ExportWorkerFactory;

let workerFactory: CsvWorkerFactory | undefined;

/** Replaces how the CSV worker is created (`undefined` restores the default). */
export function setCsvWorkerFactory(factory: CsvWorkerFactory | undefined): void {
  workerFactory = factory;
}

/** Creates the CSV module worker. See pdf.ts for why the URL names the `.ts`. */
export function createCsvWorker(): Worker {
  if (workerFactory) return workerFactory();
  return new Worker(new URL('./csv.worker.ts', import.meta.url), { type: 'module' });
}

/** Lines per `lines` message to the worker. */
const LINES_PER_MESSAGE = 500;
/** Main-thread work between two yields to the page, in milliseconds. */
const SLICE_MS = 8;
/** Lines written per piece by the main-thread fallback (a piece is well under a slice). */
const FALLBACK_PIECE_LINES = 50;
/**
 * Most lines posted but not yet taken in by the worker. Queued messages are memory outside the
 * JS heap, and a lot of it at once makes V8 collect garbage in long main-thread pauses.
 */
const MAX_LINES_IN_FLIGHT = 5000;
/** Share of the progress bar for handing the lines to the worker. */
const SENDING_SHARE = 0.2;

function abortError(): DOMException {
  return new DOMException('The CSV export was cancelled.', 'AbortError');
}

/** Lets the page run (input, rendering, other tasks) before continuing. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Makes the CSV (`format: 'csv'`) or detailed CSV (`'detailed-csv'`) file of an invoice, in a
 * worker when possible; the same bytes as `csvBlob(invoiceCsv(…))` / `csvBlob(detailedCsv(…))`.
 * Rejects with an AbortError when cancelled, an `ExportRefusedError` for a draft in the
 * customer audience.
 */
export async function generateCsv(
  invoice: Invoice,
  format: CsvFormat,
  options: CsvExportOptions = {},
): Promise<CsvResult> {
  const { signal, onProgress, ...csvOptions } = options;
  assertExportable(invoice, csvOptions.audience ?? 'operator');
  if (signal?.aborted) throw abortError();
  const worker = startWorker(createCsvWorker);
  const outcome =
    worker instanceof WorkerFailure
      ? worker
      : await runInWorker(worker, invoice, format, csvOptions, signal, onProgress);
  if (!(outcome instanceof WorkerFailure)) return outcome;
  const blob = await onMainThread(invoice, format, csvOptions, signal, onProgress);
  return { blob, inWorker: false, workerResources: [], workerError: outcome.reason };
}

/**
 * The worker's module, on the page (the fallbacks of this file and of `list-export.ts`): it loads
 * the writers (and papaparse) as the worker does. The one import of it in the package, so the
 * build points it at the prebuilt worker file (vite.config.ts, `workerFiles`) and papaparse is in
 * dist/ once.
 */
export function csvWorkerModule(): Promise<typeof CsvWorkerModule> {
  return import('./csv.worker.js');
}

/** The fallback: the file written on the page in small pieces, yielding every {@link SLICE_MS}. */
async function onMainThread(
  invoice: Invoice,
  format: CsvFormat,
  options: CsvOptions,
  signal: AbortSignal | undefined,
  onProgress: ((value: number) => void) | undefined,
): Promise<Blob> {
  const { loadCsvWriter } = await csvWorkerModule();
  const { csvBlob, csvPieces } = await loadCsvWriter();
  if (signal?.aborted) throw abortError();
  // Pieces are encoded into Blobs slice by slice: one Blob of the whole text at the end would
  // encode megabytes in one task.
  const encoded: Blob[] = [];
  let texts: string[] = [];
  let started = performance.now();
  for (const piece of csvPieces(invoice, format, options, FALLBACK_PIECE_LINES)) {
    texts.push(piece.text);
    if (performance.now() - started >= SLICE_MS) {
      encoded.push(new Blob(texts));
      texts = [];
      onProgress?.(piece.progress);
      await yieldToMain();
      if (signal?.aborted) throw abortError();
      started = performance.now();
    }
  }
  encoded.push(new Blob(texts));
  onProgress?.(1);
  return csvBlob(encoded);
}

function runInWorker(
  worker: Worker,
  invoice: Invoice,
  format: CsvFormat,
  options: CsvOptions,
  signal: AbortSignal | undefined,
  onProgress: ((value: number) => void) | undefined,
): Promise<CsvResult | WorkerFailure> {
  let shown = 0;
  let received = 0;
  /** Wakes the sender waiting for the worker to take in lines (or to stop). */
  let wake: (() => void) | undefined;
  const woken = (): Promise<void> => new Promise((r) => (wake = r));
  const rouse = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const progress = (value: number): void => {
    if (value > shown) {
      shown = value;
      onProgress?.(value);
    }
  };
  const post = (message: CsvWorkerRequest): void => worker.postMessage(message);
  const send = async (session: WorkerSession<CsvResult>): Promise<void> => {
    const lines = invoice.lines;
    post({
      type: 'begin',
      format,
      invoice: { ...invoice, lines: [] },
      options,
      lineCount: lines.length,
    });
    let started = performance.now();
    for (let from = 0; from < lines.length; from += LINES_PER_MESSAGE) {
      if (performance.now() - started >= SLICE_MS) {
        await yieldToMain();
        if (session.settled) return;
        started = performance.now();
      }
      if (from - received > MAX_LINES_IN_FLIGHT) {
        while (from - received > MAX_LINES_IN_FLIGHT && !session.settled) await woken();
        if (session.settled) return;
        started = performance.now();
      }
      post({ type: 'lines', lines: lines.slice(from, from + LINES_PER_MESSAGE) });
    }
    post({ type: 'end' });
  };
  return superviseWorker<CsvWorkerResponse, CsvResult>(
    worker,
    { label: 'CSV', signal, abortError, onSettle: rouse },
    (message, session) => {
      if (message.type === 'received') {
        received = message.lines;
        progress((SENDING_SHARE * received) / Math.max(1, invoice.lines.length));
        rouse();
      } else if (message.type === 'progress') {
        // (The first, 0, only says the worker runs.)
        if (message.value > 0) progress(SENDING_SHARE + (1 - SENDING_SHARE) * message.value);
      } else if (message.type === 'done') {
        session.done({ blob: message.blob, inWorker: true, workerResources: message.resources });
      }
    },
    send,
  );
}
