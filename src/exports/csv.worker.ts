/**
 * The CSV module worker: receives an invoice (its lines in slices, see csv-protocol.ts) and
 * options, writes the CSV or detailed CSV with papaparse (imported dynamically, only here, only
 * when a CSV is asked for) and posts back the file as a Blob, with progress messages on the
 * way. The page cancels by terminating the worker. No Lit here.
 *
 * The same module is the main-thread fallback (csv-export.ts imports it when no worker could
 * write the file): it exports the writer's loader, and listens for requests only in a worker's
 * scope. Built, it is one self-contained file, dist/workers/csv.worker.js (vite.config.ts).
 */
import type { Invoice, InvoiceSummary, LineItem } from '../core/types.js';
import type { CsvFormat, CsvOptions } from './csv.js';
import type { CsvWorkerRequest, CsvWorkerResponse } from './csv-protocol.js';
import type { ListCsvOptions } from './list-csv.js';
import { inWorkerScope } from './trusted-worker.js';
import { fetchedResources, workerErrorMessage } from './worker-session.js';

interface WorkerScope {
  postMessage(message: CsvWorkerResponse): void;
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<CsvWorkerRequest>) => void,
  ): void;
}

type Writer = typeof import('./csv.js');
type ListWriter = typeof import('./list-csv.js');

/** The CSV writer and papaparse, loaded when first needed (dynamic, so timed where it runs). */
export function loadCsvWriter(): Promise<Writer> {
  return import('./csv.js');
}

/** The list CSV's writer (and papaparse), loaded as {@link loadCsvWriter}. */
export function loadListCsvWriter(): Promise<ListWriter> {
  return import('./list-csv.js');
}

/** The list CSV in progress: its options and writer (list-export.ts). */
let list: { options: ListCsvOptions; writer: Promise<ListWriter> } | undefined;

/** Answers a list message with its piece; pieces go out in the order asked (one writer promise). */
async function listPiece(seq: number, items: InvoiceSummary[] | null): Promise<void> {
  if (!list) return;
  const { options, writer } = list;
  try {
    const w = await writer;
    const text = items ? w.listCsvRows(items, options) : w.listCsvHeader(options);
    scope.postMessage({ type: 'list-piece', seq, blob: new Blob([text]) });
  } catch (error) {
    scope.postMessage(workerErrorMessage(error));
  }
}

interface Job {
  format: CsvFormat;
  invoice: Invoice;
  options: CsvOptions;
  lines: LineItem[];
  writer: Promise<Writer>;
}

const scope = globalThis as unknown as WorkerScope;

let job: Job | undefined;

/** Writes the file; progress is posted about every 2 %, not for every piece. */
function write({ csvBlob, csvPieces }: Writer, job: Job): Blob {
  const pieces: string[] = [];
  let reported = 0;
  const invoice = { ...job.invoice, lines: job.lines };
  for (const piece of csvPieces(invoice, job.format, job.options, 2000)) {
    pieces.push(piece.text);
    if (piece.progress - reported >= 0.02 || piece.progress === 1) {
      reported = piece.progress;
      scope.postMessage({ type: 'progress', value: piece.progress });
    }
  }
  return csvBlob(pieces);
}

async function finish(done: Job): Promise<void> {
  try {
    const blob = write(await done.writer, done);
    scope.postMessage({ type: 'done', blob, resources: fetchedResources() });
  } catch (error) {
    scope.postMessage(workerErrorMessage(error));
  }
}

if (inWorkerScope())
  scope.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'begin') {
      job = {
        format: message.format,
        invoice: message.invoice,
        options: message.options,
        lines: [],
        // Dynamic, so papaparse is fetched by (and timed in) the worker, while the lines arrive.
        writer: loadCsvWriter(),
      };
      // First word back: the page now knows the worker runs (it stops waiting for it to start).
      scope.postMessage({ type: 'progress', value: 0 });
      return;
    }
    if (message.type === 'list-begin') {
      list = { options: message.options, writer: loadListCsvWriter() };
      scope.postMessage({ type: 'progress', value: 0 });
      void listPiece(0, null);
      return;
    }
    if (message.type === 'list-page') {
      void listPiece(message.seq, message.items);
      return;
    }
    if (!job) return;
    if (message.type === 'lines') {
      for (const line of message.lines) job.lines.push(line);
      scope.postMessage({ type: 'received', lines: job.lines.length });
    } else if (message.type === 'end') {
      const done = job;
      job = undefined;
      void finish(done);
    }
  });
