/**
 * `<invoice-table>`'s list export (issue 25): Export CSV writes every invoice of the filter and
 * sort in force, page by page, with progress, Cancel and Retry, in en, pt-BR and es.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import { InvoiceTable as InvoiceTableClass } from '../../../src/components/invoice-table/invoice-table.js';
import type {
  InvoiceListExportDetail,
  InvoiceTable,
} from '../../../src/components/invoice-table/invoice-table.js';
import type { CallOptions } from '../../../src/core/backend.js';
import { BackendError } from '../../../src/core/errors.js';
import type { InvoiceQuery, InvoiceSummary } from '../../../src/core/types.js';
import type { SavedFile } from '../../../src/exports/save-file.js';
import { loadLocale } from '../../../src/i18n/loader.js';
import { fileText, readCsv, records } from '../../exports/csv-read.js';
import { deferred, waitUntil } from '../../support/wait.js';
import { $, FakeBackend, TODAY, button, rowsLoaded, summary } from './helpers.js';

const originalSave = InvoiceTableClass.saveFile;

/** 1,203 invoices in October 2026: every fourth a draft, providers in turn. */
function manyInvoices(): InvoiceSummary[] {
  const providers = [
    { id: 'aws', name: 'AWS' },
    { id: 'microsoft', name: 'Microsoft' },
    { id: 'google', name: 'Google Cloud' },
  ];
  return Array.from({ length: 1203 }, (_, i) =>
    summary({
      id: `x${i}`,
      documentId: `DOC-${String(i).padStart(5, '0')}`,
      status: i % 4 === 0 ? 'DRAFT' : 'OPEN',
      provider: providers[i % 3]!,
      total: { minor: 10_000 + i, currency: 'USD' },
    }),
  );
}

/** The export's requests (pages of 500), not the grid's (pages of 200). */
const exportCalls = (b: FakeBackend) => b.listCalls.filter((c) => c.query.limit === 500);

interface Mounted {
  el: InvoiceTable;
  saved: SavedFile[];
  events: InvoiceListExportDetail[];
}

async function mount(
  backend: FakeBackend,
  { lang = 'en', audience = 'operator', dialect = 'spreadsheet' } = {},
): Promise<Mounted> {
  if (lang !== 'en') await loadLocale(lang as 'pt-BR' | 'es');
  const saved: SavedFile[] = [];
  InvoiceTableClass.saveFile = (file) => {
    saved.push(file);
  };
  const events: InvoiceListExportDetail[] = [];
  const wrapper = await fixture<HTMLDivElement>(
    html`<div
      lang=${lang}
      @invoice-list-export=${(e: CustomEvent<InvoiceListExportDetail>) => events.push(e.detail)}
    >
      <invoice-table
        .backend=${backend}
        .today=${TODAY}
        audience=${audience}
        csv-dialect=${dialect}
      ></invoice-table>
    </div>`,
  );
  const el = wrapper.querySelector('invoice-table')!;
  await rowsLoaded(el);
  return { el, saved, events };
}

const status = (el: InvoiceTable) =>
  $(el, '[part="list-export"] [role="status"]').textContent!.trim();

async function savedRows(file: SavedFile, delimiter: ',' | ';', bom: boolean) {
  if (file.kind !== 'blob') throw new Error('a Blob was expected');
  return records(readCsv(await fileText(file.blob), delimiter, bom));
}

/** Presses the Export CSV button from the keyboard, as a user would. */
async function exportByKeyboard(el: InvoiceTable, name: string): Promise<void> {
  button(el, name).focus();
  await sendKeys({ press: 'Enter' });
}

