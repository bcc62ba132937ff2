// Issue 20, the consumer matrix: what every built host fixture shares (test/package/host-*.test.mjs).
// - `packedTarball()`: `npm pack` once per build of dist/, cached by a hash of what is packed
//   (the fixtures of one run, and later runs on the same build, reuse it);
// - `hostApp(name)`: a temp copy of test/hosts/<name> (plus test/hosts/shared/ as src/shared/)
//   with the tarball and the fixture's own dependencies installed from npm's cache or registry;
// - `serve(dir)`: the built app on 127.0.0.1, the strict policy of docs/CSP.md on every response;
// - `runWorkflow(driver, url)`: the whole page driven through a driver of
//   test/package/host-drivers.mjs (Chromium, Firefox or WebKit): the table lists the invoices,
//   one opens in the viewer, DRAFT → OPEN through <status-updater>'s dialog (seen in the viewer
//   and the table's row), then CSV and PDF from <download-menu>, the files' bytes checked;
//   returns the `invoice-download` details and the workers that ran; with `longList`, also
//   tables of those many rows reached to their ends (`longListChecks`). `workflowIn(engine, url)`
//   starts the engine, runs it, prints the time and what the engine checks differently.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { inflateSync } from 'node:zlib';
import { URL, fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { launchChromium } from '../../scripts/chromium.mjs';
import { STRICT_POLICY } from '../security/csp/server.mjs';
import { ENGINES, chromiumDriver } from './host-drivers.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The repository's own tools, run on the copies. */
export const TOOLS = {
  tsc: path.join(ROOT, 'node_modules/typescript/bin/tsc'),
  vite: path.join(ROOT, 'node_modules/vite/bin/vite.js'),
  vueTsc: path.join(ROOT, 'node_modules/vue-tsc/bin/vue-tsc.js'),
  esbuild: path.join(ROOT, 'node_modules/esbuild/bin/esbuild'),
};

/** A strict host: nothing inline, nothing from elsewhere, Trusted Types enforced (docs/CSP.md). */
export const POLICY = STRICT_POLICY;

/** The strict policy with more Trusted Types policy names (a framework's own, e.g. `vue`). */
export function policyTrusting(...names) {
  return POLICY.replace(
    /trusted-types ([^;]+)/,
    (_, listed) => `trusted-types ${listed} ${names.join(' ')}`,
  );
}

/** What the shared host data (test/hosts/shared/host-data.ts) serves. */
export const HOST = {
  open: { id: 'inv-1', documentId: 'DOC-HOST-0001' },
  draft: { id: 'inv-2', documentId: 'DOC-HOST-0002' },
  total: '110.00',
  customer: 'Acme Łódź Ltda',
  /**
   * Drawn in the PDF as the host installs the package (issue 18): the issuer, the billing block
   * in four scripts (the embedded font's, read back through its ToUnicode maps), the terms.
   */
  pdfText: [
    'Nuvem Revenda Ltda.',
    'Tax ID: 12.345.678/0001-90',
    'Acme Łódź Ltda',
    'ул. Тверская, 7',
    'Οδός Ερμού 10',
    'Phường Bến Nghé, Quận 1',
    'Tax ID: PL 123-456-32-18',
    'Net 29 days',
  ],
};

/** Runs `command` in `cwd` and returns its output; throws with the output on failure. */
export function run(command, commandArgs, cwd, timings) {
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
    if (timings) {
      const name = `${path.basename(commandArgs[0]?.startsWith('/') ? commandArgs[0] : command)} ${
        commandArgs[0]?.startsWith('/') ? (commandArgs[1] ?? '') : (commandArgs[0] ?? '')
      }`.trim();
      timings[name] = (timings[name] ?? 0) + Date.now() - started;
    }
  }
}

/** Every file under `dir`, sorted (relative paths). */
function filesUnder(dir, base = dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const file = path.join(dir, name);
      return statSync(file).isDirectory() ? filesUnder(file, base) : [path.relative(base, file)];
    });
}

/**
 * The packed tarball of the current build, made once per content of what `npm pack` takes
 * (dist/, package.json, README.md, custom-elements.json, docs/openapi.yaml) and kept in
 * `<tmp>/invoice-elements-packs/<hash>/`: every fixture of a run, and the next run on the same
 * build, install the same file.
 */
