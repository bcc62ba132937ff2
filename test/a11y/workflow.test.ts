/**
 * The whole source workflow by keyboard alone (sendKeys only; the test never clicks or sets
 * values): find the customer, choose the period, open an invoice, change its status, confirm,
 * download a CSV. The host page opens the viewer on `invoice-open`, as a portal would.
 * At every stop the focused control shows a focus indicator.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { DownloadMenu, type SavedFile } from '../../src/components/download-menu/download-menu.js';
import {
  makeInvoice,
  memoryBackend,
  rowsReady,
  textOf,
  TODAY,
  viewerReady,
  type InvoiceTable,
  type InvoiceViewer,
} from './fixtures.js';

/** The focused element, through shadow roots. */
function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Whether the focused control draws a focus indicator (ring, outline). */
function focusShown(el: Element): boolean {
  const s = getComputedStyle(el);
  return (s.boxShadow !== 'none' && s.boxShadow !== '') || s.outlineStyle !== 'none';
}

async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

/** Presses Tab until `predicate` holds for the focused element (at most `max` times). */
async function tabTo(
  predicate: (el: Element) => boolean,
  what: string,
  max = 40,
): Promise<Element> {
  for (let i = 0; i < max; i++) {
    await press('Tab');
    const active = deepActive();
    if (active && predicate(active)) {
      expect(focusShown(active), `focus indicator on ${what}`).to.equal(true);
      return active;
    }
  }
  throw new Error(`Tab never reached ${what}`);
}

describe('keyboard-only workflow', () => {
  const saved: SavedFile[] = [];
  const originalSave = DownloadMenu.saveFile;
  before(() => {
    DownloadMenu.saveFile = (file) => {
      saved.push(file);
    };
  });
  after(() => {
    DownloadMenu.saveFile = originalSave;
  });

  it('finds the customer, picks a period, opens, changes status, confirms and downloads', async () => {
    const backend = memoryBackend([
      makeInvoice({ id: 'inv-1', documentId: 'DOC-1001', status: 'DRAFT' }),
      makeInvoice({
        id: 'inv-9',
        documentId: 'DOC-9001',
        customer: { id: 'cus-2', name: 'Globex SA' },
        status: 'OPEN',
      }),
    ]);
    const page = await fixture<HTMLElement>(
      html`<div lang="en">
        <button id="start">Portal menu</button>
        <invoice-table
          .backend=${backend}
          .today=${TODAY}
          style="inline-size: 900px"
        ></invoice-table>
        <invoice-viewer .backend=${backend} hidden style="inline-size: 900px"></invoice-viewer>
      </div>`,
    );
    const table = page.querySelector<InvoiceTable>('invoice-table')!;
    const viewer = page.querySelector<InvoiceViewer>('invoice-viewer')!;
    const opened: string[] = [];
    // The host portal: open the viewer on invoice-open.
    table.addEventListener('invoice-open', (e) => {
      opened.push(e.detail.invoiceId);
      viewer.invoiceId = e.detail.invoiceId;
      viewer.hidden = false;
    });
    const statusChanges: string[] = [];
    page.addEventListener('invoice-status-change', (e) =>
      statusChanges.push(`${e.detail.from}->${e.detail.to}`),
    );
    await rowsReady(table, 2);
    page.querySelector<HTMLButtonElement>('#start')!.focus();

    // 1. Find the customer: Tab into the search, type, ArrowDown + Enter.
    await tabTo((el) => el.id === 'customer-input', 'the customer search');
    await sendKeys({ type: 'Acm' });
    await waitUntil(
      () => table.shadowRoot!.querySelectorAll('[role="option"]').length === 1,
      'no suggestion',
    );
    await press('ArrowDown');
    await press('Enter');
    await waitUntil(() => table.customerId === 'cus-1', 'customer not chosen');
    await rowsReady(table, 1);

    // 2. Choose the period: its toolbar button shows the fields, then a preset button.
    const toggle = await tabTo(
      (el) => el.getAttribute('part') === 'period-toggle',
      'the billing period button',
    );
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    await press('Enter');
    await waitUntil(() => toggle.getAttribute('aria-expanded') === 'true', 'period not shown');
    const preset = await tabTo(
      (el) => el.classList.contains('preset') && textOf(el) === 'Last 12 months',
      'the "Last 12 months" preset',
    );
    await press('Enter');
    await waitUntil(() => preset.getAttribute('aria-pressed') === 'true', 'preset not applied');
    expect(table.from).to.equal('2025-11');
    await rowsReady(table, 1);

    // 3. Move to the row and open it with Enter.
    const row = await tabTo((el) => el.getAttribute('role') === 'row', 'the invoice row');
    expect(textOf(row)).to.contain('DOC-1001');
    await press('Enter');
    expect(opened).to.deep.equal(['inv-1']);
    await viewerReady(viewer);

    // 4. Change its status: the select, ArrowDown to OPEN, UPDATE STATUS, OK.
    const select = (await tabTo(
      (el) => el.getAttribute('part') === 'select',
      'the new-status select',
    )) as HTMLSelectElement;
    await press('ArrowDown');
    await waitUntil(() => select.value === 'OPEN', 'OPEN not chosen');
    await tabTo((el) => el.getAttribute('part') === 'button', 'UPDATE STATUS', 3);
    await press('Enter');
    const updater = viewer.shadowRoot!.querySelector('status-updater')!;
    const dialog = updater.shadowRoot!.querySelector('dialog')!;
    await waitUntil(() => dialog.open, 'the confirmation did not open');
    expect(deepActive()?.getAttribute('part')).to.equal('cancel-button');
    await tabTo((el) => el.getAttribute('part') === 'confirm-button', 'OK', 3);
    await press('Enter');
    await waitUntil(() => statusChanges.length === 1, 'the status did not change');
    expect(statusChanges).to.deep.equal(['DRAFT->OPEN']);
    expect(backend.inspect('inv-1')!.status).to.equal('OPEN');
    await waitUntil(
      () => textOf(viewer.shadowRoot!.querySelector('header [part="status-badge"]')) === 'Open',
      'the viewer did not show the new status',
    );

    // 5. Download: the DOWNLOAD button, Enter, ArrowDown to CSV, Enter.
    await tabTo((el) => el.id === 'trigger', 'DOWNLOAD');
    await press('Enter');
    const menu = viewer.shadowRoot!.querySelector('download-menu')!;
    await waitUntil(() => deepActive()?.getAttribute('role') === 'menuitem', 'menu not open');
    for (let i = 0; i < 4 && deepActive()?.getAttribute('data-format') !== 'csv'; i++) {
      await press('ArrowDown');
    }
    expect(deepActive()?.getAttribute('data-format')).to.equal('csv');
    expect(focusShown(deepActive()!)).to.equal(true);
    await press('Enter');
    await waitUntil(() => saved.length === 1, 'no file saved');
    const file = saved[0]!;
    expect(file.kind).to.equal('blob');
    expect(file.filename).to.match(/\.csv$/);
    if (file.kind === 'blob') expect(await file.blob.text()).to.contain('DOC-1001');
    // Focus went back to the DOWNLOAD button.
    await menu.updateComplete;
    expect(deepActive()?.id).to.equal('trigger');
  });
});
