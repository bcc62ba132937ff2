/**
 * `<invoice-table>` against `@vaadin/grid`, fed the same pre-built rows in the same page:
 * data available → first paint, DOM rows, and frame times while scrolling end to end.
 */
import '../src/define.js';
import '@vaadin/grid/vaadin-grid.js';
import '@vaadin/grid/vaadin-grid-column.js';
import type { Grid } from '@vaadin/grid/vaadin-grid.js';
import type { GridColumn } from '@vaadin/grid/vaadin-grid-column.js';
import { generateData, toSummary } from '../src/adapters/memory/index.js';
import { formatMoney } from '../src/core/money.js';
import { formatPeriod } from '../src/core/period.js';
import type { InvoiceSummary } from '../src/core/types.js';
import type { InvoiceTable } from '../src/components/invoice-table/invoice-table.js';
import { rowsBackend } from './backends.js';
import {
  collectGarbage,
  expose,
  frameIntervals,
  frameStats,
  frames,
  paintedWhen,
  percentile,
  round,
  sleep,
} from './shared.js';

type Kind = 'table' | 'vaadin' | 'plain';
type Mounted = { kind: Kind; el: InvoiceTable | Grid<InvoiceSummary> | PlainList };

const stage = document.getElementById('stage') as HTMLElement;
const TODAY = new Date('2026-11-15T12:00:00Z');
let all: InvoiceSummary[] = [];

/** Generates the rows once (MemoryBackend's seeded generator), before any timing. */
function prepare(count: number): { generatedMs: number; count: number } {
  const t0 = performance.now();
  all = generateData({ invoiceCount: count }).invoices.map(toSummary);
  return { generatedMs: round(performance.now() - t0), count: all.length };
}

// ---- vaadin-grid, with the same columns and the same formatting ------------------------------

const dates = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });
const periods = new Map<string, string>();
function periodText(s: InvoiceSummary): string {
  const key = `${s.period.from}|${s.period.to}`;
  let text = periods.get(key);
  if (text === undefined) {
    text = formatPeriod(s.period, 'en');
    periods.set(key, text);
  }
  return text;
}

const COLUMNS: [string, (s: InvoiceSummary) => string][] = [
  ['Document ID', (s) => s.documentId],
  ['Customer', (s) => s.customer.name],
  ['Provider', (s) => s.provider.name],
  ['Billing period', periodText],
  ['Status', (s) => String(s.status)],
  ['Total', (s) => formatMoney(s.total, 'en')],
  ['Generated', (s) => dates.format(new Date(s.generatedAt))],
];

function makeGrid(): Grid<InvoiceSummary> {
  const grid = document.createElement('vaadin-grid') as Grid<InvoiceSummary>;
  for (const [header, text] of COLUMNS) {
    const column = document.createElement('vaadin-grid-column') as GridColumn<InvoiceSummary>;
    column.header = header;
    column.renderer = (root, _column, model) => {
      root.textContent = text(model.item);
    };
    grid.append(column);
  }
  const actions = document.createElement('vaadin-grid-column') as GridColumn<InvoiceSummary>;
  actions.header = '';
  actions.renderer = (root, _column, model) => {
    let button = root.firstElementChild as HTMLButtonElement | null;
    if (!button) {
      button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Open';
      root.append(button);
    }
    button.setAttribute('aria-label', `Open ${model.item.documentId}`);
  };
  grid.append(actions);
  return grid;
}

// ---- the floor: a hand-written list, no framework ------------------------------------------

/**
 * The least a browser must do to show a new screenful of rows each frame: a scroller of the
 * table's size, the same seven text columns, rows of the table's height, a fixed set of row
 * elements whose text is rewritten on scroll. No framework, no badges, no buttons, no ARIA.
 * Its frame times are this machine's floor for the scroll benchmark.
 */
class PlainList extends HTMLElement {
  rows: InvoiceSummary[] = [];
  private scroller!: HTMLDivElement;
  private body!: HTMLDivElement;
  private readonly cells: HTMLElement[][] = [];