export function packedTarball(timings) {
  if (!existsSync(path.join(ROOT, 'dist/workers/pdf.worker.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first.');
  }
  const hash = createHash('sha256');
  const inputs = [
    ...filesUnder(path.join(ROOT, 'dist')).map((f) => `dist/${f}`),
    'package.json',
    'README.md',
    'custom-elements.json',
    'docs/openapi.yaml',
  ];
  for (const file of inputs) {
    hash.update(file);
    hash.update(readFileSync(path.join(ROOT, file)));
  }
  const packs = path.join(tmpdir(), 'invoice-elements-packs');
  const cache = path.join(packs, hash.digest('hex').slice(0, 16));
  const ready = path.join(cache, 'invoice-elements.tgz');
  if (existsSync(ready)) return ready;
  // Packs of earlier builds, left more than an hour ago, go.
  for (const old of existsSync(packs) ? readdirSync(packs) : []) {
    const dir = path.join(packs, old);
    if (Date.now() - statSync(dir).mtimeMs > 3_600_000)
      rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(cache, { recursive: true });
  const scratch = mkdtempSync(path.join(cache, 'pack-'));
  const [{ filename }] = JSON.parse(
    run(
      'npm',
      ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch],
      ROOT,
      timings,
    ),
  );
  // A rename is atomic: a fixture running at the same time sees the whole file or none.
  renameSync(path.join(scratch, filename), ready);
  rmSync(scratch, { recursive: true, force: true });
  return ready;
}

/**
 * A temp copy of test/hosts/`name` (without node_modules or dist), test/hosts/shared/ as its
 * src/shared/, the packed tarball and the fixture's own dependencies installed. `link`: packages
 * of the repository linked into the app's node_modules instead of installed (a plugin that
 * imports `vite` finds the repository's Vite). Returns the app's directory and `remove()`.
 */
export function hostApp(name, timings, { link = [] } = {}) {
  const tarball = packedTarball(timings);
  const work = mkdtempSync(path.join(tmpdir(), `invoice-elements-${name}-`));
  const app = path.join(work, 'app');
  const skip = (src) => !/node_modules|[\\/]dist$/.test(src);
  cpSync(path.join(ROOT, 'test/hosts', name), app, { recursive: true, filter: skip });
  cpSync(path.join(ROOT, 'test/hosts/shared'), path.join(app, 'src/shared'), { recursive: true });
  run(
    'npm',
    [
      'install',
      tarball,
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--no-package-lock',
    ],
    app,
    timings,
  );
  for (const pkg of link) {
    rmSync(path.join(app, 'node_modules', pkg), { recursive: true, force: true });
    symlinkSync(path.join(ROOT, 'node_modules', pkg), path.join(app, 'node_modules', pkg), 'dir');
  }
  return { app, remove: () => rmSync(work, { recursive: true, force: true }) };
}

/** The node_modules package names installed in `app` (scoped ones as `@scope/name`). */
export function installedPackages(app) {
  const modules = path.join(app, 'node_modules');
  return readdirSync(modules).flatMap((name) =>
    name.startsWith('@')
      ? readdirSync(path.join(modules, name)).map((n) => `${name}/${n}`)
      : [name],
  );
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Serves `dir` on 127.0.0.1 with `policy` on every response (the workers' scripts included:
 * docs/CSP.md); records each request in `requests`.
 */
export function serve(dir, { policy = POLICY } = {}) {
  const requests = [];
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    requests.push(`${request.method} ${url.pathname}`);
    const file = path.join(
      dir,
      url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname),
    );
    if (
      url.pathname === '/favicon.ico' ||
      !file.startsWith(dir) ||
      !existsSync(file) ||
      statSync(file).isDirectory()
    ) {
      response.writeHead(url.pathname === '/favicon.ico' ? 204 : 404, {
        'Content-Security-Policy': policy,
      });
      response.end();
      return;
    }
    response.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': policy,
      'X-Content-Type-Options': 'nosniff',
    });
    response.end(await readFile(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}/`,
        requests,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections();
            server.close(r);
          }),
      });
    });
  });
}

/**
 * The text of a PDF's streams (deflated or not), as latin1, then the hex strings of its text
 * drawn in an embedded font (`<0021003a…> Tj`: glyph ids, issue 18) decoded through each of the
 * PDF's ToUnicode maps (one decoding per font, the right one among them). Not the document's
 * metadata (its title names the invoice too): only what is drawn.
 */
export function pdfText(bytes) {
  const raw = bytes.toString('latin1');
  const texts = [];
  const stream = /stream\r?\n/g;
  let m;
  while ((m = stream.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    try {
      texts.push(inflateSync(bytes.subarray(start, end)).toString('latin1'));
    } catch {
      texts.push(raw.slice(start, end)); // not deflated
    }
    stream.lastIndex = end + 'endstream'.length; // not the "stream" of "endstream"
  }
  const maps = texts.filter((t) => t.includes('begincmap')).map(toUnicodeMap);
  const hex = texts.flatMap((t) => [...t.matchAll(/<([0-9a-fA-F]+)>\s*Tj/g)].map((h) => h[1]));
  for (const map of maps) {
    texts.push(
      hex
        .map((h) => (h.match(/.{4}/g) ?? []).map((g) => map.get(parseInt(g, 16)) ?? '').join(''))
        .join('\n'),
    );
  }
  return texts.join('\n');
}

/** Glyph id → text, from a ToUnicode CMap's `bfchar` pairs and `bfrange` ranges. */
function toUnicodeMap(cmap) {
  const map = new Map();
  const text = (hex) =>
    String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((u) => parseInt(u, 16)));
  for (const [, body] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, glyph, unicode] of body.matchAll(/<(\w+)>\s*<(\w+)>/g)) {
      map.set(parseInt(glyph, 16), text(unicode));
    }
  }
  for (const [, body] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, from, to, unicode] of body.matchAll(/<(\w+)>\s*<(\w+)>\s*<(\w+)>/g)) {
      for (let g = parseInt(from, 16); g <= parseInt(to, 16); g++) {
        map.set(g, String.fromCharCode(parseInt(unicode, 16) + g - parseInt(from, 16)));
      }
    }
  }
  return map;
}

/** Chooses `label` in the page's <download-menu>; the downloaded file's name and bytes. */
export async function downloadFrom(page, label) {
  const saved = page.waitForEvent('download', { timeout: 20_000 });
  await page.locator('download-menu [part="button"]').click();
  await page.locator('download-menu [part="menuitem"]', { hasText: label }).first().click();
  const file = await saved;
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

export { openPage } from './host-drivers.mjs';

const TABLE_ROW = [['invoice-table'], ['[part="row"]']];
const VIEWER = [['invoice-viewer']];
const UPDATER = [...VIEWER, ['status-updater']];

/** Chooses `label` in the viewer's <download-menu> through `driver`; the file's name and bytes. */
function downloadWith(driver, label) {
  const menu = [...VIEWER, ['download-menu']];
  return driver.download(async () => {
    await driver.click([...menu, ['[part="button"]']]);
    const item = [...menu, ['[part="menuitem"]', label]];
    await driver.waitFor(item, `the ${label} menu item`);
    await driver.click(item);
  });
}

/**
 * The invoice CSV's header fields and totals by label (docs/RULES.md, "CSV files": a
 * `Field,Value` section, an empty row, the lines, an empty row, the totals), read from the
 * file's bytes in its dialect (`;` in the spreadsheet dialect of a decimal-comma language).
 */
export function csvFacts(bytes) {
  const text = bytes.toString('utf8');
  assert.equal(text.charCodeAt(0), 0xfeff, 'the spreadsheet dialect starts with a BOM');
  const delimiter = text.split('\r\n')[0].includes(';') ? ';' : ',';
  const { data, errors } = Papa.parse(text.slice(1), { delimiter, newline: '\r\n' });
  assert.deepEqual(errors, [], 'the CSV parses');
  const pairs = data.filter((r) => r.length === 2);
  return Object.fromEntries(pairs.map(([field, value]) => [field, value]));
}

/**
 * The whole workflow on the host page at `url`, driven by `driver` (test/package/host-drivers.mjs:
 * Chromium, Firefox or WebKit; see the top of this file). `worker`: whether each export must have
 * run in a module worker (true) or on the main thread (false: a fixture whose bundler cannot ship
 * the worker). `invoices`: the open and the draft invoice the page lists (`HOST`'s shape).
 * `longList`: row counts for `longListChecks`, one table after the other (none by default). Returns
 * `{ details, workers, problems, csv, pdf, trustedTypes }`.
 */
export async function runWorkflow(
  driver,
  url,
  { worker = true, invoices = HOST, longList = [] } = {},
) {
  const draftId = invoices.draft.documentId;
  await driver.goto(url);
  const openId = invoices.open.documentId;
  await driver.waitFor([['invoice-table'], ['[part="row"]', openId]], openId);
  await driver.waitFor([['invoice-table'], ['[part="row"]', draftId]], draftId);
  assert.equal(await driver.count(TABLE_ROW), 2, 'the table lists the two invoices');

  // Open the draft into the viewer.
  const draftRow = [['invoice-table'], ['[part="row"]', draftId]];
  assert.match(await driver.text(draftRow), /Draft/, 'the row starts as a draft');
  await driver.click([...draftRow, ['[part~="open-button"]']]);
  await driver.waitFor([...VIEWER, ['[part="document-id"]', draftId]], 'the draft in the viewer');

  // DRAFT → OPEN through <status-updater>'s confirmation dialog.
  await driver.waitFor([...UPDATER, ['[part~="select"]']], 'the status select');
  await driver.select([...UPDATER, ['[part~="select"]']], 'OPEN');
  await driver.click([...UPDATER, ['[part~="button"]']]);
  await driver.waitFor([...UPDATER, ['[part~="confirm-button"]']], 'the confirmation dialog');
  await driver.click([...UPDATER, ['[part~="confirm-button"]']]);
  await driver.waitFor([...VIEWER, ['[part~="status-badge"]', 'Open']], 'Open in the viewer');
  await driver.waitFor([...draftRow, ['[part~="status-badge"]', 'Open']], 'Open in the row');

  // CSV then PDF from the viewer's <download-menu>.
  const csv = await downloadWith(driver, 'CSV');
  assert.match(csv.name, new RegExp(`^${draftId}.*\\.csv$`));
  const row = csvFacts(csv.bytes);
  if (invoices.customer)
    assert.equal(row?.Customer, invoices.customer, 'the CSV names the customer');
  assert.deepEqual(
    [row?.['Document ID'], row?.Status, row?.Total],
    [draftId, 'OPEN', invoices.total],
    `the CSV has the document id, its new status and the total: ${JSON.stringify(row)}`,
  );

  const pdf = await downloadWith(driver, 'PDF');
  assert.match(pdf.name, new RegExp(`^${draftId}.*\\.pdf$`));
  assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  const drawn = pdfText(pdf.bytes);
  assert.match(drawn, new RegExp(draftId), 'the PDF has the id');
  // The package's Unicode font embedded (DejaVu Sans, a TrueType subset; jspdf also lists the
  // 14 base fonts, unused); the texts below come back through its ToUnicode maps (issue 18).
  const raw = pdf.bytes.toString('latin1');
  assert.match(raw, /\/BaseFont\s*\/DejaVuSans\b/, 'the PDF names DejaVu Sans');
  assert.match(raw, /\/FontFile2\b/, 'the PDF embeds a TrueType font');
  for (const text of invoices.pdfText ?? []) {
    assert.ok(drawn.includes(text), `the PDF draws ${JSON.stringify(text)}`);
  }

  await driver.waitUntil(() => window.hostDownloads?.length === 2, undefined, 'two details');
  const details = await driver.evaluate(() =>
    // JSON: the same shape from every engine (an absent field stays absent).
    JSON.parse(JSON.stringify(window.hostDownloads)),
  );
  assert.deepEqual(
    details.map((d) => [d.format, d.source, d.invoiceId]),
    [
      ['csv', 'browser', invoices.draft.id],
      ['pdf', 'browser', invoices.draft.id],
    ],
  );
  const workers = await driver.workers();
  if (worker) {
    // `worker` is absent from the detail when a worker made the file (`false` otherwise).
    assert.deepEqual(
      details.map((d) => [d.worker, d.workerError]),
      [
        [undefined, undefined],
        [undefined, undefined],
      ],
      `made in the workers, no fallback (${driver.engine})`,
    );
    assert.equal(workers.length, 2, `a CSV and a PDF worker ran: ${workers}`);
  } else {
    for (const d of details) assert.equal(d.worker, false, `${d.format} on the main thread`);
  }
  for (const count of longList) await longListChecks(driver, count);
  const problems = [...(await driver.problems())];
  // Last, after the problems are read: where they are enforced, the probe is a violation itself.
  const trustedTypes = await driver.trustedTypesEnforced();
  return { details, workers, problems, csv, pdf, trustedTypes };
}

/**
 * Runs in the page (serialised: self-contained): a second `<invoice-table>` (`#long-list`) over
 * `count` rows made when asked (row i: `LL-` and i + 1 in 7 digits), scrolled into view, and
 * `window.longList()`, what it shows: the rows wholly in the grid's view and the focused row,
 * each as `aria-rowindex:Document ID`, and the last End key press it heard ('End', 'Ctrl+End').
 */
function mountLongList(count) {
  const row = (i) => ({
    id: `ll-${i}`,
    documentId: `LL-${String(i + 1).padStart(7, '0')}`,
    customer: { id: 'cus-ll', name: 'Long List Ltd' },
    provider: { id: 'aws', name: 'AWS' },
    period: { from: '2026-01', to: '2026-01' },
    status: 'OPEN',
    total: { minor: 1000 + (i % 997), currency: 'USD' },
    generatedAt: '2026-01-31T08:00:00Z',
    version: '1',
  });
  const never = () => new Promise(() => {});
  const table = document.createElement('invoice-table');
  table.id = 'long-list';
  table.backend = {
    searchCustomers: async () => [],
    async listInvoices(query) {
      const offset = query.offset ?? 0;
      const limit = query.limit ?? 200;
      const items = [];
      for (let i = offset; i < Math.min(count, offset + limit); i++) items.push(row(i));
      return { items, total: count, offset, limit };
    },
    getInvoice: never,
    updateStatus: never,
    discardInvoice: never,
  };
  // The last End key press the table heard (from its rows, retargeted): with Ctrl or not.
  let lastEnd = null;
  table.addEventListener('keydown', (e) => {
    if (e.key === 'End') lastEnd = e.ctrlKey ? 'Ctrl+End' : 'End';
  });
  document.body.append(table);
  table.scrollIntoView();
  window.longList = () => {
    const root = table.shadowRoot;
    const grid = root?.querySelector('[part~="table"]');
    if (!grid) return { visible: [], focused: null, lastEnd };
    const box = grid.getBoundingClientRect();
    const top = root.querySelector('.head')?.getBoundingClientRect().bottom ?? box.top;
    const bottom = box.top + grid.clientTop + grid.clientHeight;
    const name = (r) =>
      `${r.getAttribute('aria-rowindex')}:${r.querySelector('[data-col="documentId"]')?.textContent.trim() ?? ''}`;
    const rows = [...root.querySelectorAll('[part~="row"]')].filter((r) => {
      const b = r.getBoundingClientRect();
      return b.top >= top - 1 && b.bottom <= bottom + 1;
    });
    const active = root.activeElement?.closest('[part~="row"]');
    return {
      visible: rows.map(name),
      focused: active ? name(active) : null,
      focusInView: rows.includes(active),
      rowcount: grid.getAttribute('aria-rowcount'),
      lastEnd,
    };
  };
}

/**
 * Issue 22 in the built package: a list of `count` rows (a million or ten: laid out over a
 * capped height, scroll-scale.ts) in its own `<invoice-table>` on the host page. End (a real key
 * press) focuses the last row and shows it, PageUp moves the focus up with the rows' data, Home
 * and then Ctrl+End reach the first row and the last again, and the scrollbar dragged to the
 * end shows the last row. The table is removed afterwards.
 */
export async function longListChecks(driver, count) {
  const last = `${count + 1}:LL-${String(count).padStart(7, '0')}`;
  const state = () => driver.evaluate(() => window.longList());
  await driver.evaluate(mountLongList, count);
  await driver.waitUntil(() => window.longList().visible[0] === '2:LL-0000001', undefined, 'row 1');
  assert.equal((await state()).rowcount, String(count + 1), 'aria-rowcount: the rows and the head');
  await driver.evaluate(() =>
    document.getElementById('long-list').shadowRoot.querySelector('[part~="row"]').focus(),
  );
  await driver.waitUntil(() => window.longList().focused === '2:LL-0000001', undefined, 'focus');
  const lastFocused = (key) =>
    driver.waitUntil(
      (want) => {
        const s = window.longList();
        return s.focused === want && s.focusInView && s.visible.at(-1) === want;
      },
      last,
      `${key}: ${last} focused and in view`,
    );
  await driver.press('End');
  await lastFocused('End');
  await driver.press('PageUp');
  await driver.waitUntil(
    (count) => {
      const s = window.longList();
      const [index, id] = (s.focused ?? ':').split(':');
      return (
        +index < count + 1 && s.focusInView && id === `LL-${String(+index - 1).padStart(7, '0')}`
      );
    },
    count,
    'PageUp: a row above focused, in view, with its data',
  );
  // Home, then Ctrl+End (the grid pattern's last row): the last row again.
  await driver.press('Home');
  await driver.waitUntil(
    () => {
      const s = window.longList();
      return s.focused === '2:LL-0000001' && s.focusInView && s.visible[0] === s.focused;
    },
    undefined,
    'Home: row 1 focused and in view',
  );
  await driver.press('Control+End');
  assert.equal((await state()).lastEnd, 'Ctrl+End', 'the key was Ctrl+End');
  await lastFocused('Ctrl+End');
  // The scrollbar: to the top, then dragged to its end.
  await driver.evaluate(() => {
    document.getElementById('long-list').shadowRoot.querySelector('[part~="table"]').scrollTop = 0;
  });
  await driver.waitUntil(() => window.longList().visible[0] === '2:LL-0000001', undefined, 'top');
  await driver.evaluate(() => {
    const grid = document.getElementById('long-list').shadowRoot.querySelector('[part~="table"]');
    grid.scrollTop = grid.scrollHeight;
  });
  await driver.waitUntil(
    (want) => window.longList().visible.at(-1) === want,
    last,
    `the scrollbar at its end: ${last} in view`,
  );
  await driver.evaluate(() => document.getElementById('long-list').remove());
}

/**
 * The engines a fixture runs its workflow in: `wanted` (all three by default), narrowed by
 * HOST_ENGINES (e.g. `HOST_ENGINES=chromium node --test …`).
 */
export function hostEngines(wanted = ['chromium', 'firefox', 'webkit']) {
  const only = process.env.HOST_ENGINES?.split(',').map((e) => e.trim().toLowerCase());
  return only ? wanted.filter((e) => only.includes(e)) : wanted;
}

/**
 * `runWorkflow` in `engine` ('chromium', 'firefox', 'webkit'): a driver started (Chromium on
 * `browser` when given), the workflow run, the driver closed. Prints what the engine checks
 * differently, whether it enforced Trusted Types, and the time it took (the fixture's label).
 */
export async function workflowIn(engine, url, { label, browser, ...options } = {}) {
  const started = Date.now();
  const driver = engine === 'chromium' ? await chromiumDriver(browser) : await ENGINES[engine]();
  try {
    const result = await runWorkflow(driver, url, options);
    const tt = result.trustedTypes
      ? 'Trusted Types enforced'
      : 'Trusted Types NOT enforced by this engine (that part of the policy is moot here)';
    console.log(
      `${label} in ${driver.engine}: ${Date.now() - started} ms; ${tt}` +
        driver.notes.map((n) => `; ${n}`).join(''),
    );
    return result;
  } finally {
    await driver.close();
  }
}

/** The built app's JavaScript files under `dir`, as `{ file, code }`. */
export function builtScripts(dir) {
  return filesUnder(dir)
    .filter((f) => /\.m?js$/.test(f))
    .map((file) => ({ file, code: readFileSync(path.join(dir, file), 'utf8') }));
}

/**
 * Blanks every line holding `directive` in `file` (line numbers kept); returns the 1-based
 * numbers of the lines that followed them: the lines that must now be errors.
 */
function removeDirectives(file, directive) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const expected = [];
  lines.forEach((line, i) => {
    if (line.includes(directive) && !line.includes('`')) {
      lines[i] = '';
      expected.push(i + 2);
    }
  });
  writeFileSync(file, lines.join('\n'));
  return expected;
}

