/**
 * Errors as the contract's answers (docs/openapi.yaml): `{ error: { kind, message, field?,
 * currentVersion?, allowedTargets? } }` with the status of the kind (src/adapters/http-status.ts)
 * and, for a conflict, the current version as `ETag`. Anything that is not a BackendError is a
 * `500 server`, logged without its details reaching the client.
 */
import type { Context } from 'hono';
import { BackendError } from '../../../src/core/errors.js';
import { errorDetail, statusOfKind } from '../../../src/adapters/http-status.js';
import { etagFor } from '../../../src/adapters/rest/http.js';

export function errorResponse(error: unknown, log: (message: string) => void): Response {
  if (!(error instanceof BackendError)) {
    const message = error instanceof Error ? error.message : String(error);
    log(`500: ${message.slice(0, 500)}`);
    return Response.json(
      { error: { kind: 'server', message: 'The server failed.' } },
      { status: 500 },
    );
  }
  const detail = errorDetail(error);
  const headers = new Headers();
  if (error.kind === 'conflict' && error.currentVersion !== undefined) {
    headers.set('ETag', etagFor(error.currentVersion));
  }
  if (error.kind === 'unauthorized') headers.set('WWW-Authenticate', 'Bearer');
  return Response.json(
    { error: detail },
    { status: statusOfKind(error.kind, error.status), headers },
  );
}

export function badRequest(message: string, field?: string): BackendError {
  return new BackendError('validation', message, { status: 400, ...(field ? { field } : {}) });
}

export function unauthorized(message: string): BackendError {
  return new BackendError('unauthorized', message, { status: 401 });
}

/** The JSON object of a request's body, else `400`. */
export async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw badRequest('The body must be JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('The body must be an object.');
  }
  return body as Record<string, unknown>;
}
