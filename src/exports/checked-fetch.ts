/**
 * Fetching a resource the PDF embeds from a URL someone else gave (the issuer's logo from the
 * backend, a host's font): the URL rule of core/urls.ts (https, or the page's own origin) holds
 * for the first URL and for wherever a redirect lands, and the body is read only up to a size
 * limit (the rest is never downloaded). Runs in the PDF worker, or on the page as its fallback.
 * No Lit.
 */
import { checkedDownloadUrl } from '../core/urls.js';

/** Why a checked fetch gave nothing: a sentence that ends a warning. */
export class FetchRefused extends Error {
  override readonly name = 'FetchRefused';
}

export interface CheckedFetchOptions {
  /** The page's origin (a worker's is its page's). */
  pageOrigin: string | null;
  /** The most bytes kept. */
  maxBytes: number;
  /** Extra fetch options (credentials, referrer policy). */
  init?: RequestInit;
}

/**
 * The body of `href` (absolute, already checked by the caller), or a {@link FetchRefused} thrown
 * when the server answers an error, redirects where the rule refuses, or sends more than
 * `maxBytes`.
 */
export async function fetchChecked(
  href: string,
  options: CheckedFetchOptions,
): Promise<Uint8Array> {
  const response = await fetch(href, options.init);
  // A redirect must land where the rule allows, too.
  if (response.redirected && !checkedDownloadUrl(response.url, href, options.pageOrigin)) {
    throw new FetchRefused('it was redirected to an address that is not allowed.');
  }
  if (!response.ok) throw new FetchRefused(`the server answered ${response.status}.`);
  const bytes = await readAtMost(response, options.maxBytes);
  if (!bytes) throw new FetchRefused(`it is larger than ${options.maxBytes} bytes.`);
  return bytes;
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
