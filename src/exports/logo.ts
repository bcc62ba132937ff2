/**
 * The issuer's logo in the invoice documents. Its URL is checked like every URL from the backend
 * (core/urls.ts: https, or the page's own origin) and resolved against the page, not against the
 * worker's script, before it is posted to the PDF worker ({@link checkedLogoUrl}, on the page).
 * The worker fetches it without credentials ({@link loadLogo}) and keeps it only when it is a PNG
 * or JPEG (by its first bytes) of at most {@link LOGO_MAX_BYTES}; the PDF embeds it (never a
 * link). Any failure leaves the logo out with a warning: the PDF is made anyway. No Lit.
 */
import { checkedDownloadUrl } from '../core/urls.js';

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
    const response = await fetch(request.href, {
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
    // A redirect must land where the rule allows, too.
    if (
      response.redirected &&
      !checkedDownloadUrl(response.url, request.href, request.pageOrigin)
    ) {
      return refused('it was redirected to an address that is not allowed.');
    }
    if (!response.ok) return refused(`the server answered ${response.status}.`);
    const bytes = await readAtMost(response, LOGO_MAX_BYTES);
    if (!bytes) return refused(`it is larger than ${LOGO_MAX_BYTES} bytes.`);
    if (startsWith(bytes, PNG)) return { bytes, format: 'PNG' };
    if (startsWith(bytes, JPEG)) return { bytes, format: 'JPEG' };
    return refused('it is not a PNG or JPEG image.');
  } catch (error) {
    return refused(error);
  }
}

/** The body, or `undefined` as soon as it passes `max` bytes (the rest is not downloaded). */
async function readAtMost(response: Response, max: number): Promise<Uint8Array | undefined> {
  if (Number(response.headers.get('content-length')) > max) {
    await response.body?.cancel();
    return undefined;
  }
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
