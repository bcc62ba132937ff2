/**
 * The shape of the string catalogues. English is built into each element's `*.strings.ts`; the
 * other locales are one module each (./pt-BR.ts, ./es.ts) holding the common strings and every
 * element's strings, loaded on demand by ./loader.ts.
 */
import type { DownloadMenuStrings } from '../components/download-menu/download-menu.strings.js';
import type { BulkStatusStrings } from '../components/invoice-table/bulk.strings.js';
import type { InvoiceTableStrings } from '../components/invoice-table/invoice-table.strings.js';
import type { InvoiceViewerStrings } from '../components/invoice-viewer/invoice-viewer.strings.js';
import type { StatusUpdaterStrings } from '../components/status-updater/status-updater.strings.js';
import type { CommonStrings } from './common.strings.js';

/** Every string of one locale: what ./pt-BR.ts and ./es.ts export. */
export interface LocaleStrings {
  common: CommonStrings;
  invoiceTable: InvoiceTableStrings;
  invoiceViewer: InvoiceViewerStrings;
  statusUpdater: StatusUpdaterStrings;
  downloadMenu: DownloadMenuStrings;
  /** `<invoice-table>`'s selection and bulk status change (issue 25). */
  bulkStatus: BulkStatusStrings;
}

/**
 * One element's catalogue (or the common one): its English strings, always there, and where its
 * strings are in a loaded locale module.
 */
export interface Catalogue<T> {
  readonly en: T;
  readonly pick: (locale: LocaleStrings) => T;
}
