/**
 * The conformance kit (issue 23) proves itself: it passes against MemoryBackend and against
 * RestBackend over the msw handlers (both through `defineConformanceSuite` with mocha's globals,
 * as a host's @web/test-runner would), and fails, on the rule broken, against each deliberately
 * broken adapter (broken-adapters.ts), through `runConformance`.
 */
import { expect } from '@open-wc/testing';
import { MemoryBackend } from '../../src/adapters/memory/index.js';
import {
  CONFORMANCE_CHECKS,
  customerView,
  defineConformanceSuite,
  formatResult,
  memoryConformanceFixture,
  runConformance,
  skipReason,
} from '../../src/testing/index.js';
import type { ConformanceOptions, ConformanceReport } from '../../src/testing/index.js';
import { startMsw } from '../support/msw.js';
import type { MswHarness } from '../support/msw.js';
import { BROKEN_ADAPTERS, WithoutTotals } from './broken-adapters.js';

const failedIds = (report: ConformanceReport): string[] =>
  report.results.filter((r) => r.outcome === 'failed').map((r) => r.id);
const explain = (report: ConformanceReport): string =>
  report.results
    .filter((r) => r.outcome === 'failed')
    .map(formatResult)
    .join('\n');

describe('conformance kit', () => {
  describe('MemoryBackend, through defineConformanceSuite (mocha)', () => {
    const memory = new MemoryBackend({ invoices: [] });
    defineConformanceSuite({ describe, it, after }, () => ({
      backend: memory,
      fixture: memoryConformanceFixture(memory),
    }));
  });

  it('MemoryBackend: every check passes; only the transport ones are skipped, each with its reason', async function () {
    this.timeout(120_000);
    const memory = new MemoryBackend({ invoices: [] });
    const report = await runConformance({
      backend: memory,
      fixture: memoryConformanceFixture(memory),
    });
    expect(report.failed, explain(report)).to.equal(0);
    expect(report.results).to.have.length(CONFORMANCE_CHECKS.length);
    const skipped = report.results.filter((r) => r.outcome === 'skipped');
    expect(skipped.map((r) => r.id)).to.have.members([
      'faults.malformed-answer',
      'faults.no-answer-timeout',
    ]);
    expect(skipped[0]!.message).to.match(/^Skipped: .*malformedNext/);
    expect(report.passed + report.skipped).to.equal(CONFORMANCE_CHECKS.length);
  });

  it('an adapter without Page.totals passes the totals checks, each saying so', async function () {
    this.timeout(120_000);
    const memory = new MemoryBackend({ invoices: [] });
    const report = await runConformance({
      backend: new WithoutTotals(memory),
      fixture: memoryConformanceFixture(memory),
      only: ['totals.'],
    });
    expect(report.results.map((r) => r.id)).to.deep.equal([
      'totals.all-pages',
      'totals.filters-and-audience',
      'totals.reporting',
    ]);
    for (const result of report.results) {
      expect(result.outcome, formatResult(result)).to.equal('passed');
      expect(result.message, result.id).to.contain('sends no Page.totals');
    }
  });

  it('a fixture without faults or customer backend skips what needs them and says why', async function () {
    this.timeout(120_000);
    const memory = new MemoryBackend({ invoices: [] });
    const { reset, createInvoice } = memoryConformanceFixture(memory);
    const report = await runConformance({ backend: memory, fixture: { reset, createInvoice } });
    expect(report.failed, explain(report)).to.equal(0);
    const reasons = Object.fromEntries(
      report.results.filter((r) => r.outcome === 'skipped').map((r) => [r.id, r.message]),
    );
    expect(reasons['audience.draft-download-refused']).to.contain('customerBackend');
    expect(reasons['aborts.while-waiting']).to.contain('faults.hangNext');
    expect(reasons['faults.server-error-write']).to.contain('faults.serverErrorNext');
    // The audience checks ran, with `audience: 'customer'`.
    expect(report.results.find((r) => r.id === 'audience.list-has-no-draft')!.outcome).to.equal(
      'passed',
    );
  });

  describe('RestBackend over the msw handlers', () => {
    let msw: MswHarness;

    before(async () => {
      msw = await startMsw();
    });

    after(() => msw.stop());

    const requestTimeoutMs = 2000;
    const options = (): ConformanceOptions => {
      const { faults } = msw;
      const backend = msw.rest({ timeoutMs: requestTimeoutMs, retries: 3, retryBaseMs: 5 });
      const memoryFixture = memoryConformanceFixture(msw.memory, { faults: false });
      return {
        backend,
        requestTimeoutMs,
        timeoutMs: 20_000,
        fixture: {
          async reset() {
            faults.reset();
            await memoryFixture.reset();
          },
          createInvoice: memoryFixture.createInvoice,
          customerBackend: (customerId) => customerView(backend, customerId),
          faults,
        },
      };
    };

    it('has everything every check needs: none is skipped', () => {
      const opts = options();
      expect(CONFORMANCE_CHECKS.filter((c) => skipReason(c, opts))).to.deep.equal([]);
    });

    // One test per check; each resets the store and the faults first.
    defineConformanceSuite({ describe, it }, options, { name: 'every check' });
  });

  describe('fails on the rule a broken adapter breaks', () => {
    for (const broken of BROKEN_ADAPTERS) {
      it(broken.name, async function () {
        // A whole run per adapter: more than the default test time on a busy machine.
        this.timeout(120_000);
        const memory = new MemoryBackend({ invoices: [] });
        const { backend, fixture } = broken.make(memory);
        const report = await runConformance({ backend, fixture, timeoutMs: 3000 });
        const failed = failedIds(report);
        expect(failed, explain(report)).to.include.members(broken.mustFail);
        const stray = failed.filter((id) => !broken.mayFail.some((p) => id.startsWith(p)));
        expect(stray, explain(report)).to.deep.equal([]);
        for (const result of report.results.filter((r) => r.outcome === 'failed')) {
          expect(result.rule, result.id).to.be.a('string').and.not.equal('');
          expect(result.message, result.id).to.be.a('string').and.not.equal('');
          expect(result.request, result.id).to.be.a('string').and.not.equal('');
        }
      });
    }
  });
});
