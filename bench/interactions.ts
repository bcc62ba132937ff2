/**
 * Interactions over MemoryBackend (10,000 invoices generated before timing, no latency), with
 * real mouse clicks from Playwright: `arm(kind)` starts watching, run.mjs clicks, `result()`
 * gives the time from the click event's timeStamp to the paint of the response.
 *
 * - `open`: Open on a row of `<invoice-table>` → the viewer shows that invoice, interactive.
 * - `dialog`: UPDATE STATUS → the confirmation dialog is open.
 * - `confirm`: OK in the dialog → the new status shows in the updater and the viewer header.
 */
import '../src/define.js';
import { MemoryBackend } from '../src/adapters/memory/index.js';
import type { InvoiceSummary } from '../src/core/types.js';
import type { InvoiceTable } from '../src/components/invoice-table/invoice-table.js';
import type { InvoiceViewer } from '../src/components/invoice-viewer/invoice-viewer.js';
import { expose, frames, paintedWhen, round, sleep } from './shared.js';

const stage = document.getElementById('stage') as HTMLElement;
const TODAY = new Date('2026-11-15T12:00:00Z');
let memory: MemoryBackend;
let table: InvoiceTable;
let viewer: InvoiceViewer;
let drafts: InvoiceSummary[] = [];

// Event Timing entries (duration from the input to the next paint, 8 ms granularity).
const eventEntries: PerformanceEventTiming[] = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) eventEntries.push(e as PerformanceEventTiming);
  }).observe({ type: 'event', buffered: true, durationThreshold: 16 } as PerformanceObserverInit);
} catch {
  // No Event Timing API.
}

function viewerRoot(): ShadowRoot {
  return viewer.shadowRoot as ShadowRoot;
}

function updaterRoot(): ShadowRoot | null {
  return viewerRoot().querySelector('.status-updater')?.shadowRoot ?? null;
}

function viewerShows(documentId: string): boolean {
  const root = viewerRoot();
  if (!root.querySelector('[part="document-id"]')?.textContent?.includes(documentId)) return false;
  if (!root.querySelector('.line-row')) return false;
  if (!updaterRoot()?.querySelector('[part="button"], [part="readonly"]')) return false;
  const menu = root.querySelector('.download-menu')?.shadowRoot;
  return Boolean(menu?.querySelector('[part="button"]'));
}

async function prepare() {
  const t0 = performance.now();
  memory = new MemoryBackend({ data: { invoiceCount: 10_000 } });
  const generatedMs = performance.now() - t0;
  const page = await memory.listInvoices({ statuses: ['DRAFT'], limit: 50 });
  drafts = page.items;
  table = document.createElement('invoice-table');
  table.today = TODAY;
  table.backend = memory;
  viewer = document.createElement('invoice-viewer');
  viewer.backend = memory;
  table.addEventListener('invoice-open', (e) => {
    viewer.invoiceId = e.detail.invoiceId;
  });
  stage.replaceChildren(table, viewer);
  await paintedWhen(
    () => (table.shadowRoot as ShadowRoot).querySelectorAll('.body [role="row"]').length > 5,
  );
  await frames(5);
  return {
    invoices: memory.invoiceIds().length,
    drafts: drafts.length,
    generatedMs: round(generatedMs),
  };
}

/** The document IDs of the first rows of the table (run.mjs clicks their Open buttons). */
function tableRows(count: number): { index: number; documentId: string }[] {
  const root = table.shadowRoot as ShadowRoot;
  const out: { index: number; documentId: string }[] = [];
  for (let i = 0; i < count; i++) {
    const cell = root.querySelector(`.body [data-index="${i}"] [data-col="documentId"]`);
    out.push({ index: i, documentId: cell?.textContent?.trim() ?? '' });
  }
  return out;
}

/** Shows draft number `i` in the viewer with OPEN chosen in the status drop-down. */
async function showDraft(i: number): Promise<{ id: string; documentId: string }> {
  const draft = drafts[i];
  viewer.invoiceId = draft.id;
  await paintedWhen(() => viewerShows(draft.documentId));
  const select = updaterRoot()?.querySelector('[part="select"]') as HTMLSelectElement;
  select.value = 'OPEN';
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await frames(3);
  await sleep(50);
  viewer.scrollIntoView();
  return { id: draft.id, documentId: draft.documentId };
}

let pending: Promise<{ ms: number; eventTimingMs: number | null }> | undefined;

function statusText(): { updater: string; header: string } {
  return {
    updater: updaterRoot()?.querySelector('[part="current"]')?.textContent ?? '',
    header: viewerRoot().querySelector('header .status')?.textContent ?? '',
  };
}

/** Starts watching for the response to the next click. */
function arm(kind: 'open' | 'dialog' | 'confirm', documentId = ''): void {
  let clickAt = 0;
  const onClick = (e: Event): void => {
    if (!clickAt) clickAt = e.timeStamp;
  };
  window.addEventListener('click', onClick, { capture: true });
  const conditions = {
    open: () => viewerShows(documentId),
    dialog: () => Boolean(updaterRoot()?.querySelector('dialog[open]')),
    confirm: () => {
      const s = statusText();
      return (
        !updaterRoot()?.querySelector('dialog[open]') &&
        /\bOpen\b/.test(s.updater) &&
        /\bOpen\b/.test(s.header)
      );
    },
  };
  const condition = conditions[kind];
  const seenEntries = eventEntries.length;
  pending = paintedWhen(() => clickAt > 0 && condition(), 10_000).then(async (painted) => {
    window.removeEventListener('click', onClick, { capture: true });
    await sleep(100); // let the Event Timing entry arrive
    const entry = eventEntries
      .slice(seenEntries)
      .find((e) => e.name === 'click' && Math.abs(e.startTime - clickAt) < 1);
    return { ms: round(painted.paint - clickAt), eventTimingMs: entry ? entry.duration : null };
  });
}

function result() {
  return pending;
}

expose({ prepare, tableRows, showDraft, arm, result });
