/**
 * The demo's two tabs (demo/sync.ts), at the level one page can test: two MemoryBackends, each
 * with its sync, on one BroadcastChannel name. Not tested: two real tabs, localStorage between
 * them, and the demo's msw worker in between.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import '../../src/define.js';
import { MemoryBackend } from '../../src/adapters/memory/index.js';
import { BackendError } from '../../src/core/errors.js';
import type { InvoiceChange } from '../../src/core/types.js';
import type { InvoiceViewer } from '../../src/components/invoice-viewer/invoice-viewer.js';
import { syncTabs } from '../../demo/sync.js';
import { invoice } from '../support/fixtures.js';

describe('demo tabs in step (demo/sync.ts)', () => {
  it("a write in one tab reaches the other's store, its elements, and makes its stale write a conflict", async () => {
    const start = new MemoryBackend({
      invoices: [invoice({ id: 'a1', documentId: 'DOC-A1', status: 'DRAFT' })],
    }).snapshot();
    const tabA = MemoryBackend.restore(start);
    const tabB = MemoryBackend.restore(start);
    const name = `test-sync-${Math.random()}`;
    const syncA = syncTabs(tabA, name);
    const syncB = syncTabs(tabB, name);
    const seenInB: InvoiceChange[] = [];
    tabB.subscribe((c) => seenInB.push(c));
    const viewerB = await fixture<InvoiceViewer>(
      html`<invoice-viewer lang="en" .backend=${tabB} invoice-id="a1"></invoice-viewer>`,
    );
    await waitUntil(() => viewerB.invoice?.version === 'v1', 'tab B shows v1');
    try {
      const updated = await tabA.updateStatus({
        invoiceId: 'a1',
        to: 'OPEN',
        notify: false,
        expectedVersion: 'v1',
        idempotencyKey: 'a-1',
      });
      syncA.publish({
        invoiceId: 'a1',
        kind: 'updated',
        invoice: updated,
        version: updated.version,
      });
      await waitUntil(() => tabB.inspect('a1')?.status === 'OPEN', "tab B's store follows");
      await waitUntil(() => seenInB.length === 1, "tab B's subscribers are told");
      await waitUntil(() => viewerB.invoice?.status === 'OPEN', "tab B's viewer follows");
      // A write in B from the copy it had before: a conflict, nothing overwritten.
      const stale = await tabB
        .updateStatus({
          invoiceId: 'a1',
          to: 'VOID',
          notify: false,
          expectedVersion: 'v1',
          idempotencyKey: 'b-1',
        })
        .catch((e: unknown) => e);
      expect(stale).to.be.instanceOf(BackendError);
      expect((stale as BackendError).kind).to.equal('conflict');
      expect(tabB.inspect('a1')?.status).to.equal('OPEN');
    } finally {
      syncA.close();
      syncB.close();
    }
  });
});
