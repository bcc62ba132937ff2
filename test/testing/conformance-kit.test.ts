/**
 * The conformance kit (issue 23) proves itself: it passes against MemoryBackend and against
 * RestBackend over the msw handlers, and fails, on the rule broken, against each deliberately
 * broken adapter (broken-adapters.ts). The MemoryBackend run goes through
 * `defineConformanceSuite` with mocha's globals, as a host's @web/test-runner would.
 */
import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import type { SetupWorker } from 'msw/browser';
import { MemoryBackend } from '../../src/adapters/memory/index.js';
import { createFaultControls, createInvoiceHandlers } from '../../src/adapters/msw/index.js';
import { RestBackend } from '../../src/adapters/rest/rest-backend.js';
import {
  CONFORMANCE_CHECKS,
  customerView,
  defineConformanceSuite,
  formatResult,
  memoryConformanceFixture,
  runConformance,
} from '../../src/testing/index.js';
import type { ConformanceReport } from '../../src/testing/index.js';
import { BROKEN_ADAPTERS } from './broken-adapters.js';

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

  it('MemoryBackend: every check passes; only the transport ones are skipped, each with its reason', async () => {
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

  it('a fixture without faults or customer backend skips what needs them and says why', async () => {
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
    const BASE = '/api';
    const faults = createFaultControls();
    const memory = new MemoryBackend({ invoices: [] });
    let worker: SetupWorker;

    before(async () => {
      worker = setupWorker(...createInvoiceHandlers(memory, { baseUrl: BASE, faults }));
      await worker.start({
        serviceWorker: { url: '/mockServiceWorker.js' },
        onUnhandledRequest: 'error',
        quiet: true,
      });
    });

    after(() => {
      faults.reset();
      worker.stop();
    });

    it('every check passes, the transport faults included', async () => {
      const requestTimeoutMs = 2000;
      const backend = new RestBackend({
        baseUrl: BASE,
        timeoutMs: requestTimeoutMs,
        retries: 3,
        retryBaseMs: 5,
      });
      const memoryFixture = memoryConformanceFixture(memory, { faults: false });
      const report = await runConformance({
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
      });
      expect(report.failed, explain(report)).to.equal(0);
      expect(report.skipped).to.equal(0);
    });
  });

  describe('fails on the rule a broken adapter breaks', () => {
    for (const broken of BROKEN_ADAPTERS) {
      it(broken.name, async () => {
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
