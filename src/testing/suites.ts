/**
 * The kit as tests in a host's own runner: one test per check, under one `describe`.
 *
 * - mocha, @web/test-runner, vitest's globals: `defineConformanceSuite({ describe, it }, …)`;
 *   a skipped check calls `this.skip()`.
 * - node's test runner: `import { describe, it } from 'node:test'`, same call; a skipped check
 *   calls `t.skip(reason)`.
 *
 * No test framework is imported here: the host passes its own `describe` and `it`.
 */
import {
  selectChecks,
  formatResult,
  isSelected,
  runCheck,
  DEFAULT_CHECK_TIMEOUT_MS,
} from './run.js';
import { newScope } from './check.js';
import type { ConformanceOptions } from './types.js';

/** A test function as runners call it: mocha with `this`, node:test with the context `t`. */
type TestFn = (this: unknown, ...args: unknown[]) => Promise<void>;

/** The part of a test runner's API the suite uses. */
export interface TestRunnerApi {
  describe(name: string, body: () => void): unknown;
  it(name: string, fn: TestFn): unknown;
  /** When given, the fixture is reset once more after the last check. */
  after?(fn: () => Promise<void>): unknown;
}

/** Options, or a function that makes them when the first check runs (after the host's hooks). */
export type ConformanceOptionsSource =
  ConformanceOptions | (() => ConformanceOptions | Promise<ConformanceOptions>);

/** What a suite is called and which checks it defines (ids known when tests are defined). */
export interface ConformanceSuiteSettings {
  /** The `describe` title (default "invoice-elements conformance"). */
  name?: string;
  /** Define only checks whose id starts with one of these (see also `options.only`). */
  only?: string[];
}

interface SkipCapable {
  skip(reason?: string): void;
}

const canSkip = (value: unknown): value is SkipCapable =>
  typeof value === 'object' && value !== null && typeof (value as SkipCapable).skip === 'function';

/**
 * Registers one test per conformance check. A failed check fails its test with the rule, the
 * call made and what came back; a check whose needs are missing is skipped with the reason.
 *
 * ```js
 * // mocha / @web/test-runner
 * defineConformanceSuite({ describe, it }, () => ({ backend, fixture }));
 * // node --test
 * import { describe, it } from 'node:test';
 * defineConformanceSuite({ describe, it }, () => ({ backend, fixture }));
 * ```
 */
export function defineConformanceSuite(
  api: TestRunnerApi,
  options: ConformanceOptionsSource,
  settings: ConformanceSuiteSettings = {},
): void {
  let made: Promise<ConformanceOptions> | undefined;
  const resolve = (): Promise<ConformanceOptions> =>
    (made ??= Promise.resolve(typeof options === 'function' ? options() : options));
  const scope = newScope();
  const checks = selectChecks(
    settings.only ?? (typeof options === 'function' ? undefined : options.only),
  );
  api.describe(settings.name ?? 'invoice-elements conformance', () => {
    for (const check of checks) {
      api.it(`${check.id}: ${check.rule}`, async function (this: unknown, ...args: unknown[]) {
        const opts = await resolve();
        if (!isSelected(check.id, opts.only)) return;
        // mocha: let the check's own time limit decide, not the runner's default.
        const mocha = this as { timeout?: (ms: number) => void } | undefined;
        if (typeof mocha?.timeout === 'function') {
          mocha.timeout((opts.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS) + 5_000);
        }
        const result = await runCheck(check, opts, scope);
        if (result.outcome === 'failed') throw new Error(formatResult(result));
        if (result.outcome === 'skipped') {
          const [t] = args;
          if (canSkip(t))
            t.skip(result.message); // node:test: marks it, returns
          else if (canSkip(this)) {
            // mocha's skip takes no reason: the title carries it to the report.
            const test = (this as { test?: { title?: unknown } }).test;
            if (test && typeof test.title === 'string') test.title += ` (${result.message})`;
            this.skip(); // throws mocha's pending signal
          }
        }
      });
    }
    api.after?.(async () => {
      if (made) await (await made).fixture.reset();
    });
  });
}
