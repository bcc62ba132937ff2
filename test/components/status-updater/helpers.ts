/** Fixtures and user-like actions for the `<status-updater>` tests. */
import { waitUntil } from '../../support/wait.js';
import { MemoryBackend } from '../../../src/adapters/memory/index.js';
import { BackendError } from '../../../src/core/errors.js';
import { invoice, line } from '../../support/fixtures.js';
import type { CallOptions } from '../../../src/core/backend.js';
import type { Invoice, StatusUpdate } from '../../../src/core/types.js';
import type { StatusUpdater } from '../../../src/components/status-updater/status-updater.js';

/** A small, complete invoice; every test states the fields it depends on. */
export function makeInvoice(overrides: Partial<Invoice> = {}): Invoice {
  return invoice({
    status: 'DRAFT',
    lines: [line('l1', { sku: 'SKU-1', description: 'Seats', unit: 10000, tax: 1000 })],
    currencies: [],
    customFields: [],
    ...overrides,
  });
}

/** A MemoryBackend that records every update it receives (keys, versions, notify). */
export class RecordingBackend extends MemoryBackend {
  readonly updates: StatusUpdate[] = [];
  /** When set, the next update is applied but its answer is lost (a timeout after sending). */
  loseNextAnswer = false;

  override async updateStatus(update: StatusUpdate, options: CallOptions = {}): Promise<Invoice> {
    this.updates.push({ ...update });
    const result = await super.updateStatus(update, options);
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw new BackendError('timeout', 'The answer was lost.', { outcomeUnknown: true });
    }
    return result;
  }
}

export function backendWith(invoices: Invoice[], latencyMs = 0): RecordingBackend {
  return new RecordingBackend({ invoices, latencyMs });
}

export function shadow(el: StatusUpdater): ShadowRoot {
  return el.shadowRoot as ShadowRoot;
}

export function part<T extends HTMLElement = HTMLElement>(
  el: StatusUpdater,
  name: string,
): T | null {
  return shadow(el).querySelector<T>(`[part~="${name}"]`);
}

export function select(el: StatusUpdater): HTMLSelectElement | null {
  return part<HTMLSelectElement>(el, 'select');
}

export function updateButton(el: StatusUpdater): HTMLButtonElement | null {
  return part<HTMLButtonElement>(el, 'button');
}

export function dialog(el: StatusUpdater): HTMLDialogElement {
  return part<HTMLDialogElement>(el, 'dialog') as HTMLDialogElement;
}

export function text(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The visible labels of the statuses offered (without the "Choose" placeholder). */
export function offered(el: StatusUpdater): string[] {
  const s = select(el);
  if (!s) return [];
  return [...s.options].filter((o) => o.value !== '').map((o) => text(o));
}

/** The `<label>` text of the select, found through its `for`/`id` pair. */
export function selectLabel(el: StatusUpdater): string {
  const s = select(el);
  return s ? text(shadow(el).querySelector(`label[for="${s.id}"]`)) : '';
}

export async function choose(el: StatusUpdater, status: string): Promise<void> {
  const s = select(el) as HTMLSelectElement;
  s.value = status;
  s.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** Chooses a status and clicks UPDATE STATUS; resolves when the modal is open. */
export async function openDialog(el: StatusUpdater, status: string): Promise<HTMLDialogElement> {
  await choose(el, status);
  updateButton(el)?.click();
  const d = dialog(el);
  await waitUntil(() => d.open, 'the dialog did not open');
  return d;
}

export function notifyToggle(el: StatusUpdater): HTMLInputElement {
  return part<HTMLInputElement>(el, 'notify-toggle') as HTMLInputElement;
}

export function liveRegion(el: StatusUpdater): Element | null {
  return shadow(el).querySelector('[role="status"]');
}

export function badgeText(el: StatusUpdater): string {
  return text(part(el, 'status-badge'));
}
