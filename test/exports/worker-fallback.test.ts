/**
 * Issue 20: a worker that starts and then fails (its script or an import of it does not load,
 * it throws, it reports an error, it never answers) makes the export fall back to the main
 * thread, with the same file, and the result says so. A refusal is not retried.
 */
import { expect } from '@open-wc/testing';
import { generateCsv, setCsvWorkerFactory } from '../../src/exports/csv-export.js';
import { csvBlob, invoiceCsv } from '../../src/exports/csv.js';
import { generatePdf, setPdfWorkerFactory } from '../../src/exports/pdf.js';
import { runExport } from '../../src/exports/pipeline.js';
import type { SavedFile } from '../../src/exports/save-file.js';
import { setFirstMessageTimeout } from '../../src/exports/trusted-worker.js';
import { fixtureInvoice } from './fixtures.js';
import { pdfText } from './pdf-text.js';

/** A module worker from inline source (a Blob URL: no CSP in this runner). */
function workerOf(source: string): Worker {
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  return new Worker(url, { type: 'module' });
}

/** The broken workers: each starts, then fails its own way. */
const BROKEN: Record<string, { source: string; reason: RegExp; silent?: boolean }> = {
  'throws after its first message': {
    source: `self.onmessage = () => {
      self.postMessage({ type: 'progress', value: 0 });
      setTimeout(() => { throw new Error('boom after start'); });
    };`,
    reason: /failed/,
  },
  'cannot load an import (a chunk the host did not copy)': {
    source: `import './no-such-chunk-${Math.random()}.js'; self.onmessage = () => {};`,
    reason: /failed/,
  },
  'reports an error': {
    source: `self.onmessage = () => {
      self.postMessage({ type: 'progress', value: 0 });
      self.postMessage({ type: 'error', refused: false, message: 'jspdf chunk 404' });
    };`,
    reason: /jspdf chunk 404/,
  },
  'never answers': {
    source: `self.onmessage = () => {};`,
    reason: /did not answer within 300 ms/,
    silent: true,
  },
};

/**
 * A short wait for the silent worker; a long one for the others, so that their own failure
 * (not the wait) is what is reported, on a loaded machine too.
 */
const wait = (silent: boolean | undefined): void => setFirstMessageTimeout(silent ? 300 : 10_000);

describe('exports: a worker that fails after starting', () => {
  afterEach(() => {
    setFirstMessageTimeout(undefined);
    setPdfWorkerFactory(undefined);
    setCsvWorkerFactory(undefined);
  });

  for (const [what, { source, reason, silent }] of Object.entries(BROKEN)) {
    it(`PDF: the worker ${what}: the main thread makes the same PDF, and says so`, async () => {
      wait(silent);
      let terminated = 0;
      setPdfWorkerFactory(() => {
        const w = workerOf(source);
        const terminate = w.terminate.bind(w);
        w.terminate = () => {
          terminated++;
          terminate();
        };
        return w;
      });
      const result = await generatePdf(fixtureInvoice(), { compress: false });
      expect(result.inWorker).to.equal(false);
      expect(result.workerError).to.match(reason);
      expect(terminated).to.equal(1);
      const header = new TextDecoder().decode(await result.blob.slice(0, 5).arrayBuffer());
      expect(header).to.equal('%PDF-');
      expect(await pdfText(result.blob)).to.include('INV-2026-0042');
    });

    it(`CSV: the worker ${what}: the main thread writes the same bytes, and says so`, async () => {
      wait(silent);
      setCsvWorkerFactory(() => workerOf(source));
      const invoice = fixtureInvoice();
      const result = await generateCsv(invoice, 'csv', { audience: 'operator' });
      expect(result.inWorker).to.equal(false);
      expect(result.workerError).to.match(reason);
      const expected = await csvBlob(invoiceCsv(invoice, { audience: 'operator' })).text();
      expect(await result.blob.text()).to.equal(expected);
    });
  }

  it('a refusal reported by the worker is not retried on the main thread', async () => {
    setPdfWorkerFactory(() =>
      workerOf(`self.onmessage = () => self.postMessage({
        type: 'error', refused: true, message: 'not for this audience' });`),
    );
    let error: Error | undefined;
    try {
      await generatePdf(fixtureInvoice());
    } catch (e) {
      error = e as Error;
    }
    expect(error?.name).to.equal('ExportRefusedError');
  });

  it('the download pipeline reports the fallback: worker false, and why', async () => {
    setPdfWorkerFactory(() => workerOf(`self.onmessage = () => { throw new Error('x'); };`));
    const saved: SavedFile[] = [];
    const outcome = await runExport(fixtureInvoice(), {
      format: 'pdf',
      currency: 'USD',
      audience: 'operator',
      signal: new AbortController().signal,
      save: (file) => {
        saved.push(file);
      },
      print: () => undefined,
    });
    expect(outcome.source).to.equal('browser');
    expect(outcome.worker).to.equal(false);
    expect(outcome.workerError).to.be.a('string');
    expect(saved).to.have.length(1);
  });

  it('a worker that works leaves no trace in the outcome', async () => {
    const outcome = await runExport(fixtureInvoice(), {
      format: 'csv',
      currency: 'USD',
      audience: 'operator',
      signal: new AbortController().signal,
      save: () => undefined,
      print: () => undefined,
    });
    expect(outcome).to.deep.equal({
      filename: outcome.filename,
      source: 'browser',
    });
  });
});
