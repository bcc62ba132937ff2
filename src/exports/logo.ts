/**
 * The issuer's logo in the invoice documents. Its URL is checked like every URL from the backend
 * (core/urls.ts: https, or the page's own origin) and resolved against the page, not against the
 * worker's script, before it is posted to the PDF worker ({@link checkedLogoUrl}, on the page).
 * The worker fetches it without credentials ({@link loadLogo}) and keeps it only when it is a PNG
 * or JPEG (by its first bytes) of at most {@link LOGO_MAX_BYTES}; the PDF embeds it (never a
 * link). Any failure leaves the logo out with a warning: the PDF is made anyway. No Lit.
 */
import { checkedDownloadUrl } from '../core/urls.js';
import { fetchChecked, FetchRefused } from './checked-fetch.js';

/** The largest logo embedded: 1 MB. */
export const LOGO_MAX_BYTES = 1024 * 1024;

/** Where the worker fetches the logo from: an absolute, checked URL, and the page's origin. */
export interface LogoRequest {
  href: string;
  pageOrigin: string | null;
}

/** A logo ready to embed. */
export interface LogoImage {
  bytes: Uint8Array;
  format: 'PNG' | 'JPEG';
}

/** The warning of a logo left out of the PDF, `why` a sentence or an error. */
export function logoLeftOut(why: unknown): string {
  const reason = why instanceof Error ? `it could not be read (${why.message}).` : String(why);
  return `The logo was left out: ${reason}`;
}
const refused = logoLeftOut;

/**
 * On the page: the logo URL resolved against the document (its base URL) and checked; a warning
 * when the rule refuses it.
 */
export function checkedLogoUrl(raw: string): LogoRequest | string {
  const base = globalThis.document?.baseURI ?? globalThis.location?.href;
  const pageOrigin = globalThis.location?.origin ?? null;
  const checked = base ? checkedDownloadUrl(raw, base, pageOrigin) : null;
  return checked
    ? { href: checked.href, pageOrigin }
    : refused('its address is neither https nor on this page’s origin.');
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const startsWith = (bytes: Uint8Array, magic: number[]): boolean =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/** Fetches the logo (in the worker, or on the page as its fallback); a warning on any failure. */
export async function loadLogo(request: LogoRequest): Promise<LogoImage | string> {
  try {
    const bytes = await fetchChecked(request.href, {
      pageOrigin: request.pageOrigin,
      maxBytes: LOGO_MAX_BYTES,
      init: { credentials: 'omit', referrerPolicy: 'no-referrer' },
    });
    if (startsWith(bytes, PNG)) return { bytes, format: 'PNG' };
    if (startsWith(bytes, JPEG)) return { bytes, format: 'JPEG' };
    return refused('it is not a PNG or JPEG image.');
  } catch (error) {
    return refused(error instanceof FetchRefused ? error.message : error);
  }
}
