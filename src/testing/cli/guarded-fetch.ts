/**
 * The only `fetch` of the conformance command: every request the command makes, through
 * `RestBackend` or the test fixture, goes through it. It
 * - sends requests only to the origin of the base URL, and follows a redirect only when it
 *   stays there (any other is refused, and is a failure of the server);
 * - checks every answer against docs/openapi.yaml (contract.ts); an answer that breaks it
 *   rejects the call with a `validation` error naming the operation and the schema path, so the
 *   check that made the call fails on it;
 * - keeps every exchange (request and answer, bodies truncated, credentials hidden) for the
 *   report.
 * Node only.
 */
import { BackendError } from '../../core/errors.js';
import { isJsonMediaType, mediaType } from './contract.js';
import type { ContractChecker, ContractViolation } from './contract.js';

/** Bodies are kept up to this many characters in the report. */
export const BODY_LIMIT = 600;
const MAX_REDIRECTS = 5;

export interface Exchange {
  /** 1-based, in the order sent. */
  seq: number;
  method: string;
  url: string;
  /** The request's headers and body as sent, credentials hidden, body truncated. */
  request: string;
  /** The status line, headers and body of the answer, body truncated; or the failure. */
  answer: string;
  status?: number;
  violations: ContractViolation[];
  /** A redirect to another origin, refused. */
  refusedRedirect?: string;
}

/** What the command sent and received, in order. */
export class HttpLog {
  readonly exchanges: Exchange[] = [];
  get(seq: number): Exchange | undefined {
    return this.exchanges[seq - 1];
  }
}

/** `[exchange #n]`: how a failure names the exchange it came from. */
export const exchangeTag = (seq: number): string => `[exchange #${seq}]`;

export function exchangeOf(message: string | undefined, log: HttpLog): Exchange | undefined {
  const match = /\[exchange #(\d+)\]/.exec(message ?? '');
  return match ? log.get(Number(match[1])) : undefined;
}

export function truncate(text: string, limit = BODY_LIMIT): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}… (${text.length} characters)`;
}

const SHOWN_HEADERS = [
  'content-type',
  'content-disposition',
  'etag',
  'if-match',
  'idempotency-key',
  'location',
  'retry-after',
  'authorization',
];

function headerLines(headers: Headers): string[] {
  const lines: string[] = [];
  for (const name of SHOWN_HEADERS) {
    const value = headers.get(name);
    if (value === null) continue;
    lines.push(`${name}: ${name === 'authorization' ? 'Bearer (hidden)' : value}`);
  }
  return lines;
}

/** A token in a body (`POST /conformance/tokens`) is hidden from the report too. */
const hideTokens = (text: string): string =>
  text.replace(/("token"\s*:\s*")[^"]*(")/g, '$1(hidden)$2');

async function bodyText(response: Response): Promise<{ text: string; bytes: number }> {
  const buffer = new Uint8Array(await response.clone().arrayBuffer());
  const type = mediaType(response.headers.get('content-type'));
  const texty = type === '' || type.startsWith('text/') || isJsonMediaType(type);
  if (!texty) return { text: `(${buffer.byteLength} bytes of ${type})`, bytes: buffer.byteLength };
  return { text: new TextDecoder().decode(buffer), bytes: buffer.byteLength };
}

export interface GuardedFetchOptions {
  /** The API's base URL: requests go to its origin only; paths are read relative to it. */
  base: URL;
  checker: ContractChecker;
  log: HttpLog;
  /** The real `fetch` (default `globalThis.fetch`). */
  fetch?: typeof fetch;
}

/** A `fetch` that keeps to one origin, checks answers against the contract and logs them. */
export function guardedFetch(options: GuardedFetchOptions): typeof fetch {
  const { base, checker, log } = options;
  const send = options.fetch ?? globalThis.fetch;
  const basePath = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;

  return async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    let url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = new Headers(init.headers);
    const follow = (init.redirect ?? 'follow') === 'follow';
    const sentBody = typeof init.body === 'string' ? hideTokens(init.body) : '';

    const exchange: Exchange = {
      seq: log.exchanges.length + 1,
      method,
      url: url.href,
      request: [
        `${method} ${url.href}`,
        ...headerLines(headers),
        ...(sentBody ? ['', truncate(sentBody)] : []),
      ].join('\n'),
      answer: '(no answer)',
      violations: [],
    };
    log.exchanges.push(exchange);
    const tag = exchangeTag(exchange.seq);

    if (url.origin !== base.origin) {
      exchange.answer = `(not sent: ${url.origin} is not ${base.origin})`;
      throw new BackendError(
        'config',
        `Refused to send a request to ${url.origin}: the command talks only to ${base.origin}. ${tag}`,
      );
    }

    let response: Response;
    for (let hops = 0; ; hops++) {
      try {
        response = await send(url.href, { ...init, redirect: 'manual' });
      } catch (cause) {
        exchange.answer = `(failed: ${cause instanceof Error ? cause.message : String(cause)})`;
        throw cause;
      }
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || location === null) break;
      const target = new URL(location, url);
      exchange.answer = [`HTTP ${response.status}`, ...headerLines(response.headers)].join('\n');
      exchange.status = response.status;
      if (target.origin !== base.origin) {
        exchange.refusedRedirect = target.href;
        await response.body?.cancel();
        throw new BackendError(
          'config',
          `Refused a redirect from ${url.href} to another origin (${target.origin}): the command sends requests only to ${base.origin}. ${tag}`,
          { status: response.status },
        );
      }
      // Same origin: followed for a read, handed back for a write (the adapter refuses it).
      if (!follow || hops >= MAX_REDIRECTS) break;
      await response.body?.cancel();
      url = target;
    }

    const { text, bytes } = await bodyText(response);
    const type = mediaType(response.headers.get('content-type'));
    let body: unknown;
    let bodyIsJson = false;
    if (bytes > 0 && isJsonMediaType(type)) {
      try {
        body = JSON.parse(text);
        bodyIsJson = true;
      } catch {
        bodyIsJson = false;
      }
    }
    exchange.status = response.status;
    exchange.answer = [
      `HTTP ${response.status}${url.href === exchange.url ? '' : ` (from ${url.href})`}`,
      ...headerLines(response.headers),
      ...(bytes > 0 ? ['', truncate(hideTokens(text))] : []),
    ].join('\n');

    const path = url.pathname.startsWith(basePath)
      ? `/${url.pathname.slice(basePath.length)}`
      : url.pathname;
    exchange.violations = checker.check({
      method,
      path,
      status: response.status,
      contentType: response.headers.get('content-type'),
      hasBody: bytes > 0,
      bodyIsJson,
      body,
    });
    const [first] = exchange.violations;
    if (first) {
      throw new BackendError(
        'validation',
        `The answer breaks docs/openapi.yaml: ${first.operation} ${first.message} (schema ${first.schemaPath}). ${tag}`,
        { status: response.status },
      );
    }
    return response;
  };
}
