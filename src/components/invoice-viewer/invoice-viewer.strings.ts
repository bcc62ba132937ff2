/**
 * Strings of `<invoice-viewer>`: the interface and English. pt-BR and es are in src/i18n/pt-BR.ts
 * and es.ts, loaded on demand. Hosts override any through `strings`.
 */
import type { Catalogue } from '../../i18n/catalogue.js';
import type { SectionId } from './invoice-viewer.events.js';

export interface InvoiceViewerStrings {
  /** Accessible name of the whole viewer (a region), with the document ID. */
  viewerLabel: (documentId: string) => string;
  documentId: string;
  status: string;
  period: string;
  currency: string;
  /** Visibility indicator. */
  visible: string;
  notVisibleDraft: string;
  notVisibleOther: string;
  sections: Record<SectionId, string>;
  actions: string;
  // Summary
  customer: string;
  provider: string;
  generatedAt: string;
  dueDate: string;
  noDueDate: string;
  total: string;
  subtotal: string;
  taxTotal: string;
  /** Money owed (issue 25): the totals section's paid and due rows. */
  amountPaid: string;
  amountDue: string;
  // Line items
  linesLabel: (count: number) => string;
  sku: string;
  description: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  tax: string;
  groupSubtotal: (group: string) => string;
  noLines: string;
  /** The button next to a clipped value, and what it announces (docs/RULES.md, Limits). */
  copyFull: string;
  copied: string;
  copyFailed: string;
  // Currency
  nativeCurrency: (currency: string) => string;
  amountsIn: (currency: string) => string;
  // Custom fields and history
  from: string;
  to: string;
  when: string;
  who: string;
  notified: string;
  /** The history's reason column (issue 25: the reason given for a VOID; operator only). */
  reason: string;
  yes: string;
  no: string;
  noHistory: string;
  // States
  loadingInvoice: string;
  loaded: (documentId: string) => string;
  nothingSelected: string;
  notFound: string;
  notAvailable: string;
  // Discard
  discard: string;
  discardHeading: string;
  discardBody: (documentId: string) => string;
  discardConfirm: string;
  discarding: string;
  discarded: (documentId: string) => string;
  discardVetoed: string;
  conflictHint: string;
  unknownOutcome: string;
  /** The re-read shows the document, and the server had answered: not deleted. */
  notDiscarded: string;
}

const en: InvoiceViewerStrings = {
  viewerLabel: (id) => `Invoice ${id}`,
  documentId: 'Document ID',
  status: 'Status',
  period: 'Billing period',
  currency: 'Currency',
  visible: 'Visible to the customer',
  notVisibleDraft: 'Draft: not visible to the customer',
  notVisibleOther: 'Not visible to the customer',
  sections: {
    summary: 'Summary',
    lines: 'Line items',
    totals: 'Taxes and totals',
    'custom-fields': 'Custom fields',
    history: 'Status history',
  },
  actions: 'Invoice actions',
  customer: 'Customer',
  provider: 'Cloud provider',
  generatedAt: 'Generated on',
  dueDate: 'Due date',
  noDueDate: 'Not set',
  total: 'Total',
  subtotal: 'Subtotal',
  amountPaid: 'Amount paid',
  amountDue: 'Amount due',
  taxTotal: 'Taxes',
  linesLabel: (n) => (n === 1 ? '1 line item' : `${n} line items`),
  sku: 'SKU',
  description: 'Description',
  quantity: 'Quantity',
  unitPrice: 'Unit price',
  amount: 'Amount',
  tax: 'Tax',
  groupSubtotal: (g) => `Subtotal of ${g}`,
  noLines: 'This invoice has no line items.',
  copyFull: 'Copy the full text',
  copied: 'Copied',
  copyFailed: 'Could not copy. The downloads have the full text.',
  nativeCurrency: (c) => `Amounts in ${c}, the invoice currency.`,
  amountsIn: (c) => `Amounts shown in ${c}.`,
  from: 'From',
  to: 'To',
  when: 'When',
  who: 'By',
  notified: 'Customer notified',
  reason: 'Reason',
  yes: 'Yes',
  no: 'No',
  noHistory: 'No status change yet.',
  loadingInvoice: 'Loading the invoice…',
  loaded: (id) => `Invoice ${id} loaded.`,
  nothingSelected: 'No invoice selected.',
  notFound: 'This invoice does not exist or is no longer available.',
  notAvailable: 'This invoice is not available.',
  discard: 'Discard',
  discardHeading: 'Discard this invoice?',
  discardBody: (id) =>
    `Document ${id} will be deleted. It cannot be recovered, and this cannot be undone.`,
  discardConfirm: 'Discard document',
  discarding: 'Discarding the document…',
  discarded: (id) => `Document ${id} was discarded. It no longer exists.`,
  discardVetoed: 'The discard was cancelled.',
  conflictHint: 'Nothing was deleted. Reload to see the current state.',
  unknownOutcome: 'It is not known whether the document was deleted. Retry is safe.',
  notDiscarded: 'The document was not deleted.',
};

/** English, built in; pt-BR and es load on demand from src/i18n/pt-BR.ts and es.ts. */
export const invoiceViewerStrings: Catalogue<InvoiceViewerStrings> = {
  en,
  pick: (locale) => locale.invoiceViewer,
};
