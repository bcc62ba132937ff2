/**
 * The export runtime of `<download-menu>`: everything it runs once a user picks a format, the
 * export pipeline (pipeline.ts) and through it CSV, detailed CSV, PDF, print and the file
 * names. The menu loads this module with a dynamic `import()` on the first choice, so a page
 * that never exports never fetches it; jspdf and papaparse load later still, inside the
 * workers (or on the page as a fallback).
 *
 * Only what the menu needs up front stays out: the options, the labels and the refusal
 * (options.ts), the default printer (print-window.ts) and the default saver (save-file.ts).
 * No Lit here.
 */
export { runExport, type ExportOutcome, type ExportRequest } from './pipeline.js';
