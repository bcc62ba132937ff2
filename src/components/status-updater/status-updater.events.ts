/** Event detail types of `<status-updater>`, declared once (added to HTMLElementEventMap). */
import type { Invoice, InvoiceStatus } from '../../core/types.js';

/**
 * `invoice-status-change-request`: cancelable, fired after the user confirmed and before the
 * backend is called. `preventDefault()` vetoes the change (no backend call is made).
 */
export interface InvoiceStatusChangeRequestDetail {
  invoiceId: string;
  from: InvoiceStatus;
  to: InvoiceStatus;
  /** Exactly what the confirmation dialog's notification toggle showed. */
  notify: boolean;
  /** The reason typed in the dialog (trimmed; a VOID's, issue 25), when one was given. */
  reason?: string;
}

/** `invoice-status-change`: the backend confirmed the change; `invoice` is its answer. */
export interface InvoiceStatusChangeDetail {
  invoice: Invoice;
  from: InvoiceStatus;
  to: InvoiceStatus;
  notify: boolean;
}

/**
 * `invoice-refresh`: the updater re-read the invoice from the backend (Reload after a conflict,
 * refreshed targets after an invalid transition, a check after an unknown outcome that found
 * the change not applied). A parent (the viewer) replaces its copy with `invoice`.
 */
export interface InvoiceRefreshDetail {
  invoice: Invoice;
}
