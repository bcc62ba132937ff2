/**
 * What the elements say after a write whose outcome is unknown (issue 21), over `RestBackend` +
 * msw (real fetch, real service worker): an answer that contradicts the request is never a
 * success; after a timeout, "not changed" is never said before the server confirms it (Check
 * again, or Retry: the same key, which the server replays); a token callback that never
 * settles, or a token no header can carry, ends in a visible state with a way out
 * (docs/RULES.md, "Writes" and "Errors").
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { Invoice } from '../../src/core/types.js';
import type { InvoiceViewer } from '../../src/components/invoice-viewer/invoice-viewer.js';
import type { StatusUpdater } from '../../src/components/status-updater/status-updater.js';
import type { RestBackendOptions } from '../../src/adapters/rest/rest-backend.js';
import { invoice } from '../support/fixtures.js';
import { buttonNamed, chooseOption, deepQuery, isVisible, text, until } from '../support/dom.js';
import { startMsw, type MswHarness } from '../support/msw.js';

const TIMEOUT_MS = 500;
const OPEN: Invoice = invoice({ id: 'inv-1', status: 'OPEN', documentId: 'DOC-0001' });
const DRAFT: Invoice = invoice({ id: 'inv-1', status: 'DRAFT', documentId: 'DOC-0001' });

let msw: MswHarness;
/** The idempotency keys of the writes that reached the server, in order. */
let keys: string[] = [];
/** Every message the element showed or announced, in order (nothing said may be lost). */
let said: string[] = [];

function rest(options: Partial<RestBackendOptions> = {}) {
  return msw.rest({ timeoutMs: TIMEOUT_MS, retries: 1, retryBaseMs: 20, ...options });
}

function listen(el: HTMLElement): void {
  const record = () => {
    for (const node of [deepQuery(el, '[part~="message"]'), deepQuery(el, '[role="alert"]')]) {
      const words = text(node);
      if (words && said.at(-1) !== words) said.push(words);
    }
  };
  const observer = new MutationObserver(record);
  const watch = (root: Node) =>
    observer.observe(root, { subtree: true, childList: true, characterData: true });
  watch(el.shadowRoot!);
  const inner = deepQuery(el, 'status-updater');
  if (inner?.shadowRoot) watch(inner.shadowRoot);
}

async function updater(): Promise<StatusUpdater> {
  const el = await fixture<StatusUpdater>(
    html`<status-updater lang="en" .backend=${rest()} invoice-id="inv-1"></status-updater>`,
  );
  await until(() => deepQuery(el, '[part~="select"]') !== null, 'the updater did not load');
  listen(el);
  return el;
}

function message(el: HTMLElement): string {
  return text(deepQuery(el, '[part~="message"]'));
}

function badge(el: HTMLElement): string {
  return text(deepQuery(el, '[part~="status-badge"]'));
}

async function changeTo(el: StatusUpdater, to: string): Promise<void> {
  chooseOption(deepQuery<HTMLSelectElement>(el, '[part~="select"]')!, to);
  await el.updateComplete;
  deepQuery<HTMLButtonElement>(el, '[part~="button"]')!.click();
  await until(() => deepQuery<HTMLDialogElement>(el, 'dialog')?.open === true, 'no dialog');
  deepQuery<HTMLButtonElement>(el, '[part~="confirm-button"]')!.click();
}

function changes(el: HTMLElement): Invoice[] {
  const seen: Invoice[] = [];
  el.addEventListener('invoice-status-change', (e) => seen.push(e.detail.invoice));
  return seen;
}

/** The server applies the write it never answered, later, under the same key. */
async function applyLater(to: 'VOID' | 'CLOSED'): Promise<void> {
  const key = keys.at(-1);
  if (key === undefined) throw new Error('no write reached the server');
  await msw.memory.updateStatus({
    invoiceId: 'inv-1',
    to,
    notify: true,
    expectedVersion: OPEN.version,
    idempotencyKey: key,
  });
}

