/**
 * The page of `bench/memory.mjs`: one `<invoice-table>` over a list of `size` invoices made from
 * their index (answered at once), scrolled through regions of the list, and flung across it
 * (docs/PERFORMANCE.md: memory flat in the row count, data soon after a fling).
 */
import '../src/define.js';
import type { InvoiceTable } from '../src/components/invoice-table/invoice-table.js';
import { PagedBackend, documentIdAt } from '../test/support/paged-backend.js';

let table: InvoiceTable | undefined;

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

function grid(): HTMLElement {
  return table!.shadowRoot!.querySelector<HTMLElement>('.grid')!;
}

function hasGrid(): boolean {
  return !!table?.shadowRoot?.querySelector('.grid');
}

/** Every row in view shows its own invoice. */
function showsData(): boolean {
  if (!hasGrid()) return false;
  const box = grid().getBoundingClientRect();
  const rows = [...table!.shadowRoot!.querySelectorAll<HTMLElement>('.body [role="row"]')].filter(
    (r) => {
      const b = r.getBoundingClientRect();
      return b.bottom > box.top + 50 && b.top < box.bottom - 1;
    },
  );
  return (
    rows.length > 0 &&
    rows.every(
      (r) =>
        r.querySelector('[data-col="documentId"]')?.textContent?.trim() ===
        documentIdAt(Number(r.dataset.index)),
    )
  );
}

async function until(condition: () => boolean, ms = 10_000): Promise<number> {
  const t0 = performance.now();
  while (!condition()) {
    if (performance.now() - t0 > ms) throw new Error('timed out');
    await frame();
  }
  return performance.now();
}

/** Pixels per row (the scroll range over the rows, less the header). */
function rowPitch(): number {
  const count = Number(grid().getAttribute('aria-rowcount')) - 1;
  return (grid().scrollHeight - 45) / count;
}

/** Mounts a table over `size` rows and waits for its first rows. */
async function mount(size: number): Promise<void> {
  table?.remove();
  table = document.createElement('invoice-table') as InvoiceTable;
  table.backend = new PagedBackend(size);
  document.body.append(table);
  await until(showsData);
}

/** Shows the rows at each fraction of the scroll range in turn, each until its data shows. */
async function visit(fractions: number[]): Promise<number[]> {
  const g = grid();
  const shown: number[] = [];
  for (const f of fractions) {
    g.scrollTop = f * (g.scrollHeight - g.clientHeight);
    await frame();
    await until(showsData);
    shown.push(Math.round(g.scrollTop / rowPitch()));
  }
  return shown;
}

/**
 * Flings `frames` frames of `rows` rows each from row `from`, then stops; the time from the last
 * scroll move to the first frame whose rows in view all show data.
 */
async function fling(from: number, rows: number, frames: number): Promise<number> {
  const g = grid();
  const pitch = rowPitch();
  g.scrollTop = from * pitch;
  await frame();
  await until(showsData);
  for (let i = 1; i <= frames; i++) {
    g.scrollTop = (from + i * rows) * pitch;
    await frame();
  }
  // The last move shows in the frame after it was set: time from that frame.
  const moved = await frame();
  const data = await until(showsData);
  return data - moved;
}

/**
 * A momentum fling from row `from` (40 rows/ms decaying with τ = 325 ms: 13,000 rows), each
 * frame at the fling's position for its time; the time from the frame of the last move to the
 * first frame whose rows in view all show data (0: they showed when it stopped).
 */
async function momentum(from: number): Promise<number> {
  const g = grid();
  const pitch = rowPitch();
  g.scrollTop = from * pitch;
  await frame();
  await until(showsData);
  const t0 = await frame();
  let row = from;
  let moved = t0;
  // The first frame since the last move whose rows all show data.
  let data: number | undefined;
  for (let now = t0; now - t0 < 3000; now = await frame()) {
    const next = from + Math.round(40 * 325 * (1 - Math.exp(-(now - t0) / 325)));
    if (next !== row) {
      row = next;
      moved = now;
      data = undefined;
      g.scrollTop = row * pitch;
    } else if (data === undefined && showsData()) data = now;
  }
  data ??= await until(showsData);
  // The last move shows in the frame after it was set.
  return Math.max(0, data - (moved + 1000 / 60));
}

Object.assign(window, { bench: { mount, visit, fling, momentum } });
