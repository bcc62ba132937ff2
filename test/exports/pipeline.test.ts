/**
 * The export pipeline (exports/pipeline.ts) on its own, with a fake backend: a server file when
 * the adapter offers one, a file made here otherwise, print made here always, cancellation, and
 * the refusal of what the audience may not see. The veto (`invoice-download-request`) is the
 * element's, not the pipeline's.
 */
import { expect } from '@open-wc/testing';
import type { InvoiceBackend } from '../../src/core/backend.js';
import type { DownloadFormat, ServerDownload } from '../../src/core/types.js';
import { runExport, type ExportRequest } from '../../src/exports/pipeline.js';
import type { SavedFile } from '../../src/exports/save-file.js';
import { fixtureInvoice } from './fixtures.js';
import { rejection } from '../support/wait.js';

type Download = NonNullable<InvoiceBackend['download']>;

interface Asked {
  invoiceId: string;
  format: DownloadFormat;
  currency?: string;
  signal?: AbortSignal;
}

/** A backend with only `download`, answering from `files` (null for a format not there). */
function fakeBackend(files: Partial<Record<DownloadFormat, ServerDownload>>): {
  backend: { download: Download };
  asked: Asked[];
} {
  const asked: Asked[] = [];
  const download: Download = async (invoiceId, format, options) => {
    asked.push({ invoiceId, format, currency: options?.currency, signal: options?.signal });
    return files[format] ?? null;
  };
  return { backend: { download }, asked };
}

function request(
  format: DownloadFormat,
  extra: Partial<ExportRequest> = {},
): { request: ExportRequest; saved: SavedFile[]; printed: Window[] } {
  const saved: SavedFile[] = [];
  const printed: Window[] = [];
  return {
    saved,
    printed,
    request: {
      format,
      currency: 'USD',
      audience: 'operator',
      signal: new AbortController().signal,
      save: (file) => {
        saved.push(file);
      },
      print: (win) => {
        printed.push(win);
      },
      ...extra,
    },
  };
}

/** The first three bytes of a saved Blob (Blob.text() would drop a byte order mark). */
async function head(file: SavedFile): Promise<number[]> {
  if (file.kind !== 'blob') throw new Error('not a blob');
  return [...new Uint8Array(await file.blob.arrayBuffer()).slice(0, 3)];
}

const BOM = [0xef, 0xbb, 0xbf];

