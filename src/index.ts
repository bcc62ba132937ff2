/**
 * invoice-elements: side-effect-free entry. Importing it registers nothing; call
 * `defineInvoiceElements()` or import `invoice-elements/define`.
 */
export * from './core/index.js';
export { MemoryBackend } from './adapters/memory/index.js';
export { RestBackend } from './adapters/rest/rest-backend.js';
export { InvoiceTable } from './components/invoice-table/invoice-table.js';
export { InvoiceViewer } from './components/invoice-viewer/invoice-viewer.js';
export { StatusUpdater } from './components/status-updater/status-updater.js';
export { DownloadMenu } from './components/download-menu/download-menu.js';
export { InvoiceElement } from './components/shared/invoice-element.js';
export {
  invoiceBackendContext,
  provideInvoiceBackend,
} from './components/shared/backend-context.js';
export { defineInvoiceElements, ELEMENT_CLASSES } from './register.js';
export type { DefaultTagName, RegistrationResult } from './register.js';
export { SUPPORTED_LOCALES, resolveLocale } from './i18n/locale.js';
export type { Locale } from './i18n/locale.js';
