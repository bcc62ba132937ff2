/**
 * The one rule for a URL the backend gives for a download (docs/RULES.md, Security): usable only
 * when it is `https:` or on the page's own origin; anything else (`javascript:`, `data:`, plain
 * `http:` elsewhere, text that is not a URL) is refused. No Lit.
 */

/** What a checked download URL resolved to. */
export interface DownloadUrl {
  href: string;
  /** On the page's own origin (a `download` attribute can name the file). */
  sameOrigin: boolean;
}

/**
 * Resolves `raw` against `base` and applies the rule against `pageOrigin` (the page's origin;
 * `null` when there is no page, e.g. in a worker or Node). `null` when refused.
 */
export function checkedDownloadUrl(
  raw: string,
  base: string | URL,
  pageOrigin: string | null,
): DownloadUrl | null {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return null;
  }
  const sameOrigin = pageOrigin !== null && url.origin !== 'null' && url.origin === pageOrigin;
  return sameOrigin || url.protocol === 'https:' ? { href: url.href, sameOrigin } : null;
}
