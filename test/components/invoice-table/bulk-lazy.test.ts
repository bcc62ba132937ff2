/**
 * The bulk status change's dialog and writes load on the first "Change status…", not with the
 * table nor with a selection (issue 25; docs/PERFORMANCE.md). Its own file: a module loads once
 * per page.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import { MemoryBackend } from '../../../src/adapters/memory/index.js';
import type { InvoiceTable } from '../../../src/components/invoice-table/invoice-table.js';
import { invoiceWith } from '../../support/fixtures.js';
import { waitUntil } from '../../support/wait.js';
import { $, TODAY, bodyRows, choose, rowsLoaded } from './helpers.js';

const loaded = (name: string): boolean =>
  performance.getEntriesByType('resource').some((e) => e.name.includes(name));

describe('<invoice-table selectable>: the bulk change loads on demand', () => {
  it('nothing of it before "Change status…", its dialog after', async () => {
    const memory = new MemoryBackend({ invoices: [invoiceWith('a', 'DRAFT')] });
    const el = await fixture<InvoiceTable>(
      html`<invoice-table selectable .backend=${memory} .today=${TODAY}></invoice-table>`,
    );
    await rowsLoaded(el, 1);
    bodyRows(el)[0]!.querySelector<HTMLInputElement>('[part="select-row"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="bulk-bar"]'));
    expect(loaded('bulk-runtime'), 'bulk-runtime').to.equal(false);
    expect(loaded('bulk-dialog'), 'bulk-dialog').to.equal(false);
    expect(loaded('core/bulk-status'), 'core/bulk-status').to.equal(false);
    choose($(el, '[part="bulk-target"]'), 'OPEN');
    await el.updateComplete;
    $(el, '[part="bulk-change-button"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="confirm-button"]'), 'the question');
    expect(loaded('bulk-runtime')).to.equal(true);
    expect(loaded('bulk-dialog')).to.equal(true);
    expect(loaded('core/bulk-status')).to.equal(true);
  });
});
