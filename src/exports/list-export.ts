/**
 * Exporting the list (issue 25): every invoice matching a list query (the table's filters and
 * sort), fetched page by page from the adapter, written as the list CSV (list-csv.ts) in the
 * CSV worker, one piece per page, and joined into one file at the end. docs/RULES.md, "The
 * list CSV". No Lit here.
 *
 * - **Pages**: `listInvoices` with the query, `offset` and `limit` (`pageSize`, default 500),
 *   one at a time, until a page is short or the offset reaches the first page's `total`. The
 *   adapter orders ties itself (docs/ADAPTERS.md, "Exporting the list"); an id already written
 *   is skipped, so a list that shifts between pages never gives a row twice.
 * - **Today**: Overdue (a column) is judged on `today`, else the query's `asOf`, else the
 *   local today, fixed once for the file.
 * - **Audience**: only what the audience sees (`visibleTo`: never a draft for the customer).
 * - **Failure of a page**: `onPageError(error, offset)` decides: resolve to ask the same page
 *   again (nothing written twice, nothing skipped), reject to give up. Without it, the export
 *   rejects with the error.
 * - **Cancel**: abort `signal`: the request in flight is aborted, the worker terminated, the
 *   export rejects with an AbortError, nothing is returned.
 * - **Worker**: the CSV worker (csv.worker.ts, `list-begin` / `list-page`), supervised as
 *   every export worker is (worker-session.ts); where none runs, or it fails, the rest of the
 *   file (from the piece it was writing) is written on the page, yielding between rows.
 */
import type { CallOptions } from '../core/backend.js';
import { isoDay } from '../core/overdue.js';
import { visibleTo } from '../core/status.js';
import type { InvoiceQuery, InvoiceSummary, Page } from '../core/types.js';
import { createCsvWorker, csvWorkerModule, yieldToMain } from './csv-export.js';
import type { CsvWorkerRequest, CsvWorkerResponse } from './csv-protocol.js';
import type { ListCsvOptions } from './list-csv.js';
import { WorkerFailure, startWorker, type ExportResult } from './trusted-worker.js';
import { superviseWorker, type WorkerSession } from './worker-session.js';

/** Invoices asked per page unless told otherwise. */
export const LIST_EXPORT_PAGE_SIZE = 500;
/** Rows the page's fallback writes between two yields. */
const FALLBACK_ROWS = 100;

/** What the export reads: the adapter's list (validated by the caller). */
export interface ListSource {
  listInvoices(query: InvoiceQuery, options?: CallOptions): Promise<Page<InvoiceSummary>>;
}

export interface ListExportOptions extends ListCsvOptions {
  /** The list's query (its `offset` and `limit` are the export's own). */
  query: InvoiceQuery;
  /** Invoices per request, 1–1000 (default {@link LIST_EXPORT_PAGE_SIZE}). */
  pageSize?: number;
  signal?: AbortSignal;
  /** After each page: invoices read so far (`done`) of `total`. */
  onProgress?: (done: number, total: number) => void;
  /** A page failed: resolve to ask it again, reject to give up (see the top of this file). */
  onPageError?: (error: unknown, offset: number) => Promise<void>;
}

export interface ListExportResult extends ExportResult {
  /** Invoices written (rows after the header). */
  rows: number;
}

function abortError(): DOMException {
  return new DOMException('The list export was cancelled.', 'AbortError');
}

/** Writes pieces of the file: piece 0 (the header), then one per page. */
interface PieceWriter {
  header(): Promise<Blob>;
  page(items: InvoiceSummary[]): Promise<Blob>;
}

/** The CSV worker as a {@link PieceWriter}; every piece rejects with a `WorkerFailure` once it fails. */
class WorkerPieces implements PieceWriter {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve(b: Blob): void; reject(e: unknown): void }>();
  readonly #header: Promise<Blob>;
  #seq = 0;
  #session: WorkerSession<true> | undefined;
  #ended: unknown;
  readonly run: Promise<true | WorkerFailure>;

  constructor(worker: Worker, options: ListCsvOptions, signal: AbortSignal | undefined) {
    this.#worker = worker;
    this.#header = this.#expect(0);
    this.run = superviseWorker<CsvWorkerResponse, true>(
      worker,
      { label: 'CSV', signal, abortError },
      (message) => {
        if (message.type !== 'list-piece') return;
        this.#waiting.get(message.seq)?.resolve(message.blob);
        this.#waiting.delete(message.seq);
      },
      (session) => {
        this.#session = session;
        this.#post({ type: 'list-begin', options });
      },
    );
    const end = (reason: unknown): void => {
      this.#ended = reason;
      for (const { reject } of this.#waiting.values()) reject(reason);
      this.#waiting.clear();
    };
    this.run.then((outcome) => end(outcome === true ? abortError() : outcome), end);
  }

  #post(message: CsvWorkerRequest): void {
    this.#worker.postMessage(message);
  }

  #expect(seq: number): Promise<Blob> {
    return new Promise((resolve, reject) => {
      if (this.#ended !== undefined) reject(this.#ended);
      else this.#waiting.set(seq, { resolve, reject });
    });
  }

  header(): Promise<Blob> {
    return this.#header;
  }

  page(items: InvoiceSummary[]): Promise<Blob> {
    const seq = ++this.#seq;
    const piece = this.#expect(seq);
    if (this.#ended === undefined) this.#post({ type: 'list-page', seq, items });
    return piece;
  }

  /** The file is whole: the worker is done. */
  close(): void {
    this.#session?.done(true);
  }
}

