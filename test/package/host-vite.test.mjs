// Issue 20: the package as a host gets it. The packed tarball is installed into a copy of the
// host app test/hosts/vite-ts/ (Vite + TypeScript), type-checked, built for production, served
// on 127.0.0.1 under a strict CSP with Trusted Types, and driven in the system Chromium
// (playwright-core): CSV then PDF through <download-menu> over a MemoryBackend, the files'
// bytes checked, made in the package's workers (bundled by the host's Vite), not on the page.
//
// Runs under Node after the build: `npm run build && node --test test/package/`. The host's
// dependencies (lit, @lit/*, papaparse) come from npm's cache (or the registry); Vite and
// TypeScript are the repository's own, run on the copy.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { URL, fileURLToPath } from 'node:url';
import { launchChromium } from '../../scripts/chromium.mjs';
import { STRICT_POLICY } from '../security/csp/server.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = path.join(root, 'test/hosts/vite-ts');

/** A strict host: nothing inline, nothing from elsewhere, Trusted Types enforced (docs/CSP.md). */
const POLICY = STRICT_POLICY;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

let work;
let app;
let server;
let browser;
const requests = [];
const timings = {};

/** Runs a command in `cwd`, returns its output; throws with the output on failure. */
function run(command, commandArgs, cwd) {
  const started = Date.now();
  try {
    return execFileSync(command, commandArgs, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, npm_config_update_notifier: 'false' },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    throw new Error(
      `${command} ${commandArgs.join(' ')} failed:\n${error.stdout}\n${error.stderr}`,
    );
  } finally {
    timings[`${path.basename(command)} ${commandArgs[0]}`] = Date.now() - started;
  }
}

/** Serves `dir` on 127.0.0.1 with the policy on every response; records the requests. */
function serve(dir) {
  const httpServer = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    requests.push(`${request.method} ${url.pathname}`);
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204, { 'Content-Security-Policy': POLICY });
      response.end();
      return;
    }
    const file = path.join(dir, url.pathname === '/' ? 'index.html' : url.pathname);
    if (!file.startsWith(dir) || !existsSync(file)) {
      response.writeHead(404, { 'Content-Security-Policy': POLICY });
      response.end('not found');
      return;
    }
    response.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': POLICY,
      'X-Content-Type-Options': 'nosniff',
    });
    response.end(await readFile(file));
  });
  return new Promise((resolve) => {
    httpServer.listen(0, '127.0.0.1', () => {
      const { port } = httpServer.address();
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise((r) => httpServer.close(r)),
      });
    });
  });
}

