/** Event detail types of `<invoice-table>`'s bulk status change (issue 25). */
import type { InvoiceStatus } from '../../core/types.js';

/**
 * `invoice-bulk-status-change-request`: cancelable, fired once when the user confirmed a bulk
 * change and before any write. `preventDefault()` vetoes all of it (no backend call is made).
 */
export interface InvoiceBulkStatusChangeRequestDetail {
  /** The invoices that will be written (the eligible ones), in list order. */
  invoiceIds: string[];
  to: InvoiceStatus;
  /** Exactly what the dialog's notification switch showed. */
  notify: boolean;
}

/**
 * `invoice-bulk-status-change`: a bulk change (or its Retry) ended. Each invoice changed also
 * fired its own `invoice-status-change`, as `<status-updater>` does.
 */
export interface InvoiceBulkStatusChangeDetail {
  to: InvoiceStatus;
  notify: boolean;
  /** Changed by this run. */
  changed: string[];
  /** Someone else changed them meanwhile (a stale version): nothing was overwritten. */
  conflicted: string[];
  /** Refused (not allowed now, forbidden, …), failed, or of unknown outcome. */
  failed: string[];
  /** Not started: the user stopped the run first. */
  notStarted: string[];
}
