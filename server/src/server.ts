/**
 * The reference server: the contract's routes under `basePath` (default `/api`), the optional
 * fixture and dev-token endpoints, and `listen` / `close`. Stateless: every state is in the
 * database, so instances can run side by side over one PostgreSQL.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { Database } from './db/database.js';
import { apiRoutes } from './http/api.js';
import { errorResponse } from './http/errors.js';
import { conformanceRoutes, devTokenRoutes } from './http/fixtures.js';
import { createTokens } from './tokens.js';
import type { TokenService } from './tokens.js';

export interface ServerOptions {
  /** An open, migrated database (openDatabase + migrate). */
  db: Database;
  /** The token service (default: `createTokens()`, secret from `TOKEN_SECRET` or random). */
  tokens?: TokenService;
  /** Where the API lives. Default `/api` (docs/openapi.yaml `servers`). */
  basePath?: string;
  /** Serve the conformance fixture endpoints (test-only). Default false. */
  conformanceFixtures?: boolean;
  /** Serve the DEV-ONLY token issuer `POST /dev/tokens`. Default false. */
  devTokens?: boolean;
  /** Origins allowed by CORS (a page on another origin than the API). Default none. */
  corsOrigins?: string[];
  /** Where server errors are logged. Default `console.error`. */
  log?: (message: string) => void;
}

export interface ListeningAddress {
  host: string;
  port: number;
  /** The API's base URL, e.g. `http://127.0.0.1:8787/api`. */
  url: string;
}

export interface InvoiceServer {
  /** The request handler (Web Request → Response), for tests without a socket. */
  fetch(request: Request): Promise<Response>;
  readonly tokens: TokenService;
  listen(port?: number, host?: string): Promise<ListeningAddress>;
  /** Stops listening and ends open connections. Does not close the database. */
  close(): Promise<void>;
}

export function createServer(options: ServerOptions): InvoiceServer {
  const tokens = options.tokens ?? createTokens();
  const log = options.log ?? ((message: string) => console.error(message));
  const base = (options.basePath ?? '/api').replace(/\/+$/, '');
  const app = new Hono();
  app.onError((error) => errorResponse(error, log));
  app.notFound(() =>
    Response.json({ error: { kind: 'not-found', message: 'No such route.' } }, { status: 404 }),
  );
  if (options.corsOrigins?.length) {
    app.use(
      '*',
      cors({
        origin: options.corsOrigins,
        allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key'],
        exposeHeaders: ['ETag', 'Retry-After', 'Content-Disposition'],
      }),
    );
  }
  if (options.conformanceFixtures) {
    const fixtures = conformanceRoutes(options.db, tokens);
    app.route(`${base}/conformance`, fixtures);
    if (base) app.route('/conformance', fixtures);
  }
  if (options.devTokens) app.route('/dev', devTokenRoutes(options.db, tokens));
  app.route(base || '/', apiRoutes(options.db, tokens));

  let server: Server | undefined;
  return {
    tokens,
    fetch: async (request) => app.fetch(request),
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        const s = createAdaptorServer({ fetch: app.fetch }) as Server;
        server = s;
        s.once('error', reject);
        s.listen(port, host, () => {
          const address = s.address() as AddressInfo;
          const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve({
            host: address.address,
            port: address.port,
            url: `http://${shown}:${address.port}${base}`,
          });
        });
      });
    },
    close() {
      const s = server;
      server = undefined;
      if (!s) return Promise.resolve();
      return new Promise((resolve, reject) => {
        s.close((error) => (error ? reject(error) : resolve()));
        s.closeAllConnections();
      });
    },
  };
}
