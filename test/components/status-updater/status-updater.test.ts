import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { isWebKit } from '../../support/browser.js';
import '../../../src/define.js';
import { loadLocale } from '../../../src/i18n/loader.js';
import { BackendError } from '../../../src/core/errors.js';
import type { Invoice, InvoiceStatus } from '../../../src/core/types.js';
import type { StatusUpdater } from '../../../src/components/status-updater/status-updater.js';
import {
  backendWith,
  badgeText,
  choose,
  dialog,
  liveRegion,
  makeInvoice,
  notifyToggle,
  offered,
  openDialog,
  part,
  select,
  selectLabel,
  shadow,
  text,
  updateButton,
  type RecordingBackend,
} from './helpers.js';

async function loaded(el: StatusUpdater): Promise<StatusUpdater> {
  await waitUntil(
    () => part(el, 'current') !== null || part(el, 'message') !== null,
    'the invoice did not load',
  );
  return el;
}

/** An updater that loads `inv-1` from the backend by id. */
async function byId(
  backend: RecordingBackend,
  flow: 'existing' | 'generation' = 'existing',
): Promise<StatusUpdater> {
  const el = await fixture<StatusUpdater>(
    html`<status-updater .backend=${backend} invoice-id="inv-1" flow=${flow}></status-updater>`,
  );
  return loaded(el);
}

/** An updater given the invoice object (no load), with a backend holding the same invoice. */
async function given(invoice: Invoice, backend = backendWith([invoice])): Promise<StatusUpdater> {
  return fixture<StatusUpdater>(
    html`<status-updater .backend=${backend} .invoice=${invoice}></status-updater>`,
  );
}

function messageText(el: StatusUpdater): string {
  return text(part(el, 'message'));
}

