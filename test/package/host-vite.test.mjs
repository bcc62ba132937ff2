// Issue 20: the package as a host gets it. The packed tarball is installed into a copy of the
// host app test/hosts/vite-ts/ (Vite + TypeScript: strict, exactOptionalPropertyTypes,
// noUncheckedIndexedAccess, skipLibCheck false), type-checked, built for production, served on
// 127.0.0.1 under a strict CSP with Trusted Types, and driven in Chromium, Firefox ESR and WebKit
// (test/package/host-drivers.mjs) through the whole page: table → viewer → DRAFT → OPEN → CSV →
// PDF, the files' bytes checked, made in the package's workers (bundled by the host's Vite).
//
// Runs under Node after the build: `npm run build && node --test test/package/host-vite.test.mjs`.
// The shared serving and driving code is test/package/host-harness.mjs.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  HOST,
  POLICY,
  TOOLS,
  assertDirectivesBite,
  downloadFrom,
  installedPackages,
  openPage,
  pdfText,
  run,
  builtHost,
  workflowTests,
} from './host-harness.mjs';

describe('a Vite + TypeScript host app, built for production from the packed tarball', () => {
  const ctx = builtHost('vite-ts', (app, timings) => {
    run(process.execPath, [TOOLS.tsc, '-p', '.'], app, timings);
    run(process.execPath, [TOOLS.vite, 'build'], app, timings);
  });

  test('the host pulls only lit, @lit/* and papaparse with the package (no jspdf)', () => {
    const installed = installedPackages(ctx.host.app);
    for (const name of ['jspdf', 'jspdf-autotable', 'html2canvas', 'dompurify', 'canvg']) {
      assert.ok(!installed.includes(name), `${name} is not installed with the package`);
    }
    assert.ok(installed.includes('invoice-elements'));
    assert.ok(installed.includes('papaparse'));
  });

  test('the built app carries the workers as files (not data: URLs), jspdf once', () => {
    const assets = path.join(ctx.host.app, 'dist/assets');
    const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
    const code = files.map((f) => readFileSync(path.join(assets, f), 'utf8'));
    assert.ok(!code.some((c) => /data:(text|application)\/javascript/.test(c)), 'no data: worker');
    const withJspdf = files.filter((_, i) => code[i].includes('jsPDF.API'));
    // The worker, and the main-thread fallback's import of the same module (a host's bundler
    // makes it a chunk of its own: loaded only where no worker works).
    assert.ok(withJspdf.length >= 1 && withJspdf.length <= 2, `jspdf in ${withJspdf}`);
  });

  test('tsc rejects a wrong property type or event detail (src/shared/wrong.ts)', () => {
    // tsconfig.wrong.json: the app's strict config with the negative file included.
    const cases = assertDirectivesBite(
      ctx.host.app,
      TOOLS.tsc,
      'src/shared/wrong.ts',
      '@ts-expect-error',
    );
    assert.equal(cases, 4);
  });

  workflowTests(
    ctx,
    'host-vite',
    /^\/assets\/(pdf|csv)\.worker-[\w-]+\.js$/,
    (engine, { trustedTypes }) => {
      if (engine === 'chromium') assert.ok(trustedTypes, 'Chromium enforces Trusted Types');
    },
    // Issue 22 where hosts are: every row of a million, and of ten million, reachable in the
    // built package.
    { longList: [1_000_000, 10_000_000] },
  );

  test('a PDF worker that cannot load (a 404 in the host) falls back to the page: same PDF, and says so', async () => {
    const { context, page } = await openPage(ctx.browser);
    // The worker's URL (the host's Vite also made the fallback's chunk of the same module, with
    // another hash: that one must still load).
    const built = readdirSync(path.join(ctx.host.app, 'dist/assets'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(path.join(ctx.host.app, 'dist/assets', f), 'utf8'))
      .join('\n');
    const [, workerUrl] = /new URL\(["'`](\/assets\/pdf\.worker-[\w-]+\.js)["'`]/.exec(built) ?? [];
    assert.ok(workerUrl, 'the built app starts the PDF worker by URL');
    await page.route(`**${workerUrl}`, (route) =>
      route.fulfill({ status: 404, body: 'gone', headers: { 'Content-Security-Policy': POLICY } }),
    );
    try {
      await page.goto(ctx.server.url);
      await page
        .locator('invoice-table [part="row"]', { hasText: HOST.open.documentId })
        .locator('[part~="open-button"]')
        .click({ timeout: 20_000 });
      const pdf = await downloadFrom(page, 'PDF');
      assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.match(pdfText(pdf.bytes), new RegExp(HOST.open.documentId), 'the PDF has the id');
      await page.waitForFunction(() => window.hostDownloads.length === 1, undefined, {
        timeout: 10_000,
      });
      const [detail] = await page.evaluate(() => window.hostDownloads);
      assert.equal(detail.format, 'pdf');
      assert.equal(detail.worker, false, 'the detail says the page made it');
      assert.match(detail.workerError, /PDF worker/);
    } finally {
      await context.close();
    }
  });
});
