#!/usr/bin/env node
/**
 * `node bench/memory.mjs [--src=<dir>] [--runs=N]`: the table's memory and its data after a
 * fling, in headless Chromium (the system one, `scripts/chromium.mjs`), over invoices made from
 * their index (test/support/paged-backend.ts, answered at once).
 *
 * - Heap: a fresh page per size (10,000 and 1,000,000 rows); the table mounted, the rows at 0,
 *   25, 50, 75 and 100 % of the scroll range shown in turn, then the JavaScript heap after two
 *   forced collections (`HeapProfiler.collectGarbage`, `Runtime.getHeapUsage`), less the same
 *   page's heap before the table was mounted.
 * - Fling: 100,000 rows; 20 flings of 30 frames × 600 rows, each stopping in another region;
 *   time from the frame that shows the last move to the first frame whose rows in view all show
 *   data (median, p95, max).
 * - Momentum: 10 flings decaying as a wheel or touch fling does (13,000 rows), each frame at
 *   the fling's position for its time; from the frame showing its last move to the data (0:
 *   the rows showed when it stopped).
 *
 * `--src` bundles the page against another checkout's `src/` (e.g. the main branch's, from
 * `git archive main src | tar -x -C /tmp/main`) to compare.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { launchChromium } from '../scripts/chromium.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? true];
  }),
);
const src = args.get('src');
const runs = Number(args.get('runs') ?? 3);

const out = await mkdtemp(join(os.tmpdir(), 'bench-memory-'));
await build({
  entryPoints: [join(ROOT, 'bench', 'memory.ts')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  outfile: join(out, 'memory.js'),
  logLevel: 'error',
  nodePaths: [join(ROOT, 'node_modules')],
  tsconfig: join(ROOT, 'tsconfig.json'),
  // Another checkout's src/ instead of this one's.
  plugins: src
    ? [
        {
          name: 'other-src',
          setup(b) {
            b.onResolve({ filter: /\/src\// }, (r) => {
              const path = join(r.resolveDir, r.path);
              const rel = path.slice(path.indexOf('/src/') + 5).replace(/\.js$/, '.ts');
              return path.startsWith(join(ROOT, 'src')) ? { path: join(src, rel) } : undefined;
            });
          },
        },
      ]
    : [],
});
await writeFile(
  join(out, 'index.html'),
  '<!doctype html><meta charset="utf-8"><body style="margin:0;width:1200px"><script type="module" src="memory.js"></script>',
);
const server = createServer(async (req, res) => {
  const file = req.url === '/' ? 'index.html' : req.url.slice(1);
  try {
    const body = await readFile(join(out, file));
    res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await launchChromium(['--js-flags=--expose-gc']);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];

async function open() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url);
  await page.waitForFunction(() => 'bench' in window);
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  return { page, heap };
}

const results = { heap: {}, fling: {}, momentum: {} };
for (const size of [10_000, 1_000_000]) {
  const samples = [];
  for (let r = 0; r < runs; r++) {
    const { page, heap } = await open();
    const before = await heap();
    await page.evaluate((n) => window.bench.mount(n), size);
    const shown = await page.evaluate(() => window.bench.visit([0.25, 0.5, 0.75, 1, 0.1]));
    samples.push((await heap()) - before);
    if (!r) console.error(`${size} rows: regions shown from rows ${shown.join(', ')}`);
    await page.close();
  }
  results.heap[size] = { medianBytes: median(samples), samples };
}
{
  const { page } = await open();
  await page.evaluate(() => window.bench.mount(100_000));
  const times = [];
  for (let i = 0; i < 20; i++) {
    times.push(await page.evaluate((from) => window.bench.fling(from, 600, 30), 2000 + i * 4000));
  }
  const glides = [];
  for (let i = 0; i < 10; i++) {
    glides.push(await page.evaluate((from) => window.bench.momentum(from), 1000 + i * 15_000));
  }
  const stats = (xs) => ({
    medianMs: Math.round(median(xs)),
    p95Ms: Math.round(pct(xs, 95)),
    maxMs: Math.round(Math.max(...xs)),
    samples: xs.map(Math.round),
  });
  results.fling = stats(times);
  results.momentum = stats(glides);
  await page.close();
}
await browser.close();
server.close();
console.log(
  JSON.stringify({ src: src ?? 'this checkout', loadavg: os.loadavg(), ...results }, null, 2),
);
