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
  type CsvExportOptions,
  type CsvDialect,
  type CsvFormat,
  type CsvResult,
} from './exports/csv-export.js';
export {
  generatePdf,
  setPdfWorkerFactory,
  setPdfFonts,
  createPdfWorker,
  type PdfFonts,
  type PdfWorkerFactory,
  type PdfOptions,
  type PdfResult,
} from './exports/pdf.js';
export type { ExportLabels, ExportOptions } from './exports/options.js';
export type { ExportResult, ExportWorkerFactory } from './exports/trusted-worker.js';
export { neutraliseCell, isFormulaLike } from './exports/neutralise.js';
export { exportFilename, safeFilename } from './exports/filename.js';
export { TRUSTED_TYPES_POLICY } from './exports/trusted-worker.js';
export { MemoryBackend } from './adapters/memory/index.js';
export type {
  BackendOperation,
  DownloadAnswer,
  GeneratorOptions,
  MemoryBackendOptions,
} from './adapters/memory/index.js';
export { RestBackend, type RestBackendOptions } from './adapters/rest/rest-backend.js';
export { InvoiceTable } from './components/invoice-table/invoice-table.js';
export { InvoiceViewer } from './components/invoice-viewer/invoice-viewer.js';
export { StatusUpdater } from './components/status-updater/status-updater.js';
export { DownloadMenu } from './components/download-menu/download-menu.js';
export { InvoiceElement } from './components/shared/invoice-element.js';
export type { ThemeName, Density } from './components/shared/invoice-element.js';
export type { StringOverrides } from './components/shared/locale-controller.js';
export type {
  InvoiceEventMap,
  InvoiceEvents,
  CancelableInvoiceEvent,
} from './components/shared/events.js';
// Every event detail type, and the strings each element takes (its `strings` property).
export type {
  InvoiceOpenDetail,
  InvoiceCustomerChangeDetail,
  InvoicePeriodChangeDetail,
  InvoiceTableView,
  InvoiceViewChangeDetail,
  InvoiceViewChangeReason,
} from './components/invoice-table/invoice-table.events.js';
export type {
  InvoiceCurrencyChangeDetail,
  InvoiceDiscardDetail,
  InvoiceDiscardRequestDetail,
  InvoiceSectionToggleDetail,
  SectionId,
} from './components/invoice-viewer/invoice-viewer.events.js';
export type {
  InvoiceRefreshDetail,
  InvoiceStatusChangeDetail,
  InvoiceStatusChangeRequestDetail,
} from './components/status-updater/status-updater.events.js';
export type {
  InvoiceDownloadDetail,
  InvoiceDownloadRequestDetail,
} from './components/download-menu/download-menu.events.js';
export type { InvoiceTableStrings } from './components/invoice-table/invoice-table.strings.js';
export type { InvoiceViewerStrings } from './components/invoice-viewer/invoice-viewer.strings.js';
export type { StatusUpdaterStrings } from './components/status-updater/status-updater.strings.js';
export type { DownloadMenuStrings } from './components/download-menu/download-menu.strings.js';
export type { CommonStrings } from './i18n/common.strings.js';
export type { LocaleStrings } from './i18n/catalogue.js';
export {
  invoiceBackendContext,
  provideInvoiceBackend,
} from './components/shared/backend-context.js';
export { defineInvoiceElements, ELEMENT_CLASSES } from './register.js';
export type { DefaultTagName, RegistrationResult } from './register.js';
export { SUPPORTED_LOCALES, resolveLocale } from './i18n/locale.js';
export { loadLocale } from './i18n/loader.js';
export type { Locale } from './i18n/locale.js';
