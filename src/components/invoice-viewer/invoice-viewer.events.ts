/** Event detail types of `<invoice-viewer>`, declared once (added to HTMLElementEventMap). */
import type { CurrencyCode } from '../../core/types.js';

/** Ids of the viewer's collapsible sections, in display order. */
export const SECTION_IDS = ['summary', 'lines', 'totals', 'custom-fields', 'history'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** `invoice-currency-change`: the user chose another display currency. */
export interface InvoiceCurrencyChangeDetail {
  currency: CurrencyCode;
}

/**
 * `invoice-discard-request`: cancelable, fired after the user confirmed the discard dialog and
 * before the backend is called. `preventDefault()` vetoes it (no backend call is made).
 */
export interface InvoiceDiscardRequestDetail {
  invoiceId: string;
  documentId: string;
}

/** `invoice-discard`: the backend confirmed the document was deleted. */
export interface InvoiceDiscardDetail {
  invoiceId: string;
  documentId: string;
}

/** `invoice-section-toggle`: a section was expanded (`open: true`) or collapsed. */
export interface InvoiceSectionToggleDetail {
  section: SectionId;
  open: boolean;
}
