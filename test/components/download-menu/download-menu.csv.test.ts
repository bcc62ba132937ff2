/**
 * `<download-menu>` CSV exports of long invoices: made in the CSV worker, the page never
 * blocked, papaparse never loaded on the page. This file imports no papaparse before its first
 * test, which checks that.
 */
import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil, watchLongTasks } from '../../support/wait.js';
import '../../../src/define.js';
import type { Invoice } from '../../../src/core/types.js';
import {
  DownloadMenu,
  type SavedFile,
} from '../../../src/components/download-menu/download-menu.js';
import { setCsvWorkerFactory } from '../../../src/exports/csv-export.js';
import { longInvoice } from '../../exports/fixtures.js';

const saved: SavedFile[] = [];
const originalSave = DownloadMenu.saveFile;
const papaparseOnPage = (): boolean =>
  performance.getEntriesByType('resource').some((e) => /\/papaparse\//.test(e.name));

function parts(el: DownloadMenu) {
  const root = el.shadowRoot!;
  return {
    button: root.querySelector<HTMLButtonElement>('[part="button"]')!,
    items: [...root.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')],
    progress: root.querySelector<HTMLElement>('[part="progress"]'),
    error: root.querySelector<HTMLElement>('[part="error"]'),
    status: root.querySelector<HTMLElement>('[role="status"]'),
  };
}

async function menuFor(invoice: Invoice): Promise<DownloadMenu> {
  const el = await fixture<DownloadMenu>(html`<download-menu .invoice=${invoice}></download-menu>`);
  await el.updateComplete;
  return el;
}

async function choose(el: DownloadMenu, label: string): Promise<void> {
  parts(el).button.click();
  await el.updateComplete;
  const item = parts(el).items.find((i) => i.textContent!.trim() === label);
  if (!item) throw new Error(`No menu item ${label}`);
  item.click();
}

/** A worker factory that counts the CSV workers made and terminated. */
function countingWorkers(): { made: () => number; terminated: () => number } {
  let made = 0;
  let terminated = 0;
  setCsvWorkerFactory(() => {
    const w = new Worker(new URL('../../../src/exports/csv.worker.ts', import.meta.url), {
      type: 'module',
    });
    made++;
    const terminate = w.terminate.bind(w);
    w.terminate = () => {
      terminated++;
      terminate();
    };
    return w;
  });
  return { made: () => made, terminated: () => terminated };
}

describe('<download-menu>', () => {
  describe('CSV of a 100,000-line invoice', function () {
    // Long-task budgets are measured on a shared 2-core machine: a miss is retried twice
    // before it fails (a real regression misses every time).
    this.retries(2);
    beforeEach(() => {
      saved.length = 0;
      DownloadMenu.saveFile = (file) => {
        saved.push(file);
      };
    });
    afterEach(() => {
      DownloadMenu.saveFile = originalSave;
      setCsvWorkerFactory(undefined);
    });

    // First test of the file: nothing has asked for a CSV yet in this page.
    it('makes the detailed CSV in a worker, no main-thread task over 50 ms, papaparse never on the page', async () => {
      expect(papaparseOnPage(), 'papaparse before').to.equal(false);
      const workers = countingWorkers();
      const el = await menuFor(longInvoice(100_000));
      // From a new task: the one that made the long invoice does not count as the export's.
      const watch = await watchLongTasks();
      const done = oneEvent(el, 'invoice-download');
      const started = performance.now();
      await choose(el, 'Detailed CSV');
      await el.updateComplete;
      expect(parts(el).progress).to.not.equal(null);
      const detail = (await done).detail;
      const elapsed = performance.now() - started;
      // Every long task of the export is in by now (see watchLongTasks): no delay to guess.
      const longTasks = await watch.stop();
      console.log(
        `menu, 100,000-line detailed CSV: ${Math.round(elapsed)} ms, long tasks: ${JSON.stringify(longTasks.map(Math.round))}`,
      );
      expect(longTasks.filter((d) => d > 50)).to.deep.equal([]);
      expect(workers.made()).to.equal(1);
      expect(papaparseOnPage(), 'papaparse after').to.equal(false);
      expect(detail).to.deep.equal({
        invoiceId: 'inv-long',
        format: 'detailed-csv',
        filename: 'INV-LONG-5000_microsoft_2026-10_detailed.csv',
        source: 'browser',
      });
      await el.updateComplete;
      expect(parts(el).progress).to.equal(null);
      expect(parts(el).status!.textContent).to.equal('Detailed CSV ready.');

      const file = saved[0];
      if (file?.kind !== 'blob') throw new Error('blob expected');
      expect(file.blob.type).to.equal('text/csv;charset=utf-8');
      const { default: Papa } = await import('papaparse');
      const parsed = Papa.parse<Record<string, string>>(await file.blob.text(), {
        header: true,
        skipEmptyLines: true,
      });
      expect(parsed.errors).to.deep.equal([]);
      const rows = parsed.data;
      expect(rows).to.have.length(100_000);
      expect(rows[0].SKU).to.equal('SKU-0');
      expect(rows[12_345]).to.deep.include({
        'Document ID': 'INV-LONG-5000',
        Status: 'OPEN',
        Total: '110000.00',
        SKU: 'SKU-12345',
        Description: 'Line item number 12345',
        Quantity: '1',
        'Unit price': '1.00',
        Amount: '1.00',
        Tax: '0.10',
        Currency: 'USD',
        'PO number': 'PO-7781',
      });
      expect(rows[99_999].Description).to.equal('Line item number 99999');
    });

    it('Cancel stops a long detailed CSV: the worker is terminated, nothing is saved', async () => {
      const workers = countingWorkers();
      const el = await menuFor(longInvoice(100_000));
      let finished = false;
      el.addEventListener('invoice-download', () => (finished = true));
      await choose(el, 'Detailed CSV');
      await el.updateComplete;
      // Progress moves while the lines go to the worker.
      await waitUntil(() => parts(el).progress?.querySelector('progress')?.hasAttribute('value'));
      const cancel = parts(el).progress!.querySelector('button')!;
      expect(cancel.textContent!.trim()).to.equal('Cancel');
      cancel.click();
      await waitUntil(() => parts(el).progress === null && workers.terminated() === 1);
      // Negative check (no event says "no file will come"): a fixed wait can only pass wrongly.
      await aTimeout(100);
      expect(finished).to.equal(false);
      expect(saved).to.have.length(0);
      expect(workers.made()).to.equal(1);
      expect(workers.terminated()).to.equal(1);
      expect(parts(el).error).to.equal(null);
      expect(parts(el).status!.textContent).to.equal('Detailed CSV cancelled.');
    });

    it('the invoice CSV sums all 100,000 lines, without a main-thread task over 50 ms', async () => {
      const el = await menuFor(longInvoice(100_000));
      const watch = await watchLongTasks();
      const done = oneEvent(el, 'invoice-download');
      await choose(el, 'CSV');
      await done;
      const longTasks = await watch.stop();
      expect(longTasks.filter((d) => d > 50)).to.deep.equal([]);
      const file = saved[0];
      if (file?.kind !== 'blob') throw new Error('blob expected');
      // Dynamic: it imports papaparse, which this file loads only after its first test.
      const { fileText, invoiceSections, readCsv } = await import('../../exports/csv-read.js');
      const { totals, lines } = invoiceSections(readCsv(await fileText(file.blob), ','));
      expect(totals).to.deep.include({
        Subtotal: '100000.00',
        'Tax total': '10000.00',
        Total: '110000.00',
      });
      // 100,000 lines and the Azure plan's subtotal row.
      expect(lines).to.have.length(100_001);
      expect(lines[100_000]).to.deep.include({ Group: 'Azure plan', Amount: '100000.00' });
    });
  });
});