/**
 * The negative type test. `project` (e.g. tsconfig.wrong.json: the app's config with `file`
 * included; the app's own build leaves `file` out) must pass `checker`: every directive in
 * `file` is used (an unused one is an error). With the directives blanked out it must fail with
 * an error on exactly the lines after them, and nowhere else. `file` is restored afterwards.
 * Returns the number of cases.
 */
export function assertDirectivesBite(
  app,
  checker,
  file,
  directive,
  project = 'tsconfig.wrong.json',
) {
  const full = path.join(app, file);
  const original = readFileSync(full, 'utf8');
  run(process.execPath, [checker, '-p', project], app);
  const expected = removeDirectives(full, directive);
  assert.ok(expected.length >= 2, `${file} has negative cases (${expected.length})`);
  let output = '';
  try {
    run(process.execPath, [checker, '-p', project], app);
  } catch (error) {
    output = error.message;
  } finally {
    writeFileSync(full, original);
  }
  assert.notEqual(output, '', `${file} without its directives must fail`);
  const pattern = new RegExp(`${file.replace(/[.]/g, '\\.')}\\((\\d+),\\d+\\): error TS\\d+`, 'g');
  const lines = [...new Set([...output.matchAll(pattern)].map((m) => Number(m[1])))];
  assert.deepEqual(
    lines,
    expected,
    `an error on each line after a directive, only there:\n${output}`,
  );
  return expected.length;
}

