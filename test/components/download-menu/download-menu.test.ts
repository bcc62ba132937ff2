import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import Papa from 'papaparse';
import '../../../src/define.js';
import { loadLocale } from '../../../src/i18n/loader.js';
import { MemoryBackend } from '../../../src/adapters/memory/index.js';
import { BackendError } from '../../../src/core/errors.js';
import type { Invoice } from '../../../src/core/types.js';
import {
  DownloadMenu,
  type SavedFile,
} from '../../../src/components/download-menu/download-menu.js';
import type { InvoiceDownloadDetail } from '../../../src/components/download-menu/download-menu.events.js';
import { fileText, invoiceSections, readCsv, records } from '../../exports/csv-read.js';
import { fixtureInvoice } from '../../exports/fixtures.js';
import { setPdfWorkerFactory } from '../../../src/exports/pdf.js';
import { setExportRuntimeLoader } from '../../../src/components/download-menu/export-runtime.js';
import { deferred, waitUntil } from '../../support/wait.js';

const saved: SavedFile[] = [];
const printed: Window[] = [];
const originalSave = DownloadMenu.saveFile;
const originalPrint = DownloadMenu.printWindow;

function parts(el: DownloadMenu) {
  const root = el.shadowRoot!;
  return {
    button: root.querySelector<HTMLButtonElement>('[part="button"]')!,
    menu: root.querySelector<HTMLElement>('[role="menu"]')!,
    items: [...root.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')],
    progress: root.querySelector<HTMLElement>('[part="progress"]'),
    error: root.querySelector<HTMLElement>('[part="error"]'),
    status: root.querySelector<HTMLElement>('[role="status"]'),
  };
}

const focused = (el: DownloadMenu): Element | null => el.shadowRoot!.activeElement;
const names = (el: DownloadMenu): string[] => parts(el).items.map((i) => i.textContent!.trim());

async function menuFor(invoice: Invoice, extra: Partial<DownloadMenu> = {}): Promise<DownloadMenu> {
  const el = await fixture<DownloadMenu>(html`<download-menu .invoice=${invoice}></download-menu>`);
  Object.assign(el, extra);
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

async function blobText(file: SavedFile): Promise<string> {
  if (file.kind !== 'blob') throw new Error('not a blob');
  return file.blob.text();
}

describe('<download-menu>', () => {
  beforeEach(() => {
    saved.length = 0;
    printed.length = 0;
    DownloadMenu.saveFile = (file) => {
      saved.push(file);
    };
    DownloadMenu.printWindow = (win) => {
      printed.push(win);
    };
  });
  afterEach(() => {
    DownloadMenu.saveFile = originalSave;
    DownloadMenu.printWindow = originalPrint;
  });

  describe('menu button (WAI-ARIA APG)', () => {
    it('is a button with aria-haspopup, aria-expanded and aria-controls', async () => {
      const el = await menuFor(fixtureInvoice());
      const { button, menu } = parts(el);
      expect(button.textContent!.trim()).to.equal('DOWNLOAD');
      expect(button.getAttribute('aria-haspopup')).to.equal('menu');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(button.getAttribute('aria-controls')).to.equal(menu.id);
      expect(menu.hidden).to.equal(true);
    });

    it('opens on Enter onto the first item; arrows wrap, Home/End jump, Escape returns focus', async () => {
      const el = await menuFor(fixtureInvoice());
      parts(el).button.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(parts(el).button.getAttribute('aria-expanded')).to.equal('true');
      expect(parts(el).menu.hidden).to.equal(false);
      expect(focused(el)?.textContent?.trim()).to.equal('PDF');
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(focused(el)?.textContent?.trim()).to.equal('CSV');
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(focused(el)?.textContent?.trim()).to.equal('Print');
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(focused(el)?.textContent?.trim()).to.equal('PDF');
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(focused(el)?.textContent?.trim()).to.equal('Print');
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(focused(el)?.textContent?.trim()).to.equal('PDF');
      // Roving tabindex: only the active item is in the tab order.
      expect(parts(el).items.map((i) => i.tabIndex)).to.deep.equal([0, -1, -1, -1]);
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(parts(el).button.getAttribute('aria-expanded')).to.equal('false');
      expect(parts(el).menu.hidden).to.equal(true);
      expect(focused(el)).to.equal(parts(el).button);
    });

    it('opens on ArrowUp onto the last item, on Space and ArrowDown onto the first', async () => {
      const el = await menuFor(fixtureInvoice());
      parts(el).button.focus();
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(focused(el)?.textContent?.trim()).to.equal('Print');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      await sendKeys({ press: ' ' });
      await el.updateComplete;
      expect(focused(el)?.textContent?.trim()).to.equal('PDF');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(focused(el)?.textContent?.trim()).to.equal('PDF');
    });

    it('jumps to a format by its first letter', async () => {
      const el = await menuFor(fixtureInvoice());
      parts(el).button.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await sendKeys({ press: 'd' });
      await el.updateComplete;
      expect(focused(el)?.textContent?.trim()).to.equal('Detailed CSV');
    });

    it('closes on Tab and when focus leaves', async () => {
      // A focusable control after the menu, so Tab stays in the page: in Firefox (WebDriver
      // BiDi) a Tab off the last control moves focus to the browser's own UI, and the page
      // (reused by the next test files) then gets no Enter/Space activation at all.
      const page = await fixture<HTMLElement>(
        html`<div>
          <download-menu .invoice=${fixtureInvoice()}></download-menu>
          <button id="after">After</button>
        </div>`,
      );
      const el = page.querySelector('download-menu')!;
      await el.updateComplete;
      parts(el).button.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(parts(el).menu.hidden).to.equal(true);
      expect(parts(el).button.getAttribute('aria-expanded')).to.equal('false');
      expect(document.activeElement).to.equal(page.querySelector('#after'));
    });

    it('chooses an item with Enter, closes and returns focus to the button', async () => {
      const el = await menuFor(fixtureInvoice());
      parts(el).button.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      const done = oneEvent(el, 'invoice-download');
      await sendKeys({ press: 'Enter' });
      const event = await done;
      expect(event.detail.format).to.equal('csv');
      await el.updateComplete;
      expect(parts(el).menu.hidden).to.equal(true);
      expect(focused(el)).to.equal(parts(el).button);
    });

    it('has no axe violations with the menu open', async () => {
      const el = await menuFor(fixtureInvoice());
      parts(el).button.click();
      await el.updateComplete;
      expect(parts(el).menu.hidden).to.equal(false);
      await expect(el).to.be.accessible();
    });
  });

  describe('formats per provider', () => {
    it('Microsoft: PDF, CSV, Detailed CSV, Print', async () => {
      const el = await menuFor(fixtureInvoice());
      expect(names(el)).to.deep.equal(['PDF', 'CSV', 'Detailed CSV', 'Print']);
    });
    it('AWS: PDF, CSV, Print', async () => {
      const el = await menuFor(fixtureInvoice({ provider: { id: 'aws', name: 'AWS' } }));
      expect(names(el)).to.deep.equal(['PDF', 'CSV', 'Print']);
    });
    it('Google: PDF, Detailed CSV, Print', async () => {
      const el = await menuFor(
        fixtureInvoice({ provider: { id: 'google', name: 'Google Cloud' } }),
      );
      expect(names(el)).to.deep.equal(['PDF', 'Detailed CSV', 'Print']);
    });
    it("the invoice's own list wins", async () => {
      const el = await menuFor(fixtureInvoice({ downloadFormats: ['print', 'csv'] }));
      expect(names(el)).to.deep.equal(['CSV', 'Print']);
    });
    it('in pt-BR', async () => {
      await loadLocale('pt-BR'); // pt-BR loads on demand; preload as a host would
      const el = await fixture<DownloadMenu>(
        html`<download-menu lang="pt-BR" .invoice=${fixtureInvoice()}></download-menu>`,
      );
      // The pt-BR strings may load on demand: wait for them to show.
      await waitUntil(() => parts(el).button.textContent!.trim() !== 'DOWNLOAD');
      expect(parts(el).button.textContent!.trim()).to.equal('BAIXAR');
      expect(names(el)).to.deep.equal(['PDF', 'CSV', 'CSV detalhado', 'Imprimir']);
    });
  });

  describe('files made in the browser', () => {
    it('CSV in the selected currency, named <document-id>_<provider>_<period>_<currency>.csv', async () => {
      const el = await menuFor(fixtureInvoice(), { currency: 'BRL' });
      const requested = oneEvent(el, 'invoice-download-request');
      const done = oneEvent(el, 'invoice-download');
      await choose(el, 'CSV');
      expect((await requested).detail).to.deep.equal({
        invoiceId: 'inv-42',
        format: 'csv',
        currency: 'BRL',
      });
      const detail: InvoiceDownloadDetail = (await done).detail;
      expect(detail).to.deep.equal({
        invoiceId: 'inv-42',
        format: 'csv',
        filename: 'INV-2026-0042_microsoft_2026-10_BRL.csv',
        source: 'browser',
      });
      expect(saved).to.have.length(1);
      expect(saved[0].filename).to.equal('INV-2026-0042_microsoft_2026-10_BRL.csv');
      const file = saved[0];
      if (file.kind !== 'blob') throw new Error('blob expected');
      const { fields, totals } = invoiceSections(readCsv(await fileText(file.blob), ','));
      expect(totals.Total).to.equal('7394.76');
      expect(fields.Currency).to.equal('BRL');
      expect(fields['Exchange rate']).to.equal('1 USD = 5.4321 BRL (ECB, 2026-10-31)');
    });

    it('CSV for spreadsheets by default: in pt-BR, `;`, a decimal comma, pt-BR labels and a BOM', async () => {
      await loadLocale('pt-BR');
      const el = await fixture<DownloadMenu>(
        html`<download-menu lang="pt-BR" .invoice=${fixtureInvoice()}></download-menu>`,
      );
      expect(el.csvDialect).to.equal('spreadsheet');
      await waitUntil(() => parts(el).button.textContent!.trim() === 'BAIXAR');
      const done = oneEvent(el, 'invoice-download');
      await choose(el, 'CSV detalhado');
      await done;
      const file = saved[0];
      if (file.kind !== 'blob') throw new Error('blob expected');
      const bytes = new Uint8Array(await file.blob.arrayBuffer());
      expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
      const rows = records(readCsv(await fileText(file.blob), ';'));
      expect(rows.map((r) => r.Valor)).to.deep.equal(['1250,00', '0,05', '-12,50']);
      expect(rows.map((r) => r['Total de impostos'])).to.deep.equal(['123,76', '123,76', '123,76']);
    });

    it('csv-dialect="rfc4180": `,`, a point, no BOM, even in pt-BR', async () => {
      await loadLocale('pt-BR');
      const el = await fixture<DownloadMenu>(
        html`<download-menu
          lang="pt-BR"
          csv-dialect="rfc4180"
          .invoice=${fixtureInvoice()}
        ></download-menu>`,
      );
      expect(el.csvDialect).to.equal('rfc4180');
      await waitUntil(() => parts(el).button.textContent!.trim() === 'BAIXAR');
      const done = oneEvent(el, 'invoice-download');
      await choose(el, 'CSV detalhado');
      await done;
      const file = saved[0];
      if (file.kind !== 'blob') throw new Error('blob expected');
      const rows = records(readCsv(await fileText(file.blob), ',', false));
      expect(rows.map((r) => r.Valor)).to.deep.equal(['1250.00', '0.05', '-12.50']);
    });

    it('an unknown csv-dialect writes the spreadsheet dialect', async () => {
      const el = await fixture<DownloadMenu>(
        html`<download-menu csv-dialect="excel" .invoice=${fixtureInvoice()}></download-menu>`,
      );
      const done = oneEvent(el, 'invoice-download');
      await choose(el, 'Detailed CSV');
      await done;
      const file = saved[0];
      if (file.kind !== 'blob') throw new Error('blob expected');
      expect(records(readCsv(await fileText(file.blob), ',')).map((r) => r.Amount)).to.deep.equal([
        '1250.00',
        '0.05',
        '-12.50',
      ]);
    });

    it('detailed CSV (rfc4180) with a BOM when `bom` is set', async () => {
      const el = await fixture<DownloadMenu>(
        html`<download-menu
          bom
          csv-dialect="rfc4180"
          .invoice=${fixtureInvoice()}
        ></download-menu>`,
      );
      const done = oneEvent(el, 'invoice-download');
      await choose(el, 'Detailed CSV');
      await done;
      const file = saved[0];
      if (file.kind !== 'blob') throw new Error('blob expected');
      const bytes = new Uint8Array(await file.blob.arrayBuffer());
      expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
      const rows = Papa.parse<Record<string, string>>(
        (await file.blob.text()).replace(/^\uFEFF/, ''),
        {
          header: true,
          skipEmptyLines: true,
        },
      ).data;
      expect(rows.map((r) => r.Amount)).to.deep.equal(['1250.00', '0.05', '-12.50']);
      expect(file.filename).to.equal('INV-2026-0042_microsoft_2026-10_detailed.csv');
    });

    it('an unknown currency falls back to the invoice currency', async () => {
      const el = await menuFor(fixtureInvoice(), { currency: 'EUR' });
      const requested = oneEvent(el, 'invoice-download-request');
      await choose(el, 'CSV');
      expect((await requested).detail.currency).to.equal('USD');
    });

    it('PDF with progress, made in the worker, saved as a PDF', async () => {
      const el = await menuFor(fixtureInvoice({ lines: fixtureInvoice().lines }));
      const done = oneEvent(el, 'invoice-download');
      await choose(el, 'PDF');
      await el.updateComplete;
      expect(parts(el).progress).to.not.equal(null);
      expect(parts(el).progress!.querySelector('progress')!.getAttribute('aria-label')).to.equal(
        'PDF progress',
      );
      const detail = (await done).detail;
      expect(detail.filename).to.equal('INV-2026-0042_microsoft_2026-10.pdf');
      expect(saved[0].kind === 'blob' && saved[0].blob.type).to.equal('application/pdf');
      await el.updateComplete;
      expect(parts(el).progress).to.equal(null);
      expect(parts(el).status!.textContent).to.equal('PDF ready.');
      // jspdf never loaded on the page's main thread.
      expect(
        performance.getEntriesByType('resource').some((e) => e.name.includes('/jspdf')),
      ).to.equal(false);
    });

    it('Cancel stops a long PDF', async () => {
      const lines = [];
      for (let i = 0; i < 5000; i++) lines.push({ ...fixtureInvoice().lines[0], id: `l${i}` });
      const el = await menuFor(fixtureInvoice({ lines }));
      let finished = false;
      el.addEventListener('invoice-download', () => (finished = true));
      await choose(el, 'PDF');
      await el.updateComplete;
      const cancel = parts(el).progress!.querySelector('button')!;
      expect(cancel.textContent!.trim()).to.equal('Cancel');
      cancel.click();
      await waitUntil(() => parts(el).progress === null);
      // Negative check (no event says "no file will come"): a fixed wait can only pass wrongly.
      await aTimeout(50);
      expect(finished).to.equal(false);
      expect(saved).to.have.length(0);
      expect(parts(el).status!.textContent).to.equal('PDF cancelled.');
    });

    it('Print prints the invoice document through the print hook', async () => {
      const el = await menuFor(fixtureInvoice());
      const done = oneEvent(el, 'invoice-download');
      let text = '';
      DownloadMenu.printWindow = (win) => {
        text = win.document.body.textContent ?? '';
        printed.push(win);
      };
      await choose(el, 'Print');
      const detail = (await done).detail;
      expect(printed).to.have.length(1);
      expect(text).to.contain('INV-2026-0042');
      expect(text).to.contain('$1,361.31');
      expect(detail).to.deep.equal({
        invoiceId: 'inv-42',
        format: 'print',
        filename: 'INV-2026-0042_microsoft_2026-10',
        source: 'browser',
      });
      expect(document.querySelectorAll('iframe').length).to.equal(0);
    });

    it('a cancelled request makes no file', async () => {
      const el = await menuFor(fixtureInvoice());
      el.addEventListener('invoice-download-request', (e) => e.preventDefault());
      await choose(el, 'CSV');
      await el.updateComplete;
      expect(saved).to.have.length(0);
      expect(parts(el).status!.textContent).to.equal('The download was stopped by the page.');
    });

    it('a double click makes one file', async () => {
      const el = await menuFor(fixtureInvoice());
      let count = 0;
      el.addEventListener('invoice-download-request', () => count++);
      void el.download('pdf');
      void el.download('pdf');
      await oneEvent(el, 'invoice-download');
      expect(count).to.equal(1);
      expect(saved).to.have.length(1);
    });
  });

  describe('export code loaded on demand', () => {
    afterEach(() => setExportRuntimeLoader(undefined));

    it('a failed load (offline, CDN error) shows the failure with Retry, and Retry loads again', async () => {
      const unhandled: unknown[] = [];
      const onUnhandled = (event: PromiseRejectionEvent): void => {
        unhandled.push(event.reason);
      };
      window.addEventListener('unhandledrejection', onUnhandled);
      let loads = 0;
      setExportRuntimeLoader(() => {
        loads++;
        return loads === 1
          ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
          : import('../../../src/exports/run.js');
      });
      try {
        const el = await menuFor(fixtureInvoice());
        await choose(el, 'CSV');
        await waitUntil(() => parts(el).error !== null);
        const error = parts(el).error!;
        expect(error.getAttribute('role')).to.equal('alert');
        expect(error.textContent).to.contain('CSV could not be made.');
        expect(error.textContent).to.contain('Something went wrong while making the file.');
        expect(parts(el).progress).to.equal(null);
        expect(saved).to.have.length(0);
        await expect(el).to.be.accessible();

        const done = oneEvent(el, 'invoice-download');
        const retry = error.querySelector('button')!;
        expect(retry.textContent!.trim()).to.equal('Retry');
        retry.click();
        await waitUntil(() => saved.length > 0 || parts(el).error !== null);
        expect(loads).to.equal(2);
        expect(parts(el).error).to.equal(null);
        expect((await done).detail.filename).to.equal('INV-2026-0042_microsoft_2026-10.csv');
        expect(saved).to.have.length(1);

        // Once loaded, the export code is kept: the next export does not load it again.
        const printedToo = oneEvent(el, 'invoice-download');
        await choose(el, 'Print');
        await printedToo;
        expect(loads).to.equal(2);
        // Negative check (an unhandled rejection is reported in a later task, if ever): a fixed
        // wait can only pass wrongly.
        await aTimeout(50);
        expect(unhandled).to.deep.equal([]);
      } finally {
        window.removeEventListener('unhandledrejection', onUnhandled);
      }
    });

    it('Cancel while the export code loads stops the export', async () => {
      let arrive: (() => void) | undefined;
      const arrived = deferred();
      setExportRuntimeLoader(async () => {
        await new Promise<void>((resolve) => (arrive = resolve));
        const runtime = await import('../../../src/exports/run.js');
        arrived.resolve();
        return runtime;
      });
      const el = await menuFor(fixtureInvoice());
      let finished = false;
      el.addEventListener('invoice-download', () => (finished = true));
      await choose(el, 'CSV');
      await waitUntil(() => arrive !== undefined && parts(el).progress !== null);
      // Cancel works while the code is still on its way, without waiting for it.
      parts(el).progress!.querySelector('button')!.click();
      await waitUntil(() => parts(el).progress === null);
      expect(parts(el).status!.textContent).to.equal('CSV cancelled.');
      arrive!();
      // The code is there (the cancelled export would go on from here, were it not cancelled).
      await arrived.promise;
      // Negative check (no event says "no file will come"): a fixed wait can only pass wrongly.
      await aTimeout(50);
      expect(finished).to.equal(false);
      expect(saved).to.have.length(0);
      expect(parts(el).error).to.equal(null);
      // The code that arrived meanwhile serves the next export.
      const done = oneEvent(el, 'invoice-download');
      await choose(el, 'CSV');
      expect((await done).detail.format).to.equal('csv');
      expect(saved).to.have.length(1);
    });
  });

  describe('files made by the server', () => {
    it('uses a server Blob when the adapter offers one', async () => {
      const blob = new Blob(['%PDF-server'], { type: 'application/pdf' });
      const backend = new MemoryBackend({
        invoices: [fixtureInvoice()],
        downloads: { pdf: { kind: 'blob', blob, filename: '../server file.pdf' } },
      });
      const el = await menuFor(fixtureInvoice(), { backend });
      const done = oneEvent(el, 'invoice-download');
      await choose(el, 'PDF');
      expect((await done).detail).to.deep.equal({
        invoiceId: 'inv-42',
        format: 'pdf',
        filename: 'server-file.pdf',
        source: 'server',
      });
      expect(await blobText(saved[0])).to.equal('%PDF-server');
    });

    it('uses an https URL and a same-origin URL, and the browser for formats the server does not make', async () => {
      const backend = new MemoryBackend({
        invoices: [fixtureInvoice()],
        downloads: {
          pdf: { kind: 'url', url: 'https://files.example.com/inv-42.pdf' },
          csv: { kind: 'url', url: '/files/inv-42.csv' },
        },
      });
      const el = await menuFor(fixtureInvoice(), { backend });
      let done = oneEvent(el, 'invoice-download');
      await choose(el, 'PDF');
      await done;
      done = oneEvent(el, 'invoice-download');
      await choose(el, 'CSV');
      await done;
      done = oneEvent(el, 'invoice-download');
      await choose(el, 'Detailed CSV');
      expect((await done).detail.source).to.equal('browser');
      expect(saved.map((f) => (f.kind === 'url' ? [f.url, f.sameOrigin] : f.kind))).to.deep.equal([
        ['https://files.example.com/inv-42.pdf', false],
        [`${location.origin}/files/inv-42.csv`, true],
        'blob',
      ]);
    });

    it('refuses an http or javascript: URL from another origin', async () => {
      for (const url of ['http://evil.example.com/x.pdf', 'javascript:alert(1)']) {
        const backend = new MemoryBackend({
          invoices: [fixtureInvoice()],
          downloads: { pdf: { kind: 'url', url } },
        });
        const el = await menuFor(fixtureInvoice(), { backend });
        await choose(el, 'PDF');
        await waitUntil(() => parts(el).error !== null);
        expect(parts(el).error!.textContent).to.contain('not allowed');
        expect(saved).to.have.length(0);
      }
    });

    it('shows a failure with Retry, and Retry succeeds', async () => {
      const backend = new MemoryBackend({ invoices: [fixtureInvoice()] });
      backend.failNext('download', new BackendError('server', 'boom', { status: 500 }));
      const el = await menuFor(fixtureInvoice(), { backend });
      await choose(el, 'CSV');
      await waitUntil(() => parts(el).error !== null);
      const error = parts(el).error!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.contain('CSV could not be made.');
      expect(error.textContent).to.contain('The server had a problem.');
      await expect(el).to.be.accessible();
      const done = oneEvent(el, 'invoice-download');
      const retry = error.querySelector('button')!;
      expect(retry.textContent!.trim()).to.equal('Retry');
      retry.click();
      expect((await done).detail.source).to.equal('browser');
      await el.updateComplete;
      expect(parts(el).error).to.equal(null);
      expect(backend.calls.download).to.equal(2);
    });

    it('loads the invoice by invoice-id', async () => {
      const backend = new MemoryBackend({ invoices: [fixtureInvoice()] });
      const el = await fixture<DownloadMenu>(
        html`<download-menu invoice-id="inv-42" .backend=${backend}></download-menu>`,
      );
      await waitUntil(() => parts(el).items.length > 0);
      expect(names(el)).to.deep.equal(['PDF', 'CSV', 'Detailed CSV', 'Print']);
    });
  });

  describe('customer audience', () => {
    it('offers no format for a draft, and download() makes nothing', async () => {
      const el = await fixture<DownloadMenu>(
        html`<download-menu
          audience="customer"
          .invoice=${fixtureInvoice({ status: 'DRAFT' })}
        ></download-menu>`,
      );
      expect(parts(el).items).to.have.length(0);
      expect(el.shadowRoot!.querySelector('[aria-haspopup]')).to.equal(null);
      expect(el.shadowRoot!.textContent).to.contain('No downloads are available');
      let requested = false;
      el.addEventListener('invoice-download-request', () => (requested = true));
      await el.download('csv');
      expect(requested).to.equal(false);
      expect(saved).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('exports an open invoice', async () => {
      const el = await fixture<DownloadMenu>(
        html`<download-menu audience="customer" .invoice=${fixtureInvoice()}></download-menu>`,
      );
      expect(names(el)).to.deep.equal(['PDF', 'CSV', 'Detailed CSV', 'Print']);
      const done = oneEvent(el, 'invoice-download');
      await choose(el, 'CSV');
      await done;
      expect(saved).to.have.length(1);
    });

    it('the operator may export a draft', async () => {
      const el = await menuFor(fixtureInvoice({ status: 'DRAFT' }));
      expect(names(el)).to.have.length(4);
    });
  });

  describe('PDF content through the menu', () => {
    it('sends the worker the page language, the status in words and the selected currency', async () => {
      await loadLocale('pt-BR'); // pt-BR loads on demand; preload as a host would
      const requests: unknown[] = [];
      setPdfWorkerFactory(() => {
        const w = new Worker(new URL('../../../src/exports/pdf.worker.ts', import.meta.url), {
          type: 'module',
        });
        const post = w.postMessage.bind(w);
        w.postMessage = (message: unknown) => {
          requests.push(message);
          post(message);
        };
        return w;
      });
      try {
        const el = await fixture<DownloadMenu>(
          html`<download-menu
            lang="pt-BR"
            currency="BRL"
            .invoice=${fixtureInvoice()}
          ></download-menu>`,
        );
        const done = oneEvent(el, 'invoice-download');
        await choose(el, 'PDF');
        await done;
        const { options } = requests[0] as { options: Record<string, unknown> };
        expect(options.locale).to.equal('pt-BR');
        expect(options.statusText).to.equal('Aberto');
        expect(options.currency).to.equal('BRL');
        expect((options.labels as Record<string, string>).total).to.equal('Total');
        expect((options.labels as Record<string, string>).pageOf).to.equal(
          'Página {page} de {pages}',
        );
        const file = saved[0];
        expect(file.kind === 'blob' && file.blob.size).to.be.greaterThan(1000);
      } finally {
        setPdfWorkerFactory(undefined);
      }
    });
  });
});
