/**
 * Issue 17: the elements of one page agree. A table and a viewer over one adapter, no host
 * wiring: a write in the viewer shows in the table; a host's own change shows after
 * `invalidate()` / `refresh()`; an adapter's `subscribe` reaches both.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import '../../src/define.js';
import { MemoryBackend } from '../../src/adapters/memory/index.js';
import type { InvoiceBackend } from '../../src/core/backend.js';
import type { Invoice } from '../../src/core/types.js';
import type { InvoiceTable } from '../../src/components/invoice-table/invoice-table.js';
import type { InvoiceViewer } from '../../src/components/invoice-viewer/invoice-viewer.js';
import { invoice } from '../support/fixtures.js';

const TODAY = new Date(2026, 10, 15);

function fixtures(): Invoice[] {
  return [
    invoice({ id: 'a1', documentId: 'DOC-A1', status: 'OPEN' }),
    invoice({ id: 'a2', documentId: 'DOC-A2', status: 'DRAFT' }),
    invoice({ id: 'a3', documentId: 'DOC-A3', status: 'DRAFT' }),
  ];
}

/** The same store without `subscribe`: only the page's events (or the host) can tell. */
function withoutSubscribe(memory: MemoryBackend): InvoiceBackend {
  return {
    searchCustomers: (s, o) => memory.searchCustomers(s, o),
    listInvoices: (q, o) => memory.listInvoices(q, o),
    getInvoice: (id, o) => memory.getInvoice(id, o),
    updateStatus: (u, o) => memory.updateStatus(u, o),
    discardInvoice: (r, o) => memory.discardInvoice(r, o),
  };
}

async function page(backend: InvoiceBackend, invoiceId = 'a2') {
  const root = await fixture<HTMLElement>(
    html`<div lang="en">
      <invoice-table .backend=${backend} .today=${TODAY}></invoice-table>
      <invoice-viewer .backend=${backend} invoice-id=${invoiceId}></invoice-viewer>
    </div>`,
  );
  const table = root.querySelector('invoice-table')!;
  const viewer = root.querySelector('invoice-viewer')!;
  await rowsShown(table, 3);
  await waitUntil(() => viewer.shadowRoot!.querySelector('article'), 'the viewer loaded');
  return { table, viewer };
}

function rowOf(table: InvoiceTable, documentId: string): HTMLElement | undefined {
  return [...table.shadowRoot!.querySelectorAll<HTMLElement>('.body [role="row"]')].find(
    (r) => r.querySelector('[data-col="documentId"]')?.textContent?.trim() === documentId,
  );
}

function statusOf(table: InvoiceTable, documentId: string): string {
  return rowOf(table, documentId)?.querySelector('[data-col="status"]')?.textContent?.trim() ?? '';
}

function count(table: InvoiceTable): string {
  return table.shadowRoot!.querySelector('[part="count"]')?.textContent?.trim() ?? '';
}

async function rowsShown(table: InvoiceTable, n: number): Promise<void> {
  await waitUntil(
    () => table.shadowRoot!.querySelectorAll('.body [role="row"]:not(.placeholder)').length === n,
    `${n} rows`,
  );
}

/** Changes the status as the user does: new status, UPDATE STATUS, OK in the dialog. */
async function changeStatus(viewer: InvoiceViewer, to: string): Promise<void> {
  const updater = viewer.shadowRoot!.querySelector('status-updater')!;
  const root = updater.shadowRoot!;
  const select = root.querySelector<HTMLSelectElement>('[part="select"]')!;
  select.value = to;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await updater.updateComplete;
  root.querySelector<HTMLButtonElement>('[part="button"]')!.click();
  await updater.updateComplete;
  const done = oneEvent(viewer, 'invoice-status-change');
  root.querySelector<HTMLButtonElement>('[part="confirm-button"]')!.click();
  await done;
}

