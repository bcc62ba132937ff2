/**
 * Export file names: `<document-id>_<provider>_<period>.<ext>`, with the display currency when
 * the file is converted (`INV-1_aws_2026-10_BRL.csv`), restricted to `[A-Za-z0-9._-]`
 * (anything else becomes `-`, runs collapsed) and capped in length, so a name from the backend
 * can never carry a path, a control character or an odd extension. No Lit here.
 */
import type { BillingPeriod, DownloadFormat, Invoice } from '../core/types.js';

/** Longest part (document ID, provider, period) kept, in characters. */
export const MAX_PART_LENGTH = 60;
/** Longest whole name kept, extension included. */
export const MAX_FILENAME_LENGTH = 150;

export const FORMAT_EXTENSIONS: Readonly<Record<DownloadFormat, string>> = {
  pdf: 'pdf',
  csv: 'csv',
  'detailed-csv': 'csv',
  print: 'html',
};

/** One part of a name: safe characters only, no leading dot or dash, never empty. */
export function safeNamePart(text: string, max = MAX_PART_LENGTH, fallback = 'invoice'): string {
  const cleaned = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // "Fatura Março" -> "Fatura Marco"
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+/, '')
    .slice(0, max)
    .replace(/[-.]+$/, '');
  return cleaned || fallback;
}

function periodPart(period: BillingPeriod): string {
  return period.from === period.to ? period.from : `${period.from}-to-${period.to}`;
}

/** What names an invoice's files. `currency` is optional, as in older callers' objects. */
export type NamedInvoice = Pick<Invoice, 'documentId' | 'provider' | 'period'> &
  Partial<Pick<Invoice, 'currency'>>;

/**
 * The base name (no extension) of an invoice's exports: `<document-id>_<provider>_<period>`,
 * then `_<currency>` when `currency` is given and is not the invoice's own, then `_<suffix>`.
 */
export function exportBaseName(invoice: NamedInvoice, suffix = '', currency?: string): string {
  const parts = [
    safeNamePart(invoice.documentId),
    safeNamePart(invoice.provider.id || invoice.provider.name, MAX_PART_LENGTH, 'provider'),
    safeNamePart(periodPart(invoice.period), MAX_PART_LENGTH, 'period'),
  ];
  if (currency && currency !== invoice.currency) parts.push(safeNamePart(currency));
  if (suffix) parts.push(safeNamePart(suffix));
  return parts.join('_');
}

/**
 * `<document-id>_<provider>_<period>.<ext>`, with `_<currency>` after the period when the file
 * is in a display currency other than the invoice's (`INV-1_aws_2026-10_BRL.csv`); the detailed
 * CSV ends `_detailed.csv`. Every format (PDF, print's title too) is named by it.
 */
export function exportFilename(
  invoice: NamedInvoice,
  format: DownloadFormat,
  currency?: string,
): string {
  const ext = FORMAT_EXTENSIONS[format];
  const base = exportBaseName(invoice, format === 'detailed-csv' ? 'detailed' : '', currency);
  return `${base.slice(0, MAX_FILENAME_LENGTH - ext.length - 1).replace(/[-.]+$/, '')}.${ext}`;
}

/**
 * A file name suggested by a server, made safe the same way; `fallback` when it has nothing
 * usable. The extension is kept when it is safe.
 */
export function safeFilename(name: string | undefined, fallback: string): string {
  if (!name) return fallback;
  const base = name.split(/[\\/]/).pop() ?? '';
  const safe = safeNamePart(base, MAX_FILENAME_LENGTH, '');
  return safe || fallback;
}

/**
 * The list export's file name (issue 25): `invoices_<customer>_<period>.csv`, the customer by
 * name (else id; `all-customers` when the list is not one customer's), the period as in
 * {@link exportFilename}.
 */
export function listExportFilename(
  customer: { id: string; name?: string } | undefined,
  period: BillingPeriod,
): string {
  const who = customer
    ? safeNamePart(customer.name || customer.id, MAX_PART_LENGTH, safeNamePart(customer.id))
    : 'all-customers';
  return `invoices_${who}_${safeNamePart(periodPart(period), MAX_PART_LENGTH, 'period')}.csv`;
}
