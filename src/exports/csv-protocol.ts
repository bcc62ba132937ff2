/**
 * Messages between the page and the CSV worker. Plain data (structured clone). No Lit here.
 *
 * A 100,000-line invoice takes ~250 ms to structured-clone in one `postMessage` (a long task
 * on the page), so the page sends the invoice without its lines first, then the lines in
 * slices, a few per task, then `end`. The worker acknowledges each slice (`received`), so the
 * page never has more than a few slices queued. The worker answers `progress` (the first one as soon
 * as it hears `begin`: from then on an error is not a load failure), then `done` with the file
 * as a Blob (passed by reference: nothing is copied on the page) or `error`.
 */
import type { Invoice, InvoiceSummary, LineItem } from '../core/types.js';
import type { CsvFormat, CsvOptions } from './csv.js';
import type { ListCsvOptions } from './list-csv.js';
import type { WorkerErrorMessage } from './worker-session.js';

export type CsvWorkerRequest =
  | {
      type: 'begin';
      format: CsvFormat;
      /** The invoice with `lines: []`; the lines follow in `lines` messages. */
      invoice: Invoice;
      options: CsvOptions;
      lineCount: number;
    }
  | { type: 'lines'; lines: LineItem[] }
  | { type: 'end' }
  // The list CSV (list-export.ts): `list-begin` is answered with piece 0 (the header), each
  // `list-page` with the piece of the same `seq` (its rows), as Blobs, in order.
  | { type: 'list-begin'; options: ListCsvOptions }
  | { type: 'list-page'; seq: number; items: InvoiceSummary[] };

export type CsvWorkerResponse =
  | { type: 'progress'; value: number }
  /** The worker took in this many lines so far (the page keeps few in flight, see csv-export.ts). */
  | { type: 'received'; lines: number }
  /** `resources`: what the worker fetched (its Resource Timing), for diagnostics and tests. */
  | { type: 'done'; blob: Blob; resources: string[] }
  /** A piece of the list CSV: 0 the header, then one per `list-page`. */
  | { type: 'list-piece'; seq: number; blob: Blob }
  | WorkerErrorMessage;
