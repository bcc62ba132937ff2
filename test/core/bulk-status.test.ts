import { expect } from '@open-wc/testing';
import { MemoryBackend } from '../../src/adapters/memory/index.js';
import type { InvoiceBackend } from '../../src/core/backend.js';
import {
  BulkStatusRun,
  ineligibility,
  type BulkItem,
  type BulkResult,
} from '../../src/core/bulk-status.js';
import { BackendError } from '../../src/core/errors.js';
import type { Invoice, InvoiceStatus, StatusUpdate } from '../../src/core/types.js';
import { parseStatusResults } from '../../src/core/batch-results.js';
import { withValidation } from '../../src/core/validate.js';
import { invoiceWith } from '../support/fixtures.js';
import { deferred, waitUntil, type Deferred } from '../support/wait.js';

const item = (id: string, status: string, version = 'v1'): BulkItem => ({
  id,
  documentId: `DOC-${id}`,
  status,
  version,
});

function store(n: number, status: InvoiceStatus = 'DRAFT'): MemoryBackend {
  return new MemoryBackend({
    invoices: Array.from({ length: n }, (_, i) => invoiceWith(`i${i}`, status)),
  });
}

const items = (memory: MemoryBackend): BulkItem[] =>
  memory.invoiceIds().map((id) => {
    const { documentId, status, version } = memory.inspect(id)!;
    return { id, documentId, status, version };
  });

/** The adapter without its batch operation, each update recorded. */
function single(memory: MemoryBackend) {
  const updates: StatusUpdate[] = [];
  const backend: InvoiceBackend = {
    searchCustomers: (s, o) => memory.searchCustomers(s, o),
    listInvoices: (q, o) => memory.listInvoices(q, o),
    getInvoice: (id, o) => memory.getInvoice(id, o),
    updateStatus: (u, o) => {
      updates.push(u);
      return memory.updateStatus(u, o);
    },
    discardInvoice: (r, o) => memory.discardInvoice(r, o),
  };
  return { backend: withValidation(backend), updates };
}

