/**
 * The cold-insert suite of `npm run bench` (`--only=cold`; docs/PERFORMANCE.md, "Cold insert
 * (what a host pays)"): for each size and each contender, in a fresh browser context each
 * time and interleaved (the contenders' order rotates every run), `bench-dist/cold-insert.html`
 * (bench/cold-insert.ts) inserts the grid with its data source set and measures the first
 * real rows painted, the JS heap after forced GC (CDP), a fling to the middle of the list
 * (frame intervals, backend requests, time from the stop to real data) and whether the last
 * row is reachable by the scrollbar and by End / Ctrl+End.
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fmt, median, percentile, r1, r2 } from './report-helpers.mjs';

export const COLD_CONTENDERS = ['invoice-table', 'vaadin-grid', 'ag-grid'];
export const COLD_SIZES = [1_000, 10_000, 100_000, 1_000_000];
/** Frames of the fling: `scrollTop` from the top to the middle of the list, one step a frame. */
const FLING_FRAMES = 60;
const PEER = 'vaadin-grid';
const MB = 1024 * 1024;

/** `--sizes=1k,10k,100k,1M` (or plain numbers) → [1000, 10000, 100000, 1000000]. */
export function parseSizes(text) {
  if (typeof text !== 'string') return COLD_SIZES;
  const sizes = text.split(',').map((t) => {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([kKmM]?)\s*$/.exec(t);
    if (!m) throw new Error(`--sizes: cannot read "${t}" (e.g. --sizes=1k,10k,100k,1M)`);
    return Math.round(Number(m[1]) * { '': 1, k: 1e3, m: 1e6 }[m[2].toLowerCase()]);
  });
  return sizes.filter((n) => n > 0);
}

const call = (page, fn, ...params) =>
  page.evaluate(([f, p]) => window.bench[f](...p), [fn, params]);

/** One measurement of `name` with `count` rows, in a browser context of its own. */
async function coldOnce(browser, origin, name, count, log) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const out = { errors: [] };
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    page.on('pageerror', (e) => out.errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') out.errors.push(m.text());
    });
    await page.goto(`${origin}/cold-insert.html`);
    await page.waitForFunction(() => window.benchReady === true);
    await call(page, 'load', name);
    const cdp = await context.newCDPSession(page);
    const heap = async () => {
      for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const heapBefore = await heap();
    out.render = await call(page, 'insert', count);
    out.heapBefore = heapBefore;
    out.heapAfterRender = await heap();
    // Reachability first, on the grid as inserted; the fling last (a grid it leaves blank,
    // as vaadin-grid sometimes is after a fast scroll, would spoil what follows).
    out.scrollbar = await call(page, 'reachByScrollbar');
    const point = await call(page, 'toTop');
    if (point) {
      await page.mouse.click(point.x, point.y);
      await page.keyboard.press('End');
      out.end = await call(page, 'afterKey');
      await page.keyboard.press('Control+End');
      out.ctrlEnd = await call(page, 'afterKey');
    }
    await call(page, 'toTop');
    out.fling = await call(page, 'fling', FLING_FRAMES);
    out.heapAfterScroll = await heap();
  } catch (error) {
    out.errors.push(String(error.message ?? error).split('\n')[0]);
  } finally {
    await context.close();
  }
  if (out.errors.length) log(`cold ${name} ${count}: ${out.errors.join(' | ')}`);
  return out;
}

/**
 * The main thread's CPU time for one cold insert of `name` (`count` rows), from the insert to
 * the paint of the first real rows: the thread time (`tdur`) of the renderer main thread's tasks
 * in a trace (CDP `Tracing`). Unlike the wall time it does not grow when the machine's other
 * work takes the CPU away, so it compares what each grid itself costs. A measurement of its own
 * (the trace slows the page a little), in a fresh context as the others.
 */
