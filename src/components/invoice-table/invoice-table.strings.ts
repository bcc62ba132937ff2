/**
 * Strings of `<invoice-table>`: the interface and English. pt-BR and es are in src/i18n/pt-BR.ts
 * and es.ts, loaded on demand. Hosts override any of them via `strings`.
 */
import type { PeriodPreset } from '../../core/period.js';
import type { SortKey } from '../../core/types.js';
import type { Catalogue } from '../../i18n/catalogue.js';

export interface InvoiceTableStrings {
  /** Accessible name of the grid. */
  tableLabel: string;
  toolbarLabel: string;
  customerLabel: string;
  customerPlaceholder: string;
  clearCustomer: string;
  searchingCustomers: string;
  customersFound: (count: number) => string;
  noCustomers: (text: string) => string;
  periodLabel: string;
  /** The button that shows or hides the period's fields, naming the period in force. */
  periodButton: (period: string) => string;
  /** Label of the first month's month list. */
  fromLabel: string;
  /** Label of the first month's year field. */
  fromYearLabel: string;
  /** Label of the last month's month list. */
  toLabel: string;
  /** Label of the last month's year field. */
  toYearLabel: string;
  /** @deprecated Unused since the month fields are a month list and a year field. */
  monthPatternHint?: string;
  /** @deprecated Unused: see `invalidYear`. */
  invalidMonth?: string;
  /** A year that is not four digits within the years accepted. */
  invalidYear: (min: number, max: number) => string;
  periodOrder: string;
  presetsLabel: string;
  presets: Record<PeriodPreset, string>;
  filtersLabel: string;
  /** The button that shows or hides the filters, with how many are in force (0: none). */
  filtersButton: (active: number) => string;
  statusFilter: string;
  providerFilter: string;
  anyStatus: string;
  anyProvider: string;
  documentFilter: string;
  columns: Record<SortKey, string> & { actions: string };
  /** The Total header sorted by the backend's reporting amount: "Total (in USD)". */
  totalIn: (currency: string) => string;
  /** The Total header sorted by currency, then amount within each currency. */
  totalByCurrency: string;
  sortBy: (column: string) => string;
  open: string;
  openLabel: (documentId: string) => string;
  loadingInvoices: string;
  loadingRow: string;
  results: (count: number) => string;
  /** The empty state: names the customer (or all customers) and the period. */
  empty: (customer: string | null, period: string) => string;
  /** Appended to the empty state: the filters in force, e.g. "Status: Open; Cloud provider: AWS". */
  filteredBy: (filters: string) => string;
  clearFilters: string;
  pageError: string;
  // Money owed and totals of what is listed (issue 25; docs/ADAPTERS.md).
  /** The filter showing only overdue invoices (a checkbox). */
  overdueFilter: string;
  /** Accessible name of the totals region below the grid. */
  totalsLabel: string;
  /** The totals per currency of the whole list (every page), joined: "R$ 10.00; US$ 5.00". */
  totals: (amounts: string) => string;
  /** The sum of every reporting amount, when each invoice has one in one currency. */
  totalsReporting: (amount: string) => string;
  /** When neither the adapter nor the rows held give the totals of the whole list. */
  totalsUnavailable: string;
  // issue 25: export the list (list-export.ts)
  /** The button that exports every invoice of the list as a CSV file. */
  exportList: string;
  /** Accessible name of the export's progress bar. */
  exportProgressLabel: string;
  exportStarted: string;
  /** Invoices read so far of the list's total (shown, and announced every tenth). */
  exportProgress: (done: number, total: number) => string;
  exportResumed: string;
  exportDone: (rows: number) => string;
  exportCancelled: string;
  cancelExport: string;
  /** A page could not be loaded: the export waits for Retry (from that page) or Cancel. */
  exportPageFailed: (done: number, total: number) => string;
  exportFailed: string;
  /** Column headers of the list CSV that the grid has not (the others are `columns`). */
  exportCustomerId: string;
  exportCurrency: string;
  exportAmountPaid: string;
  /** The list CSV's Overdue column (judged on the table's `today`): yes or no. */
  exportYes: string;
  exportNo: string;
}

