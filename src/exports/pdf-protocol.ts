/** Messages between the page and the PDF worker. Plain data (structured clone). No Lit here. */
import type { Invoice } from '../core/types.js';
import type { LogoRequest } from './logo.js';
import type { ExportOptions } from './options.js';
import type { WorkerErrorMessage } from './worker-session.js';

export interface PdfWorkerRequest {
  type: 'generate';
  invoice: Invoice;
  options: ExportOptions;
  compress?: boolean;
  /** The issuer's logo URL, resolved against the page and checked there (logo.ts). */
  logo?: LogoRequest;
}

export type PdfWorkerResponse =
  | { type: 'progress'; value: number }
  /**
   * `resources`: what the worker fetched (its Resource Timing), for diagnostics and tests;
   * `warnings`: what was left out of the PDF (a logo that could not be embedded).
   */
  | { type: 'done'; buffer: ArrayBuffer; resources: string[]; warnings: string[] }
  | WorkerErrorMessage;
