/**
 * `RestBackend` with `batchStatus: true` over the msw handlers of the REST contract: the optional
 * `POST /invoices/status` (issue 25, docs/ADAPTERS.md "Batch status change").
 */
import { expect } from '@open-wc/testing';
import { BulkStatusRun, type BulkResult } from '../../src/core/bulk-status.js';
import { withValidation } from '../../src/core/validate.js';
import { invoiceWith } from '../support/fixtures.js';
import { startMsw, type MswHarness } from '../support/msw.js';

let msw: MswHarness;

describe('RestBackend: the batch of status changes', () => {
  before(async () => {
    msw = await startMsw();
  });
  after(() => msw.stop());

  it('is offered only with batchStatus', () => {
    expect(msw.rest().updateStatuses).to.equal(undefined);
    expect(msw.rest({ batchStatus: true }).updateStatuses).to.be.a('function');
  });

  it('sends the updates in one request; each invoice answered on its own', async () => {
    const memory = msw.fresh([
      invoiceWith('a', 'DRAFT'),
      invoiceWith('b', 'DRAFT'),
      invoiceWith('c', 'VOID'),
    ]);
    const paths: string[] = [];
    const listener = ({ request }: { request: Request }) =>
      paths.push(`${request.method} ${new URL(request.url).pathname}`);
    msw.worker.events.on('request:start', listener);
    const backend = withValidation(msw.rest({ batchStatus: true }));
    const results = new Map<string, BulkResult>();
    const items = ['a', 'b', 'c'].map((id) => ({
      id,
      documentId: `DOC-${id}`,
      status: memory.inspect(id)!.status,
      version: id === 'b' ? 'v0' : 'v1', // b: a stale version
    }));
    await new BulkStatusRun(() => backend).run(items, 'OPEN', true, {
      onResult: (r) => results.set(r.item.id, r),
    });
    msw.worker.events.removeListener('request:start', listener);
    expect(paths.filter((p) => p.startsWith('POST'))).to.deep.equal(['POST /api/invoices/status']);
    expect(memory.calls.updateStatuses).to.equal(1);
    expect(results.get('a')!.outcome).to.equal('changed');
    expect(results.get('a')!.invoice!.status).to.equal('OPEN');
    expect(results.get('b')!.outcome).to.equal('conflict');
    expect(results.get('c')!.outcome).to.equal('invalid-transition');
    expect(memory.inspect('a')!.status).to.equal('OPEN');
    expect(memory.inspect('b')!.status).to.equal('DRAFT');
  });

  it('a server error of the whole batch fails every invoice of it; Retry changes them', async () => {
    const memory = msw.fresh([invoiceWith('a', 'DRAFT'), invoiceWith('b', 'DRAFT')]);
    msw.faults.serverErrorNext('updateStatuses', 4, 500);
    const backend = withValidation(msw.rest({ batchStatus: true, retries: 0 }));
    const failed: BulkResult[] = [];
    const run = new BulkStatusRun(() => backend);
    const items = ['a', 'b'].map((id) => ({ id, documentId: id, status: 'DRAFT', version: 'v1' }));
    await run.run(items, 'OPEN', false, { onResult: (r) => failed.push(r) });
    expect(failed.map((r) => [r.outcome, r.error?.kind])).to.deep.equal([
      ['failed', 'server'],
      ['failed', 'server'],
    ]);
    msw.faults.reset();
    await run.retry(items);
    expect(memory.inspect('a')!.status).to.equal('OPEN');
    expect(memory.inspect('b')!.status).to.equal('OPEN');
  });
});