describe('exports/pipeline', () => {
  describe('a file made by the server', () => {
    it('saves the Blob the adapter offers, under a safe name, asking in the currency', async () => {
      const blob = new Blob(['%PDF-server'], { type: 'application/pdf' });
      const { backend, asked } = fakeBackend({
        pdf: { kind: 'blob', blob, filename: '../server file.pdf' },
      });
      const { request: req, saved } = request('pdf', { backend, currency: 'BRL' });
      const outcome = await runExport(fixtureInvoice(), req);
      expect(outcome).to.deep.equal({ filename: 'server-file.pdf', source: 'server' });
      expect(
        asked.map(({ invoiceId, format, currency }) => [invoiceId, format, currency]),
      ).to.deep.equal([['inv-42', 'pdf', 'BRL']]);
      expect(asked[0].signal).to.equal(req.signal);
      expect(saved).to.have.length(1);
      expect(saved[0]).to.include({ kind: 'blob', filename: 'server-file.pdf' });
      expect(saved[0].kind === 'blob' && (await saved[0].blob.text())).to.equal('%PDF-server');
    });

    it('saves an https or same-origin URL, named after the invoice when the server gives no name', async () => {
      const { backend } = fakeBackend({
        pdf: { kind: 'url', url: 'https://files.example.com/inv-42.pdf' },
        csv: { kind: 'url', url: '/files/inv-42.csv' },
      });
      const pdf = request('pdf', { backend });
      expect(await runExport(fixtureInvoice(), pdf.request)).to.deep.equal({
        filename: 'INV-2026-0042_microsoft_2026-10.pdf',
        source: 'server',
      });
      expect(pdf.saved).to.deep.equal([
        {
          kind: 'url',
          url: 'https://files.example.com/inv-42.pdf',
          sameOrigin: false,
          filename: 'INV-2026-0042_microsoft_2026-10.pdf',
        },
      ]);
      const csv = request('csv', { backend });
      await runExport(fixtureInvoice(), csv.request);
      expect(csv.saved).to.deep.equal([
        {
          kind: 'url',
          url: `${location.origin}/files/inv-42.csv`,
          sameOrigin: true,
          filename: 'INV-2026-0042_microsoft_2026-10.csv',
        },
      ]);
    });

    it('refuses a cross-origin http URL with an UnsafeUrlError, saving nothing', async () => {
      const { backend } = fakeBackend({
        pdf: { kind: 'url', url: 'http://evil.example.com/x.pdf' },
      });
      const { request: req, saved } = request('pdf', { backend });
      const error = await rejection(runExport(fixtureInvoice(), req));
      expect(error.name).to.equal('UnsafeUrlError');
      expect(saved).to.deep.equal([]);
    });
  });

  describe('a file made in the browser', () => {
    it('makes the CSV when the adapter has no file for the format, with progress', async () => {
      const { backend, asked } = fakeBackend({});
      const progress: number[] = [];
      const { request: req, saved } = request('csv', {
        backend,
        onProgress: (value) => progress.push(value),
      });
      const outcome = await runExport(fixtureInvoice(), req);
      expect(outcome).to.deep.equal({
        filename: 'INV-2026-0042_microsoft_2026-10.csv',
        source: 'browser',
      });
      expect(asked.map((a) => a.format)).to.deep.equal(['csv']);
      expect(saved).to.have.length(1);
      expect(saved[0]).to.include({
        kind: 'blob',
        filename: 'INV-2026-0042_microsoft_2026-10.csv',
      });
      const text = saved[0].kind === 'blob' ? await saved[0].blob.text() : '';
      expect(text).to.contain('INV-2026-0042');
      // The spreadsheet dialect by default: a BOM.
      expect(await head(saved[0])).to.deep.equal(BOM);
      expect(progress.at(-1)).to.equal(1);
    });

    it('makes the file without a backend; the rfc4180 dialect has a BOM only when asked', async () => {
      const plain = request('detailed-csv', { dialect: 'rfc4180' });
      expect((await runExport(fixtureInvoice(), plain.request)).source).to.equal('browser');
      expect(await head(plain.saved[0])).to.not.deep.equal(BOM);
      const { request: req, saved } = request('detailed-csv', { dialect: 'rfc4180', bom: true });
      await runExport(fixtureInvoice(), req);
      expect(await head(saved[0])).to.deep.equal(BOM);
    });

    it('hands the dialect and the locale to the CSV (worker path): pt-BR spreadsheet, rfc4180', async () => {
      const pt = request('csv', { locale: 'pt-BR' });
      await runExport(fixtureInvoice(), pt.request);
      const ptText = pt.saved[0].kind === 'blob' ? await pt.saved[0].blob.text() : '';
      expect(ptText).to.contain('Document ID;INV-2026-0042\r\n');
      expect(ptText).to.contain('\r\nTotal;"1361,31"');
      const raw = request('csv', { locale: 'pt-BR', dialect: 'rfc4180' });
      await runExport(fixtureInvoice(), raw.request);
      const rawText = raw.saved[0].kind === 'blob' ? await raw.saved[0].blob.text() : '';
      expect(rawText).to.contain('\r\nTotal,1361.31');
    });

    it('names every format in the display currency when converted', async () => {
      for (const format of ['pdf', 'csv', 'detailed-csv'] as const) {
        const { request: req, saved } = request(format, { currency: 'BRL' });
        const outcome = await runExport(fixtureInvoice(), req);
        const suffix = format === 'detailed-csv' ? '_detailed.csv' : `.${format}`;
        expect(outcome.filename).to.equal(`INV-2026-0042_microsoft_2026-10_BRL${suffix}`);
        expect(saved[0].filename).to.equal(outcome.filename);
      }
      const print = request('print', { currency: 'BRL' });
      expect((await runExport(fixtureInvoice(), print.request)).filename).to.equal(
        'INV-2026-0042_microsoft_2026-10_BRL',
      );
    });

    it('prints the document made here, never asking the server', async () => {
      const { backend, asked } = fakeBackend({
        print: { kind: 'url', url: 'https://files.example.com/inv-42.html' },
      });
      const { request: req, saved, printed } = request('print', { backend });
      const outcome = await runExport(fixtureInvoice(), req);
      expect(outcome).to.deep.equal({
        filename: 'INV-2026-0042_microsoft_2026-10',
        source: 'browser',
      });
      expect(asked).to.deep.equal([]);
      expect(saved).to.deep.equal([]);
      expect(printed).to.have.length(1);
    });
  });

  describe('cancel and refusal', () => {
    it('an abort while the server answers rejects with an AbortError and saves nothing', async () => {
      const controller = new AbortController();
      const blob = new Blob(['late']);
      const backend = {
        download: async (): Promise<ServerDownload> => {
          controller.abort();
          return { kind: 'blob', blob };
        },
      };
      const { request: req, saved } = request('pdf', { backend, signal: controller.signal });
      const error = await rejection(runExport(fixtureInvoice(), req));
      expect(error.name).to.equal('AbortError');
      expect(saved).to.deep.equal([]);
    });

    it('an aborted signal stops a file made here before it is saved', async () => {
      const controller = new AbortController();
      controller.abort();
      const { request: req, saved } = request('csv', { signal: controller.signal });
      const error = await rejection(runExport(fixtureInvoice(), req));
      expect(error.name).to.equal('AbortError');
      expect(saved).to.deep.equal([]);
    });

    it('refuses a draft for a customer before asking the server or making anything', async () => {
      const { backend, asked } = fakeBackend({ pdf: { kind: 'blob', blob: new Blob(['x']) } });
      const draft = fixtureInvoice({ status: 'DRAFT' });
      for (const format of ['pdf', 'csv', 'print'] as const) {
        const { request: req, saved, printed } = request(format, { backend, audience: 'customer' });
        const error = await rejection(runExport(draft, req));
        expect(error.name).to.equal('ExportRefusedError');
        expect(saved.length + printed.length).to.equal(0);
      }
      expect(asked).to.deep.equal([]);
      // The operator may export a draft.
      const { request: req } = request('pdf', { backend });
      expect((await runExport(draft, req)).source).to.equal('server');
    });
  });
});