describe('core/bulk-status', () => {
  describe('ineligibility: the rules of one invoice', () => {
    it('by the default table', () => {
      expect(ineligibility(item('a', 'DRAFT'), 'OPEN')).to.equal(null);
      expect(ineligibility(item('a', 'OPEN'), 'VOID')).to.equal(null);
      expect(ineligibility(item('a', 'OPEN'), 'CLOSED')).to.equal(null);
      expect(ineligibility(item('a', 'OPEN'), 'OPEN')).to.equal('same-status');
      expect(ineligibility(item('a', 'DRAFT'), 'CLOSED')).to.equal('not-allowed');
      expect(ineligibility(item('a', 'VOID'), 'OPEN')).to.equal('not-allowed');
      expect(ineligibility(item('a', 'CLOSED'), 'VOID')).to.equal('not-allowed');
      expect(ineligibility(item('a', 'OPEN'), 'DRAFT')).to.equal('not-allowed');
      expect(ineligibility(item('a', 'PAID'), 'OPEN')).to.equal('unknown-status');
    });

    it("the backend's own targets win; the customer may change nothing", () => {
      const narrowed = { ...item('a', 'OPEN'), allowedTargets: ['CLOSED'] };
      expect(ineligibility(narrowed, 'VOID')).to.equal('not-allowed');
      expect(ineligibility(narrowed, 'CLOSED')).to.equal(null);
      expect(ineligibility(item('a', 'DRAFT'), 'OPEN', 'customer')).to.equal('not-allowed');
    });
  });

  describe('BulkStatusRun', () => {
    it('without a batch operation: one write per invoice, its version, its own key', async () => {
      const memory = store(6);
      const { backend, updates } = single(memory);
      const results: BulkResult[] = [];
      const run = new BulkStatusRun(() => backend);
      const left = await run.run(items(memory), 'OPEN', false, {
        onResult: (r) => results.push(r),
      });
      expect(left).to.deep.equal([]);
      expect(updates).to.have.length(6);
      const sent = updates.map((u) => [u.expectedVersion, u.to, u.notify].join());
      expect(sent).to.deep.equal(Array(6).fill('v1,OPEN,false'));
      expect(new Set(updates.map((u) => u.idempotencyKey)).size).to.equal(6);
      expect(results.map((r) => r.outcome)).to.deep.equal(Array(6).fill('changed'));
      expect(memory.invoiceIds().map((id) => memory.inspect(id)!.status)).to.deep.equal(
        Array(6).fill('OPEN'),
      );
    });

    it('sends at most `concurrency` writes at a time', async () => {
      const memory = store(9);
      const gates: Deferred<void>[] = [];
      let inFlight = 0;
      let most = 0;
      const backend = withValidation({
        ...single(memory).backend,
        updateStatus: async (u, o) => {
          most = Math.max(most, ++inFlight);
          const gate = deferred();
          gates.push(gate);
          await gate.promise;
          inFlight--;
          return memory.updateStatus(u, o);
        },
      });
      const done = new BulkStatusRun(() => backend).run(items(memory), 'OPEN', true, {
        concurrency: 3,
      });
      for (let released = 0; released < 9; released++) {
        await waitUntil(() => gates.length > released, `write ${released + 1}`);
        gates[released]!.resolve();
      }
      await done;
      expect(most).to.equal(3);
    });

    it("through the adapter's batch: chunks of `batchSize`, each item judged on its own", async () => {
      const memory = store(7);
      memory.addInvoice({ ...memory.inspect('i3')!, version: 'v5' }); // a stale version
      memory.allowedTargetsFor('i5', ['VOID']); // narrowed: DRAFT → OPEN refused
      const backend = withValidation(memory);
      const results = new Map<string, BulkResult>();
      const listed = items(memory).map((i) => (i.id === 'i3' ? { ...i, version: 'v1' } : i));
      await new BulkStatusRun(() => backend).run(listed, 'OPEN', true, {
        batchSize: 3,
        onResult: (r) => results.set(r.item.id, r),
      });
      expect(memory.calls.updateStatuses).to.equal(3);
      expect(memory.calls.updateStatus).to.equal(7);
      expect(results.get('i3')!.outcome).to.equal('conflict');
      expect(results.get('i5')!.outcome).to.equal('invalid-transition');
      expect(results.get('i5')!.error!.allowedTargets).to.deep.equal(['VOID']);
      const changed = [...results.values()].filter((r) => r.outcome === 'changed');
      expect(changed.map((r) => r.item.id).sort()).to.deep.equal(['i0', 'i1', 'i2', 'i4', 'i6']);
    });

    it('a batch call that fails with an unknown outcome: each invoice re-read before a word', async () => {
      const memory = store(2);
      memory.failNext(
        'updateStatuses',
        new BackendError('timeout', 'late', { outcomeUnknown: true }),
      );
      const backend = withValidation(memory);
      const results: BulkResult[] = [];
      await new BulkStatusRun(() => backend).run(items(memory), 'OPEN', true, {
        onResult: (r) => results.push(r),
      });
      // Nothing was applied and the write may still be: never "not changed", Retry is safe.
      expect(memory.calls.getInvoice).to.equal(2);
      expect(results.map((r) => r.outcome)).to.deep.equal(['unconfirmed', 'unconfirmed']);
    });

    it('Retry sends only what failed, with the same keys; cancel leaves the rest', async () => {
      const memory = store(5);
      const { backend, updates } = single(memory);
      memory.failNext('updateStatus', new BackendError('server', 'boom'));
      const run = new BulkStatusRun(() => backend);
      const failed: BulkItem[] = [];
      await run.run(items(memory), 'OPEN', true, {
        concurrency: 1,
        onResult: (r) => {
          if (r.outcome === 'failed') failed.push(r.item);
          // Cancel after the second: the last three never start.
          if (updates.length === 2) run.cancel();
        },
      });
      expect(updates).to.have.length(2);
      expect(failed.map((i) => i.id)).to.deep.equal(['i0']);
      await run.retry(failed);
      expect(updates).to.have.length(3);
      expect(updates[2]!.idempotencyKey).to.equal(updates[0]!.idempotencyKey);
      expect(memory.inspect('i0')!.status).to.equal('OPEN');
      expect(memory.inspect('i4')!.status).to.equal('DRAFT');
    });
  });

  describe('parseStatusResults', () => {
    const update = (invoiceId: string): StatusUpdate => ({
      invoiceId,
      to: 'OPEN',
      notify: true,
      expectedVersion: 'v1',
      idempotencyKey: `k-${invoiceId}`,
    });
    const good: Invoice = invoiceWith('a', 'OPEN');

    it('validates each invoice and each error; a missing answer is an unknown outcome', () => {
      const results = parseStatusResults(
        [
          { invoiceId: 'a', invoice: good },
          { invoiceId: 'b', error: { kind: 'conflict', currentVersion: 'v3' } },
          { invoiceId: 'c', error: { kind: 'teapot' } },
          { invoiceId: 'x', invoice: good },
        ],
        ['a', 'b', 'c', 'd', 'e'].map(update),
      );
      expect(results[0]!.invoice!.id).to.equal('a');
      expect(results[1]!.error).to.include({ kind: 'conflict', currentVersion: 'v3' });
      expect(results[2]!.error).to.include({ kind: 'server' });
      for (const r of results.slice(3)) {
        expect(r.error).to.include({ kind: 'validation', outcomeUnknown: true });
      }
    });

    it('an invoice answered for another id, or not an invoice, is unreadable', () => {
      const results = parseStatusResults(
        [
          { invoiceId: 'b', invoice: good },
          { invoiceId: 'c', invoice: { id: 'c' } },
        ],
        ['b', 'c'].map(update),
      );
      expect(results.map((r) => r.error?.outcomeUnknown)).to.deep.equal([true, true]);
    });
  });
});
