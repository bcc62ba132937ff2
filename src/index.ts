/**
 * invoice-elements: side-effect-free entry. Importing it registers nothing; call
 * `defineInvoiceElements()` or import `invoice-elements/define`.
 */
export * from './core/index.js';
// The export API without papaparse: CSV text is made in the CSV worker (or loaded on demand).
// `invoice-elements/exports` (src/exports/index.ts) has the whole export core.
export {
  generateCsv,
  setCsvWorkerFactory,
  createCsvWorker,
  type CsvWorkerFactory,
} from './exports/csv-export.js';
export {
  generatePdf,
  setPdfWorkerFactory,
  createPdfWorker,
  type PdfWorkerFactory,
} from './exports/pdf.js';
export { neutraliseCell, isFormulaLike } from './exports/neutralise.js';
export { exportFilename, safeFilename } from './exports/filename.js';
export { TRUSTED_TYPES_POLICY } from './exports/trusted-worker.js';
export { MemoryBackend } from './adapters/memory/index.js';
export { RestBackend } from './adapters/rest/rest-backend.js';
export { InvoiceTable } from './components/invoice-table/invoice-table.js';
export { InvoiceViewer } from './components/invoice-viewer/invoice-viewer.js';
export { StatusUpdater } from './components/status-updater/status-updater.js';
export { DownloadMenu } from './components/download-menu/download-menu.js';
export { InvoiceElement } from './components/shared/invoice-element.js';
export type { InvoiceEventMap, InvoiceEvents } from './components/shared/events.js';
export {
  invoiceBackendContext,
  provideInvoiceBackend,
} from './components/shared/backend-context.js';
export { defineInvoiceElements, ELEMENT_CLASSES } from './register.js';
export type { DefaultTagName, RegistrationResult } from './register.js';
export { SUPPORTED_LOCALES, resolveLocale } from './i18n/locale.js';
export { loadLocale } from './i18n/loader.js';
export type { Locale } from './i18n/locale.js';
