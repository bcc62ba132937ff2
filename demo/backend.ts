/**
 * Where the demo's data comes from, chosen once per page load:
 *
 * - **The reference server** (`npm start`): the launcher (scripts/start.mjs) puts
 *   `<meta name="invoice-demo-session" content="./demo-session.json">` in the page and answers
 *   that URL with the API's base URL and a dev token per view. The page talks to the server with
 *   `RestBackend` and the token of the view shown (operator, or the example customer), so two
 *   tabs or two browsers share the data, and a stale write gets the server's 412 conflict.
 * - **msw** (`npm run build:demo`, a static copy hosted without a server): the REST contract
 *   served in the page by msw over a `MemoryBackend` kept in localStorage (msw-backend.ts).
 */
import type { InvoiceBackend } from '../src/core/backend.js';
import type { InvoiceChange } from '../src/core/types.js';

export type DemoAudience = 'operator' | 'customer';

export interface DemoConnection {
  backend: InvoiceBackend;
  /** The customer the end-customer view shows (the README's `cus-1`). */
  customerId: string;
  /** After a write confirmed on this page: keep it and tell the other tabs. */
  wrote(change: InvoiceChange): void;
  /** Starts over with fresh data (msw only: the server's data is shared). */
  reset?: () => void;
  /** A sentence for the page's log (where the data lives, or why saved data was dropped). */
  notes: string[];
}

/** The URL the launcher puts in the page when a server backs the demo, else null. */
export function sessionUrl(doc: Document): string | null {
  const meta = doc.querySelector<HTMLMetaElement>('meta[name="invoice-demo-session"]');
  return meta?.content ? meta.content : null;
}

/** The backend of this page load: the reference server when the launcher says so, else msw. */
export async function connectDemo(
  storageKey: string,
  audience: () => DemoAudience,
): Promise<DemoConnection> {
  const session = sessionUrl(document);
  if (session) {
    const { connectServer } = await import('./server-backend.js');
    return connectServer(new URL(session, document.baseURI), audience);
  }
  const { connectMsw } = await import('./msw-backend.js');
  return connectMsw(storageKey);
}
