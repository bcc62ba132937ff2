/**
 * Shared fixtures for the cross-element suites (theming, i18n, a11y): a small set of full
 * invoices in a MemoryBackend, mounting helpers for the four elements, and shadow-DOM queries
 * that cross nested shadow roots (the viewer hosts a status updater and a download menu).
 */
import { fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import type { TemplateResult } from 'lit';
import '../../src/define.js';
import { MemoryBackend } from '../../src/adapters/memory/index.js';
import type { Invoice } from '../../src/core/types.js';
import { invoice, line } from '../support/fixtures.js';
import type { InvoiceTable } from '../../src/components/invoice-table/invoice-table.js';
import type { InvoiceViewer } from '../../src/components/invoice-viewer/invoice-viewer.js';
import type { StatusUpdater } from '../../src/components/status-updater/status-updater.js';
import type { DownloadMenu } from '../../src/components/download-menu/download-menu.js';

/** "Now" for the table: 15 November 2026, so "last 3 months" is 2026-08 to 2026-10. */
export const TODAY = new Date(2026, 10, 15);

/** A full invoice: 1,234.50 USD, October 2026, generated 2 November 2026. */
export function makeInvoice(overrides: Partial<Invoice> = {}): Invoice {
  const seats = (id: string, sku: string, unit: number) =>
    line(id, { sku, description: `${sku} seats`, group: 'Microsoft 365', unit });
  return invoice({
    documentId: 'DOC-1001',
    status: 'DRAFT',
    generatedAt: '2026-11-02T12:00:00.000Z',
    lines: [seats('l1', 'MS-E3', 100000), seats('l2', 'MS-E5', 12227)],
    currencies: [{ currency: 'BRL', rate: 5, date: '2026-10-31', source: 'ECB' }],
    customFields: [{ key: 'po', label: 'PO', value: 'PO-77' }],
    ...overrides,
  });
}

/** Acme (two invoices in October 2026: a draft and an open one) and Globex (one, closed). */
export function sampleInvoices(): Invoice[] {
  return [
    makeInvoice(),
    makeInvoice({ id: 'inv-2', documentId: 'DOC-1002', status: 'OPEN' }),
    makeInvoice({
      id: 'inv-3',
      documentId: 'DOC-2001',
      customer: { id: 'cus-2', name: 'Globex SA' },
      status: 'CLOSED',
    }),
  ];
}

export function memoryBackend(invoices: Invoice[] = sampleInvoices()): MemoryBackend {
  return new MemoryBackend({ invoices });
}

/** A table over `backend` (fixed "today"), optionally wrapped (an ancestor with a theme…). */
export async function mountTable(
  backend: MemoryBackend = memoryBackend(),
  wrap?: (inner: TemplateResult) => TemplateResult,
): Promise<InvoiceTable> {
  const inner = html`<invoice-table
    .backend=${backend}
    .today=${TODAY}
    style="inline-size: 900px"
  ></invoice-table>`;
  const host = await fixture<HTMLElement>(wrap ? wrap(inner) : html`<div>${inner}</div>`);
  const el = host.querySelector('invoice-table')!;
  await rowsReady(el);
  return el;
}

export async function rowsReady(el: InvoiceTable, count?: number): Promise<void> {
  await waitUntil(
    () => {
      const grid = el.shadowRoot!.querySelector('.grid');
      if (grid?.getAttribute('aria-busy') !== 'false') return false;
      const rows = el.shadowRoot!.querySelectorAll('.body [role="row"]:not(.placeholder)');
      return count === undefined ? rows.length > 0 : rows.length === count;
    },
    'the table did not load',
    { timeout: 5000 },
  );
}

/** Waits until the viewer shows its invoice and its nested elements have rendered. */
export async function viewerReady(el: InvoiceViewer): Promise<void> {
  await waitUntil(
    () => {
      const article = el.shadowRoot!.querySelector('article.viewer');
      const menu = el.shadowRoot!.querySelector<DownloadMenu>('download-menu');
      return Boolean(article && menu?.shadowRoot?.querySelector('[part="button"]'));
    },
    'the viewer did not render its invoice',
    { timeout: 5000 },
  );
}

export function updaterIn(el: InvoiceViewer): StatusUpdater {
  return el.shadowRoot!.querySelector('status-updater')!;
}

export function menuIn(el: InvoiceViewer): DownloadMenu {
  return el.shadowRoot!.querySelector('download-menu')!;
}

/** The first element matching `selector` in `el`'s shadow root. */
export function inShadow<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`Nothing matches ${selector} in <${el.localName}>`);
  return found;
}

/** Every element inside `el`'s shadow root, and inside nested shadow roots. */
export function deepElements(el: Element): Element[] {
  const out: Element[] = [];
  const visit = (root: ShadowRoot) => {
    for (const node of root.querySelectorAll('*')) {
      out.push(node);
      if (node.shadowRoot) visit(node.shadowRoot);
    }
  };
  if (el.shadowRoot) visit(el.shadowRoot);
  return out;
}

/** Normalised visible text (whitespace collapsed). */
export function textOf(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Text of a shadow root, including nested shadow roots (not slotted content). */
export function deepText(el: Element): string {
  const parts: string[] = [];
  const visit = (root: ShadowRoot | Element) => {
    for (const node of root.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
      else if (node instanceof Element) {
        if (node.localName === 'style') continue;
        if (node.shadowRoot) visit(node.shadowRoot);
        visit(node);
      }
    }
  };
  if (el.shadowRoot) visit(el.shadowRoot);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

export type { InvoiceTable, InvoiceViewer, StatusUpdater, DownloadMenu };