async function coldCpuOnce(browser, origin, name, count) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    await page.goto(`${origin}/cold-insert.html`);
    await page.waitForFunction(() => window.benchReady === true);
    await call(page, 'load', name);
    const cdp = await context.newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', {
      categories: 'toplevel,blink.user_timing',
      transferMode: 'ReportEvents',
    });
    const render = await page.evaluate((n) => {
      performance.mark('cold-insert-start');
      return window.bench.insert(n);
    }, count);
    await cdp.send('Tracing.end');
    await complete;
    const mark = events.find((e) => e.name === 'cold-insert-start');
    if (!mark) return null;
    const end = mark.ts + render.ms * 1000;
    let cpu = 0;
    for (const e of events) {
      if (e.tid !== mark.tid || e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask')
        continue;
      // Every task that ran between the insert and the paint (the insert's own task included).
      if (e.ts + (e.dur ?? 0) > mark.ts && e.ts < end) cpu += (e.tdur ?? 0) / 1000;
    }
    return cpu;
  } finally {
    await context.close();
  }
}

/** Medians and pooled frame intervals of one contender's runs at one size. */
function summarise(runs, count) {
  const ok = runs.filter((r) => r.render);
  const num = (f) => ok.map(f).filter((v) => typeof v === 'number');
  const intervals = ok.flatMap((r) => r.fling?.intervals ?? []);
  const reach = (key) => {
    const seen = ok.map((r) => r[key]).filter(Boolean);
    if (!seen.length) return null;
    const last = seen.at(-1);
    return {
      reached: seen.filter((x) => x.reached).length,
      of: seen.length,
      lastRow: last.lastRow,
      focus: last.focus ?? null,
      focusRow: last.focusRow ?? null,
    };
  };
  return {
    runs: runs.length,
    failed: runs.length - ok.length,
    firstRenderMs: r1(median(num((r) => r.render.ms))),
    firstRenderRuns: num((r) => r.render.ms),
    requestsToFirstRender: median(num((r) => r.render.requests)),
    rowElements: ok.at(-1)?.render.rowElements ?? null,
    heapBeforeMB: r2(median(num((r) => r.heapBefore)) / MB),
    heapRenderMB: r2(median(num((r) => r.heapAfterRender - r.heapBefore)) / MB),
    heapScrollMB: r2(median(num((r) => r.heapAfterScroll - r.heapBefore)) / MB),
    fling: intervals.length
      ? {
          frames: intervals.length,
          p50: r2(percentile(intervals, 50)),
          p95: r2(percentile(intervals, 95)),
          max: r2(Math.max(...intervals)),
          over20: intervals.filter((v) => v > 20).length,
          completed: ok.filter((r) => r.fling.completed).length,
          requestsDuring: median(num((r) => r.fling.requestsDuring)),
          requestsToData: median(num((r) => r.fling.requestsToData)),
          dataMs: r1(median(num((r) => r.fling.dataMs))),
          // Runs where the rows in view had no data 5 s after the stop.
          noData: ok.filter((r) => r.fling.dataMs === null).length,
          dataRuns: ok.map((r) => r.fling.dataMs),
          rowAtStop: ok.at(-1).fling.rowAtStop,
          rowAtStopFraction: ok.at(-1).fling.rowAtStopFraction,
        }
      : null,
    scrollbar: reach('scrollbar'),
    end: reach('end'),
    ctrlEnd: reach('ctrlEnd'),
    count,
    errors: [...new Set(runs.flatMap((r) => r.errors))].slice(0, 5),
  };
}

/**
 * Runs the suite: one discarded warm-up of each contender at the smallest size, then `runs`
 * rounds; each round measures every size, and at each size every contender, in an order
 * that rotates from round to round (A B C, B C A, C A B, …).
 */
