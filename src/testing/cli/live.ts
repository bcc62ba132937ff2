/**
 * Runs the conformance kit against a live server that claims docs/openapi.yaml: a
 * `RestBackend` over the command's guarded fetch (one origin, every answer checked against the
 * contract, every exchange kept), the HTTP test fixture, then the kit's checks and the
 * command's own (the contract, the origin, the fixture, the cleanup). Node only.
 */
import type { InvoiceBackend } from '../../core/backend.js';
import { RestBackend } from '../../adapters/rest/rest-backend.js';
import type { CheckResult, ConformanceOptions, ConformanceReport } from '../types.js';
import { ContractChecker } from './contract.js';
import type { OpenApiDocument } from './contract.js';
import { HttpLog, exchangeOf, guardedFetch } from './guarded-fetch.js';
import type { Exchange } from './guarded-fetch.js';
import { createHttpFixture, notCheckableReason } from './http-fixture.js';

export type RunConformance = (options: ConformanceOptions) => Promise<ConformanceReport>;

export interface LiveOptions {
  /** The API's base URL, `http:` or `https:`. */
  baseUrl: string;
  /** The operator's bearer token. */
  token?: string;
  /** Customer id → bearer token of that customer. */
  customerTokens?: ReadonlyMap<string, string>;
  /** Run only checks whose id starts with one of these. */
  only?: string[];
  /** Time limit of each check and of each request, in ms. Default 10,000. */
  timeoutMs?: number;
  /** The real fetch (tests). Default `globalThis.fetch`. */
  fetch?: typeof fetch;
}

/** The report of a live run: the kit's results and the command's, and what the server offers. */
export interface LiveReport extends ConformanceReport {
  baseUrl: string;
  startedAt: string;
  durationMs: number;
  /** Whether the server has the test-fixture endpoints. */
  fixtureEndpoints: boolean;
  /** Where customer tokens came from. */
  customerTokens: 'endpoint' | 'given' | 'none';
  /** HTTP requests sent. */
  requests: number;
}

/** A problem before any check could run (bad URL, server unreachable, fixture refused). */
export class LiveRunError extends Error {}

/** The command's own checks, ids under `command.`, always reported. */
const RULES = {
  contract:
    'Every answer has a status its operation documents and a body that matches its schema (docs/openapi.yaml)',
  origin: 'Every request goes to the given origin; a redirect anywhere else is refused',
  fixture: 'The optional test-fixture endpoints (POST and DELETE /conformance/invoices) work',
  cleanup: 'What the run created is removed at the end (DELETE /conformance/invoices → 204)',
} as const;

function commandResult(
  key: keyof typeof RULES,
  outcome: CheckResult['outcome'],
  extra: Partial<CheckResult> = {},
): CheckResult {
  return { id: `command.${key}`, rule: RULES[key], outcome, durationMs: 0, ...extra };
}

const withExchange = (result: CheckResult, exchange: Exchange | undefined): CheckResult =>
  exchange ? { ...result, request: exchange.request, answer: exchange.answer } : result;

/** The kit's result as the command reports it (skips for what the server cannot do, HTTP). */
function reported(
  result: CheckResult,
  log: HttpLog,
  segmentOf: (i: number) => number | undefined,
  index: number,
): CheckResult {
  if (result.outcome !== 'failed') return result;
  const reason = notCheckableReason(result.message);
  if (reason !== undefined) {
    const skipped: CheckResult = { ...result, outcome: 'skipped', message: reason };
    delete skipped.request;
    delete skipped.answer;
    return skipped;
  }
  const tagged = exchangeOf(result.message, log);
  if (tagged) return withExchange(result, tagged);
  // The last exchange of this check (the kit resets before each one), when that is certain.
  const segment = segmentOf(index);
  const mine = log.exchanges.filter((e) => e.segment === segment);
  const last = mine[mine.length - 1];
  return last
    ? {
        ...result,
        request:
          `${result.request ?? ''}\n(last HTTP exchange of the check)\n${last.request}`.trim(),
        answer: `${result.answer ?? ''}\n${last.answer}`.trim(),
      }
    : result;
}

