/**
 * `<invoice-viewer>`: time to interactive with 100, 1,000, 10,000 and 100,000 line items;
 * section toggle; currency switch. The invoice comes from a backend whose `getInvoice` answers a
 * pre-built copy at once, so the time is the element's: validation, conversion, rendering.
 * The backend hands its copy over and keeps no reference, so the heap measured after a forced
 * GC with the viewer mounted (`bench/run.mjs`, through CDP) is what the viewer holds.
 */
import '../src/define.js';
import type { Invoice } from '../src/core/types.js';
import type { InvoiceViewer } from '../src/components/invoice-viewer/invoice-viewer.js';
import { invoiceBackend } from './backends.js';
import { invoiceWithLines } from './invoices.js';
import {
  collectGarbage,
  expose,
  frames,
  heartbeat,
  longTasksBetween,
  paintedWhen,
  round,
  sleep,
} from './shared.js';

const stage = document.getElementById('stage') as HTMLElement;
const invoices = new Map<number, Invoice>();

function prepare(sizes: number[]): Record<number, { lines: number; currencies: string[] }> {
  const out: Record<number, { lines: number; currencies: string[] }> = {};
  for (const n of sizes) {
    const invoice = invoiceWithLines(n);
    invoices.set(n, invoice);
    out[n] = {
      lines: invoice.lines.length,
      currencies: [invoice.currency, ...invoice.currencies.map((c) => c.currency)],
    };
  }
  return out;
}

function rootOf(viewer: InvoiceViewer): ShadowRoot {
  return viewer.shadowRoot as ShadowRoot;
}

/** Header, the first line rows and both hosted elements' buttons are rendered. */
function interactive(viewer: InvoiceViewer, documentId: string): boolean {
  const root = rootOf(viewer);
  const doc = root.querySelector('[part="document-id"]');
  if (!doc?.textContent?.includes(documentId)) return false;
  if (!root.querySelector('[part="currency-select"]')) return false;
  if (!root.querySelector('.line-row')) return false;
  const updater = root.querySelector('.status-updater');
  if (!updater?.shadowRoot?.querySelector('[part="button"], [part="readonly"]')) return false;
  const menu = root.querySelector('.download-menu');
  if (!menu?.shadowRoot?.querySelector('[part="button"]')) return false;
  return true;
}

let current: InvoiceViewer | undefined;

/**
 * A backend answering `invoice` once, as a network answer is handed over: it keeps no
 * reference, so the heap measured afterwards is what the viewer holds. (A function of its own:
 * a closure in `tti` would keep `tti`'s whole scope, the source invoice included.)
 */
function handOver(invoice: Invoice) {
  let answer: Invoice | undefined = invoice;
  return invoiceBackend(() => {
    const given = answer as Invoice;
    answer = undefined;
    return given;
  });
}

/** Mounts an empty viewer, then sets `invoice-id`; time to the paint of the interactive view. */
async function tti(lines: number) {
  const source = invoices.get(lines) as Invoice;
  const backend = handOver(structuredClone(source));
  stage.replaceChildren();
  await collectGarbage();
  const viewer = document.createElement('invoice-viewer');
  viewer.backend = backend;
  stage.append(viewer);
  await viewer.updateComplete;
  await frames(3);
  const beat = heartbeat();
  const t0 = performance.now();
  viewer.invoiceId = source.id;
  const painted = await paintedWhen(() => interactive(viewer, source.documentId));
  const longestGap = beat.stop();
  current = viewer;
  return {
    ms: round(painted.paint - t0),
    doubleRafMs: round(painted.nextFrame - t0),
    longTasks: longTasksBetween(t0, painted.paint),
    heartbeatMaxGapMs: round(longestGap),
    domLineRows: rootOf(viewer).querySelectorAll('.line-row').length,
  };
}

function linesSection(viewer: InvoiceViewer) {
  const root = rootOf(viewer);
  const section = root.querySelector('[data-section="lines"]') as HTMLElement;
  const button = section.querySelector('[part="section-header"]') as HTMLButtonElement;
  const body = section.querySelector('[part="section-body"]') as HTMLElement;
  return { section, button, body };
}

/** Collapses then expands the line-items section of the mounted viewer, `reps` times. */
async function toggle(reps: number) {
  const viewer = current as InvoiceViewer;
  const collapse: number[] = [];
  const expand: number[] = [];
  for (let i = 0; i < reps; i++) {
    await frames(2);
    let { button } = linesSection(viewer);
    let t0 = performance.now();
    button.click();
    let painted = await paintedWhen(() => {
      const s = linesSection(viewer);
      return (
        s.button.getAttribute('aria-expanded') === 'false' &&
        !s.section.querySelector('.line-row')?.getClientRects().length
      );
    });
    collapse.push(painted.paint - t0);
    await frames(2);
    ({ button } = linesSection(viewer));
    t0 = performance.now();
    button.click();
    painted = await paintedWhen(() => {
      const s = linesSection(viewer);
      return (
        s.button.getAttribute('aria-expanded') === 'true' &&
        Boolean(s.section.querySelector('.line-row')?.getClientRects().length)
      );
    });
    expand.push(painted.paint - t0);
  }
  return { collapse: collapse.map((v) => round(v)), expand: expand.map((v) => round(v)) };
}

function firstAmount(viewer: InvoiceViewer): string {
  const row = rootOf(viewer).querySelector('.line-row');
  return row?.children[4]?.textContent ?? '';
}

/** Switches the display currency back and forth through the header select, `reps` times. */
async function currency(reps: number) {
  const viewer = current as InvoiceViewer;
  const times: number[] = [];
  for (let i = 0; i < reps * 2; i++) {
    await frames(2);
    await sleep(20);
    const select = rootOf(viewer).querySelector('[part="currency-select"]') as HTMLSelectElement;
    const options = [...select.options].map((o) => o.value);
    const target = options.find((v) => v !== select.value) as string;
    const before = firstAmount(viewer);
    const t0 = performance.now();
    select.value = target;
    select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const painted = await paintedWhen(() => {
      const s = rootOf(viewer).querySelector('[part="currency-select"]') as HTMLSelectElement;
      return s.value === target && firstAmount(viewer) !== before;
    });
    times.push(painted.paint - t0);
  }
  return times.map((v) => round(v));
}

function unmount(): void {
  stage.replaceChildren();
  current = undefined;
}

/** Drops the prepared invoices (a fresh page measures one size, then frees its source). */
function forget(): void {
  invoices.clear();
}

expose({ prepare, tti, toggle, currency, unmount, forget });
