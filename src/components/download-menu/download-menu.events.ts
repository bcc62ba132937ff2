/** Event details of `<download-menu>`. */
import type { DownloadFormat } from '../../core/types.js';

/** `invoice-download-request` (cancelable): before any file is asked for or made. */
export interface InvoiceDownloadRequestDetail {
  invoiceId: string;
  format: DownloadFormat;
  /** The display currency the export is made in. */
  currency: string;
}

/** `invoice-download`: a file was handed to the browser (or the print dialog was opened). */
export interface InvoiceDownloadDetail {
  invoiceId: string;
  format: DownloadFormat;
  /** The saved file's name (print: the print document's title, without extension). */
  filename: string;
  /** `server`: the adapter's file; `browser`: made here. */
  source: 'server' | 'browser';
  /**
   * `false` when a CSV, detailed CSV or PDF was made on the page instead of in its module
   * worker: no worker could start, or it failed after starting, and the page made the same
   * file. Absent when a worker made it, and for server files and print.
   */
  worker?: false;
  /** With `worker: false`: why the worker was not used (for logs, not for users). */
  workerError?: string;
}
