/**
 * Runs the checks one after another, the fixture reset before each and once at the end, each
 * within its time limit, and reports each as passed, failed (with the rule, the call made and
 * what came back) or skipped (with the reason).
 */
import { CONFORMANCE_CHECKS } from './checks/index.js';
import { ConformanceFailure, checkContext, newScope, short } from './check.js';
import type { ConformanceCheck, ConformanceNeed } from './check.js';
import type { CheckResult, ConformanceOptions, ConformanceReport } from './types.js';

/** Default per-check time limit, in milliseconds. */
export const DEFAULT_CHECK_TIMEOUT_MS = 10_000;

/** Why a check is skipped when a need is missing. */
const MISSING: Record<ConformanceNeed, string> = {
  customerBackend: 'the fixture has no customerBackend (a backend with a customer’s credential)',
  getCustomer: 'the adapter has no getCustomer',
  download: 'the adapter has no download',
  'faults.serverErrorNext': 'the fixture has no faults.serverErrorNext',
  'faults.malformedNext': 'the fixture has no faults.malformedNext',
  'faults.hangNext': 'the fixture has no faults.hangNext',
  'faults.attempts': 'the fixture has no faults.attempts',
  requestTimeoutMs: 'no requestTimeoutMs option (the adapter’s own time limit)',
};

/** Whether `only` selects the check `id` (it starts with one of its entries); no `only`: all. */
export const isSelected = (id: string, only?: readonly string[]): boolean =>
  !only?.length || only.some((prefix) => id.startsWith(prefix));

/** The checks `only` selects (ids starting with one of its entries), or all. */
export function selectChecks(only?: readonly string[]): ConformanceCheck[] {
  return CONFORMANCE_CHECKS.filter((c) => isSelected(c.id, only));
}

/** Why `check` cannot run with these options, or `undefined` when it can. */
export function skipReason(
  check: ConformanceCheck,
  options: ConformanceOptions,
): string | undefined {
  const { backend, fixture } = options;
  const has: Record<ConformanceNeed, boolean> = {
    customerBackend: typeof fixture.customerBackend === 'function',
    getCustomer: typeof backend.getCustomer === 'function',
    download: typeof backend.download === 'function',
    'faults.serverErrorNext': typeof fixture.faults?.serverErrorNext === 'function',
    'faults.malformedNext': typeof fixture.faults?.malformedNext === 'function',
    'faults.hangNext': typeof fixture.faults?.hangNext === 'function',
    'faults.attempts': typeof fixture.faults?.attempts === 'function',
    requestTimeoutMs: typeof options.requestTimeoutMs === 'number',
  };
  const missing = (check.needs ?? []).filter((need) => !has[need]);
  return missing.length ? `Skipped: ${missing.map((n) => MISSING[n]).join('; ')}.` : undefined;
}

const now = (): number => (typeof performance === 'undefined' ? Date.now() : performance.now());

/** Runs one check: reset, then the check within the time limit. Never rejects. */
export async function runCheck(
  check: ConformanceCheck,
  options: ConformanceOptions,
  scope: string = newScope(),
): Promise<CheckResult> {
  const base = { id: check.id, rule: check.rule };
  const reason = skipReason(check, options);
  if (reason) return { ...base, outcome: 'skipped', message: reason, durationMs: 0 };
  const started = now();
  const limit = options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new ConformanceFailure(`The check did not end within ${limit} ms.`));
    }, limit);
  });
  let last: string | undefined;
  const notes: string[] = [];
  try {
    await Promise.race([
      (async () => {
        try {
          await options.fixture.reset();
        } catch (error) {
          throw new ConformanceFailure('fixture.reset() failed.', {
            request: 'fixture.reset()',
            answer: short(error),
          });
        }
        const ctx = checkContext(
          options,
          scope,
          controller.signal,
          (request) => (last = request),
          (note) => notes.push(note),
        );
        await check.run(ctx);
      })(),
      timedOut,
    ]);
    return {
      ...base,
      outcome: 'passed',
      ...(notes.length ? { message: notes.join(' ') } : {}),
      durationMs: Math.round(now() - started),
    };
  } catch (error) {
    const failure =
      error instanceof ConformanceFailure
        ? error
        : new ConformanceFailure(`The check threw: ${short(error)}`);
    return {
      ...base,
      outcome: 'failed',
      message: failure.message,
      request: failure.request ?? last,
      ...(failure.answer === undefined ? {} : { answer: failure.answer }),
      durationMs: Math.round(now() - started),
    };
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

/**
 * Runs the conformance checks (all, or those `options.only` selects) against
 * `options.backend`, one after another, and resolves with the report. Never rejects for a
 * broken rule: each is a failed result.
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const results: CheckResult[] = [];
  const scope = newScope();
  try {
    for (const check of selectChecks(options.only)) {
      const result = await runCheck(check, options, scope);
      results.push(result);
      options.onResult?.(result);
    }
  } finally {
    await options.fixture.reset();
  }
  const count = (outcome: CheckResult['outcome']): number =>
    results.filter((r) => r.outcome === outcome).length;
  return { results, passed: count('passed'), failed: count('failed'), skipped: count('skipped') };
}

/** One result as the few lines a report or a test runner shows. */
export function formatResult(result: CheckResult): string {
  const head = `${result.outcome.toUpperCase()} ${result.id}: ${result.rule}`;
  const lines = [head];
  if (result.message) lines.push(`  ${result.message}`);
  if (result.request) lines.push(`  request: ${result.request}`);
  if (result.answer) lines.push(`  answer:  ${result.answer}`);
  return lines.join('\n');
}
