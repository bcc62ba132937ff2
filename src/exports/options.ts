/**
 * What every export takes and how it refuses: the options, the labels of the files (English
 * by default) and the refusal of a draft in the customer audience. Small and pure: the
 * download menu and the string catalogues import it with the elements, while the export code
 * itself (CSV, PDF, print, file names; see run.ts) loads only when a user asks for a file.
 * No Lit here.
 */
import { isVisibleTo } from '../core/status.js';
import type { Audience, CurrencyCode, Invoice } from '../core/types.js';

/** The words of the exports (column headers, section titles). English by default. */
export interface ExportLabels {
  invoice: string;
  documentId: string;
  status: string;
  customer: string;
  customerId: string;
  provider: string;
  period: string;
  currency: string;
  rate: string;
  generatedAt: string;
  dueDate: string;
  customFields: string;
  lines: string;
  sku: string;
  description: string;
  group: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  tax: string;
  subtotal: string;
  taxTotal: string;
  total: string;
  /** Page footer; `{page}` and `{pages}` are replaced. */
  pageOf: string;
  // issue 18: PDF and print
  /** The day the invoice was issued (its `issueDate`, else the day it was generated). */
  issueDate: string;
  paymentTerms: string;
  /** Payment terms of `paymentTermsDays` days; `{days}` is replaced ("Net 30 days"). */
  paymentTermsNet: string;
  /** Payment terms of 0 days. */
  dueOnReceipt: string;
  /** Title of the customer's billing block. */
  billTo: string;
  /** Prefix of a tax registration (issuer and customer). */
  taxId: string;
  amountPaid: string;
  /** What is still owed: emphasised under the totals. */
  amountDue: string;
  paymentInstructions: string;
  /** A line group's subtotal row; `{group}` is replaced. */
  groupSubtotal: string;
  /** The watermark across every page of a DRAFT invoice. */
  watermarkDraft: string;
  /** The watermark across every page of a VOID invoice. */
  watermarkVoid: string;
  // issue 18: CSV
  /** The invoice CSV's header section: its two column headers. */
  csvField: string;
  csvValue: string;
  csvCustomerTaxId: string;
  csvCustomerAddress: string;
  csvIssuer: string;
  csvIssuerTaxId: string;
  /** Payment terms, in days (`30` for net 30). */
  csvPaymentTerms: string;
  /** The line's tax rate, a fraction (`0.21` for 21 %). */
  csvTaxRate: string;
  /** The row under a group's lines in the invoice CSV. */
  csvGroupSubtotal: string;
}

export const DEFAULT_EXPORT_LABELS: ExportLabels = {
  invoice: 'Invoice',
  documentId: 'Document ID',
  status: 'Status',
  customer: 'Customer',
  customerId: 'Customer ID',
  provider: 'Provider',
  period: 'Billing period',
  currency: 'Currency',
  rate: 'Exchange rate',
  generatedAt: 'Generated at',
  dueDate: 'Due date',
  customFields: 'Custom fields',
  lines: 'Lines',
  sku: 'SKU',
  description: 'Description',
  group: 'Group',
  quantity: 'Quantity',
  unitPrice: 'Unit price',
  amount: 'Amount',
  tax: 'Tax',
  subtotal: 'Subtotal',
  taxTotal: 'Tax total',
  total: 'Total',
  pageOf: 'Page {page} of {pages}',
  // issue 18: PDF and print
  issueDate: 'Issue date',
  paymentTerms: 'Payment terms',
  paymentTermsNet: 'Net {days} days',
  dueOnReceipt: 'Due on receipt',
  billTo: 'Bill to',
  taxId: 'Tax ID',
  amountPaid: 'Amount paid',
  amountDue: 'Amount due',
  paymentInstructions: 'Payment instructions',
  groupSubtotal: 'Subtotal {group}',
  watermarkDraft: 'DRAFT',
  watermarkVoid: 'VOID',
  // issue 18: CSV
  csvField: 'Field',
  csvValue: 'Value',
  csvCustomerTaxId: 'Customer tax ID',
  csvCustomerAddress: 'Customer address',
  csvIssuer: 'Issuer',
  csvIssuerTaxId: 'Issuer tax ID',
  csvPaymentTerms: 'Payment terms (days)',
  csvTaxRate: 'Tax rate',
  csvGroupSubtotal: 'Group subtotal',
};

/** Options every export takes. */
export interface ExportOptions {
  /** Display currency (one of the invoice's); default the invoice's own. */
  currency?: CurrencyCode;
  /** Who asked: in the customer audience a draft is refused. Default `operator`. */
  audience?: Audience;
  /** Labels in the caller's language; missing ones are English. */
  labels?: Partial<ExportLabels>;
  /** The status in words (e.g. `Aberto`); default the status code. */
  statusText?: string;
  /** Intl locale for the human-readable documents (PDF, print). Default `en`. */
  locale?: string;
}

/** Thrown when an export is not allowed (a draft in the customer audience). */
export class ExportRefusedError extends Error {
  override readonly name = 'ExportRefusedError';
}

/** Refuses an invoice the audience may not see (docs/RULES.md, Audiences: no export ever contains a draft). */
export function assertExportable(invoice: Pick<Invoice, 'status'>, audience: Audience): void {
  if (!isVisibleTo(invoice, audience)) {
    throw new ExportRefusedError('This invoice cannot be exported for this audience.');
  }
}