describe('<invoice-table> list export', () => {
  afterEach(() => {
    InvoiceTableClass.saveFile = originalSave;
  });

  it('exports every invoice of the filter and sort in force, in pages of 500', async () => {
    const all = manyInvoices();
    const backend = new FakeBackend(all);
    const { el, saved, events } = await mount(backend, { dialect: 'rfc4180' });
    el.view = {
      from: '2026-10',
      to: '2026-10',
      provider: 'aws',
      sort: { key: 'documentId', direction: 'desc' },
    };
    await rowsLoaded(el);
    await exportByKeyboard(el, 'Export CSV');
    await waitUntil(() => events.length === 1, 'the export event');
    const expected = all
      .filter((s) => s.provider.id === 'aws')
      .map((s) => s.documentId)
      .sort()
      .reverse();
    expect(saved).to.have.length(1);
    expect(saved[0]!.filename).to.equal('invoices_all-customers_2026-10.csv');
    const rows = await savedRows(saved[0]!, ',', false);
    expect(rows.map((r) => r['Document ID'])).to.deep.equal(expected);
    expect(rows[0]).to.include({ 'Cloud provider': 'AWS', Total: '112.00', Currency: 'USD' });
    expect(exportCalls(backend).map((c) => c.query.offset)).to.deep.equal([0]);
    expect(exportCalls(backend)[0]!.query).to.deep.include({
      providers: ['aws'],
      sort: { key: 'documentId', direction: 'desc' },
    });
    expect(events[0]).to.include({ rows: expected.length, dialect: 'rfc4180', inWorker: true });
    expect(status(el)).to.equal(`Exported ${expected.length} invoices.`);
  });

  const languages = [
    {
      lang: 'en',
      name: 'Export CSV',
      sep: ',',
      id: 'Document ID',
      total: '100.05',
      done: 'Exported 1,203 invoices.',
    },
    {
      lang: 'pt-BR',
      name: 'Exportar CSV',
      sep: ';',
      id: 'ID do documento',
      total: '100,05',
      done: '1.203 faturas exportadas.',
    },
    {
      lang: 'es',
      name: 'Exportar CSV',
      sep: ';',
      id: 'ID del documento',
      total: '100,05',
      done: '1203 facturas exportadas.',
    },
  ] as const;
  for (const { lang, name, sep, id, total, done } of languages) {
    it(`${lang}: 3 pages in the language's spreadsheet dialect, progress announced`, async () => {
      const backend = new FakeBackend(manyInvoices());
      const { el, saved } = await mount(backend, { lang });
      el.view = { from: '2026-10', to: '2026-10', sort: { key: 'documentId', direction: 'asc' } };
      await rowsLoaded(el);
      await exportByKeyboard(el, name);
      await waitUntil(() => saved.length === 1, 'the file');
      expect(exportCalls(backend).map((c) => c.query.offset)).to.deep.equal([0, 500, 1000]);
      const rows = await savedRows(saved[0]!, sep, true);
      expect(rows).to.have.length(1203);
      expect(rows[5]![id]).to.equal('DOC-00005');
      expect(rows[5]!.Total).to.equal(total);
      expect(status(el)).to.equal(done);
    });
  }

  it('Cancel aborts the page in flight and saves nothing; the focus returns to Export CSV', async () => {
    const backend = new FakeBackend(manyInvoices());
    const { el, saved, events } = await mount(backend);
    backend.manual = true;
    await exportByKeyboard(el, 'Export CSV');
    await waitUntil(() => exportCalls(backend).length === 1, 'the first page asked');
    backend.resolveList(backend.pending.length - 1);
    await waitUntil(() => exportCalls(backend).length === 2, 'the second page asked');
    await waitUntil(() => status(el).startsWith('Exported 500 of'), 'progress after one page');
    const progress = $(el, '[part="export-progress"]') as HTMLProgressElement;
    expect(progress.getAttribute('aria-label')).to.equal('Export progress');
    expect([progress.value, progress.max]).to.deep.equal([500, 1203]);
    button(el, 'Cancel export').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => status(el) === 'Export cancelled. No file was saved.', 'cancelled');
    expect(exportCalls(backend)[1]!.signal?.aborted).to.equal(true);
    expect(saved).to.deep.equal([]);
    expect(events).to.deep.equal([]);
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'Export CSV'));
    expect(el.shadowRoot!.querySelector('[part="export-progress"]')).to.equal(null);
  });

  it('a failed page shows an alert with Retry, which goes on from that page', async () => {
    const backend = new (class extends FakeBackend {
      failed = false;
      override listInvoices(query: InvoiceQuery, options: CallOptions = {}) {
        if (query.limit === 500 && query.offset === 500 && !this.failed) {
          this.failed = true;
          this.listCalls.push({ query, signal: options.signal });
          return Promise.reject(new BackendError('server', 'HTTP 503'));
        }
        return super.listInvoices(query, options);
      }
    })(manyInvoices());
    const { el, saved } = await mount(backend);
    el.view = { from: '2026-10', to: '2026-10', sort: { key: 'documentId', direction: 'asc' } };
    await rowsLoaded(el);
    await exportByKeyboard(el, 'Export CSV');
    await waitUntil(
      () => el.shadowRoot!.querySelector('[part="export-error"][role="alert"]'),
      'the alert',
    );
    const alert = $(el, '[part="export-error"][role="alert"]');
    expect(alert.textContent).to.contain(
      'The export stopped after 500 of 1,203 invoices: a page could not be loaded.',
    );
    await expect(el).to.be.accessible();
    button(el, 'Retry').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => saved.length === 1, 'the file');
    expect(exportCalls(backend).map((c) => c.query.offset)).to.deep.equal([0, 500, 500, 1000]);
    const ids = (await savedRows(saved[0]!, ',', true)).map((r) => r['Document ID']);
    expect(ids).to.deep.equal(manyInvoices().map((s) => s.documentId));
  });

  it('the customer audience exports no draft, even from an adapter that sends them', async () => {
    const backend = new FakeBackend(manyInvoices());
    backend.leakDrafts = true;
    const { el, saved } = await mount(backend, { audience: 'customer' });
    el.view = { from: '2026-10', to: '2026-10', sort: { key: 'documentId', direction: 'asc' } };
    await rowsLoaded(el);
    await exportByKeyboard(el, 'Export CSV');
    await waitUntil(() => saved.length === 1, 'the file');
    const rows = await savedRows(saved[0]!, ',', true);
    expect(rows.length).to.equal(manyInvoices().filter((s) => s.status !== 'DRAFT').length);
    expect(rows.every((r) => r.Status === 'OPEN')).to.equal(true);
  });

  it('exportList() starts it from the host; a second call while it runs does nothing', async () => {
    const backend = new FakeBackend(manyInvoices());
    const { el, saved } = await mount(backend);
    const started = deferred<void>();
    const first = el.exportList({ dialect: 'rfc4180' });
    void el.exportList().then(() => started.resolve());
    await started.promise;
    await first;
    expect(saved).to.have.length(1);
    await savedRows(saved[0]!, ',', false);
  });

  it('has no axe violations while exporting', async () => {
    const backend = new FakeBackend(manyInvoices());
    const { el } = await mount(backend);
    backend.manual = true;
    void el.exportList();
    await waitUntil(() => exportCalls(backend).length === 1, 'the first page asked');
    await el.updateComplete;
    await expect(el).to.be.accessible();
    el.cancelExport();
  });
});
