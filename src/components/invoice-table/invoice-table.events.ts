/** Event detail types of `<invoice-table>`. */
import type { BillingPeriod, Customer, InvoiceSummary } from '../../core/types.js';

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
