/**
 * The cold-insert page (docs/PERFORMANCE.md, "Cold insert (what a host pays)"). `bench/cold.mjs`
 * opens it in a fresh browser context for every measurement, loads one contender's module
 * (`load`), then: inserts the grid with its data source set and times the first real rows
 * painted (`insert`), drags the scrollbar to the end (`reachByScrollbar`), and after a click
 * in the first row and End / Ctrl+End pressed by the driver, reads which row shows and which
 * holds the focus (`afterKey`); last, from the top (`toTop`), flings through the list
 * (`fling`).
 */
import type { Contender } from './cold/contender.js';
import { RowSource } from './cold/rows.js';
import { expose, frameIntervals, frames, paintedWhen, percentile, round } from './shared.js';

const LOADERS: Record<string, () => Promise<{ contender: Contender }>> = {
  'invoice-table': () => import('./cold/invoice-table.js'),
  'vaadin-grid': () => import('./cold/vaadin-grid.js'),
  'ag-grid': () => import('./cold/ag-grid.js'),
};
const SETTLE_MS = 5_000;
/** A fling still running after this long (a grid taking 100s of ms per frame) jumps to its end. */
const FLING_MAX_MS = 10_000;

const stage = document.getElementById('stage') as HTMLElement;
let contender: Contender;
let el: HTMLElement;
let source: RowSource;

/** Imports one contender's module (its code loaded and its elements defined: not timed). */
async function load(name: string): Promise<string> {
  const loader = LOADERS[name];
  if (!loader) throw new Error(`Unknown contender ${name}.`);
  contender = (await loader()).contender;
  return name;
}

interface View {
  /** Row indexes with data in the viewport, top to bottom. */
  rows: number[];
  /** Rows in the viewport without their data yet (placeholders, loading rows). */
  pending: number;
  /** Whether data rows reach the bottom of the viewport. */
  filled: boolean;
}

/** The rows the scroller's viewport shows now. */
function view(): View {
  const box = contender.scroller(el).getBoundingClientRect();
  const inView = contender
    .rows(el)
    .filter((r) => r.bottom - r.top > 1 && r.bottom > box.top + 1 && r.top < box.bottom - 1);
  const data = inView.filter((r) => r.index !== null);
  return {
    rows: data.map((r) => r.index as number),
    pending: inView.length - data.length,
    filled: data.some((r) => r.bottom >= box.bottom - 2),
  };
}

const dataInView = (): boolean => {
  const v = view();
  return v.rows.length > 0 && v.pending === 0;
};

/** Resolves after the paint of the first frame showing only data rows (or null after 5 s). */
async function settle() {
  const first = await paintedWhen(dataInView, SETTLE_MS).catch(() => null);
  // Some grids adjust in the frames after a scroll: read the view once they are done.
  await frames(3);
  await paintedWhen(dataInView, SETTLE_MS).catch(() => null);
  return first;
}

/** The last row shown (1-based, as a user counts), and whether it is the list's last row. */
function lastShown() {
  const v = view();
  const last = v.rows.length ? Math.max(...v.rows) + 1 : null;
  return { lastRow: last, reached: last === source.count, pending: v.pending };
}

/** Creates the grid with a data source of `count` rows; time to the first real rows painted. */
async function insert(count: number) {
  source = new RowSource(count);
  const t0 = performance.now();
  el = contender.insert(stage, source);
  const painted = await paintedWhen(() => {
    const v = view();
    return v.rows.includes(0) && v.pending === 0 && v.filled;
  }, 60_000);
  const requests = source.requests;
  await frames(5);
  return {
    ms: round(painted.paint - t0),
    doubleRafMs: round(painted.nextFrame - t0),
    requests,
    rowsInView: view().rows.length,
    rowElements: contender.rows(el).length,
  };
}

/**
 * A fling: `scrollTop` from the top to the middle of the list in `frameCount` equal steps, one
 * per frame (after 10 s, one last step to the middle). Frame intervals meanwhile, requests,
 * and the time from the last step to the paint of the rows in view with their data; which
 * row then shows at the top (at 50 % of the scrollbar, a proportional mapping shows row
 * count / 2).
 */
async function fling(frameCount: number) {
  const scroller = contender.scroller(el);
  const target = Math.round((scroller.scrollHeight - scroller.clientHeight) / 2);
  const before = source.requests;
  let stoppedAt = 0;
  const run = await frameIntervals(
    frameCount,
    (i) => {
      scroller.scrollTop = Math.round((target * (i + 1)) / frameCount);
      if (i === frameCount - 1) stoppedAt = performance.now();
    },
    FLING_MAX_MS,
  );
  if (!run.completed) {
    scroller.scrollTop = target;
    stoppedAt = performance.now();
  }
  const requestsDuring = source.requests - before;
  const data = await paintedWhen(dataInView, SETTLE_MS).catch(() => null);
  const requestsToData = source.requests - before;
  await frames(3);
  const top = view().rows[0];
  return {
    intervals: run.intervals.map((v) => round(v, 2)),
    p95: round(percentile(run.intervals, 95), 2),
    completed: run.completed,
    requestsDuring,
    requestsToData,
    dataMs: data ? round(data.paint - stoppedAt) : null,
    /** Frames polled from the stop until the rows in view showed data (1: the first frame). */
    dataFrames: data ? data.frames : null,
    rowAtStop: top === undefined ? null : top + 1,
    rowAtStopFraction: top === undefined ? null : round(top / source.count, 3),
  };
}

/**
 * Drags the scrollbar to the end: `scrollTop` past its maximum, and again two frames later (a
 * drag ends with several scroll events; a grid may change its scroll height on the first).
 * Is the last row shown?
 */
async function reachByScrollbar() {
  const scroller = contender.scroller(el);
  scroller.scrollTop = scroller.scrollHeight;
  await frames(2);
  scroller.scrollTop = scroller.scrollHeight;
  const settled = await settle();
  return {
    ...lastShown(),
    settled: settled !== null,
    scrollHeight: scroller.scrollHeight,
    scrollTop: Math.round(scroller.scrollTop),
  };
}

/** Back to the top; the centre of the first row's Document ID cell, for the driver's click. */
async function toTop() {
  contender.scroller(el).scrollTop = 0;
  await settle();
  const box = contender.firstCell(el)?.getBoundingClientRect();
  return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null;
}

/** The element holding the focus, through open shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** After a key the driver pressed: the last row shown, and the row holding the focus. */
async function afterKey() {
  const settled = await settle();
  const active = deepActive();
  const onBody = !active || active === document.body;
  const row = onBody ? null : contender.rowOf(el, active);
  return {
    ...lastShown(),
    settled: settled !== null,
    focus: onBody ? 'body' : row === null ? 'grid' : 'row',
    focusRow: row === null ? null : row + 1,
  };
}

expose({ load, insert, fling, reachByScrollbar, toTop, afterKey });
