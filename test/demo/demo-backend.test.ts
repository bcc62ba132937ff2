/**
 * The demo's choice of backend in every engine (the launcher and the page over the reference
 * server are driven by server/test/demo-start.test.mjs): the page's mark, the session's check,
 * and the tabs telling each other which invoice changed when a server holds the data.
 */
import { expect } from '@open-wc/testing';
import { sessionUrl } from '../../demo/backend.js';
import { readSession } from '../../demo/server-backend.js';
import { announceTabs } from '../../demo/sync.js';
import type { InvoiceChange } from '../../src/core/types.js';
import { waitUntil } from '../support/wait.js';

const json = (value: unknown) =>
  new URL(`data:application/json,${encodeURIComponent(JSON.stringify(value))}`);

describe('demo: which backend', () => {
  afterEach(() => document.querySelector('meta[name="invoice-demo-session"]')?.remove());

  it('msw without the launcher’s mark, the server’s session with it', () => {
    expect(sessionUrl(document)).to.equal(null);
    const meta = document.createElement('meta');
    meta.name = 'invoice-demo-session';
    meta.content = './demo-session.json';
    document.head.append(meta);
    expect(sessionUrl(document)).to.equal('./demo-session.json');
  });

  it('takes a well-formed session and refuses anything else', async () => {
    const session = {
      apiBaseUrl: './api/',
      customerId: 'cus-1',
      tokens: { operator: 'op.sig', customer: 'cu.sig' },
      expiresAt: Date.now() + 60_000,
    };
    expect(await readSession(json(session))).to.deep.equal(session);
    for (const bad of [null, {}, { ...session, tokens: { operator: 'op.sig' } }, 'html']) {
      let error: unknown;
      await readSession(json(bad)).catch((e: unknown) => (error = e));
      expect(error, JSON.stringify(bad)).to.be.instanceOf(Error);
    }
  });
});

describe('demo: tabs over a server', () => {
  it('tells the other tabs which invoice changed, and only well-formed changes', async () => {
    const name = `demo-test-${Math.random()}`;
    const writer = announceTabs(name);
    const reader = announceTabs(name);
    const heard: InvoiceChange[] = [];
    const stop = reader.subscribe((change) => heard.push(change));
    try {
      const raw = new BroadcastChannel(name);
      raw.postMessage({ change: { invoiceId: 42, kind: 'updated' } });
      raw.postMessage({ change: { invoiceId: 'inv-9', kind: 'deleted' } });
      raw.close();
      writer.publish({ invoiceId: 'inv-1', kind: 'updated', version: 'v2' });
      writer.publish({ invoiceId: 'inv-2', kind: 'discarded' });
      await waitUntil(() => heard.length === 2, 'the changes did not arrive');
      expect(heard).to.deep.equal([
        { invoiceId: 'inv-1', kind: 'updated', version: 'v2' },
        { invoiceId: 'inv-2', kind: 'discarded' },
      ]);
      stop();
      writer.publish({ invoiceId: 'inv-3', kind: 'updated' });
      // A message on the channel after the stop: it reaches a second listener, not the first.
      const later: InvoiceChange[] = [];
      reader.subscribe((change) => later.push(change));
      writer.publish({ invoiceId: 'inv-4', kind: 'updated' });
      await waitUntil(() => later.some((c) => c.invoiceId === 'inv-4'), 'no later change');
      expect(heard).to.have.length(2);
    } finally {
      writer.close();
      reader.close();
    }
  });
});
