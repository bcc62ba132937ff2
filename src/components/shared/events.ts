/**
 * Every event the elements fire, declared once: name → detail type. The base class's `emit()`
 * is keyed by this map (a wrong name or detail is a compile error), and the global event maps
 * below are derived from it, so `element.addEventListener('invoice-open', (e) => e.detail)`
 * and `document.addEventListener(…)` are typed in a host's code.
 */
import type {
  InvoiceDownloadDetail,
  InvoiceDownloadRequestDetail,
} from '../download-menu/download-menu.events.js';
import type {
  InvoiceBulkStatusChangeDetail,
  InvoiceBulkStatusChangeRequestDetail,
} from '../invoice-table/bulk-change.events.js';
import type {
  InvoiceCustomerChangeDetail,
  InvoiceListExportDetail,
  InvoiceOpenDetail,
  InvoicePeriodChangeDetail,
  InvoiceViewChangeDetail,
} from '../invoice-table/invoice-table.events.js';
import type {
  InvoiceCurrencyChangeDetail,
  InvoiceDiscardDetail,
  InvoiceDiscardRequestDetail,
  InvoiceSectionToggleDetail,
} from '../invoice-viewer/invoice-viewer.events.js';
import type {
  InvoiceRefreshDetail,
  InvoiceStatusChangeDetail,
  InvoiceStatusChangeRequestDetail,
} from '../status-updater/status-updater.events.js';

/** Event name → `detail` type, for every event of the four elements. */
export interface InvoiceEventMap {
  'invoice-open': InvoiceOpenDetail;
  'invoice-customer-change': InvoiceCustomerChangeDetail;
  'invoice-period-change': InvoicePeriodChangeDetail;
  'invoice-view-change': InvoiceViewChangeDetail;
  'invoice-list-export': InvoiceListExportDetail;
  'invoice-currency-change': InvoiceCurrencyChangeDetail;
  'invoice-section-toggle': InvoiceSectionToggleDetail;
  'invoice-discard-request': InvoiceDiscardRequestDetail;
  'invoice-discard': InvoiceDiscardDetail;
  'invoice-status-change-request': InvoiceStatusChangeRequestDetail;
  'invoice-status-change': InvoiceStatusChangeDetail;
  'invoice-refresh': InvoiceRefreshDetail;
  'invoice-download-request': InvoiceDownloadRequestDetail;
  'invoice-download': InvoiceDownloadDetail;
  'invoice-bulk-status-change-request': InvoiceBulkStatusChangeRequestDetail;
  'invoice-bulk-status-change': InvoiceBulkStatusChangeDetail;
}

/** The events as a listener receives them. */
export type InvoiceEvents = { [K in keyof InvoiceEventMap]: CustomEvent<InvoiceEventMap[K]> };

/** The names of the events a host may cancel (`preventDefault()` stops the step). */
export type CancelableInvoiceEvent =
  | 'invoice-discard-request'
  | 'invoice-status-change-request'
  | 'invoice-download-request'
  | 'invoice-bulk-status-change-request';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends InvoiceEvents {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends InvoiceEvents {}
}
