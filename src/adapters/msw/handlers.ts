/**
 * msw 2 handlers that serve the HTTP contract of docs/openapi.yaml on top of a `MemoryBackend`,
 * consulting the fault controls of faults.ts. For tests, stories and the demo (msw is a
 * devDependency).
 *
 * BackendError kinds become the contract's statuses and error body
 * `{ error: { kind, message, field?, currentVersion?, allowedTargets? } }`; `GET /invoices/{id}`
 * and `POST …/status` send the version as `ETag`; writes without `Idempotency-Key` or `If-Match`
 * are `400`. The query parsing is shared with the reference server (../http-query.ts). No Lit.
 */

import { HttpResponse, http } from 'msw';
import type { HttpHandler } from 'msw';
import { BackendError, toBackendError } from '../../core/errors.js';
import type { InvoiceBackend } from '../../core/backend.js';
import { isDownloadFormat } from '../../core/downloads.js';
import { isKnownStatus } from '../../core/status.js';
import type {
  InvoiceStatus,
  ServerDownload,
  StatusUpdate,
  StatusUpdateResult,
} from '../../core/types.js';
import { errorDetail, statusOfKind } from '../http-status.js';
import { audienceParam, badRequest, intParam, jsonBody, parseInvoiceQuery } from '../http-query.js';

/** Re-exported: the query parsing lives in ../http-query.ts (shared with the reference server). */
export { parseInvoiceQuery };
import type { MemoryBackend } from '../memory/memory-backend.js';
import { etagFor, versionFromEtag } from '../rest/http.js';
import { conformanceHandlers, isConformanceStore } from './conformance.js';
import { answerFault, createFaultControls } from './faults.js';
import type { FaultControls, Operation } from './faults.js';

export interface InvoiceHandlersOptions {
  /** Where the API lives, relative to the page or absolute. Default `/api`. */
  baseUrl?: string;
  /** Faults the handlers consult on every request (see {@link createFaultControls}). */
  faults?: FaultControls;
  /**
   * Also serve the optional test-fixture endpoints of the conformance command
   * (`POST`/`DELETE /conformance/invoices`, docs/openapi.yaml tag `conformance`). Off by
   * default; needs a `MemoryBackend`. For test servers only, never over data worth keeping.
   */
  conformance?: boolean;
}

/** A BackendError as the contract's HTTP answer. */
async function errorResponse(error: BackendError, faults?: FaultControls): Promise<Response> {
  if (error.kind === 'network' || error.kind === 'aborted') return HttpResponse.error();
  if (error.kind === 'timeout') {
    // A timeout over HTTP is the absence of an answer: hang until released.
    await (faults ?? createFaultControls()).hang();
    return HttpResponse.error();
  }
  const headers: Record<string, string> = {};
  if (error.kind === 'conflict' && error.currentVersion !== undefined) {
    headers.ETag = etagFor(error.currentVersion);
  }
  if (error.kind === 'rate-limited') {
    headers['Retry-After'] = String(Math.ceil((error.retryAfterMs ?? 1000) / 1000));
  }
  const status = statusOfKind(error.kind, error.status);
  return HttpResponse.json({ error: errorDetail(error) }, { status, headers });
}

/** `If-Match` and `Idempotency-Key` of a write; `400` when either is missing. */
function writeHeaders(request: Request): { expectedVersion: string; idempotencyKey: string } {
  const idempotencyKey = request.headers.get('Idempotency-Key')?.trim();
  if (!idempotencyKey) badRequest('The Idempotency-Key header is required.', 'Idempotency-Key');
  const expectedVersion = versionFromEtag(request.headers.get('If-Match'));
  if (!expectedVersion) badRequest('The If-Match header is required.', 'If-Match');
  return { expectedVersion, idempotencyKey };
}

