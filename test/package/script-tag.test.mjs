// A plain HTML page (test/package/script-tag/) that uses only the single-file bundle and a
// RestBackend, with no build step, under a strict Content-Security-Policy with Trusted Types
// (sent on every response), against a REST server that speaks docs/openapi.yaml. Driven in the
// system Chromium by playwright-core through the whole workflow: table → viewer → DRAFT → OPEN
// → CSV → PDF (the files' bytes checked, made in the bundle's workers); then the same workflow
// in Firefox ESR and WebKit (test/package/host-drivers.mjs), each against a fresh server.
// Runs under Node after the build: `npm run build && node --test test/package/`.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { URL, fileURLToPath } from 'node:url';
import { launchChromium } from '../../scripts/chromium.mjs';
import { csvFacts, downloadFrom, hostEngines, pdfText, workflowIn } from './host-harness.mjs';
import { startServer } from './script-tag/server.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

let server;
let browser;
let page;
const problems = [];
const workers = [];

/** Text of the first match of `selector` inside `host`'s shadow root, or null. */
function shadowText(host, selector) {
  return page.evaluate(
    ([h, s]) => document.querySelector(h)?.shadowRoot?.querySelector(s)?.textContent ?? null,
    [host, selector],
  );
}

describe('the script-tag page (single-file bundle + RestBackend, no build)', () => {
  before(async () => {
    if (!existsSync(`${root}dist/invoice-elements.bundle.js`)) {
      throw new Error('dist/ is missing: run `npm run build` first.');
    }
    server = await startServer();
    browser = await launchChromium();
    page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      locale: 'en-US',
      acceptDownloads: true,
    });
    page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    await page.goto(server.url);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the bundle alone registers the four tags', async () => {
    const defined = await page.evaluate(async () => {
      const tags = ['invoice-table', 'invoice-viewer', 'status-updater', 'download-menu'];
      await Promise.all(tags.map((t) => customElements.whenDefined(t)));
      return tags.filter((t) => customElements.get(t));
    });
    assert.deepEqual(defined, [
      'invoice-table',
      'invoice-viewer',
      'status-updater',
      'download-menu',
    ]);
  });

  test("<invoice-table> lists the customer's invoices fetched over HTTP", async () => {
    const rows = page.locator('invoice-table [part="row"]');
    await rows.nth(1).waitFor({ timeout: 10_000 });
    assert.equal(await rows.count(), 2);
    const texts = (await rows.allTextContents()).join(' | ');
    assert.match(texts, /DOC-0001/);
    assert.match(texts, /DOC-0002/);
    assert.ok(
      server.requests.some((r) => r.startsWith('GET /api/invoices')),
      `the list came from the REST server: ${server.requests.join(', ')}`,
    );
  });

  test('opening an invoice shows it in <invoice-viewer>, with its nested elements', async () => {
    await page
      .locator('invoice-table [part="row"]', { hasText: 'DOC-0001' })
      .locator('[part~="open-button"]')
      .click();
    await page.waitForFunction(
      () =>
        document
          .querySelector('invoice-viewer')
          ?.shadowRoot?.querySelector('[part="document-id"]')
          ?.textContent?.includes('DOC-0001'),
      undefined,
      { timeout: 10_000 },
    );
    assert.match(await shadowText('invoice-viewer', '[part="document-id"]'), /DOC-0001/);
    assert.ok(server.requests.includes('GET /api/invoices/inv-1'), 'fetched the invoice');
    const nested = await page.evaluate(() => {
      const r = document.querySelector('invoice-viewer').shadowRoot;
      return ['status-updater', 'download-menu'].map((t) => r.querySelector(t)?.localName);
    });
    assert.deepEqual(nested, ['status-updater', 'download-menu']);
  });

  test('a status change goes to the server (DRAFT → OPEN, confirmed in the dialog)', async () => {
    await page
      .locator('invoice-table [part="row"]', { hasText: 'DOC-0002' })
      .locator('[part~="open-button"]')
      .click();
    await page.waitForFunction(
      () =>
        document
          .querySelector('invoice-viewer')
          ?.shadowRoot?.querySelector('[part="document-id"]')
          ?.textContent?.includes('DOC-0002'),
      undefined,
      { timeout: 10_000 },
    );
    const updater = page.locator('invoice-viewer status-updater');
    await updater.locator('[part~="select"]').selectOption('OPEN');
    await updater.locator('[part~="button"]').click();
    await updater.locator('[part~="confirm-button"]').click();
    await page.waitForFunction(
      () =>
        document
          .querySelector('invoice-viewer')
          ?.shadowRoot?.querySelector('[part~="status-badge"]')
          ?.textContent?.includes('Open'),
      undefined,
      { timeout: 10_000 },
    );
    // The table's row follows (the status change event reaches every element of the page).
    await page
      .locator('invoice-table [part="row"]', { hasText: 'DOC-0002' })
      .locator('[part~="status-badge"]', { hasText: 'Open' })
      .waitFor({ timeout: 10_000 });
    assert.equal(server.memory.inspect('inv-2')?.status, 'OPEN', 'the server has the new status');
    assert.ok(server.requests.includes('POST /api/invoices/inv-2/status'));
  });

  test('CSV then PDF of the opened invoice from <download-menu>, made in the workers', async () => {
    const csv = await downloadFrom(page, 'CSV');
    assert.match(csv.name, /^DOC-0002.*\.csv$/);
    const row = csvFacts(csv.bytes);
    assert.deepEqual(
      [row?.['Document ID'], row?.Status, row?.Total],
      ['DOC-0002', 'OPEN', '110.00'],
      `the CSV has the document id, its new status and the total: ${JSON.stringify(row)}`,
    );

    const pdf = await downloadFrom(page, 'PDF');
    assert.match(pdf.name, /^DOC-0002.*\.pdf$/);
    assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(pdfText(pdf.bytes), /DOC-0002/, 'the PDF has the document id');

    await page.waitForFunction(() => window.hostDownloads.length === 2, undefined, {
      timeout: 10_000,
    });
    const details = await page.evaluate(() => window.hostDownloads);
    // `worker` is absent from the detail when a worker made the file (`false` otherwise).
    assert.deepEqual(
      details.map((d) => [d.format, d.source, d.worker, d.workerError]),
      [
        ['csv', 'browser', undefined, undefined],
        ['pdf', 'browser', undefined, undefined],
      ],
    );
    assert.deepEqual(
      workers.sort(),
      ['/dist/workers/csv.worker.js', '/dist/workers/pdf.worker.js'],
      "the package's own worker files ran",
    );
  });

  test('the page loaded the bundle, whose lazy chunks sit next to it; nothing broke', () => {
    // The page names one file; the bundle fetches its on-demand chunks (the status dialog's
    // flow, the export code) relative to itself, so a host serves dist/ as a directory.
    const fromPackage = server.requests.filter((r) => r.startsWith('GET /dist/'));
    assert.equal(fromPackage[0], 'GET /dist/invoice-elements.bundle.js');
    for (const r of fromPackage.slice(1)) {
      assert.match(r, /^GET \/dist\/(chunks|assets|workers)\//);
    }
    // No page error, console error (CSP violations are reported there) or failed request.
    assert.deepEqual(problems, []);
  });
});