/** The text of a PDF's page streams (deflated or not), and its raw bytes as latin1. */
function pdfStreams(bytes) {
  const raw = bytes.toString('latin1');
  const texts = [raw];
  const stream = /stream\r?\n/g;
  let m;
  while ((m = stream.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    try {
      texts.push(inflateSync(bytes.subarray(start, end)).toString('latin1'));
    } catch {
      // Not deflated (or not a page stream): the raw text above covers it.
    }
    stream.lastIndex = end;
  }
  return texts.join('\n');
}

/** Chooses `label` in the page's <download-menu>; the downloaded file's name and bytes. */
async function downloadFrom(page, label) {
  const saved = page.waitForEvent('download', { timeout: 15_000 });
  await page.locator('download-menu [part="button"]').click();
  await page.locator('download-menu [part="menuitem"]', { hasText: label }).first().click();
  const file = await saved;
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

describe('a Vite + TypeScript host app, built for production from the packed tarball', () => {
  before(async () => {
    if (!existsSync(`${root}dist/workers/pdf.worker.js`)) {
      throw new Error('dist/ is missing: run `npm run build` first.');
    }
    work = mkdtempSync(path.join(tmpdir(), 'invoice-elements-host-'));
    const [{ filename }] = JSON.parse(
      run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], root),
    );
    app = path.join(work, 'app');
    cpSync(fixture, app, {
      recursive: true,
      filter: (src) => !/node_modules|[\\/]dist$/.test(src),
    });
    run(
      'npm',
      [
        'install',
        path.join(work, filename),
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        '--no-package-lock',
      ],
      app,
    );
    run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', '.'], app);
    run(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build'], app);
    server = await serve(path.join(app, 'dist'));
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
    console.log(`host-vite timings (ms): ${JSON.stringify(timings)}`);
  });

  test('the host pulls only lit, @lit/* and papaparse with the package (no jspdf)', () => {
    const installed = readdirSync(path.join(app, 'node_modules')).flatMap((name) =>
      name.startsWith('@')
        ? readdirSync(path.join(app, 'node_modules', name)).map((n) => `${name}/${n}`)
        : [name],
    );
    for (const name of ['jspdf', 'jspdf-autotable', 'html2canvas', 'dompurify', 'canvg']) {
      assert.ok(!installed.includes(name), `${name} is not installed with the package`);
    }
    assert.ok(installed.includes('invoice-elements'));
    assert.ok(installed.includes('papaparse'));
  });

  test('the built app carries the workers as files (not data: URLs), jspdf once', () => {
    const assets = path.join(app, 'dist/assets');
    const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
    const code = files.map((f) => readFileSync(path.join(assets, f), 'utf8'));
    assert.ok(!code.some((c) => /data:(text|application)\/javascript/.test(c)), 'no data: worker');
    const withJspdf = files.filter((_, i) => code[i].includes('jsPDF.API'));
    // The worker, and the main-thread fallback's import of the same module (a host's bundler
    // makes it a chunk of its own: loaded only where no worker works).
    assert.ok(withJspdf.length >= 1 && withJspdf.length <= 2, `jspdf in ${withJspdf}`);
  });

  test('CSV then PDF download from <download-menu>, made in the workers, under the strict CSP', async () => {
    const context = await browser.newContext({ acceptDownloads: true, locale: 'en-US' });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });
    const workers = [];
    page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
    try {
      await page.goto(server.url);
      const button = page.locator('download-menu [part="button"]');
      await button.waitFor({ timeout: 10_000 });

      const download = (label) => downloadFrom(page, label);

      const csv = await download('CSV');
      assert.match(csv.name, /^DOC-HOST-0001.*\.csv$/);
      const csvText = csv.bytes.toString('utf8');
      assert.match(csvText, /DOC-HOST-0001/, 'the CSV has the document id');
      assert.match(csvText, /110\.00/, 'the CSV has the total');

      const pdf = await download('PDF');
      assert.match(pdf.name, /^DOC-HOST-0001.*\.pdf$/);
      assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.match(pdfStreams(pdf.bytes), /DOC-HOST-0001/, 'the PDF has the document id');

      await page.waitForFunction(() => window.hostDownloads.length === 2, undefined, {
        timeout: 10_000,
      });
      const details = await page.evaluate(() => window.hostDownloads);
      assert.deepEqual(
        details.map((d) => [d.format, d.source, d.worker, d.workerError]),
        [
          ['csv', 'browser', undefined, undefined],
          ['pdf', 'browser', undefined, undefined],
        ],
        'made in the workers, no fallback',
      );
      // The two module workers ran from the host's own build output.
      assert.equal(workers.length, 2, `two workers: ${workers}`);
      for (const w of workers) assert.match(w, /^\/assets\/(pdf|csv)\.worker-[\w-]+\.js$/);
      assert.deepEqual(problems, [], `no CSP violation, error or failed request (${requests})`);
    } finally {
      await context.close();
    }
  });

  test('a PDF worker that cannot load (a 404 in the host) falls back to the page: same PDF, and says so', async () => {
    const context = await browser.newContext({ acceptDownloads: true, locale: 'en-US' });
    const page = await context.newPage();
    // The worker's URL (the host's Vite also made the fallback's chunk of the same module, with
    // another hash: that one must still load).
    const built = readdirSync(path.join(app, 'dist/assets'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(path.join(app, 'dist/assets', f), 'utf8'))
      .join('\n');
    const [, workerUrl] = /new URL\(["'`](\/assets\/pdf\.worker-[\w-]+\.js)["'`]/.exec(built) ?? [];
    assert.ok(workerUrl, 'the built app starts the PDF worker by URL');
    await page.route(`**${workerUrl}`, (route) =>
      route.fulfill({ status: 404, body: 'gone', headers: { 'Content-Security-Policy': POLICY } }),
    );
    const seen = [];
    page.on('console', (m) => seen.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => seen.push(`page error: ${e.message}`));
    try {
      await page.goto(server.url);
      await page.locator('download-menu [part="button"]').waitFor({ timeout: 10_000 });
      const pdf = await downloadFrom(page, 'PDF').catch((e) => {
        throw new Error(`${e.message}\n${seen.join('\n')}\nrequests: ${requests.slice(-8)}`);
      });
      assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.match(pdfStreams(pdf.bytes), /DOC-HOST-0001/, 'the PDF has the document id');
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