export async function coldSuite({ browser, origin, root, runs, sizes, log }) {
  const benchDist = join(root, 'bench-dist');
  if (!existsSync(join(benchDist, 'cold-insert.html'))) {
    const skipped = 'bench-dist/cold-insert.html missing: dist/ was not built (npm run build)';
    log(`cold: ${skipped}; skipped`);
    return { skipped };
  }
  const started = Date.now();
  const loadAtStart = os.loadavg().map(r2);
  for (const name of COLD_CONTENDERS) await coldOnce(browser, origin, name, sizes[0], log);
  const raw = Object.fromEntries(
    sizes.map((n) => [n, Object.fromEntries(COLD_CONTENDERS.map((c) => [c, []]))]),
  );
  for (let r = 0; r < runs; r++) {
    const k = r % COLD_CONTENDERS.length;
    const order = [...COLD_CONTENDERS.slice(k), ...COLD_CONTENDERS.slice(0, k)];
    for (const n of sizes) {
      for (const name of order) raw[n][name].push(await coldOnce(browser, origin, name, n, log));
      log(
        `cold: run ${r + 1}/${runs}, ${n.toLocaleString('en')} rows:`,
        order.map((name) => `${name} ${raw[n][name].at(-1).render?.ms ?? 'failed'} ms`).join(', '),
      );
    }
  }
  // Main-thread CPU at one size (the first render's cost is the same at every size), the
  // contenders interleaved as above.
  const cpuSize = sizes.includes(100_000) ? 100_000 : sizes.at(-1);
  const cpuRuns = Object.fromEntries(COLD_CONTENDERS.map((c) => [c, []]));
  for (let r = 0; r < runs; r++) {
    const k = r % COLD_CONTENDERS.length;
    for (const name of [...COLD_CONTENDERS.slice(k), ...COLD_CONTENDERS.slice(0, k)]) {
      const cpu = await coldCpuOnce(browser, origin, name, cpuSize).catch(() => null);
      if (cpu !== null) cpuRuns[name].push(r1(cpu));
    }
    log(
      `cold: CPU run ${r + 1}/${runs}, ${cpuSize.toLocaleString('en')} rows:`,
      COLD_CONTENDERS.map((c) => `${c} ${cpuRuns[c].at(-1) ?? 'failed'} ms`).join(', '),
    );
  }
  const cpuMedian = Object.fromEntries(
    COLD_CONTENDERS.map((c) => [c, cpuRuns[c].length ? r1(median(cpuRuns[c])) : null]),
  );
  const cpu = {
    size: cpuSize,
    median: cpuMedian,
    runs: cpuRuns,
    ratio: Object.fromEntries(
      COLD_CONTENDERS.map((c) => [
        c,
        cpuMedian[c] !== null && cpuMedian[PEER] ? r2(cpuMedian[c] / cpuMedian[PEER]) : null,
      ]),
    ),
  };
  const results = {};
  for (const n of sizes) {
    const row = {};
    for (const name of COLD_CONTENDERS) row[name] = summarise(raw[n][name], n);
    const ratio = (get) => {
      const peer = get(row[PEER]);
      return Object.fromEntries(
        COLD_CONTENDERS.map((c) => {
          const v = get(row[c]);
          return [c, typeof v === 'number' && peer ? r2(v / peer) : null];
        }),
      );
    };
    row.ratios = {
      firstRender: ratio((x) => x.firstRenderMs),
      heapRender: ratio((x) => x.heapRenderMB),
      flingP95: ratio((x) => x.fling?.p95),
      dataAfterFling: ratio((x) => x.fling?.dataMs),
    };
    results[n] = row;
  }
  const version = (pkg) =>
    JSON.parse(readFileSync(join(root, pkg, 'package.json'), 'utf8')).version;
  return {
    versions: {
      'invoice-elements': version('.'),
      '@vaadin/grid': version('node_modules/@vaadin/grid'),
      'ag-grid-community': version('node_modules/ag-grid-community'),
    },
    loadAverage: { start: loadAtStart, end: os.loadavg().map(r2) },
    sizes,
    runs,
    flingFrames: FLING_FRAMES,
    durationS: Math.round((Date.now() - started) / 1000),
    cpu,
    results,
  };
}

// ---- targets and tables -----------------------------------------------------------------------

const rows = (n) => n.toLocaleString('en');
const T = 'invoice-table';

