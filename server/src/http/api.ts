/**
 * The routes of docs/openapi.yaml on Hono. Every route needs a bearer token (server/src/tokens.ts):
 * none or a bad one is `401`; what is outside the token's scope is `404` by id, `403` for a
 * write by a customer or a list of another customer (server/src/store/scope.ts).
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { audienceParam, intParam, parseInvoiceQuery } from '../../../src/adapters/http-query.js';
import { etagFor, versionFromEtag } from '../../../src/adapters/rest/http.js';
import { isDownloadFormat } from '../../../src/core/downloads.js';
import { isKnownStatus } from '../../../src/core/status.js';
import type { InvoiceStatus } from '../../../src/core/types.js';
import type { Database } from '../db/database.js';
import { getCustomer, getInvoice, searchCustomers } from '../store/read.js';
import { listInvoices } from '../store/read.js';
import { notFound } from '../store/scope.js';
import { discardInvoice, updateStatus } from '../store/write.js';
import type { WriteAnswer } from '../store/write.js';
import type { Principal, TokenService } from '../tokens.js';
import { badRequest, unauthorized } from './errors.js';

export type ApiEnv = { Variables: { principal: Principal } };

/** Request bodies are tiny (`{ to, notify }`). */
const MAX_BODY_BYTES = 16 * 1024;

function principalOf(c: Context<ApiEnv>, tokens: TokenService): Principal {
  const header = c.req.header('Authorization');
  if (!header) throw unauthorized('A bearer token is required.');
  const m = /^Bearer ([^\s]+)$/i.exec(header.trim());
  if (!m) throw unauthorized('The Authorization header must be "Bearer <token>".');
  const principal = tokens.verify(m[1] as string);
  if (!principal) throw unauthorized('The token is malformed, forged or expired.');
  return principal;
}

function writeHeaders(c: Context): { expectedVersion: string; idempotencyKey: string } {
  const idempotencyKey = c.req.header('Idempotency-Key')?.trim();
  if (!idempotencyKey || idempotencyKey.length > 255) {
    throw badRequest(
      'The Idempotency-Key header is required (1 to 255 characters).',
      'Idempotency-Key',
    );
  }
  const expectedVersion = versionFromEtag(c.req.header('If-Match') ?? null);
  if (!expectedVersion) throw badRequest('The If-Match header is required.', 'If-Match');
  return { expectedVersion, idempotencyKey };
}

async function statusBody(
  c: Context,
): Promise<{ to: InvoiceStatus; notify: boolean; reason?: string }> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw badRequest('The body must be JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('The body must be an object.');
  }
  const { to, notify, reason, ...rest } = body as Record<string, unknown>;
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) throw badRequest(`Unknown field ${extra}.`, extra);
  if (!isKnownStatus(to)) throw badRequest('to must be a status.', 'to');
  if (typeof notify !== 'boolean') throw badRequest('notify must be a boolean.', 'notify');
  if (reason !== undefined && typeof reason !== 'string') {
    throw badRequest('reason must be a string.', 'reason');
  }
  return reason === undefined ? { to, notify } : { to, notify, reason };
}

function answerWrite(answer: WriteAnswer): Response {
  if (answer.status === 204 || answer.body === null) return new Response(null, { status: 204 });
  return Response.json(answer.body, { headers: { ETag: etagFor(answer.body.version) } });
}

/** The contract's routes over `db`, authenticated by `tokens`. */
export function apiRoutes(db: Database, tokens: TokenService): Hono<ApiEnv> {
  const api = new Hono<ApiEnv>();
  api.use('*', async (c, next) => {
    c.set('principal', principalOf(c, tokens));
    await next();
  });
  api.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw badRequest('The body is too large.');
      },
    }),
  );

  api.get('/customers', async (c) => {
    const params = new URL(c.req.url).searchParams;
    const limit = intParam(params, 'limit', 1);
    return c.json(await searchCustomers(db, c.var.principal, params.get('q') ?? '', limit));
  });

  api.get('/customers/:customerId', async (c) =>
    c.json(await getCustomer(db, c.var.principal, c.req.param('customerId'))),
  );

  api.get('/invoices', async (c) => {
    const query = parseInvoiceQuery(new URL(c.req.url).searchParams);
    return c.json(await listInvoices(db, c.var.principal, query));
  });

  api.get('/invoices/:invoiceId', async (c) => {
    const audience = audienceParam(new URL(c.req.url).searchParams);
    const invoice = await getInvoice(db, c.var.principal, c.req.param('invoiceId'), audience);
    return c.json(invoice, 200, { ETag: etagFor(invoice.version) });
  });

  api.post('/invoices/:invoiceId/status', async (c) => {
    const headers = writeHeaders(c);
    const { to, notify, reason } = await statusBody(c);
    const principal = c.var.principal;
    const answer = await updateStatus(
      db,
      principal,
      { invoiceId: c.req.param('invoiceId'), to, notify, reason, ...headers },
      principal.sub,
    );
    return answerWrite(answer);
  });

  api.delete('/invoices/:invoiceId', async (c) => {
    const headers = writeHeaders(c);
    const answer = await discardInvoice(db, c.var.principal, {
      invoiceId: c.req.param('invoiceId'),
      ...headers,
    });
    return answerWrite(answer);
  });

  // The server makes no files: `204` tells the browser to make them (docs/openapi.yaml), for
  // an invoice the token may see.
  api.get('/invoices/:invoiceId/download/:format', async (c) => {
    const format = c.req.param('format');
    const audience = audienceParam(new URL(c.req.url).searchParams);
    await getInvoice(db, c.var.principal, c.req.param('invoiceId'), audience);
    if (!isDownloadFormat(format)) throw notFound(`Format ${format}`);
    return c.body(null, 204);
  });

  return api;
}
