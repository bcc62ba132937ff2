/**
 * Download formats per cloud provider (docs/RULES.md, Downloads per provider: "download options depend on the cloud
 * provider"). The adapter's list wins; this table applies when it says nothing.
 */
import { DOWNLOAD_FORMATS } from './types.js';
import type { Audience, DownloadFormat, Invoice, InvoiceSummary } from './types.js';
import { isVisibleTo } from './status.js';
import type { CloudProvider } from './types.js';

/**
 * The cloud providers the defaults below (and the elements' provider filter) know by name. An
 * adapter may return any other provider; it is shown with the name the adapter gives it.
 */
export const KNOWN_PROVIDERS: readonly CloudProvider[] = [
  { id: 'microsoft', name: 'Microsoft' },
  { id: 'aws', name: 'AWS' },
  { id: 'google', name: 'Google Cloud' },
];

export const PROVIDER_DOWNLOAD_DEFAULTS: Readonly<Record<string, readonly DownloadFormat[]>> = {
  microsoft: ['pdf', 'csv', 'detailed-csv', 'print'],
  aws: ['pdf', 'csv', 'print'],
  google: ['pdf', 'detailed-csv', 'print'],
};

/** For a provider nobody told us about: the formats every invoice can have. */
export const GENERIC_DOWNLOAD_DEFAULTS: readonly DownloadFormat[] = ['pdf', 'csv', 'print'];

export function isDownloadFormat(value: unknown): value is DownloadFormat {
  return typeof value === 'string' && (DOWNLOAD_FORMATS as readonly string[]).includes(value);
}

/** The formats offered for an invoice, in the canonical order, for an audience. */
export function downloadFormatsFor(
  invoice: Pick<Invoice, 'provider' | 'status'> & Partial<Pick<Invoice, 'downloadFormats'>>,
  audience: Audience = 'operator',
): DownloadFormat[] {
  if (!isVisibleTo(invoice as Pick<InvoiceSummary, 'status'>, audience)) return [];
  // Own keys only: a provider id such as `constructor` must not read Object.prototype.
  const id = invoice.provider.id.toLowerCase();
  const offered =
    invoice.downloadFormats ??
    (Object.hasOwn(PROVIDER_DOWNLOAD_DEFAULTS, id) ? PROVIDER_DOWNLOAD_DEFAULTS[id] : undefined) ??
    GENERIC_DOWNLOAD_DEFAULTS;
  return DOWNLOAD_FORMATS.filter((f) => offered.includes(f));
}
