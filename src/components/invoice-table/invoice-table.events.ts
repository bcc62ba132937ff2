/** Event detail types of `<invoice-table>`. */
import type {
  BillingPeriod,
  Customer,
  InvoiceStatus,
  InvoiceSummary,
  SortDirection,
  SortKey,
} from '../../core/types.js';

/** `invoice-open`: the user opened an invoice (double-click, Enter on a row, or its Open button). */
export interface InvoiceOpenDetail {
  invoiceId: string;
  summary: InvoiceSummary;
}

/** `invoice-customer-change`: the user chose a customer, or cleared the choice (`null`). */
export interface InvoiceCustomerChangeDetail {
  customer: Customer | null;
}

/** `invoice-period-change`: the user changed the billing period (a preset or the month fields). */
export interface InvoicePeriodChangeDetail {
  period: BillingPeriod;
}

/**
 * The table's view: customer, period, filters and sort, as one JSON-serialisable value (the
 * `view` property of `<invoice-table>`). An absent key is the default: every customer, the
 * default period (the last 3 months before `today`), no filter, sorted by period, newest first.
 */
export interface InvoiceTableView {
  customerId?: string;
  /** First month, `YYYY-MM` (with `to`). */
  from?: string;
  /** Last month, `YYYY-MM`. */
  to?: string;
  status?: InvoiceStatus;
  /** A provider id (`aws`). */
  provider?: string;
  /** Text the document ID contains. */
  search?: string;
  /** Only overdue invoices (issue 25): `true`, or absent. */
  overdue?: true;
  sort?: { key: SortKey; direction: SortDirection };
}

/** What the user changed: the customer, the period, a filter, the document search, the sort. */
export type InvoiceViewChangeReason = 'customer' | 'period' | 'filter' | 'search' | 'sort';

/** `invoice-view-change`: the user changed the view (never when the host sets `view`). */
export interface InvoiceViewChangeDetail {
  view: InvoiceTableView;
  reason: InvoiceViewChangeReason;
}

/**
 * `invoice-list-export`: the list was exported (issue 25) and the file handed to the user: its
 * name, the file itself (a host may also keep or upload it), the invoices written, the dialect,
 * and whether a worker wrote it.
 */
export interface InvoiceListExportDetail {
  filename: string;
  blob: Blob;
  rows: number;
  dialect: 'spreadsheet' | 'rfc4180';
  inWorker: boolean;
}