async function statusBody(
  request: Request,
): Promise<{ to: InvoiceStatus; notify: boolean; reason?: string }> {
  const body = await jsonBody(request);
  if (typeof body !== 'object' || body === null) badRequest('The body must be an object.');
  const { to, notify, reason } = body as { to?: unknown; notify?: unknown; reason?: unknown };
  if (!isKnownStatus(to)) badRequest('to must be a status.', 'to');
  if (typeof notify !== 'boolean') badRequest('notify must be a boolean.', 'notify');
  if (reason !== undefined && typeof reason !== 'string') {
    badRequest('reason must be a string.', 'reason');
  }
  return reason === undefined ? { to, notify } : { to, notify, reason };
}

/** The body of the batch status change: `{ updates: [{ invoiceId, to, notify, expectedVersion, idempotencyKey }] }`. */
async function batchBody(request: Request): Promise<StatusUpdate[]> {
  const body = await jsonBody(request);
  const updates = (body as { updates?: unknown } | null)?.updates;
  if (!Array.isArray(updates) || updates.length > 500) {
    badRequest('updates must be a list of at most 500 changes.', 'updates');
  }
  return updates.map((u: Partial<Record<keyof StatusUpdate, unknown>>) => {
    const { invoiceId, to, notify, expectedVersion, idempotencyKey } = u ?? {};
    if (typeof invoiceId !== 'string' || !invoiceId) badRequest('invoiceId.', 'invoiceId');
    if (!isKnownStatus(to)) badRequest('to must be a status.', 'to');
    if (typeof notify !== 'boolean') badRequest('notify must be a boolean.', 'notify');
    if (typeof expectedVersion !== 'string') badRequest('expectedVersion.', 'expectedVersion');
    if (typeof idempotencyKey !== 'string') badRequest('idempotencyKey.', 'idempotencyKey');
    return { invoiceId, to, notify, expectedVersion, idempotencyKey };
  });
}

function withEtag(body: { version: string }, status = 200): Response {
  return HttpResponse.json(body, { status, headers: { ETag: etagFor(body.version) } });
}

function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

function downloadResponse(file: ServerDownload | null): Response {
  if (file === null) return new HttpResponse(null, { status: 204 });
  if (file.kind === 'url') {
    const body: Record<string, string> = { url: file.url };
    if (file.filename !== undefined) body.filename = file.filename;
    return HttpResponse.json(body);
  }
  const headers: Record<string, string> = {
    'Content-Type': file.blob.type || 'application/octet-stream',
  };
  if (file.filename !== undefined)
    headers['Content-Disposition'] = contentDisposition(file.filename);
  return new HttpResponse(file.blob, { status: 200, headers });
}

/**
 * The handlers of every operation of docs/openapi.yaml, over `memory`. Give the same `faults`
 * to a test to inject failures and count attempts.
 */