export async function checkLiveServer(
  options: LiveOptions,
  runConformance: RunConformance,
  contract: OpenApiDocument,
): Promise<LiveReport> {
  const started = Date.now();
  let base: URL;
  try {
    base = new URL(options.baseUrl);
  } catch {
    throw new LiveRunError(`Not a URL: ${JSON.stringify(options.baseUrl)}.`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new LiveRunError(`The base URL must be http: or https:, not ${base.protocol}.`);
  }
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  base.search = '';
  base.hash = '';
  const timeoutMs = options.timeoutMs ?? 10_000;
  const log = new HttpLog();
  const fetch = guardedFetch({
    base,
    checker: new ContractChecker(contract),
    log,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const backendFor = (token?: string): InvoiceBackend =>
    new RestBackend({
      baseUrl: base.href,
      fetch,
      timeoutMs,
      // One request per call: every exchange in the report is one the check asked for.
      retries: 0,
      ...(token ? { getToken: async () => token } : {}),
    });

  let http;
  try {
    http = await createHttpFixture({
      base,
      fetch,
      ...(options.token ? { token: options.token } : {}),
      customerTokens: options.customerTokens ?? new Map(),
      backendFor,
      timeoutMs,
      onReset: () => void log.segment++,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new LiveRunError(`Could not start against ${base.href}: ${message}`);
  }
  const resetsBefore = log.segment;

  const kit = await runConformance({
    backend: backendFor(options.token),
    fixture: http.fixture,
    ...(options.only ? { only: options.only } : {}),
    timeoutMs,
  });
  const resets = log.segment - resetsBefore;
  const cleanupProblem = await http.cleanup();

  // The kit resets before each check it runs: when the count says so, segment i is check i.
  const ran = kit.results.map((r, i) => (r.outcome === 'skipped' ? -1 : i)).filter((i) => i >= 0);
  const segmentOf = (index: number): number | undefined => {
    if (resets === kit.results.length || resets === kit.results.length + 1) {
      return resetsBefore + index + 1;
    }
    if (resets === ran.length || resets === ran.length + 1) {
      const position = ran.indexOf(index);
      return position < 0 ? undefined : resetsBefore + position + 1;
    }
    return undefined;
  };
  const results = kit.results.map((r, i) => reported(r, log, segmentOf, i));

  const own: CheckResult[] = [];
  const broken = log.exchanges.filter((e) => e.violations.length > 0);
  if (broken.length > 0) {
    const lines = broken
      .slice(0, 10)
      .flatMap((e) =>
        e.violations.map(
          (v) =>
            `#${e.seq} ${e.method} ${e.url} → ${e.status}: ${v.operation} ${v.message} (schema ${v.schemaPath})`,
        ),
      );
    own.push(
      withExchange(
        commandResult('contract', 'failed', {
          message: `${broken.length} of ${log.exchanges.length} answers break docs/openapi.yaml:\n${lines.join('\n')}${broken.length > 10 ? '\n…' : ''}`,
        }),
        broken[0],
      ),
    );
  } else {
    own.push(
      commandResult('contract', 'passed', { message: `${log.exchanges.length} answers checked.` }),
    );
  }
  const refused = log.exchanges.filter((e) => e.refusedRedirect !== undefined);
  own.push(
    refused.length > 0
      ? withExchange(
          commandResult('origin', 'failed', {
            message: `The server redirected to another origin (${refused.map((e) => `${e.url} → ${e.refusedRedirect}`).join('; ')}); the command refused to follow.`,
          }),
          refused[0],
        )
      : commandResult('origin', 'passed'),
  );
  own.push(
    http.invoices
      ? commandResult('fixture', 'passed')
      : commandResult('fixture', 'skipped', {
          message:
            'The server has no test-fixture endpoints (404/405): only the checks that need no invoices of their own ran, on the data it has.',
        }),
  );
  own.push(
    !http.invoices
      ? commandResult('cleanup', 'skipped', {
          message: 'Nothing was created (no test-fixture endpoints).',
        })
      : cleanupProblem === undefined
        ? commandResult('cleanup', 'passed')
        : commandResult('cleanup', 'failed', { message: cleanupProblem }),
  );
  // The command's own checks cover every request of the run, whatever `only` kept.
  const all = [...results, ...own];
  const count = (outcome: CheckResult['outcome']): number =>
    all.filter((r) => r.outcome === outcome).length;
  return {
    results: all,
    passed: count('passed'),
    failed: count('failed'),
    skipped: count('skipped'),
    baseUrl: base.href,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    fixtureEndpoints: http.invoices,
    customerTokens: http.customerTokens,
    requests: log.exchanges.length,
  };
}
