import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import { MemoryBackend } from '../../../src/adapters/memory/index.js';
import { provideInvoiceBackend } from '../../../src/components/shared/backend-context.js';

function documentIdShown(viewer: Element): string {
  return viewer.shadowRoot?.querySelector('[part~="document-id"]')?.textContent?.trim() ?? '';
}

describe('provideInvoiceBackend', () => {
  it('reaches elements inside the host, set before they connect', async () => {
    const memory = new MemoryBackend();
    const id = memory.invoiceIds()[0];
    const host = document.createElement('div');
    provideInvoiceBackend(host, memory);
    const viewer = document.createElement('invoice-viewer');
    viewer.setAttribute('invoice-id', id);
    host.append(viewer);
    await fixture(host);
    const expected = memory.inspect(id)!.documentId;
    await waitUntil(() => documentIdShown(viewer).includes(expected), 'the invoice loads');
  });

  it('reaches elements that connected before it, and their nested elements', async () => {
    const memory = new MemoryBackend();
    const id = memory.invoiceIds().find((i) => memory.inspect(i)!.status === 'DRAFT')!;
    const host = await fixture<HTMLDivElement>(
      html`<div><invoice-viewer invoice-id=${id}></invoice-viewer></div>`,
    );
    const viewer = host.querySelector('invoice-viewer')!;
    await viewer.updateComplete;
    // No backend yet: nothing loaded.
    expect(documentIdShown(viewer)).to.equal('');

    provideInvoiceBackend(host, memory);
    const expected = memory.inspect(id)!.documentId;
    await waitUntil(() => documentIdShown(viewer).includes(expected), 'the invoice loads');
    // The viewer's status updater, rendered in its shadow root, has the backend too: a status
    // change goes through it.
    const before = memory.calls.updateStatus;
    const updater = viewer.shadowRoot!.querySelector('status-updater')!;
    await updater.updateComplete;
    const select = updater.shadowRoot!.querySelector<HTMLSelectElement>('[part~="select"]')!;
    select.value = 'OPEN';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await updater.updateComplete;
    updater.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button"]')!.click();
    await updater.updateComplete;
    await waitUntil(
      () => updater.shadowRoot!.querySelector('[part~="confirm-button"]') !== null,
      'the dialog opens',
    );
    updater.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    await waitUntil(() => memory.calls.updateStatus === before + 1, 'one backend call');
    await waitUntil(() => memory.inspect(id)!.status === 'OPEN', 'the backend applied it');
  });
});