/** The targets for `<invoice-table>` (issue 22, "Done when"), from this suite. */
export function coldTargets(cold) {
  const list = [];
  if (!cold?.results) return list;
  const add = (target, measured, pass) => list.push({ target, measured, pass });
  const at = (n) => cold.results[n];
  for (const n of cold.sizes.filter((s) => s >= 10_000)) {
    const x = at(n);
    add(
      `Cold insert: <invoice-table> first render ≤ 0.5× vaadin-grid at ${rows(n)} rows`,
      `${fmt(x[T].firstRenderMs)} vs ${fmt(x[PEER].firstRenderMs)} = ${x.ratios.firstRender[T]}×`,
      x.ratios.firstRender[T] !== null && x.ratios.firstRender[T] <= 0.5,
    );
  }
  const small = cold.sizes.includes(10_000) ? 10_000 : cold.sizes[0];
  const big = cold.sizes.at(-1);
  if (big !== small) {
    const [a, b] = [at(small)[T], at(big)[T]];
    add(
      `Cold insert: <invoice-table> heap at ${rows(big)} rows ≤ heap at ${rows(small)} + 1 MB (after forced GC)`,
      `${fmt(b.heapRenderMB, ' MB')} vs ${fmt(a.heapRenderMB, ' MB')} after the first render; ${fmt(b.heapScrollMB, ' MB')} vs ${fmt(a.heapScrollMB, ' MB')} after scrolling`,
      b.heapRenderMB <= a.heapRenderMB + 1 && b.heapScrollMB <= a.heapScrollMB + 1,
    );
  }
  const p95s = cold.sizes.map((n) => at(n)[T].fling?.p95 ?? Infinity);
  add(
    '<invoice-table> fling p95 frame one 60 Hz vsync (≤ 16.9 ms) at every size',
    cold.sizes.map((n, i) => `${rows(n)}: ${fmt(p95s[i])}`).join('; '),
    Math.max(...p95s) <= 16.9,
  );
  const data = cold.sizes.map((n) =>
    at(n)[T].fling?.noData === 0 ? at(n)[T].fling.dataMs : Infinity,
  );
  add(
    '<invoice-table> real data ≤ 50 ms after a fling stops (adapter answering at once)',
    cold.sizes.map((n, i) => `${rows(n)}: ${fmt(data[i])}`).join('; '),
    Math.max(...data) <= 50,
  );
  const reachedAll = (n, key) => {
    const r = at(n)[T][key];
    return r !== null && r.reached === r.of;
  };
  add(
    '<invoice-table> last row shown by the scrollbar and by End, focus on it, at every size',
    cold.sizes
      .map((n) => `${rows(n)}: ${reachCell(at(n)[T].scrollbar)}; End ${reachCell(at(n)[T].end)}`)
      .join(' / '),
    cold.sizes.every(
      (n) => reachedAll(n, 'scrollbar') && reachedAll(n, 'end') && at(n)[T].end.focusRow === n,
    ),
  );
  return list;
}

function reachCell(r) {
  if (!r) return 'n/a';
  const shown = r.lastRow === null ? 'no row shown' : `row ${rows(r.lastRow)}`;
  const runs = r.of > 1 && r.reached > 0 && r.reached < r.of ? ` (${r.reached}/${r.of} runs)` : '';
  const focus =
    r.focus === null
      ? ''
      : r.focus === 'row'
        ? `, focus row ${rows(r.focusRow)}`
        : `, focus on ${r.focus}`;
  return `${r.reached ? 'yes' : 'NO'}: ${shown}${runs}${focus}`;
}

