/**
 * The demo over the reference server (`npm start`): `RestBackend` against the server's API with
 * the dev token of the view shown. The launcher (scripts/start.mjs) answers the session URL with
 * `{ apiBaseUrl, customerId, tokens: { operator, customer }, expiresAt }`; the page asks again
 * shortly before the tokens expire. The server holds the data (shared by every tab and browser);
 * the tabs of this browser tell each other of their writes (sync.ts `announceTabs`) so their
 * elements re-read at once, and a tab that did not hear (another browser) gets the server's 412.
 */
import { RestBackend } from '../src/adapters/rest/rest-backend.js';
import type { InvoiceBackend } from '../src/core/backend.js';
import type { InvoiceChange } from '../src/core/types.js';
import type { DemoAudience, DemoConnection } from './backend.js';
import { announceTabs } from './sync.js';

export interface DemoSession {
  apiBaseUrl: string;
  customerId: string;
  tokens: Record<DemoAudience, string>;
  /** When the tokens expire (ms since the epoch). */
  expiresAt: number;
}

/** Asks again this long before the tokens expire. */
const RENEW_MS = 60_000;

function isSession(value: unknown): value is DemoSession {
  const s = value as Partial<DemoSession> | null;
  return (
    typeof s?.apiBaseUrl === 'string' &&
    typeof s.customerId === 'string' &&
    typeof s.tokens?.operator === 'string' &&
    typeof s.tokens.customer === 'string' &&
    typeof s.expiresAt === 'number'
  );
}

export async function readSession(url: URL, signal?: AbortSignal): Promise<DemoSession> {
  const response = await fetch(url, { signal, cache: 'no-store' });
  const body: unknown = response.ok ? await response.json() : null;
  if (!isSession(body)) throw new Error(`the demo session (${url.pathname}) did not answer`);
  return body;
}

export async function connectServer(
  url: URL,
  audience: () => DemoAudience,
): Promise<DemoConnection> {
  let session = await readSession(url);
  let renewing: Promise<DemoSession> | null = null;
  const current = async (signal: AbortSignal): Promise<DemoSession> => {
    if (session.expiresAt - Date.now() > RENEW_MS) return session;
    renewing ??= readSession(url, signal).finally(() => (renewing = null));
    session = await renewing;
    return session;
  };

  const tabs = announceTabs('invoice-elements-demo/server-changes');

  /** RestBackend plus the other tabs' writes (each element re-reads through its own token). */
  class ServerDemoBackend extends RestBackend implements InvoiceBackend {
    subscribe(listener: (change: InvoiceChange) => void): () => void {
      return tabs.subscribe(listener);
    }
  }

  return {
    backend: new ServerDemoBackend({
      baseUrl: new URL(session.apiBaseUrl, document.baseURI).href,
      getToken: async (signal) => (await current(signal)).tokens[audience()],
    }),
    customerId: session.customerId,
    // Only the id and the kind: each tab re-reads with its own view's token.
    wrote: (change) =>
      tabs.publish({
        invoiceId: change.invoiceId,
        kind: change.kind,
        ...(change.version ? { version: change.version } : {}),
      }),
    notes: [`data from the reference server at ${session.apiBaseUrl}`],
  };
}
