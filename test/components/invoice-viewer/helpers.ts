/** Fixtures and user-like queries for the `<invoice-viewer>` tests. */
import { MemoryBackend } from '../../../src/adapters/memory/index.js';
import type { CallOptions } from '../../../src/core/backend.js';
import type { DiscardRequest, Invoice } from '../../../src/core/types.js';
import { invoice, line, longInvoice as longOf } from '../../support/fixtures.js';
import type { InvoiceViewer } from '../../../src/components/invoice-viewer/invoice-viewer.js';

/**
 * A USD invoice of three lines in two groups, with BRL, JPY and BHD rates. Amounts chosen so
 * that converting the total directly differs from summing the converted lines.
 * USD: subtotal 319.25, tax 31.93, total 351.18.
 */
export function makeInvoice(overrides: Partial<Invoice> = {}): Invoice {
  const e3 = 'Microsoft 365 E3';
  return invoice({
    documentId: 'DOC-2026-0001',
    status: 'DRAFT',
    lines: [
      line('l1', { group: e3, sku: 'MS-E3', quantity: 3, unit: 3600, tax: 1080 }),
      line('l2', { group: e3, sku: 'MS-E5', quantity: 1, unit: 5700, tax: 570 }),
      line('l3', {
        group: 'Azure subscription',
        sku: 'AZ-VM',
        quantity: 12.5,
        unit: 1234,
        amount: 15425,
        tax: 1543,
      }),
    ],
    currencies: [
      { currency: 'BRL', rate: 5.4321, date: '2026-10-31', source: 'ECB' },
      { currency: 'JPY', rate: 151.37 },
      { currency: 'BHD', rate: 0.377, source: 'CBB' },
    ],
    customFields: [],
    ...overrides,
  });
}

/** An invoice with `count` lines of 1.00 USD each (tax 0.10), in groups of 100. */
export function longInvoice(count: number): Invoice {
  return longOf(count, {
    preset: makeInvoice,
    group: (i) => `Subscription ${Math.floor(i / 100)}`,
    overrides: { documentId: 'DOC-LONG', status: 'OPEN' },
  });
}

/** A MemoryBackend that records every discard it receives. */
export class RecordingBackend extends MemoryBackend {
  readonly discards: DiscardRequest[] = [];

  override async discardInvoice(request: DiscardRequest, options: CallOptions = {}) {
    this.discards.push({ ...request });
    return super.discardInvoice(request, options);
  }
}

export function backendWith(invoices: Invoice[], latencyMs = 0): RecordingBackend {
  return new RecordingBackend({ invoices, latencyMs });
}

export function root(el: InvoiceViewer): ShadowRoot {
  return el.shadowRoot as ShadowRoot;
}

export function part<T extends HTMLElement = HTMLElement>(
  el: InvoiceViewer,
  name: string,
): T | null {
  return root(el).querySelector<T>(`[part~="${name}"]`);
}

export function parts<T extends HTMLElement = HTMLElement>(el: InvoiceViewer, name: string): T[] {
  return [...root(el).querySelectorAll<T>(`[part~="${name}"]`)];
}

/**
 * Visible text with whitespace (incl. U+00A0) collapsed. Without the FSI/PDI pairs that isolate
 * a server value inside a sentence (`inSentence`): Firefox's `innerText` leaves them out,
 * Chromium's keeps them. Where they are placed is tested on `textContent` (`isolated`).
 */
export function text(node: Element | null | undefined): string {
  const raw = node instanceof HTMLElement ? node.innerText : node?.textContent;
  return (raw ?? '')
    .replace(/[\u2068\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text of `node` as in the DOM (`textContent`), whitespace collapsed, isolates kept. */
export { text as isolated } from '../../support/dom.js';

/** The section header button whose visible name is `name`. */
export function sectionButton(el: InvoiceViewer, name: string): HTMLButtonElement | undefined {
  return parts<HTMLButtonElement>(el, 'section-header').find((b) => text(b) === name);
}

/** The content element a section header controls. */
export function sectionBody(el: InvoiceViewer, name: string): HTMLElement | null {
  const id = sectionButton(el, name)?.getAttribute('aria-controls');
  return id ? root(el).getElementById(id) : null;
}

export function isShown(node: Element | null): boolean {
  return node !== null && (node as HTMLElement).offsetParent !== null;
}

export function buttonNamed(el: InvoiceViewer, name: string): HTMLButtonElement | undefined {
  return [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === name);
}

/**
 * A displayed amount back in minor units. The formatter always prints every digit of the
 * currency, so the digits of the text are the minor units ("R$1,734.20" → 173420,
 * "¥48,325" → 48325, "BHD 120.357" → 120357); a leading minus sign is kept.
 */
export function minorOf(displayed: string): number {
  const digits = displayed.replace(/[^\d]/g, '');
  const negative = /^[^\d]*[-−]/.test(displayed);
  return (negative ? -1 : 1) * Number(digits);
}

/** The displayed Amount (5th) or Tax (6th) cell of every line row. */
export function lineCells(el: InvoiceViewer, column: number): string[] {
  return parts(el, 'line-row').map((row) => text(row.querySelectorAll('[role="cell"]')[column]));
}

export function totalCell(el: InvoiceViewer, which: 'subtotal' | 'tax' | 'total'): string {
  return text(root(el).querySelector(`[data-total="${which}"]`));
}

export function discardDialog(el: InvoiceViewer): HTMLDialogElement | null {
  return root(el).querySelector('dialog');
}

/** The element focused inside the viewer's shadow root (or the document's). */
export function focused(el: InvoiceViewer): Element | null {
  return root(el).activeElement;
}
