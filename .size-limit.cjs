/**
 * Size budgets (issue 9), checked by `npm run size` after `npm run build`.
 *
 * Every size is min+gzip: `gzip: true` (size-limit 11 measures brotli by default), and the
 * esbuild plugin of @size-limit/preset-small-lib minifies. Element entries are bundled by
 * esbuild with their dependencies (lit, @lit/*, papaparse where imported); jspdf and
 * jspdf-autotable are left out (`ignore`), and so is every dynamic import (the pt-BR and es
 * strings, the export runtime): they load only when used, and have budgets of their own.
 * Built files (the bundle and its chunks) are measured as they are shipped, file by file
 * (minified again by esbuild, not bundled: `bundle: false`), and summed.
 *
 * Limits: the four elements' budget is issue 9's target, 40 kB (39.8 kB measured on
 * 2026-11-28). The others are the sizes measured that day plus ~5 %, to catch regressions.
 *
 * The files of the single-file bundle are found by following its references (static imports;
 * for the PDF path also dynamic imports and the worker's `new URL(…)`), because dist/chunks
 * and dist/assets also hold the package build's files with other hashes.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS config file */
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join, relative, resolve } = require('node:path');

const ROOT = __dirname;
const DIST = join(ROOT, 'dist');
const BUNDLE = join(DIST, 'invoice-elements.bundle.js');
// Not loaded for a PDF: the CSV worker, the CSV code, the table's list export (issue 25), and
// the pt-BR and es strings. (The PDF
// worker, dist/workers/pdf.worker.js, is one file with jspdf and autotable inside; the
// main-thread fallback imports the same file, so it is counted once.)
const NOT_FOR_PDF = /csv|list-export|\/(pt-BR|es)(-[\w-]+)?\.js$/;