/** The suite's tables (`{ title, header, rows }`), for the console and docs/PERFORMANCE.md. */
export function coldSections(cold) {
  if (!cold?.results) return [];
  const each = (f) =>
    cold.sizes.flatMap((n) => COLD_CONTENDERS.map((c) => [rows(n), c, ...f(cold.results[n], c)]));
  const x = (v) => (v === null || v === undefined ? '–' : `${v}×`);
  return [
    {
      title: `Cold insert: inserted with its data source set → first real rows painted; JS heap after forced GC (median of ${cold.runs} runs)`,
      header: [
        'rows',
        'contender',
        'first render',
        '× vaadin-grid',
        'heap Δ after render',
        'heap Δ after scrolling',
        'row elements',
      ],
      rows: each((r, c) => [
        fmt(r[c].firstRenderMs),
        x(r.ratios.firstRender[c]),
        fmt(r[c].heapRenderMB, ' MB'),
        fmt(r[c].heapScrollMB, ' MB'),
        r[c].rowElements ?? 'n/a',
      ]),
    },
    ...(cold.cpu
      ? [
          {
            title: `Cold insert: main-thread CPU from the insert to the first real rows painted, ${rows(cold.cpu.size)} rows (trace thread time, median of ${cold.runs} runs)`,
            header: ['contender', 'CPU', '× vaadin-grid', 'runs'],
            rows: COLD_CONTENDERS.map((c) => [
              c,
              fmt(cold.cpu.median[c]),
              x(cold.cpu.ratio[c]),
              cold.cpu.runs[c].join(', '),
            ]),
          },
        ]
      : []),
    {
      title: `Cold insert: a fling to the middle of the list (${cold.flingFrames} frames), then real data`,
      header: [
        'rows',
        'contender',
        'frame p95',
        'frames > 20 ms',
        'requests (fling / to data)',
        'stop → data',
        '× vaadin-grid',
        'row shown at 50 %',
      ],
      rows: each((r, c) => {
        const f = r[c].fling;
        if (!f) return ['n/a', 'n/a', 'n/a', 'n/a', '–', 'n/a'];
        return [
          fmt(f.p95),
          `${f.over20} / ${f.frames}${f.completed < r[c].runs - r[c].failed ? ' (cut at 10 s)' : ''}`,
          `${f.requestsDuring} / ${f.requestsToData}`,
          f.noData
            ? `${fmt(f.dataMs)}; none within 5 s in ${f.noData} / ${r[c].runs - r[c].failed} runs`
            : fmt(f.dataMs),
          x(r.ratios.dataAfterFling[c]),
          f.rowAtStop === null
            ? 'n/a'
            : `${rows(f.rowAtStop)} (${r2(f.rowAtStopFraction * 100)} %)`,
        ];
      }),
    },
    {
      title:
        'Cold insert: is the last row reachable? (scrollTop set past its maximum; a click in row 1, then End, then Ctrl+End)',
      header: ['rows', 'contender', 'scrollbar to the end', 'End', 'Ctrl+End'],
      rows: each((r, c) => [
        reachCell(r[c].scrollbar),
        reachCell(r[c].end),
        reachCell(r[c].ctrlEnd),
      ]),
    },
  ];
}

/** The body of docs/PERFORMANCE.md's cold-insert results (between its markers). */
export function coldDocs(cold, machine, mdSections) {
  const v = cold.versions;
  const lines = [
    `Run of ${machine.date.slice(0, 16).replace('T', ' ')} UTC: ${cold.runs} runs of each contender at each size, ${cold.durationS} s for this suite.`,
    '',
    `- Machine: ${machine.nproc} CPUs (\`nproc\`), ${machine.cpu}, shared with other engineers' builds and tests; ${machine.os}; Node ${machine.node}`,
    `- Browser: Chromium ${machine.chromium}, headless, \`--disable-gpu\`; a fresh browser context per measurement`,
    `- Load average at the suite's start / end: ${cold.loadAverage.start.join(' ')} / ${cold.loadAverage.end.join(' ')}`,
    `- Contenders: invoice-elements ${v['invoice-elements']} (built \`dist/\`), @vaadin/grid ${v['@vaadin/grid']}, ag-grid-community ${v['ag-grid-community']}`,
  ];
  const targets = coldTargets(cold);
  return [
    ...lines,
    ...mdSections([
      {
        title: 'Targets (issue 22)',
        header: ['target', 'measured', 'result'],
        rows: targets.map((t) => [t.target, t.measured, t.pass ? 'PASS' : 'FAIL']),
      },
      ...coldSections(cold),
    ]),
  ].join('\n');
}