/** The page's fallback: the worker's own module, writing a few rows per task. */
async function mainThreadPieces(options: ListCsvOptions): Promise<PieceWriter> {
  const { loadListCsvWriter } = await csvWorkerModule();
  const { listCsvHeader, listCsvRows } = await loadListCsvWriter();
  return {
    header: async () => new Blob([listCsvHeader(options)]),
    page: async (items) => {
      const parts: string[] = [];
      for (let from = 0; from < items.length; from += FALLBACK_ROWS) {
        if (from > 0) await yieldToMain();
        parts.push(listCsvRows(items.slice(from, from + FALLBACK_ROWS), options));
      }
      return new Blob(parts);
    },
  };
}

/**
 * The list CSV of every invoice matching `options.query`, in its order (see the top of this
 * file). Rejects with an AbortError when cancelled, or with a page's error when given up.
 */
export async function exportInvoiceList(
  source: ListSource,
  options: ListExportOptions,
): Promise<ListExportResult> {
  const { query, signal, onProgress, onPageError, pageSize, ...rest } = options;
  // One day for the whole file (the worker's clock is not asked): Overdue as the table shows it.
  const csv: ListCsvOptions = { ...rest, today: rest.today ?? query.asOf ?? isoDay(new Date()) };
  const audience = query.audience ?? 'operator';
  const limit = Math.min(1000, Math.max(1, Math.floor(pageSize ?? LIST_EXPORT_PAGE_SIZE) || 1));
  if (signal?.aborted) throw abortError();

  const started = startWorker(createCsvWorker);
  const inWorker =
    started instanceof WorkerFailure ? undefined : new WorkerPieces(started, csv, signal);
  let workerError = started instanceof WorkerFailure ? started.reason : undefined;
  let fallback: Promise<PieceWriter> | undefined;
  /** A piece from the worker, or from the page once the worker failed (that piece again). */
  const write = async (piece: (w: PieceWriter) => Promise<Blob>): Promise<Blob> => {
    if (inWorker && workerError === undefined) {
      try {
        return await piece(inWorker);
      } catch (error) {
        if (!(error instanceof WorkerFailure)) throw error;
        workerError = error.reason;
      }
    }
    if (signal?.aborted) throw abortError();
    fallback ??= mainThreadPieces(csv);
    return piece(await fallback);
  };

  const fetchPage = async (offset: number): Promise<Page<InvoiceSummary>> => {
    for (;;) {
      try {
        return await source.listInvoices({ ...query, offset, limit }, { signal });
      } catch (error) {
        if (signal?.aborted) throw abortError();
        if (!onPageError) throw error;
        await onPageError(error, offset);
        if (signal?.aborted) throw abortError();
      }
    }
  };

  try {
    const pieces: Blob[] = [await write((w) => w.header())];
    const seen = new Set<string>();
    let rows = 0;
    let total = Infinity;
    for (let offset = 0; offset < total;) {
      const page = await fetchPage(offset);
      if (total === Infinity) total = page.total;
      const items = visibleTo(page.items, audience).filter((s) => !seen.has(s.id));
      for (const s of items) seen.add(s.id);
      if (items.length > 0) pieces.push(await write((w) => w.page(items)));
      rows += items.length;
      offset += page.items.length;
      onProgress?.(Math.min(offset, total), total);
      // A short page (or an empty one) proves the end, whatever `total` said.
      const served = page.limit > 0 ? Math.min(limit, page.limit) : limit;
      if (page.items.length === 0 || page.items.length < served) break;
    }
    inWorker?.close();
    const blob = new Blob(pieces, { type: 'text/csv;charset=utf-8' });
    const result: ListExportResult = {
      blob,
      rows,
      inWorker: inWorker !== undefined && workerError === undefined,
      workerResources: [],
    };
    if (workerError !== undefined) result.workerError = workerError;
    return result;
  } finally {
    // Given up or cancelled: the worker stops (a no-op once it is done).
    inWorker?.close();
  }
}