const STATIC = [
  /\bfrom\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g,
  /\bimport\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g,
];
const LAZY = [
  /\bimport\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g,
  /new URL\(\s*(?:\/\*[^*]*\*\/\s*)?(?:new URL\()?["'`]([^"'`]+\.js)["'`]/g,
];

/**
 * Files referenced by a built file: static imports, and with `lazy` also dynamic imports and
 * `new URL('…', import.meta.url)` (workers).
 */
function references(file, lazy) {
  const code = readFileSync(file, 'utf8');
  const found = new Set();
  for (const pattern of lazy ? [...STATIC, ...LAZY] : STATIC) {
    for (const m of code.matchAll(pattern)) {
      const ref = m[1];
      // A root-absolute URL ("/assets/…") is resolved against dist/, where the build put it.
      const target = ref.startsWith('/') ? join(DIST, ref) : resolve(dirname(file), ref);
      if (existsSync(target)) found.add(target);
    }
  }
  return [...found];
}

function reachable(entry, { lazy = false, follow = () => true } = {}) {
  const seen = new Set([entry]);
  const queue = [entry];
  while (queue.length) {
    for (const ref of references(queue.shift(), lazy)) {
      if (!seen.has(ref) && follow(ref)) {
        seen.add(ref);
        queue.push(ref);
      }
    }
  }
  return [...seen];
}

if (!existsSync(BUNDLE)) {
  throw new Error(
    '.size-limit.cjs: dist/invoice-elements.bundle.js is missing; run `npm run build` first.',
  );
}

const rel = (files) => files.map((f) => relative(ROOT, f));
// What <download-menu> (package build) loads on the first export, beyond what it loaded up
// front: the export runtime chunk and its static imports (the workers come on top for CSV/PDF).
const menuEntry = join(DIST, 'components', 'download-menu.js');
const menuUpFront = new Set(reachable(menuEntry));
const runChunk = reachable(menuEntry, { lazy: true }).find((f) => /\/run-[\w-]+\.js$/.test(f));
const exportRuntime = runChunk ? reachable(runChunk).filter((f) => !menuUpFront.has(f)) : [];
// What a page loads to show the elements: the bundle and the chunks it imports statically.
const initial = reachable(BUNDLE);
// What a PDF adds: the export runtime, the PDF worker and what it imports (jspdf, autotable).
const pdfPath = reachable(BUNDLE, { lazy: true, follow: (f) => !NOT_FOR_PDF.test(f) });

/**
 * Leaves dynamic imports out of a measured bundle: they load only when used (the pt-BR and es
 * strings, the export runtime), and are measured on their own below. Without this, esbuild
 * (which does not split here) would inline them.
 */
const lazyImportsExternal = {
  name: 'lazy-imports-external',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
  },
};

// Element entries: bundled as the ES modules they are (esbuild's default would be an IIFE),
// without what they import dynamically.
const asModule = (config) => ({
  ...config,
  format: 'esm',
  plugins: [...(config.plugins ?? []), lazyImportsExternal],
});
// Not bundled, so no externals (size-limit adds package.json peer dependencies as externals).
const asShipped = (config) => ({ ...config, bundle: false, external: [] });
const lazyDeps = ['jspdf', 'jspdf-autotable'];

module.exports = [
  {
    name: '<invoice-table> entry (with lit, @lit/*)',
    path: 'dist/components/invoice-table.js',
    gzip: true,
    ignore: lazyDeps,
    modifyEsbuildConfig: asModule,
    // 25 kB since issue 17 (count, empty state with Clear filters, agreement between elements);
    // 26 kB since the second part of issue 17 (month fields in the element's language, the
    // money sort's header, the suggestions in the top layer) and issue 25's `view`: 25.75 kB
    // measured on 2026-12-02 after the savings of docs/PERFORMANCE.md ("What keeps the entries
    // small").
    // Issue 25's bulk status change (B): the selection, its keys, the checkbox cells, the bar,
    // the dialog's styles and the bulk English strings are in the entry (+3.4 kB: 28.02 →
    // 31.43 kB measured on 2026-12-02); the dialog, the writes and the updater's words load on
    // the first "Change status…" (`bulk-runtime.ts`).
    // All of issue 25 merged (money owed, totals, list export, reason for VOID, bulk change):
    // 33.69 kB measured on 2026-12-02 (docs/PERFORMANCE.md, "Issue 25 together").
    // 2026-12-03: the grid's columns (rows as wide as their columns, header names cut at their
    // end with the whole on hover, the Open column pinned while the grid scrolls sideways):
    // 34.03 kB measured; raised to 34.1 kB.
    // 2026-12-03: the toolbar's Billing period and Filters buttons (their controls rendered only
    // when shown) and the rows beyond the view a frame after the first (docs/PERFORMANCE.md,
    // "Cold insert"): 34.40 kB measured; raised to 34.5 kB.
    // A fling's moves timed by their frame, a second move in a frame taken as its place
    // (docs/PERFORMANCE.md, "Page cache, and data after a fling"): 34.52 kB; raised to 34.55 kB.
    limit: '34.55 kB',
  },
  {
    name: '<invoice-viewer> entry (hosts the other two; with papaparse, without jspdf)',
    path: 'dist/components/invoice-viewer.js',
    gzip: true,
    ignore: lazyDeps,
    modifyEsbuildConfig: asModule,
    // Issue 25's reason for VOID (the dialog's field, the history's column): 34.5 → 35.23 kB
    // measured on 2026-12-02.
    // All of issue 25 merged (money owed, totals, list export, reason for VOID, bulk change):
    // 36.07 kB measured on 2026-12-02 (docs/PERFORMANCE.md, "Issue 25 together").
    // 2026-12-03: the row window's overscan a frame after the first rows: 36.29 kB measured.
    limit: '36.35 kB',
  },
  {
    name: '<status-updater> entry (with lit, @lit/*)',
    path: 'dist/components/status-updater.js',
    gzip: true,
    ignore: lazyDeps,
    modifyEsbuildConfig: asModule,
    // 18.63 kB on 2026-12-02 (issue 17: the base class's change listening, the dialog's subject).
    // Issue 25's reason for VOID: 19.5 → 20.19 kB measured on 2026-12-02.
    // All of issue 25 merged (money owed, totals, list export, reason for VOID, bulk change):
    // 20.49 kB measured on 2026-12-02 (docs/PERFORMANCE.md, "Issue 25 together").
    limit: '20.75 kB',
  },
  {
    name: '<download-menu> entry (without jspdf and papaparse: both load in workers)',
    path: 'dist/components/download-menu.js',
    gzip: true,
    ignore: [...lazyDeps, 'papaparse'],
    modifyEsbuildConfig: asModule,
    // All of issue 25 merged (money owed, totals, list export, reason for VOID, bulk change):
    // 18.31 kB measured on 2026-12-02 (docs/PERFORMANCE.md, "Issue 25 together").
    limit: '18.5 kB',
  },
  {
    name: 'The four elements + lit + their dependencies, without jspdf and papaparse (target)',
    path: 'dist/index.js',
    import: '{ InvoiceTable, InvoiceViewer, StatusUpdater, DownloadMenu, defineInvoiceElements }',
    gzip: true,
    ignore: [...lazyDeps, 'papaparse'],
    modifyEsbuildConfig: asModule,
    // Issue 9's target was 40 kB (39.8 kB measured on 2026-11-28, see docs/PERFORMANCE.md).
    // Issue 17 spends ~1.1 kB on the elements agreeing (page events, `subscribe`, `refresh`,
    // `invalidate`) and the table's states, ~0.4 kB on the customer's view, stacked line items
    // and the dialog's subject: 41.05 kB measured on 2026-12-02; raised to 41.5 kB. Getting back
    // under 40 kB is open work (docs/PERFORMANCE.md, "Budgets"). Later that day issues 17, 21
    // and 25 spent ~2 kB more (month fields, money sort, top-layer pop-ups, text limits and
    // isolation, write outcomes, the table's `view`) and build-level savings won back ~0.85 kB:
    // 42.38 kB measured; then issue 21's Copy button for clipped values (+0.31 kB): 42.69 kB,
    // raised to 42.75 kB.
    // Issue 25's bulk status change (B): 45.56 → 48.44 kB measured on 2026-12-02.
    // All of issue 25 merged (money owed, totals, list export, reason for VOID, bulk change):
    // 51.43 kB measured on 2026-12-02 (docs/PERFORMANCE.md, "Issue 25 together").
    // 2026-12-03: the grid's columns (rows as wide as their columns, header names cut at their
    // end with the whole on hover, the Open column pinned): 51.80 kB measured; raised to
    // 51.8 kB. A page's items read without building path strings (docs/PERFORMANCE.md, "Cold
    // insert"), through one helper for a page's items and an invoice's lines: 51.80 kB.
    // The toolbar's disclosure buttons and the first frame without overscan: 52.19 kB.
    // A fling's moves timed by their frame: 52.30 kB; raised to 52.35 kB.
    limit: '52.35 kB',
  },
  {
    name: 'Single-file bundle, what a page loads up front (no export code, no pt-BR/es)',
    path: rel(initial),
    gzip: true,
    modifyEsbuildConfig: asShipped,
    // 58.5 kB until 2026-12-02; 59.70 kB measured after that day's features (see above);
    // 59.98 kB with issue 18's contract fields and PDF fonts option (setPdfFonts, warnings).
    // Issue 25's bulk status change (B; the single file holds its lazy part too): 66.8 →
    // 71.74 kB measured on 2026-12-02.
    // All of issue 25 merged (money owed, totals, list export, reason for VOID, bulk change):
    // 77.53 kB measured on 2026-12-02 (docs/PERFORMANCE.md, "Issue 25 together").
    // 2026-12-03: the toolbar's disclosure buttons, the first frame without overscan: 77.82 kB.
    // A fling's moves timed by their frame: 77.93 kB; raised to 78 kB.
    limit: '78 kB',
  },
  {
    // 204.9 kB on 2026-12-02 (issue 20: the worker is one file, jspdf without its optional
    // html2canvas/DOMPurify/canvg modules, which no PDF of ours loaded anyway). Issue 18: the
    // worker carries the PDF's font (DejaVu Sans regular and bold, subset, as base64): 209.5 kB
    // → 362.8 kB measured on 2026-12-02 (docs/PERFORMANCE.md).
    name: 'Single-file bundle with the export chunks a PDF loads (worker, jspdf, autotable, font)',
    path: rel(pdfPath),
    gzip: true,
    modifyEsbuildConfig: asShipped,
    // Issue 25's bulk status change (B): 374.2 → 382.81 kB measured on 2026-12-02.
    // All of issue 25 merged (money owed, totals, list export, reason for VOID, bulk change):
    // 388.02 kB measured on 2026-12-02 (docs/PERFORMANCE.md, "Issue 25 together").
    limit: '388.25 kB',
  },
  {
    name: 'pt-BR strings, loaded when an element resolves to pt-BR',
    path: 'dist/i18n/pt-BR.js',
    gzip: true,
    modifyEsbuildConfig: asModule,
    // Issue 25's bulk status change strings (B): 3.23 → 3.78 kB measured on 2026-12-02.
    // All of issue 25 merged (money owed, totals, list export, reason for VOID, bulk change):
    // 4.18 kB measured on 2026-12-02 (docs/PERFORMANCE.md, "Issue 25 together").
    limit: '4.25 kB',
  },
  {
    name: 'es strings, loaded when an element resolves to es',
    path: 'dist/i18n/es.js',
    gzip: true,
    modifyEsbuildConfig: asModule,
    // Issue 25's bulk status change strings (B): 3.22 → 3.74 kB measured on 2026-12-02.
    // All of issue 25 merged (money owed, totals, list export, reason for VOID, bulk change):
    // 4.16 kB measured on 2026-12-02 (docs/PERFORMANCE.md, "Issue 25 together").
    limit: '4.25 kB',
  },
  {
    name: 'Export runtime, loaded by <download-menu> on the first export (package build)',
    path: rel(exportRuntime),
    gzip: true,
    modifyEsbuildConfig: asShipped,
    // 6 kB since the reshape (issue 16): the export pipeline and the one conversion model moved
    // out of what the viewer and the menu load up front (−0.45 kB there) into this lazy chunk.
    // 6.37 kB with issue 18 (contract fields, rate statement, the PDF's font option).
    // Issue 25: 8.8 → 9.97 kB, the same code in more chunks (the CSV export, shared with the
    // table's list export, is a chunk of its own; each file is gzipped on its own).
    limit: '10.25 kB',
  },
];
