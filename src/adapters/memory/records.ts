/**
 * The record model of the memory adapter: what its store keeps per invoice (`InvoiceRecord`,
 * plain JSON, with an optional generator `InvoiceRecipe`), and how a record becomes the
 * summary and the whole invoice the backend answers, or is made from a fixture invoice.
 * No Lit.
 */
import type {
  CurrencyCode,
  CurrencyRate,
  Customer,
  CustomField,
  DownloadFormat,
  Invoice,
  InvoiceSummary,
  Issuer,
  LineItem,
  StatusChange,
} from '../../core/types.js';
import { allowedTargets } from '../../core/status.js';
import { DAY, computeLines, deriveHistory, iso, monthlyRate } from './recipe.js';

export interface InvoiceRecipe {
  seed: number;
  /** Number of line items. */
  lines: number;
  /** Display currencies of the customer (rates derived per month). */
  display: CurrencyCode[];
  /** Custom fields of the customer's account. */
  fields: CustomField[];
}

/**
 * What the memory store keeps per invoice. Explicit `lines`, `history`, `currencies` and
 * `customFields` win; when absent they are derived from `recipe` (or empty). So do the
 * document fields: a generated invoice is issued the day it was generated, on 30 days' terms,
 * due then, and paid in full once CLOSED, unless its record says otherwise. Plain JSON.
 */
export interface InvoiceRecord extends Omit<InvoiceSummary, 'total' | 'amountPaid' | 'amountDue'> {
  dueDate?: string;
  issueDate?: string;
  paymentTermsDays?: number;
  paymentInstructions?: string;
  /** The invoice's own issuer; a generated invoice without one gets the backend's. */
  issuer?: Issuer;
  /** Minor units of the invoice currency. */
  amountPaid?: number;
  amountDue?: number;
  currency: CurrencyCode;
  /** Minor units of the invoice currency. */
  subtotal: number;
  taxTotal: number;
  total: number;
  /** Whether voiding needs a reason (issue 25); absent: the backend's option decides. */
  voidReasonRequired?: boolean;
  /** Raw per-invoice targets the backend announces (narrow/widen); normalised on the way out. */
  allowedTargets?: string[];
  downloadFormats?: DownloadFormat[];
  lines?: LineItem[];
  history?: StatusChange[];
  currencies?: CurrencyRate[];
  customFields?: CustomField[];
  recipe?: InvoiceRecipe;
}

export function historyOf(record: InvoiceRecord): StatusChange[] {
  return record.history ? structuredClone(record.history) : deriveHistory(record);
}

function currenciesOf(record: InvoiceRecord): CurrencyRate[] {
  if (record.currencies) return structuredClone(record.currencies);
  if (!record.recipe) return [];
  const date = record.generatedAt.slice(0, 10);
  const source = record.currency === 'BRL' ? 'BCB' : 'ECB';
  return record.recipe.display.map((currency) => ({
    currency,
    rate: monthlyRate(record.currency, currency, record.period.to),
    date,
    source,
  }));
}

export function linesOf(record: InvoiceRecord): LineItem[] {
  if (record.lines) return structuredClone(record.lines);
  if (!record.recipe) return [];
  return computeLines(record.recipe, record.id, record.currency, record.provider.id, true).lines;
}

/** A copy of a customer that shares no object with it (its address is copied too). */
export function copyCustomer(customer: Customer): Customer {
  return customer.address ? { ...customer, address: [...customer.address] } : { ...customer };
}

/** A fresh summary (no shared objects). */
export function toSummary(record: InvoiceRecord): InvoiceSummary {
  return {
    id: record.id,
    documentId: record.documentId,
    customer: copyCustomer(record.customer),
    provider: { ...record.provider },
    period: { ...record.period },
    status: record.status,
    total: { minor: record.total, currency: record.currency },
    ...(record.reportingTotal && { reportingTotal: { ...record.reportingTotal } }),
    generatedAt: record.generatedAt,
    version: record.version,
    ...owedFields(record),
  };
}

