/** Messages between the page and the PDF worker. Plain data (structured clone). No Lit here. */
import type { Invoice } from '../core/types.js';
import type { LogoRequest } from './logo.js';
import type { ExportOptions } from './options.js';
import type { WorkerErrorMessage } from './worker-session.js';

/**
 * A host's font for the PDF (issue 18): a TrueType (`.ttf`, glyf outlines) file's bytes, or its
 * URL. `bold` defaults to `regular`.
 */
export interface PdfFonts {
  regular: ArrayBuffer | string;
  bold?: ArrayBuffer | string;
}

export interface PdfWorkerRequest {
  type: 'generate';
  invoice: Invoice;
  options: ExportOptions;
  compress?: boolean;
  /** The issuer's logo URL, resolved against the page and checked there (logo.ts). */
  logo?: LogoRequest;
  /** The host's font: bytes, or an absolute URL (checked and fetched in the worker, pdf-fonts.ts). */
  fonts?: PdfFonts;
}

export type PdfWorkerResponse =
  | { type: 'progress'; value: number }
  /**
   * `resources`: what the worker fetched (its Resource Timing), for diagnostics and tests;
   * `warnings`: what was left out of the PDF or drawn otherwise (a logo that could not be
   * embedded, logo.ts; a host font not used or characters no font has, pdf-fonts.ts).
   */
  | { type: 'done'; buffer: ArrayBuffer; resources: string[]; warnings: string[] }
  | WorkerErrorMessage;
