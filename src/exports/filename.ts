/**
 * Export file names: `<document-id>_<provider>_<period>.<ext>`, restricted to `[A-Za-z0-9._-]`
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

/** The base name (no extension) of an invoice's exports. */
export function exportBaseName(
  invoice: Pick<Invoice, 'documentId' | 'provider' | 'period'>,
  suffix = '',
): string {
  const parts = [
    safeNamePart(invoice.documentId),
    safeNamePart(invoice.provider.id || invoice.provider.name, MAX_PART_LENGTH, 'provider'),
    safeNamePart(periodPart(invoice.period), MAX_PART_LENGTH, 'period'),
  ];
  if (suffix) parts.push(safeNamePart(suffix));
  return parts.join('_');
}

/** `<document-id>_<provider>_<period>.<ext>` (detailed CSV: `…_<period>_detailed.csv`). */
export function exportFilename(
  invoice: Pick<Invoice, 'documentId' | 'provider' | 'period'>,
  format: DownloadFormat,
): string {
  const ext = FORMAT_EXTENSIONS[format];
  const base = exportBaseName(invoice, format === 'detailed-csv' ? 'detailed' : '');
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