/** A fresh, whole invoice (no shared objects), lazy parts materialised. */
export function toInvoice(record: InvoiceRecord): Invoice {
  const invoice: Invoice = {
    ...toSummary(record),
    currency: record.currency,
    lines: linesOf(record),
    subtotal: { minor: record.subtotal, currency: record.currency },
    taxTotal: { minor: record.taxTotal, currency: record.currency },
    currencies: currenciesOf(record),
    customFields: structuredClone(record.customFields ?? record.recipe?.fields ?? []),
    history: historyOf(record),
  };
  Object.assign(invoice, documentFields(record));
  if (record.allowedTargets) {
    invoice.allowedTargets = allowedTargets(record.status, record.allowedTargets);
  }
  if (record.downloadFormats) invoice.downloadFormats = [...record.downloadFormats];
  return invoice;
}

/** The terms of a generated invoice, in days. */
export const GENERATED_TERMS_DAYS = 30;

/** The issue date and terms of a record: its own, else (generated) derived, else absent. */
function issueOf(record: InvoiceRecord): { issueDate?: string; terms?: number } {
  const generated = record.recipe !== undefined;
  return {
    issueDate: record.issueDate ?? (generated ? record.generatedAt.slice(0, 10) : undefined),
    terms: record.paymentTermsDays ?? (generated ? GENERATED_TERMS_DAYS : undefined),
  };
}

/**
 * The money-owed fields of a record (summary and invoice alike): its own, else (generated: due
 * at the end of its terms, paid in full once CLOSED) derived, else absent.
 */
export function owedFields(
  record: InvoiceRecord,
): Pick<InvoiceSummary, 'dueDate' | 'amountPaid' | 'amountDue'> {
  const { currency } = record;
  const generated = record.recipe !== undefined;
  const { issueDate, terms } = issueOf(record);
  const dueDate =
    record.dueDate ??
    (generated && issueDate && terms !== undefined
      ? iso(Date.parse(issueDate) + terms * DAY).slice(0, 10)
      : undefined);
  const paid = generated && record.status === 'CLOSED';
  const amountPaid = record.amountPaid ?? (paid ? record.total : undefined);
  const amountDue = record.amountDue ?? (paid ? 0 : undefined);
  return {
    ...(dueDate !== undefined && { dueDate }),
    ...(amountPaid !== undefined && { amountPaid: { minor: amountPaid, currency } }),
    ...(amountDue !== undefined && { amountDue: { minor: amountDue, currency } }),
  };
}

/** The document fields of a record (beyond the money owed, already in its summary). */
function documentFields(record: InvoiceRecord): Partial<Invoice> {
  const { issueDate, terms } = issueOf(record);
  return {
    ...(issueDate !== undefined && { issueDate }),
    ...(terms !== undefined && { paymentTermsDays: terms }),
    ...(record.paymentInstructions !== undefined && {
      paymentInstructions: record.paymentInstructions,
    }),
    ...(record.issuer && { issuer: structuredClone(record.issuer) }),
  };
}

/** A store record holding an exact fixture invoice (deep-copied, everything explicit). */
export function recordFromInvoice(invoice: Invoice): InvoiceRecord {
  const copy = structuredClone(invoice);
  const record: InvoiceRecord = {
    id: copy.id,
    documentId: copy.documentId,
    customer: copy.customer,
    provider: copy.provider,
    period: copy.period,
    status: copy.status,
    version: copy.version,
    generatedAt: copy.generatedAt,
    currency: copy.currency,
    subtotal: copy.subtotal.minor,
    taxTotal: copy.taxTotal.minor,
    total: copy.total.minor,
    lines: copy.lines,
    history: copy.history,
    currencies: copy.currencies,
    customFields: copy.customFields,
  };
  if (copy.dueDate !== undefined) record.dueDate = copy.dueDate;
  if (copy.issueDate !== undefined) record.issueDate = copy.issueDate;
  if (copy.paymentTermsDays !== undefined) record.paymentTermsDays = copy.paymentTermsDays;
  if (copy.paymentInstructions !== undefined) {
    record.paymentInstructions = copy.paymentInstructions;
  }
  if (copy.issuer) record.issuer = copy.issuer;
  if (copy.amountPaid) record.amountPaid = copy.amountPaid.minor;
  if (copy.amountDue) record.amountDue = copy.amountDue.minor;
  if (copy.reportingTotal) record.reportingTotal = copy.reportingTotal;
  if (copy.allowedTargets) record.allowedTargets = copy.allowedTargets;
  if (copy.downloadFormats) record.downloadFormats = copy.downloadFormats;
  if (copy.voidReasonRequired !== undefined) record.voidReasonRequired = copy.voidReasonRequired;
  return record;
}
