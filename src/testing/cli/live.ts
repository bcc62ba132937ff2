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
import { runExistingDataChecks } from './existing-data.js';
import { createHttpFixture, notCheckableReason } from './http-fixture.js';
import type { HttpFixture } from './http-fixture.js';

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

const NO_FAULTS =
  'A live server cannot be made to fail on purpose: run the kit in your own tests with fault hooks for these (docs/ADAPTERS.md).';

/**
 * The kit's result as the command reports it: a check that could not run against this server
 * is skipped with the reason; a failure carries the HTTP exchange it names, or else the last
 * one the check made (`mine`).
 */
function reported(result: CheckResult, log: HttpLog, mine: Exchange[]): CheckResult {
  if (result.outcome === 'skipped' && result.message?.includes('faults.')) {
    return { ...result, message: `${result.message} ${NO_FAULTS}` };
  }
  if (result.outcome !== 'failed') return result;
  const reason = notCheckableReason(result.message) ?? notCheckableReason(result.answer);
  if (reason !== undefined) {
    const skipped: CheckResult = { ...result, outcome: 'skipped', message: reason };
    delete skipped.request;
    delete skipped.answer;
    return skipped;
  }
  const tagged = exchangeOf(result.message, log) ?? exchangeOf(result.answer, log);
  if (tagged) return withExchange(result, tagged);
  const last = mine[mine.length - 1];
  if (!last) return result;
  return {
    ...result,
    request: [result.request, `HTTP (the check's last request):\n${last.request}`]
      .filter(Boolean)
      .join('\n'),
    answer: [result.answer, `HTTP:\n${last.answer}`].filter(Boolean).join('\n'),
  };
}

/** The command's own checks: the contract, the origin, the fixture endpoints, the cleanup. */
function commandResults(
  log: HttpLog,
  fixtureEndpoints: boolean,
  cleanupProblem: string | undefined,
): CheckResult[] {
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
            message: `The server redirected ${refused.length} request(s) to another origin, e.g. ${refused[0]?.url} → ${refused[0]?.refusedRedirect}; the command refused to follow.`,
          }),
          refused[0],
        )
      : commandResult('origin', 'passed'),
  );
  own.push(
    fixtureEndpoints
      ? commandResult('fixture', 'passed')
      : commandResult('fixture', 'skipped', {
          message:
            'The server has no test-fixture endpoints (404/405): only the checks that need no invoices of their own ran, on the data it has.',
        }),
  );
  own.push(
    !fixtureEndpoints
      ? commandResult('cleanup', 'skipped', {
          message: 'Nothing was created (no test-fixture endpoints).',
        })
      : cleanupProblem === undefined
        ? commandResult('cleanup', 'passed')
        : commandResult('cleanup', 'failed', { message: cleanupProblem }),
  );
  return own;
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

  let http: HttpFixture;
  try {
    http = await createHttpFixture({
      base,
      fetch,
      ...(options.token ? { token: options.token } : {}),
      customerTokens: options.customerTokens ?? new Map(),
      backendFor,
      timeoutMs,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new LiveRunError(`Could not start against ${base.href}: ${message}`);
  }
  // Each result's exchanges: those sent since the previous result (the kit runs checks in turn).
  const results: CheckResult[] = [];
  let from = log.exchanges.length;
  try {
    const kit = await runConformance({
      backend: backendFor(options.token),
      fixture: http.fixture,
      ...(options.only ? { only: options.only } : {}),
      timeoutMs,
      onResult(result) {
        results.push(reported(result, log, log.exchanges.slice(from)));
        from = log.exchanges.length;
      },
    });
    // A kit that did not report each result as it ended: the results as they are.
    if (results.length !== kit.results.length) {
      results.splice(0, results.length, ...kit.results.map((r) => reported(r, log, [])));
    }
  } catch (error) {
    // The kit itself only rejects when its last fixture reset fails.
    const message = error instanceof Error ? error.message : String(error);
    throw new LiveRunError(`The run against ${base.href} broke off: ${message}`);
  }
  // Without the fixture endpoints, the command's own read-only checks on the server's data.
  if (!http.invoices) {
    await runExistingDataChecks(backendFor(options.token), options.only, (result) => {
      results.push(reported(result, log, log.exchanges.slice(from)));
      from = log.exchanges.length;
    });
  }
  const cleanupProblem = await http.cleanup();

  // The command's own checks cover every request of the run, whatever `only` kept.
  const all = [...results, ...commandResults(log, http.invoices, cleanupProblem)];
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
