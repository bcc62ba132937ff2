/**
 * The export runtime of `<download-menu>`: everything it runs once a user picks a format (CSV,
 * detailed CSV, PDF, print, the file names). The menu loads this module with a dynamic
 * `import()` on the first choice, so a page that never exports never fetches it; jspdf and
 * papaparse load later still, inside the workers (or on the page as a fallback).
 *
 * Only what the menu needs up front stays out: the options, the labels and the refusal
 * (options.ts) and the default printer (print-window.ts). No Lit here.
 */
export { generateCsv } from './csv-export.js';
export { generatePdf } from './pdf.js';
export { printInvoice } from './print.js';
export { exportBaseName, exportFilename, safeFilename } from './filename.js';
