/**
 * Saving a finished file: the shape of a file on its way to the user, the check of a server's
 * URL (https or same origin only) and the default saver, an `<a download>` clicked inside the
 * element's shadow root. Small: `<download-menu>` names the saver as its `saveFile` hook up
 * front, while the export code (run.ts) loads on the first export. No Lit here.
 */

import { checkedDownloadUrl } from '../core/urls.js';

/** A finished file on its way to the user: a Blob made here or by the server, or a server URL. */
export type SavedFile =
  | { kind: 'blob'; blob: Blob; filename: string }
  | { kind: 'url'; url: string; filename: string; sameOrigin: boolean };

/** Thrown for a server URL that is neither https nor same origin. */
export class UnsafeUrlError extends Error {
  override readonly name = 'UnsafeUrlError';
}

/** The URL when it is https or same origin (relative URLs resolve against the page); else null. */
export function allowedDownloadUrl(
  url: string,
  base: string = location.href,
): { url: string; sameOrigin: boolean } | null {
  const checked = checkedDownloadUrl(url, base, new URL(base).origin);
  return checked && { url: checked.href, sameOrigin: checked.sameOrigin };
}

/**
 * The default saver: an object URL (or the server's URL) clicked through a temporary
 * `<a download>` inside the element's shadow root (nothing is added to the host page).
 * A cross-origin https URL cannot be named by `download`, so it opens in a new tab instead.
 */
export function saveWithAnchor(file: SavedFile, host: HTMLElement): void {
  const root: ParentNode = host.shadowRoot ?? document.body;
  const a = document.createElement('a');
  let objectUrl: string | undefined;
  if (file.kind === 'blob') {
    objectUrl = URL.createObjectURL(file.blob);
    a.href = objectUrl;
    a.download = file.filename;
  } else {
    a.href = file.url;
    if (file.sameOrigin) {
      a.download = file.filename;
    } else {
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
    }
  }
  a.hidden = true;
  root.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers read the URL after click() returns.
  if (objectUrl) setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
}