export function createInvoiceHandlers(
  memory: MemoryBackend | InvoiceBackend,
  options: InvoiceHandlersOptions = {},
): HttpHandler[] {
  const base = (options.baseUrl ?? '/api').replace(/\/+$/, '');
  const faults = options.faults;
  const fixtures: HttpHandler[] = [];
  if (options.conformance) {
    if (!isConformanceStore(memory)) {
      throw new TypeError('The conformance endpoints need a MemoryBackend.');
    }
    fixtures.push(
      ...conformanceHandlers(memory, base, (error) => errorResponse(toBackendError(error))),
    );
  }

  /** Runs one operation: faults first, then the store, errors mapped to the contract. */
  const serve =
    (op: Operation, run: (request: Request, params: Record<string, string>) => Promise<Response>) =>
    async ({
      request,
      params,
    }: {
      request: Request;
      params: Record<string, string | readonly string[] | undefined>;
    }): Promise<Response> => {
      const flat: Record<string, string> = {};
      for (const [key, value] of Object.entries(params)) {
        if (typeof value === 'string') flat[key] = value;
      }
      const fault = faults?.take(op);
      const apply = async (): Promise<Response> => {
        try {
          return await run(request, flat);
        } catch (error) {
          return errorResponse(toBackendError(error), faults);
        }
      };
      if (!fault || !faults) return apply();
      return answerFault(fault, op, faults, apply);
    };

  return [
    ...fixtures,
    http.get(
      `${base}/customers`,
      serve('searchCustomers', async (request) => {
        const params = new URL(request.url).searchParams;
        const limit = intParam(params, 'limit', 1);
        const search = { text: params.get('q') ?? '', ...(limit === undefined ? {} : { limit }) };
        return HttpResponse.json(await memory.searchCustomers(search, { signal: request.signal }));
      }),
    ),
    http.get(
      `${base}/customers/:customerId`,
      serve('getCustomer', async (request, params) => {
        if (!memory.getCustomer) throw new BackendError('not-found', 'No customers by id.');
        return HttpResponse.json(
          await memory.getCustomer(params.customerId ?? '', { signal: request.signal }),
        );
      }),
    ),
    http.get(
      `${base}/invoices`,
      serve('listInvoices', async (request) => {
        const query = parseInvoiceQuery(new URL(request.url).searchParams);
        return HttpResponse.json(await memory.listInvoices(query, { signal: request.signal }));
      }),
    ),
    http.get(
      `${base}/invoices/:invoiceId`,
      serve('getInvoice', async (request, params) => {
        const audience = audienceParam(new URL(request.url).searchParams);
        const invoice = await memory.getInvoice(
          params.invoiceId ?? '',
          audience === undefined
            ? { signal: request.signal }
            : { audience, signal: request.signal },
        );
        return withEtag(invoice);
      }),
    ),
    http.post(
      `${base}/invoices/status`,
      serve('updateStatuses', async (request) => {
        const updates = await batchBody(request);
        const signal = request.signal;
        const results: StatusUpdateResult[] = memory.updateStatuses
          ? await memory.updateStatuses(updates, { signal })
          : await Promise.all(
              updates.map((u) =>
                memory.updateStatus(u, { signal }).then(
                  (invoice) => ({ invoiceId: u.invoiceId, invoice }),
                  (e: unknown) => ({ invoiceId: u.invoiceId, error: toBackendError(e) }),
                ),
              ),
            );
        // Each error as the contract's error object (kind, message, allowedTargets, …).
        return HttpResponse.json({
          results: results.map((r) =>
            r.invoice ? r : { invoiceId: r.invoiceId, error: errorDetail(toBackendError(r.error)) },
          ),
        });
      }),
    ),
    http.post(
      `${base}/invoices/:invoiceId/status`,
      serve('updateStatus', async (request, params) => {
        const { expectedVersion, idempotencyKey } = writeHeaders(request);
        const { to, notify, reason } = await statusBody(request);
        const invoice = await memory.updateStatus(
          {
            invoiceId: params.invoiceId ?? '',
            to,
            notify,
            ...(reason !== undefined && { reason }),
            expectedVersion,
            idempotencyKey,
          },
          { signal: request.signal },
        );
        return withEtag(invoice);
      }),
    ),
    http.delete(
      `${base}/invoices/:invoiceId`,
      serve('discardInvoice', async (request, params) => {
        const { expectedVersion, idempotencyKey } = writeHeaders(request);
        await memory.discardInvoice(
          {
            invoiceId: params.invoiceId ?? '',
            expectedVersion,
            idempotencyKey,
          },
          { signal: request.signal },
        );
        return new HttpResponse(null, { status: 204 });
      }),
    ),
    http.get(
      `${base}/invoices/:invoiceId/download/:format`,
      serve('download', async (request, params) => {
        const format = params.format;
        if (!isDownloadFormat(format)) throw new BackendError('not-found', 'Unknown format.');
        if (!memory.download) return new HttpResponse(null, { status: 204 });
        const currency = new URL(request.url).searchParams.get('currency');
        const file = await memory.download(
          params.invoiceId ?? '',
          format,
          currency ? { currency, signal: request.signal } : { signal: request.signal },
        );
        return downloadResponse(file);
      }),
    ),
  ];
}