  connectedCallback(): void {
    const root = this.attachShadow({ mode: 'open' });
    const style = new CSSStyleSheet();
    style.replaceSync(
      `.grid{block-size:32rem;overflow:auto;overflow-anchor:none;font:14px system-ui,sans-serif}` +
        `.row{display:grid;grid-template-columns:repeat(7,1fr);align-items:center;block-size:44px;` +
        `border-block-end:1px solid #ccc;box-sizing:border-box}` +
        `.cell{padding-inline:8px;overflow:hidden;white-space:nowrap}`,
    );
    root.adoptedStyleSheets = [style];
    this.scroller = document.createElement('div');
    this.scroller.className = 'grid';
    this.body = document.createElement('div');
    this.body.className = 'body';
    this.scroller.append(this.body);
    root.append(this.scroller);
    for (let r = 0; r < 16; r++) {
      const row = document.createElement('div');
      row.className = 'row';
      const cells: HTMLElement[] = [];
      for (let c = 0; c < COLUMNS.length; c++) {
        const cell = document.createElement('div');
        cell.className = 'cell';
        cell.dataset.col = c === 0 ? 'documentId' : String(c);
        row.append(cell);
        cells.push(cell);
      }
      this.body.append(row);
      this.cells.push(cells);
    }
    this.scroller.addEventListener('scroll', () => this.paint(), { passive: true });
  }

  setRows(rows: InvoiceSummary[]): void {
    this.rows = rows;
    this.paint();
  }

  paint(): void {
    const first = Math.max(0, Math.floor(this.scroller.scrollTop / 44));
    this.body.style.paddingBlockStart = `${first * 44}px`;
    this.body.style.blockSize = `${this.rows.length * 44}px`;
    this.body.style.boxSizing = 'border-box';
    this.cells.forEach((cells, r) => {
      const item = this.rows[first + r];
      cells.forEach((cell, c) => {
        cell.textContent = item ? COLUMNS[c]![1](item) : '';
      });
    });
  }
}
customElements.define('bench-plain-list', PlainList);

// ---- mounting and conditions -----------------------------------------------------------------

async function mount(kind: Kind): Promise<Mounted> {
  stage.replaceChildren();
  await collectGarbage();
  let el: InvoiceTable | Grid<InvoiceSummary> | PlainList;
  if (kind === 'table') {
    const table = document.createElement('invoice-table');
    table.today = TODAY;
    el = table;
  } else if (kind === 'plain') {
    el = document.createElement('bench-plain-list') as PlainList;
  } else {
    el = makeGrid();
  }
  stage.append(el);
  if (kind === 'table') await (el as InvoiceTable).updateComplete;
  await frames(3);
  await sleep(30);
  return { kind, el };
}

function scroller(m: Mounted): HTMLElement {
  const root = m.el.shadowRoot as ShadowRoot;
  return (
    m.kind === 'vaadin' ? root.querySelector('#table') : root.querySelector('.grid')
  ) as HTMLElement;
}

/** Data rows rendered in the DOM (the element's own row elements). */
function domRows(m: Mounted): number {
  const root = m.el.shadowRoot as ShadowRoot;
  if (m.kind === 'plain') return root.querySelectorAll('.row').length;
  return m.kind === 'table'
    ? root.querySelectorAll('.body [role="row"]').length
    : root.querySelectorAll('#items > tr').length;
}

/** Whether the row with this document ID shows its text. */
function shows(m: Mounted, documentId: string): boolean {
  if (m.kind !== 'vaadin') {
    const root = m.el.shadowRoot as ShadowRoot;
    for (const cell of root.querySelectorAll('.body [data-col="documentId"]')) {
      if (cell.textContent?.trim() === documentId) return true;
    }
    return false;
  }
  for (const cell of m.el.querySelectorAll('vaadin-grid-cell-content')) {
    if (cell.textContent === documentId) return true;
  }
  return false;
}

