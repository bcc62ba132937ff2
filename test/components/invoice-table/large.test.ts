import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { InvoiceTable } from '../../../src/components/invoice-table/invoice-table.js';
import { $, FakeBackend, TODAY, bodyRows, rowsLoaded } from './helpers.js';

describe('<invoice-table>', () => {
  describe('100,000 invoices', () => {
    it('renders a bounded DOM with correct row counts and indices', async () => {
      const backend = new FakeBackend();
      backend.synthetic = 100_000;
      const started = performance.now();
      const el = await fixture<InvoiceTable>(
        html`<invoice-table .backend=${backend} .today=${TODAY}></invoice-table>`,
      );
      await rowsLoaded(el);
      await waitUntil(() => bodyRows(el).length > 5, 'rows render');
      const firstRender = performance.now() - started;
      console.log(`invoice-table: first rows of 100,000 in ${firstRender.toFixed(0)} ms`);
      expect($(el, '[role="grid"]').getAttribute('aria-rowcount')).to.equal('100001');
      expect(bodyRows(el).length).to.be.lessThan(200);
      expect(el.shadowRoot!.querySelectorAll('*').length).to.be.lessThan(3000);
      expect(bodyRows(el)[0]!.getAttribute('aria-rowindex')).to.equal('2');
      // Only the first page was asked for.
      expect(backend.listCalls.map((c) => c.query.limit)).to.deep.equal([200]);
      await expect(el).to.be.accessible();
    });

    it('End reaches the last row, fetching only the pages it shows', async () => {
      const backend = new FakeBackend();
      backend.synthetic = 100_000;
      const el = await fixture<InvoiceTable>(
        html`<invoice-table .backend=${backend} .today=${TODAY}></invoice-table>`,
      );
      await rowsLoaded(el);
      await waitUntil(() => bodyRows(el).length > 5);
      bodyRows(el)[0]!.focus();
      await waitUntil(
        () =>
          (el.shadowRoot!.activeElement as HTMLElement | null)?.getAttribute('aria-rowindex') ===
          '2',
        'first row focused',
      );
      await sendKeys({ press: 'End' });
      await waitUntil(
        () =>
          (el.shadowRoot!.activeElement as HTMLElement | null)?.getAttribute('aria-rowindex') ===
          '100001',
        'last row focused',
        { timeout: 15_000 },
      );
      await waitUntil(
        () =>
          el
            .shadowRoot!.activeElement?.querySelector('[data-col="documentId"]')
            ?.textContent?.trim() === 'DOC-099999',
        'last page loaded',
        { timeout: 15_000 },
      );
      expect(bodyRows(el).length).to.be.lessThan(200);
      const offsets = backend.listCalls.map((c) => c.query.offset);
      expect(offsets).to.include(99_800);
      expect(offsets.length).to.be.lessThan(6);
    });
  });
});
