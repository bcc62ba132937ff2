/**
 * Exports through `<download-menu>`: CSV and detailed CSV of 100,000 lines, PDF of 1,000 and
 * 5,000 lines. Wall time from choosing the format to `invoice-download`, and the longest
 * main-thread task meanwhile (Long Tasks API, plus a setTimeout heartbeat for shorter ones).
 * Files are captured through `DownloadMenu.saveFile` instead of being saved.
 */
import '../src/define.js';
import { DownloadMenu } from '../src/components/download-menu/download-menu.js';
import type { DownloadFormat, Invoice } from '../src/core/types.js';
import { invoiceWithLines } from './invoices.js';
import {
  collectGarbage,
  expose,
  frames,
  heartbeat,
  longTasksBetween,
  round,
  sleep,
} from './shared.js';

const stage = document.getElementById('stage') as HTMLElement;
const invoices = new Map<number, Invoice>();

let saved: { size: number; at: number } | undefined;
DownloadMenu.saveFile = (file) => {
  saved = { size: file.kind === 'blob' ? file.blob.size : 0, at: performance.now() };
};

let workersMade = 0;
const NativeWorker = window.Worker;
window.Worker = class extends NativeWorker {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options);
    workersMade++;
  }
};

function prepare(sizes: number[]): Record<number, { lines: number; ms: number }> {
  const out: Record<number, { lines: number; ms: number }> = {};
  for (const n of sizes) {
    const t0 = performance.now();
    const invoice = invoiceWithLines(n);
    invoices.set(n, invoice);
    out[n] = { lines: invoice.lines.length, ms: round(performance.now() - t0) };
  }
  return out;
}

/** One export, chosen in the open menu with a click. */
async function run(format: DownloadFormat, lines: number) {
  stage.replaceChildren();
  await collectGarbage();
  const menu = document.createElement('download-menu');
  menu.invoice = invoices.get(lines) as Invoice;
  stage.append(menu);
  await menu.updateComplete;
  const root = menu.shadowRoot as ShadowRoot;
  (root.querySelector('[part="button"]') as HTMLButtonElement).click();
  await menu.updateComplete;
  await frames(3);
  await sleep(50);
  const item = root.querySelector(`[data-format="${format}"]`) as HTMLButtonElement;
  saved = undefined;
  const workersBefore = workersMade;
  let timer: ReturnType<typeof setInterval> | undefined;
  const done = new Promise<number>((resolve, reject) => {
    menu.addEventListener('invoice-download', () => resolve(performance.now()), { once: true });
    timer = setInterval(() => {
      const error = root.querySelector('[part="error"]');
      if (error) reject(new Error(error.textContent?.trim() ?? 'export failed'));
    }, 50);
  }).finally(() => clearInterval(timer));
  const beat = heartbeat();
  const t0 = performance.now();
  item.click();
  const t1 = await done;
  const gap = beat.stop();
  await sleep(100);
  const longTasks = longTasksBetween(t0, t1);
  stage.replaceChildren();
  return {
    ms: round(t1 - t0),
    longTasks,
    longestTaskMs: longTasks.length ? Math.max(...longTasks) : null,
    heartbeatMaxGapMs: round(gap),
    bytes: (saved as { size: number } | undefined)?.size ?? 0,
    worker: workersMade > workersBefore,
  };
}

expose({ prepare, run });