const en: InvoiceTableStrings = {
  tableLabel: 'Customer invoices',
  toolbarLabel: 'Invoice search',
  customerLabel: 'Customer',
  customerPlaceholder: 'Search by name, ID or e-mail',
  clearCustomer: 'Clear customer',
  searchingCustomers: 'Searching customers…',
  customersFound: (n) => (n === 1 ? '1 customer found' : `${n} customers found`),
  noCustomers: (t) => `No customer matches “${t}”.`,
  periodLabel: 'Billing period',
  periodButton: (period) => `Billing period: ${period}`,
  fromLabel: 'From month',
  fromYearLabel: 'From year',
  toLabel: 'To month',
  toYearLabel: 'To year',
  invalidYear: (min, max) => `Enter a year from ${min} to ${max}.`,
  periodOrder: 'The first month must not be after the last month.',
  presetsLabel: 'Period presets',
  presets: {
    'last-month': 'Last month',
    'this-quarter': 'This quarter',
    'last-3-months': 'Last 3 months',
    'last-12-months': 'Last 12 months',
  },
  filtersLabel: 'Filters',
  filtersButton: (n) => (n ? `Filters (${n})` : 'Filters'),
  statusFilter: 'Status',
  providerFilter: 'Cloud provider',
  anyStatus: 'All statuses',
  anyProvider: 'All providers',
  documentFilter: 'Document ID contains',
  columns: {
    documentId: 'Document ID',
    customer: 'Customer',
    provider: 'Cloud provider',
    period: 'Billing period',
    status: 'Status',
    total: 'Total',
    generatedAt: 'Generated on',
    dueDate: 'Due date',
    amountDue: 'Amount due',
    actions: 'Actions',
  },
  totalIn: (c) => `Total (in ${c})`,
  totalByCurrency: 'Total (by currency)',
  sortBy: (c) => `Sort by ${c}`,
  open: 'Open',
  openLabel: (id) => `Open invoice ${id}`,
  loadingInvoices: 'Loading invoices…',
  loadingRow: 'Loading…',
  results: (n) => (n === 1 ? '1 invoice' : `${n.toLocaleString('en')} invoices`),
  empty: (c, p) => (c ? `No invoices for ${c} in ${p}.` : `No invoices in ${p}.`),
  filteredBy: (f) => `Filters: ${f}.`,
  clearFilters: 'Clear filters',
  pageError: 'Some rows could not be loaded.',
  // Money owed and totals of what is listed (issue 25).
  overdueFilter: 'Overdue only',
  totalsLabel: 'Totals of what is listed',
  totals: (a) => `Total listed: ${a}.`,
  totalsReporting: (a) => `All currencies together: ${a}.`,
  totalsUnavailable: 'Totals are not available for this list.',
  // issue 25: export the list
  exportList: 'Export CSV',
  exportProgressLabel: 'Export progress',
  exportStarted: 'Exporting the list…',
  exportProgress: (d, t) =>
    `Exported ${d.toLocaleString('en')} of ${t.toLocaleString('en')} invoices`,
  exportResumed: 'Export resumed.',
  exportDone: (n) =>
    n === 1 ? 'Exported 1 invoice.' : `Exported ${n.toLocaleString('en')} invoices.`,
  exportCancelled: 'Export cancelled. No file was saved.',
  cancelExport: 'Cancel export',
  exportPageFailed: (d, t) =>
    `The export stopped after ${d.toLocaleString('en')} of ${t.toLocaleString('en')} invoices: a page could not be loaded.`,
  exportFailed: 'The list could not be exported.',
  exportCustomerId: 'Customer ID',
  exportCurrency: 'Currency',
  exportAmountPaid: 'Amount paid',
  exportYes: 'Yes',
  exportNo: 'No',
};

/** English, built in; pt-BR and es load on demand from src/i18n/pt-BR.ts and es.ts. */
export const invoiceTableStrings: Catalogue<InvoiceTableStrings> = {
  en,
  pick: (locale) => locale.invoiceTable,
};
