/**
 * The `ConformanceFixture` of the conformance command, over the optional test-fixture
 * endpoints of docs/openapi.yaml (tag `conformance`): `POST /conformance/invoices` creates,
 * `DELETE /conformance/invoices` removes what was created, `POST /conformance/tokens` gives a
 * customer's token. A server without them (`404`/`405`) still gets the checks that need no
 * invoice of their own; the others are reported skipped with that reason. Node only.
 */
import type { InvoiceBackend } from '../../core/backend.js';
import type { ConformanceFixture, InvoiceSpec } from '../types.js';

/**
 * Marks an error that means "this check cannot run against this server" (no fixture
 * endpoints, no customer token): the command reports the check skipped, with the reason.
 */
export const NOT_CHECKABLE = '[not checkable against this server]';

export class NotCheckableError extends Error {
  constructor(reason: string) {
    super(`${reason} ${NOT_CHECKABLE}`);
    this.name = 'NotCheckableError';
  }
}

/** The reason of a `NotCheckableError` message, or `undefined` for any other message. */
export function notCheckableReason(message: string | undefined): string | undefined {
  if (!message?.includes(NOT_CHECKABLE)) return undefined;
  // As the kit quotes an error: `NotCheckableError: <reason> [marker]`.
  return message
    .slice(0, message.indexOf(NOT_CHECKABLE))
    .replace(/^.*NotCheckableError: /s, '')
    .trim();
}

export interface HttpFixtureOptions {
  /** The API's base URL (a path ending with `/`). */
  base: URL;
  /** The command's guarded fetch (guarded-fetch.ts). */
  fetch: typeof fetch;
  /** The operator's token, sent to the fixture endpoints too. */
  token?: string;
  /** Customer id → token, from `--customer-token`. */
  customerTokens: ReadonlyMap<string, string>;
  /** The backend as the holder of `token` sees it. */
  backendFor(token: string): InvoiceBackend;
  timeoutMs: number;
}

export interface HttpFixture {
  fixture: ConformanceFixture;
  /** Whether the server has `POST`/`DELETE /conformance/invoices`. */
  invoices: boolean;
  /** Where customer tokens come from, if anywhere. */
  customerTokens: 'endpoint' | 'given' | 'none';
  /** Removes what the run created; resolves with what went wrong, if anything. */
  cleanup(): Promise<string | undefined>;
}

/** Thrown when the server refuses the fixture in a way that is not "I have none". */
export class FixtureError extends Error {}

const NONE = new Set([404, 405]);

/** Probes the fixture endpoints (a first reset, which also clears a crashed run's leftovers). */
export async function createHttpFixture(options: HttpFixtureOptions): Promise<HttpFixture> {
  const url = (path: string): string => new URL(path, options.base).href;
  const call = async (method: string, path: string, body?: unknown): Promise<Response> => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    const init: RequestInit = {
      method,
      headers,
      signal: AbortSignal.timeout(options.timeoutMs),
    };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return options.fetch(url(path), init);
  };
  const refusal = async (what: string, response: Response): Promise<FixtureError> =>
    new FixtureError(
      `${what} answered ${response.status}: ${(await response.text()).slice(0, 200)}`,
    );

  const first = await call('DELETE', 'conformance/invoices');
  if (first.status !== 204 && !NONE.has(first.status)) {
    throw await refusal('DELETE /conformance/invoices', first);
  }
  await first.body?.cancel();
  const invoices = first.status === 204;
  const noInvoices = `The server has no test-fixture endpoints (DELETE /conformance/invoices answered ${first.status}), so this check, which needs invoices of its own, was not run.`;

  let tokensEndpoint = false;
  if (invoices) {
    const probe = await call('POST', 'conformance/tokens', { customerId: 'conformance-probe' });
    await probe.body?.cancel();
    tokensEndpoint = probe.ok;
  }
  const given = options.customerTokens.size > 0;

  const reset = async (): Promise<void> => {
    if (!invoices) return;
    const response = await call('DELETE', 'conformance/invoices');
    if (response.status !== 204) throw await refusal('DELETE /conformance/invoices', response);
  };

  const fixture: ConformanceFixture = {
    reset,
    async createInvoice(spec: InvoiceSpec): Promise<string> {
      if (!invoices) throw new NotCheckableError(noInvoices);
      const response = await call('POST', 'conformance/invoices', spec);
      if (response.status !== 201) throw await refusal('POST /conformance/invoices', response);
      return ((await response.json()) as { id: string }).id;
    },
  };
  if (given || tokensEndpoint) {
    fixture.customerBackend = async (customerId: string): Promise<InvoiceBackend> => {
      const token = options.customerTokens.get(customerId);
      if (token !== undefined) return options.backendFor(token);
      if (!tokensEndpoint) {
        throw new NotCheckableError(
          `No customer token for ${JSON.stringify(customerId)} (give --customer-token ${customerId}=TOKEN, or serve POST /conformance/tokens).`,
        );
      }
      const response = await call('POST', 'conformance/tokens', { customerId });
      if (response.status !== 200) throw await refusal('POST /conformance/tokens', response);
      return options.backendFor(((await response.json()) as { token: string }).token);
    };
  }

  return {
    fixture,
    invoices,
    customerTokens: given ? 'given' : tokensEndpoint ? 'endpoint' : 'none',
    async cleanup() {
      if (!invoices) return undefined;
      try {
        await reset();
        return undefined;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
  };
}