describe('the elements of a page agree (issue 17)', () => {
  it('a status change in the viewer shows in the table row, through the page events', async () => {
    const memory = new MemoryBackend({ invoices: fixtures() });
    const { table, viewer } = await page(withoutSubscribe(memory));
    expect(statusOf(table, 'DOC-A2')).to.equal('Draft');
    await changeStatus(viewer, 'OPEN');
    await waitUntil(() => statusOf(table, 'DOC-A2') === 'Open', 'the row shows the new status');
    expect(count(table)).to.equal('3 invoices');
  });

  it('a discard in the viewer removes the row and lowers the count and aria-rowcount', async () => {
    const memory = new MemoryBackend({ invoices: fixtures() });
    const { table, viewer } = await page(withoutSubscribe(memory), 'a3');
    expect(count(table)).to.equal('3 invoices');
    viewer.shadowRoot!.querySelector<HTMLButtonElement>('[part="discard-button"]')!.click();
    await viewer.updateComplete;
    const done = oneEvent(viewer, 'invoice-discard');
    const dialog = viewer.shadowRoot!.querySelector('dialog')!;
    [...dialog.querySelectorAll('button')].find((b) => !b.classList.contains('cancel'))!.click();
    await done;
    await waitUntil(() => !rowOf(table, 'DOC-A3'), 'the discarded row left');
    expect(count(table)).to.equal('2 invoices');
    expect(
      table.shadowRoot!.querySelector('[role="grid"]')!.getAttribute('aria-rowcount'),
    ).to.equal('3');
  });

  it('a row whose new status leaves the status filter disappears', async () => {
    const memory = new MemoryBackend({ invoices: fixtures() });
    const { table, viewer } = await page(withoutSubscribe(memory));
    table.shadowRoot!.querySelector<HTMLElement>('[part~="filters-toggle"]')!.click();
    await table.updateComplete;
    const filter = table.shadowRoot!.querySelector<HTMLSelectElement>('select[name="status"]')!;
    filter.value = 'DRAFT';
    filter.dispatchEvent(new Event('change', { bubbles: true }));
    await rowsShown(table, 2);
    await changeStatus(viewer, 'OPEN');
    await waitUntil(() => !rowOf(table, 'DOC-A2'), 'the row left the DRAFT list');
    expect(count(table)).to.equal('1 invoice');
  });

  it('invalidate() after the host changed an invoice updates the row and the viewer', async () => {
    const memory = new MemoryBackend({ invoices: fixtures() });
    const { table, viewer } = await page(withoutSubscribe(memory));
    // The host changes the invoice behind the elements' back.
    await memory.updateStatus({
      invoiceId: 'a2',
      to: 'OPEN',
      notify: false,
      expectedVersion: 'v1',
      idempotencyKey: 'host-1',
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(statusOf(table, 'DOC-A2'), 'nothing told the table yet').to.equal('Draft');
    table.invalidate('a2');
    viewer.invalidate('a2');
    await waitUntil(() => statusOf(table, 'DOC-A2') === 'Open', 'the row was read again');
    await waitUntil(() => viewer.invoice?.status === 'OPEN', 'the viewer read it again');
  });

  it('refresh() runs the query again: a new invoice of the host is listed and counted', async () => {
    const memory = new MemoryBackend({ invoices: fixtures() });
    const { table } = await page(withoutSubscribe(memory));
    memory.addInvoice(invoice({ id: 'a4', documentId: 'DOC-A4', status: 'OPEN' }));
    table.refresh();
    await rowsShown(table, 4);
    expect(count(table)).to.equal('4 invoices');
  });

  it("an adapter's subscription reaches the table and the viewer", async () => {
    const memory = new MemoryBackend({ invoices: fixtures() });
    const { table, viewer } = await page(memory);
    // Another client writes (the store reports it, as a server's event stream would).
    await memory.updateStatus({
      invoiceId: 'a2',
      to: 'OPEN',
      notify: false,
      expectedVersion: 'v1',
      idempotencyKey: 'other-1',
    });
    await waitUntil(() => statusOf(table, 'DOC-A2') === 'Open', 'the row follows the change');
    await waitUntil(() => viewer.invoice?.status === 'OPEN', 'the viewer follows the change');
    await memory.discardInvoice({ invoiceId: 'a3', expectedVersion: 'v1', idempotencyKey: 'o-2' });
    await waitUntil(() => !rowOf(table, 'DOC-A3'), 'the discarded row left');
    expect(count(table)).to.equal('2 invoices');
  });

  it('an element stops listening once disconnected', async () => {
    const memory = new MemoryBackend({ invoices: fixtures() });
    const { table } = await page(memory);
    const calls = memory.calls.listInvoices;
    table.remove();
    await memory.updateStatus({
      invoiceId: 'a2',
      to: 'OPEN',
      notify: false,
      expectedVersion: 'v1',
      idempotencyKey: 'k',
    });
    document.dispatchEvent(
      new CustomEvent('invoice-discard', { detail: { invoiceId: 'zz' }, bubbles: true }),
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(memory.calls.listInvoices).to.equal(calls);
  });
});
