/**
 * The routes of docs/openapi.yaml on Hono. Every route needs a bearer token (server/src/tokens.ts):
 * none or a bad one is `401`; what is outside the token's scope is `404` by id, `403` for a
 * write by a customer or a list of another customer (server/src/store/scope.ts).
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { audienceParam, intParam, parseInvoiceQuery } from '../../../src/adapters/http-query.js';
import { errorDetail } from '../../../src/adapters/http-status.js';
import { etagFor, versionFromEtag } from '../../../src/adapters/rest/http.js';
import { isDownloadFormat } from '../../../src/core/downloads.js';
import { isKnownStatus } from '../../../src/core/status.js';
import type { InvoiceStatus } from '../../../src/core/types.js';
import type { Database } from '../db/database.js';
import { getCustomer, getInvoice, searchCustomers } from '../store/read.js';
import { listInvoices } from '../store/read.js';
import { notFound, requireOperator } from '../store/scope.js';
import { MAX_BATCH, discardInvoice, updateStatus, updateStatuses } from '../store/write.js';
import type { BatchResult, StatusChangeRequest, WriteAnswer } from '../store/write.js';
import type { Principal, TokenService } from '../tokens.js';
import { badRequest, jsonBody, unauthorized } from './errors.js';

export type ApiEnv = { Variables: { principal: Principal } };

/** Request bodies are tiny (`{ to, notify }`)… */
const MAX_BODY_BYTES = 16 * 1024;
/** …but a batch's: up to 500 updates, each with a reason of up to 500 characters. */
const MAX_BATCH_BODY_BYTES = MAX_BATCH * 1024;
const BATCH_PATH = /\/invoices\/status\/?$/;

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

function noOtherField(rest: Record<string, unknown>, prefix = ''): void {
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) throw badRequest(`Unknown field ${prefix}${extra}.`, prefix + extra);
}

/** `{ to, notify, reason? }` of a status change; `prefix` names a batch item's fields. */
function statusFields(
  body: Record<string, unknown>,
  prefix = '',
): { to: InvoiceStatus; notify: boolean; reason?: string } {
  const { to, notify, reason } = body;
  if (!isKnownStatus(to)) throw badRequest(`${prefix}to must be a status.`, `${prefix}to`);
  if (typeof notify !== 'boolean') {
    throw badRequest(`${prefix}notify must be a boolean.`, `${prefix}notify`);
  }
  if (reason !== undefined && typeof reason !== 'string') {
    throw badRequest(`${prefix}reason must be a string.`, `${prefix}reason`);
  }
  return reason === undefined ? { to, notify } : { to, notify, reason };
}

async function statusBody(
  c: Context,
): Promise<{ to: InvoiceStatus; notify: boolean; reason?: string }> {
  const { to, notify, reason, ...rest } = await jsonBody(c);
  noOtherField(rest);
  return statusFields({ to, notify, reason });
}

/** A non-empty string of at most 255 characters, else `400` naming `field`. */
function idString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 255) {
    throw badRequest(`${field} must be a string of 1 to 255 characters.`, field);
  }
  return value;
}

/**
 * The body of the batch `POST /invoices/status`: `{ updates }`, at most 500, each `{ invoiceId,
 * to, notify, expectedVersion, idempotencyKey, reason? }` (the reason as the single write takes
 * it; `RestBackend` sends it when given). A malformed update is the call's `400`.
 */
async function batchBody(c: Context): Promise<StatusChangeRequest[]> {
  const { updates, ...rest } = await jsonBody(c);
  noOtherField(rest);
  if (!Array.isArray(updates)) throw badRequest('updates must be an array.', 'updates');
  if (updates.length > MAX_BATCH) {
    throw badRequest(`At most ${MAX_BATCH} updates per call.`, 'updates');
  }
  return updates.map((item: unknown, i) => {
    const prefix = `updates[${i}].`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw badRequest(`${prefix.slice(0, -1)} must be an object.`, prefix.slice(0, -1));
    }
    const { invoiceId, expectedVersion, idempotencyKey, to, notify, reason, ...extra } =
      item as Record<string, unknown>;
    noOtherField(extra, prefix);
    return {
      invoiceId: idString(invoiceId, `${prefix}invoiceId`),
      expectedVersion: idString(expectedVersion, `${prefix}expectedVersion`),
      idempotencyKey: idString(idempotencyKey, `${prefix}idempotencyKey`).trim(),
      ...statusFields({ to, notify, reason }, prefix),
    };
  });
}

/** A batch's results as the contract's `{ results }`: the invoice, or the `error` object. */
function batchResults(results: BatchResult[]) {
  return {
    results: results.map((r) =>
      'error' in r
        ? { invoiceId: r.invoiceId, error: errorDetail(r.error) }
        : { invoiceId: r.invoiceId, invoice: r.answer.body },
    ),
  };
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
  const limit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw badRequest('The body is too large.');
      },
    });
  const smallBody = limit(MAX_BODY_BYTES);
  const batchLimit = limit(MAX_BATCH_BODY_BYTES);
  api.use('*', (c, next) => (BATCH_PATH.test(c.req.path) ? batchLimit : smallBody)(c, next));

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

  // The optional batch (docs/ADAPTERS.md "Batch status change"): each update is one status
  // change above, run by the same code (server/src/store/write.ts, updateStatuses).
  api.post('/invoices/status', async (c) => {
    const principal = c.var.principal;
    requireOperator(principal);
    const requests = await batchBody(c);
    return c.json(batchResults(await updateStatuses(db, principal, requests, principal.sub)));
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