describe('<status-updater>', () => {
  describe('targets offered', () => {
    const expected: Record<InvoiceStatus, string[]> = {
      DRAFT: ['Open'],
      OPEN: ['Void', 'Closed'],
      VOID: [],
      CLOSED: [],
    };
    for (const [status, labels] of Object.entries(expected)) {
      it(`from ${status}: ${labels.length ? labels.join(', ') : 'none, and says why'}`, async () => {
        const el = await given(makeInvoice({ status: status as InvoiceStatus }));
        expect(offered(el)).to.deep.equal(labels);
        if (labels.length) {
          expect(selectLabel(el)).to.equal('New status');
          expect(text(updateButton(el))).to.equal('UPDATE STATUS');
          expect(part(el, 'readonly')).to.equal(null);
        } else {
          expect(select(el)).to.equal(null);
          expect(updateButton(el)).to.equal(null);
          expect(text(part(el, 'readonly'))).to.contain('This invoice is final');
        }
      });
    }

    it('a backend that narrows the table wins', async () => {
      const backend = backendWith([makeInvoice({ status: 'OPEN' })]);
      backend.allowedTargetsFor('inv-1', ['CLOSED']);
      const el = await byId(backend);
      expect(offered(el)).to.deep.equal(['Closed']);
    });

    it('a backend that allows nothing from OPEN gets a sentence, not a control', async () => {
      const backend = backendWith([makeInvoice({ status: 'OPEN' })]);
      backend.allowedTargetsFor('inv-1', []);
      const el = await byId(backend);
      expect(select(el)).to.equal(null);
      expect(text(part(el, 'readonly'))).to.equal(
        'No status change is allowed for this invoice right now.',
      );
    });

    it('a backend that widens the table never brings DRAFT back', async () => {
      const el = await given(
        makeInvoice({ status: 'VOID', allowedTargets: ['DRAFT', 'CLOSED'] as InvoiceStatus[] }),
      );
      expect(offered(el)).to.deep.equal(['Closed']);
    });

    it('an unknown status is read-only with an explanation', async () => {
      const el = await given(makeInvoice({ status: 'DISPUTED' }));
      expect(select(el)).to.equal(null);
      expect(badgeText(el)).to.equal('Unknown status (\u2068DISPUTED\u2069)');
      expect(text(part(el, 'readonly'))).to.contain('read-only');
    });

    it('DRAFT is never offered again after leaving it', async () => {
      const backend = backendWith([makeInvoice({ status: 'DRAFT' })]);
      const el = await byId(backend);
      await openDialog(el, 'OPEN');
      (part(el, 'confirm-button') as HTMLButtonElement).click();
      await oneEvent(el, 'invoice-status-change');
      await el.updateComplete;
      expect(badgeText(el)).to.equal('Open');
      expect(offered(el)).to.deep.equal(['Void', 'Closed']);
      // Even a backend that now announces DRAFT as a target does not get it offered.
      backend.allowedTargetsFor('inv-1', ['DRAFT', 'VOID']);
      el.invoice = await backend.getInvoice('inv-1');
      await el.updateComplete;
      expect(offered(el)).to.deep.equal(['Void']);
    });
  });

  describe('confirmation dialog', () => {
    it('opens as a modal labelled by its heading, with focus inside', async () => {
      const el = await given(makeInvoice({ status: 'DRAFT' }));
      const d = await openDialog(el, 'OPEN');
      expect(d.matches(':modal')).to.equal(true);
      const heading = shadow(el).getElementById(d.getAttribute('aria-labelledby') as string);
      expect(heading).to.equal(part(el, 'dialog-heading'));
      expect(text(heading)).to.equal('Change the status to Open?');
      expect(d.contains(shadow(el).activeElement)).to.equal(true);
    });

    it('states from, to, and the consequences of leaving DRAFT', async () => {
      const el = await given(makeInvoice({ status: 'DRAFT' }));
      const d = await openDialog(el, 'OPEN');
      const body = text(d);
      expect(body).to.contain('The status will change from Draft to Open.');
      expect(body).to.contain('Draft will no longer be available for this invoice.');
      expect(body).to.contain('The customer will see this invoice in their portal.');
      expect(body).not.to.contain('cannot be undone');
    });

    it('says VOID cannot be undone', async () => {
      const el = await given(makeInvoice({ status: 'OPEN' }));
      const d = await openDialog(el, 'VOID');
      const body = text(d);
      expect(body).to.contain('The status will change from Open to Void.');
      expect(body).to.contain('Void cannot be undone.');
      expect(body).not.to.contain('Draft will no longer');
      expect(body).not.to.contain('will see this invoice');
    });

    it('opens by keyboard; Esc closes it without a backend call and focus returns', async () => {
      const backend = backendWith([makeInvoice({ status: 'DRAFT' })]);
      const el = await given(makeInvoice({ status: 'DRAFT' }), backend);
      await choose(el, 'OPEN');
      updateButton(el)?.focus();
      await sendKeys({ press: 'Enter' });
      const d = dialog(el);
      await waitUntil(() => d.open, 'Enter did not open the dialog');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !d.open, 'Esc did not close the dialog');
      await el.updateComplete;
      expect(shadow(el).activeElement).to.equal(updateButton(el));
      expect(backend.calls.updateStatus).to.equal(0);
      expect(badgeText(el)).to.equal('Draft');
    });

    it('Cancel keeps the current status, without a backend call, and focus returns', async () => {
      const backend = backendWith([makeInvoice({ status: 'DRAFT' })]);
      const el = await given(makeInvoice({ status: 'DRAFT' }), backend);
      const d = await openDialog(el, 'OPEN');
      (part(el, 'cancel-button') as HTMLButtonElement).focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !d.open, 'Cancel did not close the dialog');
      expect(shadow(el).activeElement).to.equal(updateButton(el));
      expect(backend.calls.updateStatus).to.equal(0);
      expect(backend.inspect('inv-1')?.status).to.equal('DRAFT');
      expect(badgeText(el)).to.equal('Draft');
    });

    it('OK by keyboard confirms; the live region and the badge show the result', async () => {
      const backend = backendWith([makeInvoice({ status: 'DRAFT' })]);
      const el = await byId(backend);
      await openDialog(el, 'OPEN');
      (part(el, 'confirm-button') as HTMLButtonElement).focus();
      const changed = oneEvent(el, 'invoice-status-change');
      await sendKeys({ press: 'Enter' });
      const event = await changed;
      expect(event.detail.invoice.status).to.equal('OPEN');
      expect(event.detail.invoice.version).to.equal('v2');
      expect(event.detail.from).to.equal('DRAFT');
      expect(event.detail.to).to.equal('OPEN');
      await el.updateComplete;
      expect(badgeText(el)).to.equal('Open');
      expect(text(liveRegion(el))).to.equal('Status changed from Draft to Open.');
      expect(backend.inspect('inv-1')?.status).to.equal('OPEN');
    });

    it('removed while open and put back, the element is usable again', async () => {
      const el = await given(makeInvoice({ status: 'DRAFT' }));
      await openDialog(el, 'OPEN');
      const parent = el.parentNode as Node;
      el.remove();
      parent.appendChild(el);
      await el.updateComplete;
      expect(dialog(el).open).to.equal(false);
      await openDialog(el, 'OPEN');
      expect(dialog(el).open).to.equal(true);
    });

    it('UPDATE STATUS without a choice opens nothing and says what to do', async () => {
      const el = await given(makeInvoice({ status: 'OPEN' }));
      updateButton(el)?.click();
      await el.updateComplete;
      expect(dialog(el).open).to.equal(false);
      expect(text(liveRegion(el))).to.equal('Choose a new status first.');
      expect(shadow(el).activeElement).to.equal(select(el));
    });
  });

  describe('notification toggle', () => {
    it('is a labelled switch, on by default for an existing document', async () => {
      const el = await given(makeInvoice({ status: 'OPEN' }));
      await openDialog(el, 'CLOSED');
      const toggle = notifyToggle(el);
      expect(toggle.type).to.equal('checkbox');
      expect(toggle.getAttribute('role')).to.equal('switch');
      expect(text(toggle.closest('label'))).to.equal('Send notification e-mail to the customer');
      expect(toggle.checked).to.equal(true);
    });

    it('is off by default in the generation flow, and off is what the adapter receives', async () => {
      const backend = backendWith([makeInvoice({ status: 'DRAFT' })]);
      const el = await byId(backend, 'generation');
      await openDialog(el, 'OPEN');
      expect(notifyToggle(el).checked).to.equal(false);
      const request = oneEvent(el, 'invoice-status-change-request');
      (part(el, 'confirm-button') as HTMLButtonElement).click();
      expect((await request).detail.notify).to.equal(false);
      await oneEvent(el, 'invoice-status-change');
      expect(backend.updates.map((u) => u.notify)).to.deep.equal([false]);
      expect(backend.inspect('inv-1')?.history.at(-1)?.notified).to.equal(false);
    });

    it('flipped by the user, the adapter receives what the dialog showed', async () => {
      const backend = backendWith([makeInvoice({ status: 'DRAFT' })]);
      const el = await byId(backend, 'generation');
      await openDialog(el, 'OPEN');
      notifyToggle(el).focus();
      await sendKeys({ press: ' ' });
      expect(notifyToggle(el).checked).to.equal(true);
      (part(el, 'confirm-button') as HTMLButtonElement).click();
      const event = await oneEvent(el, 'invoice-status-change');
      expect(event.detail.notify).to.equal(true);
      expect(backend.updates.map((u) => u.notify)).to.deep.equal([true]);
    });

    it('existing flow switched off sends false', async () => {
      const backend = backendWith([makeInvoice({ status: 'OPEN' })]);
      const el = await byId(backend);
      await openDialog(el, 'CLOSED');
      notifyToggle(el).click();
      (part(el, 'confirm-button') as HTMLButtonElement).click();
      await oneEvent(el, 'invoice-status-change');
      expect(backend.updates.map((u) => u.notify)).to.deep.equal([false]);
    });
  });

  describe('exactly one backend call per confirmation', () => {
    it('10 rapid clicks on OK give 1 call', async () => {
      const backend = backendWith([makeInvoice({ status: 'DRAFT' })], 100);
      const el = await byId(backend);
      await openDialog(el, 'OPEN');
      const ok = part(el, 'confirm-button') as HTMLButtonElement;
      for (let i = 0; i < 10; i++) ok.click();
      for (let i = 0; i < 10; i++) updateButton(el)?.click();
      await oneEvent(el, 'invoice-status-change');
      // Negative check: no second call follows the first answer.
      await aTimeout(150);
      expect(backend.calls.updateStatus).to.equal(1);
      expect(backend.inspect('inv-1')?.history.length).to.equal(1);
    });

    it('10 rapid clicks on UPDATE STATUS open one dialog', async () => {
      const el = await given(makeInvoice({ status: 'OPEN' }));
      await choose(el, 'VOID');
      for (let i = 0; i < 10; i++) updateButton(el)?.click();
      await waitUntil(() => dialog(el).open);
      expect(shadow(el).querySelectorAll('dialog[open]').length).to.equal(1);
    });

    it('Enter pressed 10 times on OK gives 1 call', async () => {
      const backend = backendWith([makeInvoice({ status: 'DRAFT' })]);
      const el = await byId(backend);
      backend.resetHooks();
      backend.latencyMs = 1500; // the call is still in flight while the keys repeat
      await openDialog(el, 'OPEN');
      (part(el, 'confirm-button') as HTMLButtonElement).focus();
      const changed = oneEvent(el, 'invoice-status-change');
      for (let i = 0; i < 10; i++) await sendKeys({ press: 'Enter' });
      expect(backend.calls.updateStatus).to.equal(1);
      await changed;
      expect(backend.calls.updateStatus).to.equal(1);
      expect(backend.inspect('inv-1')?.status).to.equal('OPEN');
    });

    it('a held-down Enter (key repeat) on OK gives 1 call', async () => {
      const backend = backendWith([makeInvoice({ status: 'DRAFT' })]);
      const el = await byId(backend);
      backend.resetHooks();
      backend.latencyMs = 1500; // the call is still in flight while the keys repeat
      await openDialog(el, 'OPEN');
      (part(el, 'confirm-button') as HTMLButtonElement).focus();
      const changed = oneEvent(el, 'invoice-status-change');
      if (isWebKit) {
        // WebKit's WebDriver has no key down/up (and drops repeated key-downs): ten presses
        // while the call is in flight exercise the same guard.
        for (let i = 0; i < 10; i++) await sendKeys({ press: 'Enter' });
      } else {
        for (let i = 0; i < 10; i++) await sendKeys({ down: 'Enter' });
        await sendKeys({ up: 'Enter' });
      }
      await changed;
      expect(backend.calls.updateStatus).to.equal(1);
    });

    it('the update carries the version and a fresh UUID idempotency key per intent', async () => {
      const backend = backendWith([makeInvoice({ status: 'OPEN', version: 'v7' })]);
      const el = await byId(backend);
      await openDialog(el, 'CLOSED');
      (part(el, 'confirm-button') as HTMLButtonElement).click();
      await oneEvent(el, 'invoice-status-change');
      const [update] = backend.updates;
      expect(update.expectedVersion).to.equal('v7');
      expect(update.idempotencyKey).to.match(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    });
  });

  describe('conflicts', () => {
    it('two updaters on the same invoice: the second gets a lasting message with Reload', async () => {
      const backend = backendWith([makeInvoice({ status: 'OPEN' })]);
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <status-updater .backend=${backend} invoice-id="inv-1"></status-updater>
          <status-updater .backend=${backend} invoice-id="inv-1"></status-updater>
        </div>`,
      );
      const [first, second] = [...wrapper.querySelectorAll('status-updater')];
      await loaded(first);
      await loaded(second);

      await openDialog(first, 'CLOSED');
      (part(first, 'confirm-button') as HTMLButtonElement).click();
      await oneEvent(first, 'invoice-status-change');

      const changes: Event[] = [];
      second.addEventListener('invoice-status-change', (e) => changes.push(e));
      await openDialog(second, 'VOID');
      (part(second, 'confirm-button') as HTMLButtonElement).click();
      await waitUntil(() => messageText(second).includes('Someone else changed'));
      expect(messageText(second)).to.contain('Nothing was overwritten.');
      expect(changes).to.have.length(0);
      // Nothing overwritten: the backend keeps the first updater's change.
      expect(backend.inspect('inv-1')?.status).to.equal('CLOSED');
      expect(backend.calls.updateStatus).to.equal(2);

      // The message stays until acted on, and blocks another change (a negative check: it does
      // not go away by itself).
      await aTimeout(300);
      expect(messageText(second)).to.contain('Someone else changed');
      expect(updateButton(second)?.getAttribute('aria-disabled')).to.equal('true');
      updateButton(second)?.click();
      await second.updateComplete;
      expect(dialog(second).open).to.equal(false);

      const reload = [...(part(second, 'message')?.querySelectorAll('button') ?? [])].find(
        (b) => text(b) === 'Reload',
      ) as HTMLButtonElement;
      const refreshed = oneEvent(second, 'invoice-refresh');
      reload.click();
      const event = await refreshed;
      expect(event.detail.invoice.status).to.equal('CLOSED');
      await second.updateComplete;
      expect(badgeText(second)).to.equal('Closed');
      expect(text(part(second, 'readonly'))).to.contain('This invoice is final');
      expect(messageText(second)).to.equal('Reloaded. The status is now Closed.');
      expect(backend.calls.updateStatus).to.equal(2);
    });

    it('a newer copy from the host clears the conflict; the same stale copy does not', async () => {
      const backend = backendWith([makeInvoice({ status: 'OPEN', version: 'v2' })]);
      const stale = makeInvoice({ status: 'OPEN', version: 'v1' });
      const el = await given(stale, backend);
      await openDialog(el, 'CLOSED');
      (part(el, 'confirm-button') as HTMLButtonElement).click();
      await waitUntil(() => messageText(el).includes('Someone else changed'));
      el.invoice = { ...stale };
      await el.updateComplete;
      expect(messageText(el)).to.contain('Someone else changed');
      el.invoice = makeInvoice({ status: 'OPEN', version: 'v2' });
      await el.updateComplete;
      expect(part(el, 'message')).to.equal(null);
      expect(updateButton(el)?.getAttribute('aria-disabled')).to.equal('false');
    });

    it('an invalid-transition answer refreshes the allowed targets', async () => {
      const invoice = makeInvoice({ status: 'OPEN' });
      const backend = backendWith([invoice]);
      backend.allowedTargetsFor('inv-1', ['CLOSED']);
      const el = await given(invoice, backend); // the host's copy still has the default table
      expect(offered(el)).to.deep.equal(['Void', 'Closed']);
      await openDialog(el, 'VOID');
      (part(el, 'confirm-button') as HTMLButtonElement).click();
      await waitUntil(() => messageText(el).includes('no longer allowed'));
      expect(offered(el)).to.deep.equal(['Closed']);
      expect(messageText(el)).to.contain('The list of statuses has been updated.');
      expect(backend.inspect('inv-1')?.status).to.equal('OPEN');
    });
  });

  describe('unknown outcome and retries', () => {
    it('a timeout after sending checks, and reports success when the change was applied', async () => {
      const backend = backendWith([makeInvoice({ status: 'DRAFT' })], 50);
      const el = await byId(backend);
      backend.resetHooks();
      backend.loseNextAnswer = true;
      await openDialog(el, 'OPEN');
      const changed = oneEvent(el, 'invoice-status-change');
      (part(el, 'confirm-button') as HTMLButtonElement).click();
      await waitUntil(() => messageText(el) === 'Outcome unknown, checking…');
      expect(text(liveRegion(el))).to.equal('Outcome unknown, checking…');
      const event = await changed;
      expect(event.detail.invoice.status).to.equal('OPEN');
      await el.updateComplete;
      expect(badgeText(el)).to.equal('Open');
      expect(messageText(el)).to.equal('Status changed from Draft to Open.');
      expect(backend.calls.updateStatus).to.equal(1);
      expect(backend.calls.getInvoice).to.equal(1);
    });

    it('a timeout whose change is not applied yet never says "not changed": Check again, or Retry with the same key', async () => {
      const backend = backendWith([makeInvoice({ status: 'OPEN' })]);
      const el = await byId(backend);
      backend.failNext(
        'updateStatus',
        new BackendError('timeout', 'timed out', { outcomeUnknown: true }),
      );
      await openDialog(el, 'VOID');
      (part(el, 'confirm-button') as HTMLButtonElement).click();
      await waitUntil(() =>
        messageText(el).startsWith('It is not known whether the status changed.'),
      );
      expect(messageText(el)).not.to.contain('not changed');
      expect(badgeText(el)).to.equal('Open');
      const buttons = [...(part(el, 'message')?.querySelectorAll('button') ?? [])];
      expect(buttons.map(text)).to.deep.equal(['Check again', 'Retry']);
      const retry = buttons[1] as HTMLButtonElement;
      const changed = oneEvent(el, 'invoice-status-change');
      retry.click();
      expect((await changed).detail.invoice.status).to.equal('VOID');
      const keys = backend.updates.map((u) => u.idempotencyKey);
      expect(keys).to.have.length(2);
      expect(keys[1]).to.equal(keys[0]);
    });

    it('a network error offers Retry with the same key; a new intent gets a new key', async () => {
      const backend = backendWith([makeInvoice({ status: 'DRAFT' })]);
      const el = await byId(backend);
      backend.failNext('updateStatus', new BackendError('network', 'offline'));
      await openDialog(el, 'OPEN');
      (part(el, 'confirm-button') as HTMLButtonElement).click();
      await waitUntil(() => messageText(el).includes('could not be reached'));
      expect(text(liveRegion(el))).to.contain('could not be reached');
      (part(el, 'message')?.querySelector('button') as HTMLButtonElement).click();
      await oneEvent(el, 'invoice-status-change');
      await el.updateComplete;
      await openDialog(el, 'CLOSED');
      (part(el, 'confirm-button') as HTMLButtonElement).click();
      await oneEvent(el, 'invoice-status-change');
      const keys = backend.updates.map((u) => u.idempotencyKey);
      expect(keys).to.have.length(3);
      expect(keys[1]).to.equal(keys[0]);
      expect(keys[2]).not.to.equal(keys[0]);
      expect(backend.inspect('inv-1')?.history.map((h) => h.to)).to.deep.equal(['OPEN', 'CLOSED']);
    });
  });

  describe('events', () => {
    it('a host veto through preventDefault makes no backend call', async () => {
      const backend = backendWith([makeInvoice({ status: 'OPEN' })]);
      const el = await byId(backend);
      const seen: unknown[] = [];
      el.addEventListener('invoice-status-change-request', (e) => {
        seen.push(e.detail);
        expect(e.cancelable).to.equal(true);
        e.preventDefault();
      });
      const changes: Event[] = [];
      el.addEventListener('invoice-status-change', (e) => changes.push(e));
      await openDialog(el, 'CLOSED');
      (part(el, 'confirm-button') as HTMLButtonElement).click();
      await el.updateComplete;
      // Negative check: the vetoed change sends nothing.
      await aTimeout(50);
      expect(seen).to.deep.equal([
        { invoiceId: 'inv-1', from: 'OPEN', to: 'CLOSED', notify: true },
      ]);
      expect(backend.calls.updateStatus).to.equal(0);
      expect(changes).to.have.length(0);
      expect(badgeText(el)).to.equal('Open');
      expect(messageText(el)).to.equal('The status change was cancelled.');
    });

    it('events bubble out of the host and cross shadow roots', async () => {
      const backend = backendWith([makeInvoice({ status: 'DRAFT' })]);
      const el = await byId(backend);
      await openDialog(el, 'OPEN');
      const request = oneEvent(document, 'invoice-status-change-request');
      const changed = oneEvent(document, 'invoice-status-change');
      (part(el, 'confirm-button') as HTMLButtonElement).click();
      const r = await request;
      expect(r.composed && r.bubbles).to.equal(true);
      const c = await changed;
      expect(c.composed && c.bubbles && !c.cancelable).to.equal(true);
    });
  });

  describe('loading by id', () => {
    it('shows a load error with Retry', async () => {
      const backend = backendWith([makeInvoice({ status: 'OPEN' })]);
      backend.failNext('getInvoice', new BackendError('server', 'boom'));
      const el = await fixture<StatusUpdater>(
        html`<status-updater .backend=${backend} invoice-id="inv-1"></status-updater>`,
      );
      await waitUntil(() => part(el, 'message') !== null);
      expect(messageText(el)).to.contain('The server had a problem.');
      expect(text(liveRegion(el))).to.contain('The server had a problem.');
      (part(el, 'message')?.querySelector('button') as HTMLButtonElement).click();
      await waitUntil(() => select(el) !== null);
      expect(offered(el)).to.deep.equal(['Void', 'Closed']);
    });

    it('says when no backend is configured', async () => {
      const el = await fixture<StatusUpdater>(
        html`<status-updater invoice-id="inv-1"></status-updater>`,
      );
      expect(text(shadow(el))).to.contain('No backend is configured');
    });
  });

  describe('customer audience', () => {
    it('shows a read-only status and nothing actionable', async () => {
      const el = await fixture<StatusUpdater>(
        html`<status-updater audience="customer" .invoice=${makeInvoice({ status: 'OPEN' })}>
        </status-updater>`,
      );
      expect(select(el)).to.equal(null);
      expect(updateButton(el)).to.equal(null);
      expect(shadow(el).querySelector('dialog')).to.equal(null);
      expect(text(part(el, 'current'))).to.equal('Status Open');
    });

    it('shows nothing for a draft', async () => {
      const el = await fixture<StatusUpdater>(
        html`<status-updater audience="customer" .invoice=${makeInvoice({ status: 'DRAFT' })}>
        </status-updater>`,
      );
      expect(text(shadow(el))).to.equal('');
    });
  });

  describe('strings', () => {
    it('speaks pt-BR with the source words', async () => {
      await loadLocale('pt-BR'); // pt-BR loads on demand; preload as a host would
      const el = await fixture<StatusUpdater>(
        html`<status-updater lang="pt-BR" .invoice=${makeInvoice({ status: 'DRAFT' })}>
        </status-updater>`,
      );
      expect(text(updateButton(el))).to.equal('ATUALIZAR STATUS');
      expect(offered(el)).to.deep.equal(['Aberto']);
      await openDialog(el, 'OPEN');
      expect(text(notifyToggle(el).closest('label'))).to.equal(
        'Enviar e-mail de notificação ao cliente',
      );
    });

    it('takes host overrides', async () => {
      const el = await fixture<StatusUpdater>(
        html`<status-updater
          .strings=${{ updateStatus: 'CHANGE', common: { ok: 'Yes' } }}
          .invoice=${makeInvoice({ status: 'DRAFT' })}
        ></status-updater>`,
      );
      expect(text(updateButton(el))).to.equal('CHANGE');
      await openDialog(el, 'OPEN');
      expect(text(part(el, 'confirm-button'))).to.equal('Yes');
    });
  });

  describe('accessibility', () => {
    it('has no axe violations with the dialog open', async () => {
      const el = await given(makeInvoice({ status: 'DRAFT' }));
      await openDialog(el, 'OPEN');
      await expect(el).to.be.accessible();
    });

    it('has no axe violations idle, final, and with a conflict message', async () => {
      const open = await given(makeInvoice({ status: 'OPEN' }));
      await expect(open).to.be.accessible();
      const final = await given(makeInvoice({ status: 'VOID' }));
      await expect(final).to.be.accessible();
      const backend = backendWith([makeInvoice({ status: 'OPEN', version: 'v2' })]);
      const stale = await given(makeInvoice({ status: 'OPEN', version: 'v1' }), backend);
      await openDialog(stale, 'CLOSED');
      (part(stale, 'confirm-button') as HTMLButtonElement).click();
      await waitUntil(() => messageText(stale).includes('Reload'));
      await expect(stale).to.be.accessible();
    });
  });
});