/** What the script-tag server's fixture serves (server.mjs `fixtureInvoices`). */
const SCRIPT_TAG_INVOICES = {
  open: { id: 'inv-1', documentId: 'DOC-0001' },
  draft: { id: 'inv-2', documentId: 'DOC-0002' },
  total: '110.00',
};

describe('the script-tag page in the other engines (the same workflow: test/package/host-harness.mjs)', () => {
  for (const engine of hostEngines(['firefox', 'webkit'])) {
    test(`the whole page in ${engine}: open, DRAFT → OPEN over HTTP, CSV, PDF, made in the workers, under the strict CSP`, async () => {
      // A server of its own: the one above has the draft already opened.
      const own = await startServer();
      try {
        const { workers, problems } = await workflowIn(engine, own.url, {
          label: 'script-tag',
          invoices: SCRIPT_TAG_INVOICES,
          worker: true,
        });
        assert.equal(own.memory.inspect('inv-2')?.status, 'OPEN', 'the server has the new status');
        assert.deepEqual(
          [...workers].sort(),
          ['/dist/workers/csv.worker.js', '/dist/workers/pdf.worker.js'],
          "the package's own worker files ran",
        );
        assert.deepEqual(
          problems,
          [],
          `no CSP violation, error or failed request (${own.requests})`,
        );
      } finally {
        await own.close();
      }
    });
  }
});
