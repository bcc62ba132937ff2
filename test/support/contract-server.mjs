// A small real HTTP server of the REST contract (docs/openapi.yaml) on 127.0.0.1, for the
// conformance command's tests (test/node/conformance-cli.test.mjs): the package's own msw
// handlers over a MemoryBackend, answered from Node through msw's `getResponse` (as
// test/package/script-tag/server.mjs does), with the optional test-fixture endpoints
// (`createInvoiceHandlers(memory, { conformance: true })`). Imports the BUILT adapters: run
// `npm run build` first.
//
// On top of the handlers, what a host's server adds and the handlers do not do:
// - an operator bearer token (`token`), required on every request when given (401 without);
// - customer tokens (`customerTokens: true`): `POST /conformance/tokens` gives
//   `customer.<id>`; a request with one is answered as that customer sees it (lists of its own
//   invoices without drafts, a draft or another customer's invoice is 404, writes are 403),
//   whatever its query says.
// And `broken`, one broken rule at a time, to prove the command fails on it:
// - 'missing-field': list items lack the required `version`;
// - 'undocumented-status': a status change answers 202 (the contract documents 200);
// - 'drafts-to-customer': a customer token sees what the operator sees (drafts included);
// - 'ignore-if-match': writes apply whatever version `If-Match` names;
// - 'redirect-elsewhere': the list redirects to the same server under another origin
//   (`localhost` instead of `127.0.0.1`);
// - 'no-fixtures': no test-fixture endpoints (404), over generated data;
// - 'audience-ignored': the `audience` query parameter is ignored (the operator's view).
// `broken` is one of these or a list of them.
import { createServer } from 'node:http';
import path from 'node:path';
import { URL, fileURLToPath, pathToFileURL } from 'node:url';
import { getResponse } from 'msw';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

/** The body of a Node request, whole. */
export async function readBody(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** A Node request as the fetch `Request` msw's handlers take, to `url`, with its headers and body. */
export async function fetchRequestOf(req, url, headers = new Headers()) {
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string' && !headers.has(name)) headers.set(name, value);
  }
  const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req);
  return new Request(url, { method: req.method, headers, body });
}

const json = (res, status, body) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
const error = (res, status, kind, message) => json(res, status, { error: { kind, message } });

/**
 * Starts the server on 127.0.0.1 (any free port). Returns `baseUrl` (`…/api`), the store,
 * the `Host` header of every request, and `close()`.
 */
export async function startContractServer({ token, customerTokens = false, broken: rules } = {}) {
  const broken = new Set([rules ?? []].flat());
  const { MemoryBackend } = await import(pathToFileURL(path.join(dist, 'adapters/memory.js')).href);
  const { createInvoiceHandlers } = await import(
    pathToFileURL(path.join(dist, 'adapters/msw.js')).href
  );
  const memory = broken.has('no-fixtures')
    ? new MemoryBackend({ data: { invoiceCount: 30 } })
    : new MemoryBackend({ invoices: [] });
  const hosts = [];
  let handlers = [];

  /** The customer a request's token names, `null` for the operator; `undefined`: refused. */
  const caller = (req) => {
    const auth = req.headers.authorization ?? '';
    if (customerTokens && auth.startsWith('Bearer customer.')) return auth.slice(16);
    if (token === undefined || auth === `Bearer ${token}`) return null;
    return undefined;
  };

  const server = createServer(async (req, res) => {
    try {
      hosts.push(req.headers.host);
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      const customer = caller(req);
      if (customer === undefined) return error(res, 401, 'unauthorized', 'Bad or missing token.');
      const route = url.pathname.replace(/^\/api/, '');

      if (route === '/conformance/tokens' && req.method === 'POST') {
        if (!customerTokens || broken.has('no-fixtures'))
          return error(res, 404, 'not-found', 'No.');
        const { customerId } = JSON.parse((await readBody(req)).toString() || '{}');
        if (typeof customerId !== 'string' || !customerId) {
          return error(res, 400, 'validation', 'customerId is required.');
        }
        return json(res, 200, { token: `customer.${customerId}` });
      }
      if (broken.has('redirect-elsewhere') && route === '/invoices' && req.method === 'GET') {
        res.writeHead(302, { location: `http://localhost:${server.address().port}${req.url}` });
        return res.end();
      }

      // A customer token: the customer's view, whatever the query says (unless broken).
      const invoiceId = /^\/invoices\/([^/]+)/.exec(route)?.[1];
      if (broken.has('audience-ignored')) url.searchParams.delete('audience');
      // Broken: the credential's audience is ignored, and so is the query's (the operator's view).
      if (customer !== null && broken.has('drafts-to-customer'))
        url.searchParams.delete('audience');
      if (customer !== null && !broken.has('drafts-to-customer')) {
        if (req.method !== 'GET') return error(res, 403, 'forbidden', 'Customers cannot write.');
        if (route === '/invoices') {
          url.searchParams.set('audience', 'customer');
          url.searchParams.set('customerId', customer);
        } else if (invoiceId !== undefined) {
          const invoice = memory.inspect(decodeURIComponent(invoiceId));
          if (!invoice || invoice.customer.id !== customer || invoice.status === 'DRAFT') {
            return error(res, 404, 'not-found', 'No such invoice.');
          }
          url.searchParams.set('audience', 'customer');
        }
      }

      const headers = new Headers();
      if (broken.has('ignore-if-match') && invoiceId !== undefined && req.method !== 'GET') {
        const current = memory.inspect(decodeURIComponent(invoiceId));
        if (current) headers.set('if-match', `"${current.version}"`);
      }
      const answer = await getResponse(handlers, await fetchRequestOf(req, url, headers));
      if (!answer) return error(res, 404, 'not-found', 'No such operation.');
      let status = answer.status;
      let bytes = Buffer.from(await answer.arrayBuffer());
      if (broken.has('undocumented-status') && route.endsWith('/status') && status === 200) {
        status = 202;
      }
      if (broken.has('missing-field') && route === '/invoices' && status === 200) {
        const page = JSON.parse(bytes.toString());
        for (const item of page.items) delete item.version;
        bytes = Buffer.from(JSON.stringify(page));
      }
      const out = Object.fromEntries(answer.headers);
      delete out['content-length'];
      res.writeHead(status, out);
      res.end(bytes);
    } catch (failure) {
      error(res, 500, 'server', String(failure));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  handlers = createInvoiceHandlers(memory, {
    baseUrl: `${origin}/api`,
    conformance: !broken.has('no-fixtures'),
  });
  return {
    baseUrl: `${origin}/api`,
    memory,
    hosts,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}