describe('reliability: write outcomes (RestBackend + msw + elements)', function () {
  this.timeout(20_000);

  before(async () => {
    msw = await startMsw();
    msw.worker.events.on('request:start', ({ request }) => {
      const key = request.headers.get('Idempotency-Key');
      if (key !== null) keys.push(key);
    });
  });
  after(() => msw.stop());
  beforeEach(() => {
    msw.fresh([OPEN]);
    keys = [];
    said = [];
  });
  afterEach(() => msw.faults.reset());

  describe('an answer that contradicts the request', () => {
    it('200 in the old status, nothing applied: re-read, then "not changed" with Retry', async () => {
      const el = await updater();
      const seen = changes(el);
      msw.faults.respondNext('updateStatus', 200, { body: msw.memory.inspect('inv-1') });
      await changeTo(el, 'VOID');
      await until(() => message(el).startsWith('The status was not changed.'), message(el));
      expect(badge(el)).to.equal('Open');
      expect(seen).to.have.length(0);
      expect(said.join(' / ')).not.to.contain('Status changed');
      expect(buttonNamed(el, 'Retry')).not.to.equal(null);
      expect(msw.faults.attempts('getInvoice')).to.equal(2);
      // Retry sends the same intent, with the same key, and now it is applied.
      buttonNamed(el, 'Retry')!.click();
      await until(() => message(el) === 'Status changed from Open to Void.', message(el));
      expect(keys).to.have.length(2);
      expect(keys[1]).to.equal(keys[0]);
      expect(msw.memory.inspect('inv-1')?.status).to.equal('VOID');
    });

    it('200 in the old status though the server applied it: re-read, then the truth', async () => {
      const el = await updater();
      const seen = changes(el);
      const old = msw.memory.inspect('inv-1');
      msw.faults.respondNext('updateStatus', 200, { body: old, afterApply: true });
      await changeTo(el, 'VOID');
      await until(() => message(el) === 'Status changed from Open to Void.', message(el));
      expect(said.join(' / ')).not.to.contain('from Open to Open');
      expect(badge(el)).to.equal('Void');
      expect(seen.map((i) => i.status)).to.deep.equal(['VOID']);
    });

    it('a discard answered 200 with a body: re-read, then "not deleted", and Retry asks nothing again', async () => {
      msw.fresh([DRAFT]);
      const el = await fixture<InvoiceViewer>(
        html`<invoice-viewer lang="en" .backend=${rest()} invoice-id="inv-1"></invoice-viewer>`,
      );
      await until(() => deepQuery(el, '[part~="discard-button"]') !== null, 'not loaded');
      let requests = 0;
      el.addEventListener('invoice-discard-request', () => requests++);
      msw.faults.respondNext('discardInvoice', 200, { body: { deleted: false } });
      deepQuery<HTMLButtonElement>(el, '[part~="discard-button"]')!.click();
      await until(() => buttonNamed(el, 'Discard document') !== null, 'no dialog');
      buttonNamed(el, 'Discard document')!.click();
      const alert = () => text(deepQuery(el, 'dialog.discard-dialog [role="alert"]'));
      await until(() => alert() === 'The document was not deleted.', alert());
      expect(msw.memory.inspect('inv-1')).not.to.equal(undefined);
      buttonNamed(el, 'Retry')!.click();
      await until(() => isVisible(deepQuery(el, '.discarded')), 'not discarded');
      expect(requests).to.equal(1);
      expect(keys).to.have.length(2);
      expect(keys[1]).to.equal(keys[0]);
      expect(msw.memory.inspect('inv-1')).to.equal(undefined);
    });
  });

  describe('a write that timed out', () => {
    it('the re-read shows the old status: unknown, never "not changed"; Check again after the server applied it says so', async () => {
      const el = await updater();
      const seen = changes(el);
      msw.faults.hangNext('updateStatus');
      await changeTo(el, 'VOID');
      await until(() => buttonNamed(el, 'Check again') !== null, message(el));
      expect(message(el)).to.contain('It is not known whether the status changed');
      expect(buttonNamed(el, 'Retry')).not.to.equal(null);
      expect(said.join(' / ')).not.to.contain('not changed');
      // The blocked updater is free again: the user may act.
      expect(deepQuery(el, '[part~="button"]')?.getAttribute('aria-disabled')).to.equal('false');
      await applyLater('VOID');
      buttonNamed(el, 'Check again')!.click();
      await until(() => message(el) === 'Status changed from Open to Void.', message(el));
      expect(badge(el)).to.equal('Void');
      expect(seen.map((i) => i.status)).to.deep.equal(['VOID']);
      expect(said.join(' / ')).not.to.contain('not changed');
    });

    it('Retry is the idempotent replay: the first write, applied late, is not applied twice', async () => {
      const el = await updater();
      msw.faults.hangNext('updateStatus');
      await changeTo(el, 'CLOSED');
      await until(() => buttonNamed(el, 'Check again') !== null, message(el));
      await applyLater('CLOSED');
      buttonNamed(el, 'Retry')!.click();
      await until(() => message(el) === 'Status changed from Open to Closed.', message(el));
      expect(keys).to.have.length(2);
      expect(keys[1]).to.equal(keys[0]);
      expect(msw.memory.inspect('inv-1')?.history.filter((h) => h.to === 'CLOSED')).to.have.length(
        1,
      );
    });

    it('a discard that timed out: unknown until the document is gone, then discarded', async () => {
      msw.fresh([DRAFT]);
      const el = await fixture<InvoiceViewer>(
        html`<invoice-viewer lang="en" .backend=${rest()} invoice-id="inv-1"></invoice-viewer>`,
      );
      await until(() => deepQuery(el, '[part~="discard-button"]') !== null, 'not loaded');
      msw.faults.hangNext('discardInvoice');
      deepQuery<HTMLButtonElement>(el, '[part~="discard-button"]')!.click();
      await until(() => buttonNamed(el, 'Discard document') !== null, 'no dialog');
      buttonNamed(el, 'Discard document')!.click();
      await until(() => buttonNamed(el, 'Check again') !== null, 'no Check again');
      const alert = text(deepQuery(el, 'dialog.discard-dialog [role="alert"]'));
      expect(alert).to.contain('It is not known whether the document was deleted');
      expect(alert).not.to.contain('not deleted');
      await msw.memory.discardInvoice({
        invoiceId: 'inv-1',
        expectedVersion: DRAFT.version,
        idempotencyKey: keys.at(-1)!,
      });
      buttonNamed(el, 'Check again')!.click();
      await until(() => isVisible(deepQuery(el, '.discarded')), 'not shown as discarded');
    });
  });

  describe('the token callback', () => {
    it('never settling: the viewer ends in the timeout with Retry', async () => {
      let hang = true;
      const getToken = () => (hang ? new Promise<string>(() => {}) : Promise.resolve('t-1'));
      const el = await fixture<InvoiceViewer>(
        html`<invoice-viewer
          lang="en"
          .backend=${rest({ getToken })}
          invoice-id="inv-1"
        ></invoice-viewer>`,
      );
      await until(() => buttonNamed(el, 'Retry') !== null, 'no Retry', TIMEOUT_MS + 3000);
      expect(text(el.shadowRoot)).to.contain('The server took too long to answer.');
      expect(msw.faults.attempts('getInvoice')).to.equal(0);
      hang = false;
      buttonNamed(el, 'Retry')!.click();
      await until(() => deepQuery(el, '[part~="document-id"]') !== null, 'not loaded');
    });

    it('never settling during a write: the updater is not left blocked', async () => {
      let hang = false;
      const getToken = () => (hang ? new Promise<string>(() => {}) : Promise.resolve('t-1'));
      const el = await fixture<StatusUpdater>(
        html`<status-updater
          lang="en"
          .backend=${rest({ getToken })}
          invoice-id="inv-1"
        ></status-updater>`,
      );
      await until(() => deepQuery(el, '[part~="select"]') !== null, 'not loaded');
      hang = true;
      await changeTo(el, 'VOID');
      await until(() => buttonNamed(el, 'Retry') !== null, message(el), TIMEOUT_MS * 2 + 3000);
      expect(message(el)).to.contain('The server took too long to answer.');
      expect(deepQuery(el, '[part~="button"]')?.getAttribute('aria-disabled')).to.equal('false');
      expect(msw.faults.attempts('updateStatus')).to.equal(0);
      hang = false;
      buttonNamed(el, 'Retry')!.click();
      await until(() => message(el) === 'Status changed from Open to Void.', message(el));
    });

    it('a token with CR/LF: a configuration error, not a network one, and nothing sent', async () => {
      const el = await fixture<InvoiceViewer>(
        html`<invoice-viewer
          lang="en"
          .backend=${rest({ getToken: async () => 'abc\r\nX-Injected: 1' })}
          invoice-id="inv-1"
        ></invoice-viewer>`,
      );
      await until(
        () => text(el.shadowRoot).includes('The service is misconfigured.'),
        text(el.shadowRoot),
      );
      expect(text(el.shadowRoot)).not.to.contain('could not be reached');
      expect(msw.faults.attempts('getInvoice')).to.equal(0);
    });
  });
});
