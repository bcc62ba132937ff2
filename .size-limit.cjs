/**
 * Size budgets (issue 9), checked by `npm run size` after `npm run build`.
 *
 * Every size is min+gzip: `gzip: true` (size-limit 11 measures brotli by default), and the
 * esbuild plugin of @size-limit/preset-small-lib minifies. Element entries are bundled by
 * esbuild with their dependencies (lit, @lit/*, the virtualizer, papaparse where imported);
 * jspdf and jspdf-autotable are left out (`ignore`): they load only when a PDF is made.
 * Built files (the bundle and its chunks) are measured as they are shipped, file by file
 * (minified again by esbuild, not bundled: `bundle: false`), and summed.
 *
 * Limits: the four elements' target is 40 kB (issue 9); 56.4 kB was measured, so that budget
 * is set at the measured size plus ~5 % and the target is reported as missed. The others are the sizes measured when
 * the budgets were set (2026-11-28) plus ~5 %, to catch regressions.
 *
 * The files of the single-file bundle are found by following its references (static and
 * dynamic imports, the worker's `new URL(…)`), because dist/chunks and dist/assets also hold
 * the package build's files with other hashes.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS config file */
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join, relative, resolve } = require('node:path');

const ROOT = __dirname;
const DIST = join(ROOT, 'dist');
const BUNDLE = join(DIST, 'invoice-elements.bundle.js');
const LAZY_EXPORT = /pdf|csv|jspdf|autotable|html2canvas|purify|index\.es-/;
const JSPDF_OPTIONAL = /html2canvas|purify|index\.es-/;

/** Files referenced by a built file: imports, dynamic imports, `new URL('…', import.meta.url)`. */
function references(file) {
  const code = readFileSync(file, 'utf8');
  const found = new Set();
  const patterns = [
    /\bfrom\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g,
    /\bimport\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g,
    /\bimport\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g,
    /new URL\(\s*(?:\/\*[^*]*\*\/\s*)?(?:new URL\()?["'`]([^"'`]+\.js)["'`]/g,
  ];
  for (const pattern of patterns) {
    for (const m of code.matchAll(pattern)) {
      const ref = m[1];
      // A root-absolute URL ("/assets/…") is resolved against dist/, where the build put it.
      const target = ref.startsWith('/') ? join(DIST, ref) : resolve(dirname(file), ref);
      if (existsSync(target)) found.add(target);
    }
  }
  return [...found];
}

function reachable(entry, follow = () => true) {
  const seen = new Set([entry]);
  const queue = [entry];
  while (queue.length) {
    for (const ref of references(queue.shift())) {
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
const bundleFiles = reachable(BUNDLE);
// What a page loads to show the elements: the bundle and its non-export chunks.
const initial = bundleFiles.filter((f) => f === BUNDLE || !LAZY_EXPORT.test(f));
// What a PDF adds: the worker and what it imports (jspdf, autotable). jspdf's own optional
// chunks (html2canvas, dompurify, canvg) are never loaded by our exports.
const worker = bundleFiles.find((f) => /pdf\.worker-/.test(f));
const pdfPath = worker ? reachable(worker, (f) => !JSPDF_OPTIONAL.test(f)) : [];

// Element entries: bundled as the ES modules they are (esbuild's default would be an IIFE).
const asModule = (config) => ({ ...config, format: 'esm' });
// Not bundled, so no externals (size-limit adds package.json peer dependencies as externals).
const asShipped = (config) => ({ ...config, bundle: false, external: [] });
const lazyDeps = ['jspdf', 'jspdf-autotable'];

module.exports = [
  {
    name: '<invoice-table> entry (with lit, @lit/*, virtualizer)',
    path: 'dist/components/invoice-table.js',
    gzip: true,
    ignore: lazyDeps,
    modifyEsbuildConfig: asModule,
    limit: '34 kB',
  },
  {
    name: '<invoice-viewer> entry (hosts the other two; with papaparse, without jspdf)',
    path: 'dist/components/invoice-viewer.js',
    gzip: true,
    ignore: lazyDeps,
    modifyEsbuildConfig: asModule,
    limit: '57 kB',
  },
  {
    name: '<status-updater> entry (with lit, @lit/*)',
    path: 'dist/components/status-updater.js',
    gzip: true,
    ignore: lazyDeps,
    modifyEsbuildConfig: asModule,
    limit: '20.5 kB',
  },
  {
    name: '<download-menu> entry (without jspdf and papaparse: both load in workers)',
    path: 'dist/components/download-menu.js',
    gzip: true,
    ignore: [...lazyDeps, 'papaparse'],
    modifyEsbuildConfig: asModule,
    limit: '32 kB',
  },
  {
    name: 'The four elements + lit + their dependencies, without jspdf and papaparse (target)',
    path: 'dist/index.js',
    import: '{ InvoiceTable, InvoiceViewer, StatusUpdater, DownloadMenu, defineInvoiceElements }',
    gzip: true,
    ignore: [...lazyDeps, 'papaparse'],
    modifyEsbuildConfig: asModule,
    // Issue 9's target is 40 kB; 56.4 kB measured on 2026-11-28 (see docs/PERFORMANCE.md).
    // The budget guards against growth until the elements shrink; the target stays open.
    limit: '59 kB',
  },
  {
    name: 'Single-file bundle, without the lazily loaded export chunks',
    path: rel(initial),
    gzip: true,
    modifyEsbuildConfig: asShipped,
    limit: '80 kB',
  },
  {
    name: 'Single-file bundle with the export chunks a PDF loads (worker, jspdf, autotable)',
    path: rel([...initial, ...pdfPath]),
    gzip: true,
    modifyEsbuildConfig: asShipped,
    limit: '238 kB',
  },
];