/** Whether rendered rows reach the bottom of the scrolling viewport. */
function filled(m: Mounted): boolean {
  const box = scroller(m).getBoundingClientRect();
  const root = m.el.shadowRoot as ShadowRoot;
  const rows =
    m.kind === 'vaadin'
      ? root.querySelectorAll('#items > tr:not([hidden])')
      : root.querySelectorAll('.body .row:not(.placeholder)');
  let bottom = -Infinity;
  for (const row of rows) bottom = Math.max(bottom, row.getBoundingClientRect().bottom);
  return bottom >= box.bottom - 1;
}

function feed(m: Mounted, rows: InvoiceSummary[]): void {
  if (m.kind === 'table') (m.el as InvoiceTable).backend = rowsBackend(rows);
  else if (m.kind === 'plain') (m.el as PlainList).setRows(rows);
  else (m.el as Grid<InvoiceSummary>).items = rows;
}

/**
 * One run: the element is mounted empty, then given the data (the backend answers at once;
 * vaadin-grid gets `items`); time to the paint of the first frame showing row 1 with the
 * viewport filled with data rows.
 */
async function firstPaint(kind: Kind, count: number) {
  const rows = all.slice(0, count);
  const m = await mount(kind);
  const first = rows[0].documentId;
  const t0 = performance.now();
  feed(m, rows);
  const painted = await paintedWhen(() => shows(m, first) && filled(m));
  await frames(10);
  await sleep(150);
  const result = {
    ms: round(painted.paint - t0),
    doubleRafMs: round(painted.nextFrame - t0),
    domRows: domRows(m),
  };
  stage.replaceChildren();
  return result;
}

/**
 * Scrolls in `frameCount` equal steps, one per frame: from the first row to the last
 * (`rowsPerFrame` 0, a fling through 100,000 rows), or `rowsPerFrame` rows at a time from the
 * top (a steady scroll that reads the rows, crossing pages as it goes).
 */
async function scroll(kind: Kind, count: number, frameCount: number, rowsPerFrame = 0) {
  const rows = all.slice(0, count);
  const m = await mount(kind);
  feed(m, rows);
  await paintedWhen(() => shows(m, rows[0].documentId) && filled(m));
  await frames(10);
  await sleep(300);
  const idle = await frameIntervals(60, () => undefined);
  const el = scroller(m);
  const distance = el.scrollHeight - el.clientHeight;
  const rowPitch = (el.scrollHeight - (kind === 'vaadin' ? 0 : 45)) / count;
  const rowsAtStart = domRows(m);
  let maxRows = rowsAtStart;
  let placeholderSamples = 0;
  let placeholderRows = 0;
  const root = m.el.shadowRoot as ShadowRoot;
  const run = await frameIntervals(
    frameCount,
    (i) => {
      if (i % 20 === 10) {
        maxRows = Math.max(maxRows, domRows(m));
        if (kind === 'table') {
          placeholderSamples++;
          placeholderRows += root.querySelectorAll('.body .row.placeholder').length;
        }
      }
      el.scrollTop = rowsPerFrame
        ? Math.round((i + 1) * rowsPerFrame * rowPitch)
        : Math.round((distance * (i + 1)) / frameCount);
    },
    25_000,
  );
  await frames(10);
  await sleep(300);
  // The row at the top of the view when the scroll stopped must show (its page loaded).
  const last = rows[rowsPerFrame ? frameCount * rowsPerFrame : rows.length - 1].documentId;
  const reachedEnd = await paintedWhen(() => shows(m, last), 3000).then(
    () => true,
    () => false,
  );
  const end = { scrollHeight: el.scrollHeight, scrollTop: el.scrollTop, distance };
  stage.replaceChildren();
  return {
    ...end,
    idle: frameStats(idle.intervals),
    scroll: frameStats(run.intervals),
    intervals: run.intervals.map((v) => round(v, 2)),
    workPerFrame: {
      p50: round(percentile(run.work, 50), 2),
      p95: round(percentile(run.work, 95), 2),
      max: round(Math.max(...run.work), 2),
    },
    domRows: { atStart: rowsAtStart, maxSampled: maxRows },
    placeholderRowsPerSample:
      kind === 'table' && placeholderSamples ? round(placeholderRows / placeholderSamples) : null,
    completed: run.completed,
    reachedEnd,
  };
}

expose({ prepare, firstPaint, scroll });
