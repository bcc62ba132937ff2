// The host's server for the strict-CSP check: it serves page.html and its scripts, and the
// BUILT package under /dist/ (the single-file bundle, its chunks and assets, the workers), every
// response with the same Content-Security-Policy header (so the export workers run under it
// too), and collects the browser's violation reports (report-uri) at POST /csp-report: those
// include violations inside workers, which never reach the page's event listener.
//
// By hand, after `npm run build`: `node test/security/csp/server.mjs` (port 8080 or PORT).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { URL, fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = fileURLToPath(new URL('../../../dist/', import.meta.url));

/**
 * The policy under test: nothing inline, nothing from elsewhere, no eval, Trusted Types
 * enforced for every script sink, and the two policy names the bundle creates: `lit-html`
 * (Lit's templates) and `invoice-elements` (the export workers' script URLs).
 * See docs/CSP.md for what each directive is for.
 */
export const STRICT_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html invoice-elements',
].join('; ');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

const PAGE_FILES = new Set(['page.html', 'page.js', 'violations.js', 'worker-probe.js']);

/**
 * Starts the server on 127.0.0.1 (`port` 0: a free one). `policy` can be changed between page
 * loads (`server.policy = …`). Returns the page URL, the requests seen, the violation reports
 * received, and `close()`.
 */
export async function startServer({ port = 0, policy = STRICT_POLICY } = {}) {
  const requests = [];
  const reports = [];
  const state = { policy };

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      requests.push(`${req.method} ${url.pathname}`);
      if (req.method === 'POST' && url.pathname === '/csp-report') {
        const chunks = [];
        for await (const chunk of req) chunks.push(chunk);
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          for (const r of Array.isArray(body) ? body : [body]) {
            reports.push(r['csp-report'] ?? r.body ?? r);
          }
        } catch {
          reports.push({ unreadable: true });
        }
        res.writeHead(204);
        res.end();
        return;
      }
      if (url.pathname === '/favicon.ico') {
        res.writeHead(204);
        res.end();
        return;
      }
      let file;
      const name = url.pathname === '/' ? 'page.html' : url.pathname.slice(1);
      if (PAGE_FILES.has(name)) file = path.join(here, name);
      else if (url.pathname.startsWith('/dist/')) {
        file = path.join(dist, path.normalize(decodeURIComponent(url.pathname.slice(6))));
        if (!file.startsWith(dist)) file = undefined;
      }
      const content = file ? await readFile(file).catch(() => undefined) : undefined;
      if (!content) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('Not found');
        return;
      }
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        'content-security-policy': `${state.policy}; report-uri /csp-report`,
      });
      res.end(content);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    url: `${origin}/`,
    origin,
    requests,
    reports,
    get policy() {
      return state.policy;
    },
    set policy(value) {
      state.policy = value;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { url } = await startServer({ port: Number(process.env.PORT ?? 8080) });
  console.log(`The strict-CSP page: ${url}`);
}
