/**
 * `<download-menu>` loads its export code (CSV, PDF, print, file names) when a user picks a
 * format, not with the element (issue 9: size budget). web-test-runner serves each source file
 * as its own module, so the page's Resource Timing entries say which ones were fetched.
 *
 * The elements are imported here, after the Resource Timing buffer is made large enough, and
 * through register.ts rather than define.ts: define.ts re-exports the package entry, which
 * exports `generateCsv` and `generatePdf` itself. Nothing else in this file imports the exports.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../support/wait.js';
import type { DownloadMenu } from '../../../src/components/download-menu/download-menu.js';
import { fixtureInvoice } from '../../exports/fixtures.js';

/** The export code that must wait for a choice (model.ts is left out: the strings use its labels). */
const LAZY = ['csv-export', 'filename', 'pdf', 'pipeline', 'print', 'run', 'trusted-worker'];
const LAZY_PATHS = LAZY.map((name) => `/src/exports/${name}.ts`);

const fetched = (): Set<string> =>
  new Set(performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));

const fetchedExportCode = (): string[] => LAZY_PATHS.filter((path) => fetched().has(path));

function parts(el: DownloadMenu) {
  const root = el.shadowRoot!;
  return {
    button: root.querySelector<HTMLButtonElement>('[part="button"]')!,
    items: [...root.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')],
    progress: root.querySelector<HTMLElement>('[part="progress"]'),
    error: root.querySelector<HTMLElement>('[part="error"]'),
  };
}

describe('<download-menu>', () => {
  describe('export code loaded on demand', () => {
    let Menu: typeof DownloadMenu;
    const printed: Window[] = [];

    before(async () => {
      // Room for every module of the page (the default buffer keeps 250 entries).
      performance.setResourceTimingBufferSize(5000);
      const { defineInvoiceElements } = await import('../../../src/register.js');
      defineInvoiceElements();
      Menu = customElements.get('download-menu') as typeof DownloadMenu;
      Menu.printWindow = (win) => {
        printed.push(win);
      };
    });

    it('fetches no export code until a format is chosen, then fetches it once', async () => {
      const el = await fixture<DownloadMenu>(
        html`<download-menu .invoice=${fixtureInvoice()}></download-menu>`,
      );
      // The check sees module requests: the element's own module is listed.
      expect(fetched().has('/src/components/download-menu/download-menu.ts')).to.equal(true);

      // Shown, and its menu opened: the formats are there, no export code yet.
      parts(el).button.click();
      await el.updateComplete;
      expect(parts(el).items.map((i) => i.textContent!.trim())).to.deep.equal([
        'PDF',
        'CSV',
        'Detailed CSV',
        'Print',
      ]);
      expect(fetchedExportCode()).to.deep.equal([]);

      // Print is chosen: the export code arrives, and the invoice is printed.
      const done = oneEvent(el, 'invoice-download');
      parts(el)
        .items.find((i) => i.textContent!.trim() === 'Print')!
        .click();
      expect((await done).detail).to.deep.equal({
        invoiceId: 'inv-42',
        format: 'print',
        filename: 'INV-2026-0042_microsoft_2026-10',
        source: 'browser',
      });
      expect(printed).to.have.length(1);
      expect(fetchedExportCode()).to.deep.equal(LAZY_PATHS);

      // A second export uses the code already loaded: no new request for it.
      const count = (): number =>
        performance
          .getEntriesByType('resource')
          .filter((e) => LAZY_PATHS.includes(new URL(e.name).pathname)).length;
      const before = count();
      const again = oneEvent(el, 'invoice-download');
      await el.download('print');
      await again;
      expect(printed).to.have.length(2);
      await waitUntil(() => parts(el).progress === null);
      expect(parts(el).error).to.equal(null);
      expect(count()).to.equal(before);
    });
  });
});
