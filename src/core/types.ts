/**
 * Domain types of invoice-elements. Plain data, no behaviour, no Lit.
 *
 * Everything that crosses the backend adapter boundary is one of these shapes, and
 * `validate.ts` checks every payload against them before a component sees it.
 */

/** The four statuses (docs/RULES.md, Statuses). */
export const INVOICE_STATUSES = ['DRAFT', 'OPEN', 'VOID', 'CLOSED'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/**
 * A status as received from a backend. A value outside {@link InvoiceStatus} is kept as text
 * (so a newer backend never crashes an older component) and renders read-only.
 */
export type ReceivedStatus = InvoiceStatus | (string & { readonly __unknownStatus?: never });

/** Who is looking: the reseller operator (default) or the end customer in their portal. */
export type Audience = 'operator' | 'customer';

/** Download formats (docs/RULES.md, Downloads per provider). */
export const DOWNLOAD_FORMATS = ['pdf', 'csv', 'detailed-csv', 'print'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

/** Cloud providers seen in the source. Other ids are allowed; they get the generic defaults. */
export type KnownProviderId = 'microsoft' | 'aws' | 'google';

export interface CloudProvider {
  /** Stable id, e.g. `microsoft`, `aws`, `google`. */
  id: string;
  /** Display name, e.g. `Microsoft`. */
  name: string;
}

/** ISO 4217 alphabetic code, upper case (e.g. `USD`). */
export type CurrencyCode = string;

/** An amount of money: integer minor units plus its ISO 4217 currency. */
export interface Money {
  /** Integer count of minor units (cents for USD, yen for JPY, fils for BHD). */
  minor: number;
  currency: CurrencyCode;
}

/**
 * A billing period: whole calendar months, as `YYYY-MM` strings, `from` ≤ `to`.
 * A single-month period has `from === to`.
 */
export interface BillingPeriod {
  from: YearMonth;
  to: YearMonth;
}

/** `YYYY-MM`, e.g. `2026-10`. */
export type YearMonth = string;

export interface Customer {
  id: string;
  name: string;
  /**
   * Optional e-mail, shown in the search results and, in the status dialog, as the recipient
   * of the notification when present.
   */
  email?: string;
  /**
   * The billing address, one entry per printed line, in the order the customer writes it
   * (street, city and postal code, country…). Shown on the invoice documents (PDF, print).
   */
  address?: string[];
  /** The customer's tax registration (VAT, CNPJ, EIN…), as the customer writes it. */
  taxId?: string;
}

/**
 * Who issues the invoice (the reseller): the identity printed at the top of the invoice
 * documents (docs/ADAPTERS.md, "Invoice documents").
 */
export interface Issuer {
  name: string;
  /** One entry per printed line, as the issuer writes it. */
  address?: string[];
  /** Tax registration (VAT, CNPJ, EIN…). */
  taxId?: string;
  email?: string;
  phone?: string;
  website?: string;
  /**
   * A PNG or JPEG logo. Checked like every URL from the backend (https or same origin,
   * core/urls.ts) and embedded in the PDF, never linked.
   */
  logoUrl?: string;
}

/**
 * Who may see a custom field or a line (docs/RULES.md, Audiences). Absent means `customer`;
 * any value received other than `customer` is read as `internal` (fails closed).
 */
export type FieldVisibility = 'customer' | 'internal';

/** A custom field configured on the reseller account. Values are text. */
export interface CustomField {
  key: string;
  label: string;
  value: string;
  /** `internal`: the operator's only; never shown or exported to the customer. */
  visibility?: FieldVisibility;
}

/** A line item of an invoice. `amount` = quantity × unit price, before tax. */
export interface LineItem {
  id: string;
  sku: string;
  description: string;
  /** Product or subscription the line belongs to; the viewer groups lines by it. */
  group: string;
  /** Quantity, may be fractional (hours, GB). */
  quantity: number;
  unitPrice: Money;
  amount: Money;
  tax: Money;
  /**
   * `internal`: an operator-only line (a note, a zero-priced internal item), never shown or
   * exported to the customer, unless it carries money: a charge is always shown.
   */
  visibility?: FieldVisibility;
  /**
   * The unit price with the precision the data has, as a plain decimal string in major units of
   * the invoice currency, up to 6 decimals (`"0.000123"`: metered usage priced below a cent).
   * `unitPrice` stays the amount rounded to the currency's minor unit.
   */
  unitPriceDecimal?: string;
  /** The tax rate applied to the line, as a fraction (`0.21` for 21 %), when the backend knows it. */
  taxRate?: number;
}

/** One entry of the status history. */
export interface StatusChange {
  from: ReceivedStatus;
  to: ReceivedStatus;
  /** ISO 8601 date-time. */
  at: string;
  /** Who made the change (display name or id). */
  by: string;
  /** Whether the customer was sent a notification e-mail. */
  notified: boolean;
  /** Why (issue 25: the reason given for a VOID). The operator's only: never shown to the customer. */
  reason?: string;
}

/**
 * A rate to convert the invoice currency into a display currency:
 * 1 unit of the invoice currency = `rate` units of `currency`.
 */
export interface CurrencyRate {
  currency: CurrencyCode;
  rate: number;
  /** ISO date the rate applies to, when known. */
  date?: string;
  /** Where the rate comes from (e.g. `ECB`), when known. */
  source?: string;
}

/** What the table lists: enough to identify, sort and filter, without lines. */
export interface InvoiceSummary {
  id: string;
  /** The Document ID assigned by the platform when the invoice was generated. */
  documentId: string;
  customer: Customer;
  provider: CloudProvider;
  period: BillingPeriod;
  status: ReceivedStatus;
  /** Total including tax, in the invoice currency. */
  total: Money;
  /**
   * The total in the backend's reporting currency, when it has one (docs/ADAPTERS.md, "Sorting
   * by total"): what a sort by total orders by when every listed invoice has it, in one currency.
   */
  reportingTotal?: Money;
  /** ISO 8601 date-time the invoice was generated. */
  generatedAt: string;
  /** Opaque version, changes on every write; sent back as `expectedVersion`. */
  version: string;
  /**
   * ISO date (`YYYY-MM-DD`) the invoice is due, when set. With the amount owed it makes the
   * derived Overdue state (`isOverdue`, core/overdue.ts; docs/ADAPTERS.md, "Money owed").
   */
  dueDate?: string;
  /** Paid so far, in the invoice currency. */
  amountPaid?: Money;
  /**
   * Still owed, in the invoice currency. When absent: the total less `amountPaid` (the
   * documents say so; see exports/model.ts and `amountOwed`, core/overdue.ts).
   */
  amountDue?: Money;
}

/** A whole invoice, as the viewer shows it. */
export interface Invoice extends InvoiceSummary {
  /** ISO date the invoice was issued, when it differs from the day of `generatedAt`. */
  issueDate?: string;
  /** Days between issue and due date (`30` for "net 30"), written out in the document's language. */
  paymentTermsDays?: number;
  /** How to pay (bank details, a payment page), as text printed on the documents. */
  paymentInstructions?: string;
  /** Who issues the invoice; the documents show it at the top. */
  issuer?: Issuer;
  currency: CurrencyCode;
  lines: LineItem[];
  subtotal: Money;
  taxTotal: Money;
  /**
   * Statuses the backend allows from the current one. When absent, the default table applies.
   * DRAFT is never accepted here, whatever the backend says.
   */
  allowedTargets?: InvoiceStatus[];
  /**
   * Whether moving this invoice to VOID needs a reason (`StatusUpdate.reason`): the status
   * dialog then requires one (core/status-reason.ts). Absent: a reason is optional.
   */
  voidReasonRequired?: boolean;
  /** Formats offered for this invoice. When absent, the provider-based default table applies. */
  downloadFormats?: DownloadFormat[];
  /** Display currencies that apply, with rates from the invoice currency. Its own is implicit. */
  currencies: CurrencyRate[];
  customFields: CustomField[];
  history: StatusChange[];
}

/** A page of results. */
export interface Page<T> {
  items: T[];
  /** Total number of matching items across all pages. */
  total: number;
  offset: number;
  limit: number;
  /**
   * Sorted by total, the order the backend applied (docs/ADAPTERS.md, "Sorting by total"):
   * `reporting` (by `reportingTotal`, all in `reportingCurrency`) or `currency-then-amount`
   * (grouped by currency code ascending, then by amount in the direction asked). Absent on
   * other sorts, and from a backend that does not say.
   */
  totalOrder?: TotalOrder;
  /** With `totalOrder: 'reporting'`: the currency of every `reportingTotal`. */
  reportingCurrency?: CurrencyCode;
  /**
   * The totals of every item matching the query (all pages, not this page's items), when the
   * backend computes them (docs/ADAPTERS.md, "Totals of what is listed"). Absent: the table
   * sums the rows itself only when the whole list is in its first page, else says the totals
   * are unavailable.
   */
  totals?: ListTotals;
}

/** The totals of a list (see `Page.totals`). */
export interface ListTotals {
  /**
   * The sum of the `total` of every matching invoice, one amount per currency (never summed
   * across currencies), ordered by currency code.
   */
  byCurrency: Money[];
  /**
   * The sum of every `reportingTotal`, only when every matching invoice has one, all in one
   * currency.
   */
  reporting?: Money;
}

/** How a list sorted by total was ordered (see `Page.totalOrder`). */
export type TotalOrder = 'reporting' | 'currency-then-amount';

/** The columns a list can be sorted by. */
export const SORT_KEYS = [
  'documentId',
  'customer',
  'provider',
  'period',
  'status',
  'total',
  'generatedAt',
  'dueDate',
  'amountDue',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

export interface InvoiceQuery {
  customerId?: string;
  period?: BillingPeriod;
  statuses?: InvoiceStatus[];
  providers?: string[];
  /** Free text matched (case-insensitive, contains) against the document ID. */
  text?: string;
  /**
   * `true`: only overdue invoices (`isOverdue`, core/overdue.ts: OPEN, money owed, due before
   * `asOf`). `false` or absent: no such filter.
   */
  overdue?: boolean;
  /**
   * The day (`YYYY-MM-DD`) the overdue filter judges by: the user's today. Absent: the
   * backend's own today.
   */
  asOf?: string;
  sort?: { key: SortKey; direction: SortDirection };
  offset?: number;
  limit?: number;
  audience?: Audience;
}

export interface StatusUpdate {
  invoiceId: string;
  to: InvoiceStatus;
  /** Exactly what the confirmation dialog showed. */
  notify: boolean;
  expectedVersion: string;
  idempotencyKey: string;
  /**
   * Why (trimmed, at most `REASON_MAX` characters): given for a VOID, required when the invoice
   * says `voidReasonRequired`. Absent: none given.
   */
  reason?: string;
}

/**
 * One invoice's answer in a batch status change (`InvoiceBackend.updateStatuses`), in the order
 * asked: the invoice after the change, or why it was not changed (a `BackendError`, or its
 * fields: `kind` one of the error kinds of docs/RULES.md, "Errors").
 */
export type StatusUpdateResult =
  | { invoiceId: string; invoice: Invoice; error?: undefined }
  | {
      invoiceId: string;
      invoice?: undefined;
      error: {
        kind: string;
        message?: string;
        allowedTargets?: string[];
        currentVersion?: string;
        /** Set by the elements' validation: nothing readable was answered for this invoice. */
        outcomeUnknown?: boolean;
      };
    };

export interface DiscardRequest {
  invoiceId: string;
  expectedVersion: string;
  idempotencyKey: string;
}

/**
 * A change to one invoice made outside the element that shows it: another element's write, the
 * host, or the server (an adapter's `subscribe`). `updated` carries the new invoice when known
 * (else the elements re-read it); `discarded` means it no longer exists.
 */
export interface InvoiceChange {
  invoiceId: string;
  kind: 'updated' | 'discarded';
  /** The invoice after the change, as the operator sees it, when the source knows it. */
  invoice?: Invoice;
  /** Its version after the change, when known. */
  version?: string;
}

/** A file made by the server. `url` is checked (https or same origin) before use. */
export type ServerDownload =
  { kind: 'blob'; blob: Blob; filename?: string } | { kind: 'url'; url: string; filename?: string };
