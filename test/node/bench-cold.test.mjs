// The cold-insert benchmark's option parsing and its verdicts (bench/cold.mjs), on made-up
// summaries: a target must fail when the measurement misses it (docs/PERFORMANCE.md, "Cold insert").
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coldSections, coldTargets, parseSizes } from '../../bench/cold.mjs';

test('--sizes reads 1k, 10k, 100k, 1M and plain numbers', () => {
  assert.deepEqual(parseSizes('1k,10k,100k,1M'), [1000, 10000, 100000, 1000000]);
  assert.deepEqual(parseSizes('2500, 0.5m'), [2500, 500000]);
  assert.deepEqual(parseSizes(undefined), [1000, 10000, 100000, 1000000]);
  assert.throws(() => parseSizes('ten'), /--sizes/);
});

const reach = (lastRow, count, focusRow = lastRow) => ({
  reached: lastRow === count ? 1 : 0,
  of: 1,
  lastRow,
  focus: focusRow === null ? 'body' : 'row',
  focusRow,
});

function contender(count, { ms, heap, p95 = 16.7, dataMs = 20, lastRow = count, focusRow }) {
  return {
    runs: 1,
    failed: 0,
    firstRenderMs: ms,
    heapRenderMB: heap,
    heapScrollMB: heap,
    rowElements: 15,
    fling: {
      frames: 60,
      p95,
      over20: 0,
      completed: 1,
      requestsDuring: 0,
      requestsToData: 1,
      dataMs,
      noData: dataMs === null ? 1 : 0,
      rowAtStop: count / 2,
      rowAtStopFraction: 0.5,
    },
    scrollbar: reach(lastRow, count),
    end: reach(lastRow, count, focusRow === undefined ? lastRow : focusRow),
    ctrlEnd: reach(lastRow, count),
  };
}

function suite(table) {
  const results = {};
  for (const n of [10_000, 1_000_000]) {
    const t = contender(n, table(n));
    const peer = contender(n, { ms: 100, heap: 0.8 });
    results[n] = {
      'invoice-table': t,
      'vaadin-grid': peer,
      'ag-grid': peer,
      ratios: {
        firstRender: { 'invoice-table': t.firstRenderMs / 100, 'vaadin-grid': 1, 'ag-grid': 1 },
        dataAfterFling: { 'invoice-table': 1, 'vaadin-grid': 1, 'ag-grid': 1 },
      },
    };
  }
  return { sizes: [10_000, 1_000_000], runs: 1, flingFrames: 60, results };
}

const verdicts = (cold) => coldTargets(cold).map((t) => t.pass);

test('every target passes when the table meets them all', () => {
  const cold = suite(() => ({ ms: 40, heap: 0.5 }));
  assert.deepEqual(verdicts(cold), [true, true, true, true, true, true]);
  assert.equal(coldSections(cold).length, 3);
});

test('each missed target fails on its own', () => {
  const at1M = (over) => suite((n) => ({ ms: 40, heap: 0.5, ...(n === 1_000_000 ? over : {}) }));
  // first render 10k, first render 1M, heap, fling p95, data after fling, last row
  assert.deepEqual(verdicts(at1M({ ms: 60 })), [true, false, true, true, true, true]);
  assert.deepEqual(verdicts(at1M({ heap: 4.3 })), [true, true, false, true, true, true]);
  assert.deepEqual(verdicts(at1M({ p95: 33.4 })), [true, true, true, false, true, true]);
  assert.deepEqual(verdicts(at1M({ dataMs: 120 })), [true, true, true, true, false, true]);
  assert.deepEqual(verdicts(at1M({ dataMs: null })), [true, true, true, true, false, true]);
  assert.deepEqual(verdicts(at1M({ lastRow: 762_600 })), [true, true, true, true, true, false]);
  // The last row shown but the focus lost: still a miss.
  assert.deepEqual(verdicts(at1M({ focusRow: null })), [true, true, true, true, true, false]);
});
