import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import { BackendError } from '../../../src/core/errors.js';
import type { Invoice } from '../../../src/core/types.js';
import type { InvoiceViewer } from '../../../src/components/invoice-viewer/invoice-viewer.js';
import {
  backendWith,
  buttonNamed,
  discardDialog,
  focused,
  makeInvoice,
  part,
  root,
  text,
  type RecordingBackend,
  isolated,
} from './helpers.js';

async function viewer(backend: RecordingBackend, invoice: Invoice = makeInvoice()) {
  const el = await fixture<InvoiceViewer>(
    html`<invoice-viewer lang="en" .invoice=${invoice} .backend=${backend}></invoice-viewer>`,
  );
  await el.updateComplete;
  return el;
}

async function openDialog(el: InvoiceViewer): Promise<HTMLDialogElement> {
  part<HTMLButtonElement>(el, 'discard-button')!.click();
  await el.updateComplete;
  const dialog = discardDialog(el)!;
  expect(dialog.open).to.equal(true);
  return dialog;
}

function confirmButton(el: InvoiceViewer): HTMLButtonElement {
  return buttonNamed(el, 'Discard document') ?? buttonNamed(el, 'Retry')!;
}

describe('<invoice-viewer>', () => {
  describe('discard', () => {
    it('is offered for drafts only', async () => {
      const backend = backendWith([makeInvoice()]);
      const draft = await viewer(backend);
      expect(text(part(draft, 'discard-button'))).to.equal('Discard');
      for (const status of ['OPEN', 'VOID', 'CLOSED']) {
        const el = await viewer(backend, makeInvoice({ status }));
        expect(part(el, 'discard-button'), status).to.equal(null);
      }
    });

    it('asks in a modal dialog labelled by its heading, with focus inside', async () => {
      const el = await viewer(backendWith([makeInvoice()]));
      const dialog = await openDialog(el);
      expect(dialog.matches(':modal')).to.equal(true);
      const heading = root(el).getElementById(dialog.getAttribute('aria-labelledby')!);
      expect(text(heading)).to.equal('Discard this invoice?');
      expect(text(root(el).getElementById(dialog.getAttribute('aria-describedby')!))).to.equal(
        'Document DOC-2026-0001 will be deleted. It cannot be recovered, and this cannot be undone.',
      );
      expect(isolated(root(el).getElementById(dialog.getAttribute('aria-describedby')!))).to.equal(
        'Document \u2068DOC-2026-0001\u2069 will be deleted. It cannot be recovered, and this cannot be undone.',
      );
      expect(dialog.contains(focused(el))).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('closes on Esc without a backend call, focus back on Discard', async () => {
      const backend = backendWith([makeInvoice()]);
      const el = await viewer(backend);
      const dialog = await openDialog(el);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open, 'Esc did not close the dialog');
      expect(backend.calls.discardInvoice).to.equal(0);
      expect(focused(el)).to.equal(part(el, 'discard-button'));
      expect(text(part(el, 'document-id'))).to.equal('Document ID DOC-2026-0001');
    });

    it('closes on Cancel without a backend call, focus back on Discard', async () => {
      const backend = backendWith([makeInvoice()]);
      const el = await viewer(backend);
      const dialog = await openDialog(el);
      buttonNamed(el, 'Cancel')!.click();
      await waitUntil(() => !dialog.open, 'Cancel did not close the dialog');
      expect(backend.calls.discardInvoice).to.equal(0);
      expect(focused(el)).to.equal(part(el, 'discard-button'));
    });

    it('fires the request, calls the backend once, then invoice-discard', async () => {
      const backend = backendWith([makeInvoice()], 80);
      const el = await viewer(backend);
      await openDialog(el);
      const order: string[] = [];
      el.addEventListener('invoice-discard-request', (e) => {
        order.push('request');
        expect(e.cancelable).to.equal(true);
        expect(e.detail).to.deep.equal({ invoiceId: 'inv-1', documentId: 'DOC-2026-0001' });
      });
      const done = oneEvent(el, 'invoice-discard');
      const button = confirmButton(el);
      button.click();
      button.click();
      button.click();
      const event = await done;
      order.push('discard');
      expect(event.detail).to.deep.equal({ invoiceId: 'inv-1', documentId: 'DOC-2026-0001' });
      expect(order).to.deep.equal(['request', 'discard']);
      expect(backend.discards).to.have.length(1);
      expect(backend.discards[0].expectedVersion).to.equal('v1');
      expect(backend.discards[0].idempotencyKey).to.match(/^[0-9a-f-]{36}$/);
      expect(backend.inspect('inv-1')).to.equal(undefined);
      await el.updateComplete;
      expect(text(root(el).querySelector('.discarded'))).to.equal(
        'Document DOC-2026-0001 was discarded. It no longer exists.',
      );
      expect(part(el, 'header')).to.equal(null);
    });

    it('makes no backend call when the host cancels the request', async () => {
      const backend = backendWith([makeInvoice()]);
      const el = await viewer(backend);
      el.addEventListener('invoice-discard-request', (e) => e.preventDefault());
      const dialog = await openDialog(el);
      confirmButton(el).click();
      await waitUntil(() => !dialog.open);
      expect(backend.calls.discardInvoice).to.equal(0);
      expect(text(part(el, 'document-id'))).to.equal('Document ID DOC-2026-0001');
    });

    it('shows a conflict with Reload and deletes nothing', async () => {
      const backend = backendWith([makeInvoice({ version: 'v2', documentId: 'DOC-NEWER' })]);
      const el = await viewer(backend, makeInvoice({ version: 'v1' }));
      const dialog = await openDialog(el);
      confirmButton(el).click();
      await waitUntil(() => root(el).querySelector('dialog [role="alert"]'));
      expect(text(root(el).querySelector('dialog [role="alert"]'))).to.equal(
        'Someone else changed this invoice in the meantime. Nothing was deleted. Reload to see the current state.',
      );
      expect(backend.discards).to.have.length(1);
      expect(backend.inspect('inv-1')?.version).to.equal('v2');
      expect(buttonNamed(el, 'Discard document')).to.equal(undefined);
      buttonNamed(el, 'Reload')!.click();
      await waitUntil(() => text(part(el, 'document-id')) === 'Document ID DOC-NEWER');
      expect(dialog.open).to.equal(false);
      expect(backend.calls.getInvoice).to.equal(1);
      expect(backend.discards).to.have.length(1);
    });

    it('reuses the idempotency key on Retry', async () => {
      const backend = backendWith([makeInvoice()]);
      backend.failNext(
        'discardInvoice',
        new BackendError('timeout', 'Lost', { outcomeUnknown: true }),
      );
      const el = await viewer(backend);
      await openDialog(el);
      confirmButton(el).click();
      await waitUntil(() => root(el).querySelector('dialog [role="alert"]'));
      // The re-read still shows the document, but a timed-out write may yet be applied.
      await waitUntil(() => buttonNamed(el, 'Check again'));
      expect(text(root(el).querySelector('dialog [role="alert"]'))).to.equal(
        'It is not known whether the document was deleted. Retry is safe.',
      );
      expect(backend.calls.getInvoice).to.equal(1);
      const done = oneEvent(el, 'invoice-discard');
      buttonNamed(el, 'Retry')!.click();
      await done;
      expect(backend.discards).to.have.length(2);
      expect(backend.discards[1].idempotencyKey).to.equal(backend.discards[0].idempotencyKey);
      expect(backend.discards[1].expectedVersion).to.equal('v1');
    });

    it('uses a new idempotency key for a new intent', async () => {
      const backend = backendWith([makeInvoice()]);
      backend.failNext('discardInvoice', new BackendError('conflict', 'Changed'));
      const el = await viewer(backend);
      await openDialog(el);
      confirmButton(el).click();
      await waitUntil(() => buttonNamed(el, 'Reload'));
      buttonNamed(el, 'Reload')!.click();
      await waitUntil(() => backend.calls.getInvoice === 1 && part(el, 'discard-button'));
      await openDialog(el);
      const done = oneEvent(el, 'invoice-discard');
      confirmButton(el).click();
      await done;
      expect(backend.discards).to.have.length(2);
      expect(backend.discards[1].idempotencyKey).to.not.equal(backend.discards[0].idempotencyKey);
    });
  });
});
