/**
 * RestBackend and redirects, over real HTTP (the test server's /__redirect/ middleware,
 * test/adapters/redirect-server.mjs; no service worker answers here): a read follows a redirect
 * within the API's origin only; a write follows none, so its body, `If-Match` and
 * `Idempotency-Key` never reach another server (docs/ADAPTERS.md, "Redirects").
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { InvoiceViewer } from '../../src/components/invoice-viewer/invoice-viewer.js';
import { RestBackend } from '../../src/adapters/rest/rest-backend.js';
import type { Invoice } from '../../src/core/types.js';
import { invoice } from '../support/fixtures.js';
import { rejection } from './backend-contract.js';
import { buttonNamed, text, until } from '../support/dom.js';

let serial = 0;

/** A fresh invoice stored on the test server, under an id no other test (or engine) uses. */
async function stored(overrides: Partial<Invoice> = {}): Promise<Invoice> {
  const id = `redirect-${Date.now()}-${++serial}-${Math.random().toString(36).slice(2)}`;
  const value = invoice({ id, ...overrides });
  const response = await fetch(`/__redirect/fixture/${id}`, {
    method: 'PUT',
    body: JSON.stringify(value),
  });
  expect(response.status).to.equal(204);
  return value;
}

/** Writes that reached the redirect's target. */
async function hits(id: string): Promise<number> {
  return ((await (await fetch(`/__redirect/hits/${id}`)).json()) as { hits: number }).hits;
}

function rest(path: string): RestBackend {
  return new RestBackend({ baseUrl: `/__redirect/${path}/`, retries: 2, retryBaseMs: 5 });
}

const statusWrite = (value: Invoice) => ({
  invoiceId: value.id,
  to: 'CLOSED' as const,
  notify: false,
  expectedVersion: value.version,
  idempotencyKey: `key-${value.id}`,
});

describe('RestBackend redirects (real HTTP)', () => {
  it('the target of a redirect is another origin of the same server', async () => {
    // The premise of the cross-origin cases: the redirect's target answers a page elsewhere.
    const value = await stored();
    const other = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const response = await fetch(
      `http://${other}:${location.port}/__redirect/final/invoices/${value.id}`,
    );
    expect(((await response.json()) as Invoice).id).to.equal(value.id);
  });

  describe('reads', () => {
    for (const status of [301, 302, 307, 308]) {
      it(`a ${status} to another origin is refused as a configuration error`, async () => {
        const value = await stored({ documentId: 'DOC-ELSEWHERE' });
        const error = await rejection(rest(`cross/${status}`).getInvoice(value.id));
        expect(error.kind).to.equal('config');
        expect(error.retryable).to.equal(false);
      });
    }

    it("the viewer shows the configuration error, never the other origin's invoice", async () => {
      const value = await stored({ documentId: 'DOC-ELSEWHERE' });
      const el = await fixture<InvoiceViewer>(
        html`<invoice-viewer
          lang="en"
          .backend=${rest('cross/307')}
          invoice-id=${value.id}
        ></invoice-viewer>`,
      );
      await until(
        () => text(el.shadowRoot).includes('The service is misconfigured.'),
        text(el.shadowRoot),
      );
      expect(text(el.shadowRoot)).not.to.contain('DOC-ELSEWHERE');
      expect(buttonNamed(el, 'Retry')).not.to.equal(null);
    });

    it('a redirect within the API origin is followed', async () => {
      const value = await stored();
      const read = await rest('same/302').getInvoice(value.id);
      expect(read.id).to.equal(value.id);
      expect(read.documentId).to.equal(value.documentId);
    });
  });

  describe('writes', () => {
    for (const status of [302, 303, 307, 308]) {
      it(`a status write answered ${status} to another origin is refused and not re-sent`, async () => {
        const value = await stored();
        const error = await rejection(rest(`cross/${status}`).updateStatus(statusWrite(value)));
        expect(error.kind).to.equal('config');
        expect(await hits(value.id)).to.equal(0);
      });
    }

    it('a status write is not re-sent even within the API origin', async () => {
      const value = await stored();
      const error = await rejection(rest('same/307').updateStatus(statusWrite(value)));
      expect(error.kind).to.equal('config');
      expect(await hits(value.id)).to.equal(0);
    });

    it('a discard answered 307 to another origin is refused and not re-sent', async () => {
      const value = await stored();
      const error = await rejection(
        rest('cross/307').discardInvoice({
          invoiceId: value.id,
          expectedVersion: value.version,
          idempotencyKey: `key-${value.id}`,
        }),
      );
      expect(error.kind).to.equal('config');
      expect(await hits(value.id)).to.equal(0);
    });
  });
});
