/**
 * The export pipeline of `<download-menu>`: from a chosen format to a file in the user's hands.
 * A file made by the server when the adapter offers one (not for print: a server file, often
 * cross-origin, cannot be printed from the page), otherwise made here: CSV and detailed CSV
 * (csv-export.ts) and PDF (pdf.ts) in module workers, print through a hidden frame (print.ts).
 * Part of the export runtime (run.ts): it loads on the first export. No Lit here.
 *
 * Never exports what the audience may not see (docs/RULES.md: no export ever contains a draft
 * for a customer), whatever asked for it.
 */
import type { InvoiceBackend } from '../core/backend.js';
import { BackendError } from '../core/errors.js';
import type { Audience, CurrencyCode, DownloadFormat, Invoice } from '../core/types.js';
import type { CsvDialect } from './csv.js';
import { generateCsv } from './csv-export.js';
import { exportBaseName, exportFilename, safeFilename } from './filename.js';
import { assertExportable, type ExportOptions } from './options.js';
import { generatePdf } from './pdf.js';
import { printInvoice } from './print.js';
import { allowedDownloadUrl, UnsafeUrlError, type SavedFile } from './save-file.js';

/** What to export and how to hand it over. */
export interface ExportRequest extends ExportOptions {
  format: DownloadFormat;
  /** The currency the file is made in (one of the invoice's). */
  currency: CurrencyCode;
  audience: Audience;
  /** Aborts the export: the promise then rejects with an AbortError. */
  signal: AbortSignal;
  /** Asked first for a server-made file (not for print); browser-made when absent or `null`. */
  backend?: Pick<InvoiceBackend, 'download'>;
  /**
   * CSV files: `spreadsheet` (default; per `locale`, with a BOM) or `rfc4180` (for programs).
   * See docs/RULES.md, "CSV files".
   */
  dialect?: CsvDialect;
  /** CSV files: start with a UTF-8 byte order mark; default per dialect (see `CsvOptions.bom`). */
  bom?: boolean;
  /** Progress of a file made here, 0–1. */
  onProgress?: (value: number) => void;
  /** Hands a finished file to the user. */
  save: (file: SavedFile) => void | Promise<void>;
  /** Prints the prepared print frame. */
  print: (win: Window) => void | Promise<void>;
}

/** What an export reports: the file's name (print: the document's title), and who made it. */
export interface ExportOutcome {
  filename: string;
  source: 'server' | 'browser';
  /**
   * `false` when a CSV, detailed CSV or PDF was made on the main thread instead of in its
   * module worker (no worker could start, or it failed after starting; see `workerError`).
   * Absent otherwise: a worker made the file, or it was the server's, or print.
   */
  worker?: false;
  /** Why the main thread made the file instead of a worker (only with `worker: false`). */
  workerError?: string;
}

/**
 * Makes or fetches the file of `invoice` in `request.format` and saves (or prints) it. Rejects
 * with an `ExportRefusedError` for what the audience may not see, an `UnsafeUrlError` for a
 * server URL neither https nor same origin, an AbortError when `signal` aborts, or the error
 * of the adapter or the export.
 */
export async function runExport(invoice: Invoice, request: ExportRequest): Promise<ExportOutcome> {
  // `options` keeps only the export options: the CSV ones go to a worker, which takes no functions.
  const { format, signal, backend, dialect, bom, onProgress, save, print, ...options } = request;
  const { currency, audience } = options;
  assertExportable(invoice, audience);
  // Named in the display currency when converted (`…_2026-10_BRL.pdf`).
  const filename = exportFilename(invoice, format, currency);
  if (format !== 'print' && backend?.download) {
    const server = await backend.download(invoice.id, format, { signal, currency });
    if (signal.aborted) throw new DOMException('Cancelled', 'AbortError');
    if (server) {
      const name = safeFilename(server.filename, filename);
      if (server.kind === 'blob') {
        await save({ kind: 'blob', blob: server.blob, filename: name });
      } else {
        const allowed = allowedDownloadUrl(server.url);
        if (!allowed) throw new UnsafeUrlError(server.url);
        await save({
          kind: 'url',
          url: allowed.url,
          sameOrigin: allowed.sameOrigin,
          filename: name,
        });
      }
      return { filename: name, source: 'server' };
    }
  }
  if (format === 'print') {
    const title = exportBaseName(invoice, '', currency);
    await printInvoice(invoice, { ...options, title, print });
    return { filename: title, source: 'browser' };
  }
  // In module workers: jspdf and papaparse load there, only now (see pdf.ts, csv-export.ts).
  const made =
    format === 'pdf'
      ? generatePdf(invoice, { ...options, signal, onProgress })
      : format === 'csv' || format === 'detailed-csv'
        ? generateCsv(invoice, format, { ...options, dialect, bom, signal, onProgress })
        : undefined;
  if (!made) throw new BackendError('validation', `Unknown format ${String(format)}.`);
  const { blob, inWorker, workerError } = await made;
  await save({ kind: 'blob', blob, filename });
  return inWorker
    ? { filename, source: 'browser' }
    : { filename, source: 'browser', worker: false, workerError: workerError ?? 'No worker.' };
}
