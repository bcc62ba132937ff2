/**
 * msw 2 handlers that serve the HTTP contract of docs/openapi.yaml on top of a `MemoryBackend`,
 * consulting the fault controls of faults.ts. For tests, stories and the demo (msw is a
 * devDependency).
 *
 * BackendError kinds become the contract's statuses and error body
 * `{ error: { kind, message, field?, currentVersion?, allowedTargets? } }`; `GET /invoices/{id}`
 * and `POST …/status` send the version as `ETag`; writes without `Idempotency-Key` or `If-Match`
 * are `400`. No Lit.
 */
import { HttpResponse, http } from 'msw';
import type { HttpHandler } from 'msw';
import { BackendError, toBackendError } from '../../core/errors.js';
import type { InvoiceBackend } from '../../core/backend.js';
import { isDownloadFormat } from '../../core/downloads.js';
import { isYearMonth } from '../../core/period.js';
import { isKnownStatus } from '../../core/status.js';
import type {
  Audience,
  InvoiceQuery,
  InvoiceStatus,
  ServerDownload,
  SortDirection,
  SortKey,
} from '../../core/types.js';
import { SORT_KEYS } from '../../core/types.js';
import { statusOfKind } from '../http-status.js';
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

function errorBody(error: BackendError): Record<string, unknown> {
  const detail: Record<string, unknown> = { kind: error.kind, message: error.message };
  if (error.field !== undefined) detail.field = error.field;
  if (error.currentVersion !== undefined) detail.currentVersion = error.currentVersion;
  if (error.allowedTargets !== undefined) detail.allowedTargets = error.allowedTargets;
  return { error: detail };
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
  return HttpResponse.json(errorBody(error), { status, headers });
}

function badRequest(message: string, field?: string): never {
  throw new BackendError('validation', message, field === undefined ? {} : { field });
}

function intParam(params: URLSearchParams, name: string, min: number): number | undefined {
  const raw = params.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min) {
    badRequest(`${name} must be an integer ≥ ${min}.`, name);
  }
  return Number(raw);
}

function audienceParam(params: URLSearchParams): Audience | undefined {
  const raw = params.get('audience');
  if (raw === null || raw === '') return undefined;
  if (raw !== 'operator' && raw !== 'customer') badRequest('Unknown audience.', 'audience');
  return raw;
}

/** The query of `GET /invoices`, checked as the contract says. */
export function parseInvoiceQuery(params: URLSearchParams): InvoiceQuery {
  const query: InvoiceQuery = {};
  const customerId = params.get('customerId');
  if (customerId) query.customerId = customerId;
  const from = params.get('from');
  const to = params.get('to');
  if (from !== null || to !== null) {
    if (!isYearMonth(from)) badRequest('from must be YYYY-MM.', 'from');
    if (!isYearMonth(to)) badRequest('to must be YYYY-MM.', 'to');
    if (from > to) badRequest('from must not be after to.', 'from');
    query.period = { from, to };
  }
  const statuses = params.getAll('status');
  if (statuses.length > 0) {
    if (!statuses.every(isKnownStatus)) badRequest('Unknown status.', 'status');
    query.statuses = statuses as InvoiceStatus[];
  }
  const providers = params.getAll('provider');
  if (providers.length > 0) query.providers = providers;
  const text = params.get('q');
  if (text) query.text = text;
  const sort = params.get('sort');
  if (sort) {
    const direction: SortDirection = sort.startsWith('-') ? 'desc' : 'asc';
    const key = sort.replace(/^-/, '') as SortKey;
    if (!SORT_KEYS.includes(key)) badRequest('Unknown sort key.', 'sort');
    query.sort = { key, direction };
  }
  const offset = intParam(params, 'offset', 0);
  if (offset !== undefined) query.offset = offset;
  const limit = intParam(params, 'limit', 1);
  if (limit !== undefined) query.limit = limit;
  const audience = audienceParam(params);
  if (audience !== undefined) query.audience = audience;
  return query;
}

/** `If-Match` and `Idempotency-Key` of a write; `400` when either is missing. */
function writeHeaders(request: Request): { expectedVersion: string; idempotencyKey: string } {
  const idempotencyKey = request.headers.get('Idempotency-Key')?.trim();
  if (!idempotencyKey) badRequest('The Idempotency-Key header is required.', 'Idempotency-Key');
  const expectedVersion = versionFromEtag(request.headers.get('If-Match'));
  if (!expectedVersion) badRequest('The If-Match header is required.', 'If-Match');
  return { expectedVersion, idempotencyKey };
}

async function statusBody(request: Request): Promise<{ to: InvoiceStatus; notify: boolean }> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    badRequest('The body must be JSON.');
  }
  if (typeof body !== 'object' || body === null) badRequest('The body must be an object.');
  const { to, notify } = body as { to?: unknown; notify?: unknown };
  if (!isKnownStatus(to)) badRequest('to must be a status.', 'to');
  if (typeof notify !== 'boolean') badRequest('notify must be a boolean.', 'notify');
  return { to, notify };
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
      `${base}/invoices/:invoiceId/status`,
      serve('updateStatus', async (request, params) => {
        const { expectedVersion, idempotencyKey } = writeHeaders(request);
        const { to, notify } = await statusBody(request);
        const invoice = await memory.updateStatus(
          {
            invoiceId: params.invoiceId ?? '',
            to,
            notify,
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