/**
 * One built host app for the `describe` block it is called in: before its tests, test/hosts/<name>
 * installed (`hostApp`), built by `build(app, timings)` into `<app>/dist`, served under `policy`
 * and Chromium started; after them, all of it stopped and removed, with the timings logged.
 * Returns the live context (`host`, `server`, `browser`, `timings`), filled in by `before`.
 */
export function builtHost(name, build, { link = [], policy = POLICY } = {}) {
  const started = Date.now();
  const ctx = { timings: {}, host: undefined, server: undefined, browser: undefined };
  before(async () => {
    ctx.host = hostApp(name, ctx.timings, { link });
    await build(ctx.host.app, ctx.timings);
    ctx.server = await serve(path.join(ctx.host.app, 'dist'), { policy });
    ctx.browser = await launchChromium();
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
    ctx.host?.remove();
    console.log(`host-${name}: ${Date.now() - started} ms (${JSON.stringify(ctx.timings)})`);
  });
  return ctx;
}

/**
 * The whole-page workflow on a `builtHost`, one test per engine (`hostEngines`): the files
 * made in workers whose URLs match `workerUrl`, no CSP violation, error or failed request;
 * `check(engine, result)` for what one host asserts more; `options` go to `runWorkflow`
 * (`longList`: also the long-list checks).
 */
export function workflowTests(ctx, label, workerUrl, check = () => {}, options = {}) {
  for (const engine of hostEngines()) {
    const long = options.longList
      ? `, ${options.longList.map((n) => n.toLocaleString('en')).join(' and ')} rows to the end`
      : '';
    test(`the whole page in ${engine}: open, DRAFT → OPEN, CSV, PDF, made in the workers${long}, under the strict CSP`, async () => {
      const result = await workflowIn(engine, ctx.server.url, {
        label,
        browser: engine === 'chromium' ? ctx.browser : undefined,
        worker: true,
        ...options,
      });
      for (const w of result.workers) assert.match(w, workerUrl);
      check(engine, result);
      assert.deepEqual(
        result.problems,
        [],
        `no CSP violation, error or failed request (${ctx.server.requests})`,
      );
    });
  }
}
