// A stand-in for a host's server, for the script-tag page: it serves the page, the built
// package under /dist/ (nothing is compiled on the way), and the REST contract of
// docs/openapi.yaml under /api/ (the package's own msw handlers over a MemoryBackend, answered
// from Node through `getResponse`, so the page talks real HTTP to a real server).
//
// Run it by hand after `npm run build`: `node test/package/script-tag/server.mjs` (port 8080,
// or PORT), then open the printed URL.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { URL, fileURLToPath, pathToFileURL } from 'node:url';
import { getResponse } from 'msw';
import { fetchRequestOf } from '../../support/contract-server.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));
const dist = path.join(root, 'dist');

/**
 * What a strict host might send, on every response (a worker runs under the policy of its own
 * script's response: docs/CSP.md): no inline script or style, nothing from other origins,
 * Trusted Types enforced (the bundle's Lit policy and the package's worker policy listed).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "img-src 'self' data:",
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html invoice-elements',
].join('; ');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

const usd = (minor) => ({ minor, currency: 'USD' });

/** Two hand-written invoices of one customer, October 2026 (one open, one draft). */
export function fixtureInvoices() {
  const base = {
    customer: { id: 'cus-1', name: 'Acme Ltda', email: 'billing@acme.example' },
    provider: { id: 'microsoft', name: 'Microsoft' },
    period: { from: '2026-10', to: '2026-10' },
    total: usd(11000),
    generatedAt: '2026-11-01T09:00:00.000Z',
    dueDate: '2026-11-30',
    version: 'v1',
    currency: 'USD',
    subtotal: usd(10000),
    taxTotal: usd(1000),
    currencies: [{ currency: 'BRL', rate: 5.5, date: '2026-10-31', source: 'ECB' }],
    customFields: [{ key: 'po', label: 'PO number', value: 'PO-1' }],
    history: [],
  };
  const line = (id) => ({
    id,
    sku: `SKU-${id}`,
    description: 'Seats',
    group: 'Office',
    quantity: 2,
    unitPrice: usd(5000),
    amount: usd(10000),
    tax: usd(1000),
  });
  return [
    { ...base, id: 'inv-1', documentId: 'DOC-0001', status: 'OPEN', lines: [line('l1')] },
    { ...base, id: 'inv-2', documentId: 'DOC-0002', status: 'DRAFT', lines: [line('l2')] },
  ];
}

/**
 * Starts the server on `port` (0: any free port). Imports the built adapters, so run it after
 * `npm run build`. Returns the page URL, the store behind the API, every path requested, and
 * `close()`.
 */
export async function startServer({ port = 0, invoices = fixtureInvoices() } = {}) {
  const { MemoryBackend } = await import(pathToFileURL(path.join(dist, 'adapters/memory.js')).href);
  const { createInvoiceHandlers } = await import(
    pathToFileURL(path.join(dist, 'adapters/msw.js')).href
  );
  const memory = new MemoryBackend({ invoices, now: () => new Date('2026-11-15T12:00:00Z') });
  const requests = [];
  let handlers = [];

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      requests.push(`${req.method} ${url.pathname}`);
      if (url.pathname.startsWith('/api/')) {
        const answer = await getResponse(handlers, await fetchRequestOf(req, url));
        if (!answer) {
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end('{"error":{"kind":"not-found","message":"No such operation."}}');
          return;
        }
        res.writeHead(answer.status, Object.fromEntries(answer.headers));
        res.end(Buffer.from(await answer.arrayBuffer()));
        return;
      }
      let file;
      if (url.pathname === '/' || url.pathname === '/index.html')
        file = path.join(here, 'index.html');
      else if (url.pathname === '/app.js') file = path.join(here, 'app.js');
      else if (url.pathname.startsWith('/dist/')) {
        file = path.join(dist, path.normalize(decodeURIComponent(url.pathname.slice(6))));
        if (!file.startsWith(dist + path.sep)) file = undefined;
      }
      const content = file ? await readFile(file).catch(() => undefined) : undefined;
      if (!content) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('Not found');
        return;
      }
      const headers = {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
      };
      res.writeHead(200, headers);
      res.end(content);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  handlers = createInvoiceHandlers(memory, { baseUrl: `${origin}/api` });
  return {
    url: `${origin}/`,
    memory,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { url } = await startServer({ port: Number(process.env.PORT ?? 8080) });
  console.log(`The script-tag page: ${url}`);
}
