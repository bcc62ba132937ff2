/**
 * The demo host portal: what a reseller's "Billing > Customer invoices" page does with
 * invoice-elements. The data lives in the browser (a MemoryBackend behind msw, served through
 * the documented REST contract), so changes survive a reload; "Reset demo data" starts over.
 */
import { setupWorker } from 'msw/browser';
import { MemoryBackend } from '../src/adapters/memory/index.js';
import { createInvoiceHandlers } from '../src/adapters/msw/index.js';
import { RestBackend } from '../src/adapters/rest/rest-backend.js';
import { provideInvoiceBackend } from '../src/components/shared/backend-context.js';
import type { InvoiceBackend } from '../src/core/backend.js';
import '../src/define.js';
import { syncTabs } from './sync.js';

const STORAGE_KEY = 'invoice-elements-demo/data';

function loadStore(): MemoryBackend {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved) {
    try {
      return MemoryBackend.restore(saved, { latencyMs: 250 });
    } catch {
      localStorage.removeItem(STORAGE_KEY);
    }
  }
  return new MemoryBackend({ latencyMs: 250 });
}

const memory = loadStore();
const save = (): void => localStorage.setItem(STORAGE_KEY, memory.snapshot());

const worker = setupWorker(...createInvoiceHandlers(memory, { baseUrl: '/api' }));
await worker.start({
  serviceWorker: { url: new URL('./mockServiceWorker.js', document.baseURI).pathname },
  onUnhandledRequest: 'bypass',
  quiet: true,
});

// The other tabs of the demo publish their writes; this tab's store reloads from them.
const tabs = syncTabs(memory, 'invoice-elements-demo/changes');

/**
 * The REST adapter plus a subscription to the store's changes, as a server's event stream
 * would offer: the elements follow the other tabs' writes (and their own, idempotently).
 */
class DemoBackend extends RestBackend implements InvoiceBackend {
  subscribe(listener: Parameters<NonNullable<InvoiceBackend['subscribe']>>[0]): () => void {
    return memory.subscribe(listener);
  }
}

const portal = document.getElementById('portal') as HTMLElement;
provideInvoiceBackend(portal, new DemoBackend({ baseUrl: '/api' }));

const table = document.getElementById('table') as HTMLElementTagNameMap['invoice-table'];
const viewer = document.getElementById('viewer') as HTMLElementTagNameMap['invoice-viewer'];
const viewerPane = document.getElementById('viewer-pane') as HTMLElement;
const audience = document.getElementById('audience') as HTMLSelectElement;
const theme = document.getElementById('theme') as HTMLSelectElement;
const lang = document.getElementById('lang') as HTMLSelectElement;
const density = document.getElementById('density') as HTMLSelectElement;

/** Example reseller themes (demo/themes/*.css), scoped by a class on <body>. */
const BRANDS = ['nimbus', 'ironclad'] as const;
const log = document.getElementById('log') as HTMLElement;

function note(text: string): void {
  const line = document.createElement('div');
  line.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  log.prepend(line);
}

// The end customer sees their own invoices only: the portal fixes the customer.
const demoCustomer = memory.customerList()[0];

function applySettings(): void {
  const view = audience.value === 'customer' ? 'customer' : 'operator';
  // "nimbus dark" = the Nimbus brand in dark mode; "light"/"dark" = the default brand.
  const words = theme.value.split(' ').filter(Boolean);
  const scheme = words.find((w) => w === 'light' || w === 'dark');
  for (const brand of BRANDS)
    document.body.classList.toggle(`theme-${brand}`, words.includes(brand));
  for (const el of [table, viewer]) {
    el.setAttribute('audience', view);
    if (scheme) el.setAttribute('theme', scheme);
    else el.removeAttribute('theme');
    if (density.value) el.setAttribute('density', density.value);
    else el.removeAttribute('density');
  }
  if (view === 'customer' && demoCustomer) {
    table.setAttribute('customer-id', demoCustomer.id);
    table.setAttribute('hide-search', '');
  } else {
    table.removeAttribute('customer-id');
    table.removeAttribute('hide-search');
  }
  document.documentElement.lang = lang.value;
}

audience.addEventListener('change', () => {
  viewerPane.hidden = true;
  applySettings();
});
theme.addEventListener('change', applySettings);
lang.addEventListener('change', applySettings);
density.addEventListener('change', applySettings);
applySettings();

table.addEventListener('invoice-open', (event) => {
  viewer.setAttribute('invoice-id', event.detail.invoiceId);
  viewerPane.hidden = false;
  viewerPane.scrollIntoView({ block: 'start' });
  note(`invoice-open ${event.detail.summary.documentId}`);
  (document.getElementById('viewer-heading') as HTMLElement).focus?.();
});

document.getElementById('close-viewer')?.addEventListener('click', () => {
  viewerPane.hidden = true;
  table.focus();
});

portal.addEventListener('invoice-status-change', (event) => {
  save();
  const { invoice } = event.detail;
  tabs.publish({ invoiceId: invoice.id, kind: 'updated', invoice, version: invoice.version });
  note(`invoice-status-change ${event.detail.from} → ${event.detail.to}`);
});
portal.addEventListener('invoice-discard', (event) => {
  save();
  tabs.publish({ invoiceId: event.detail.invoiceId, kind: 'discarded' });
  note(`invoice-discard ${event.detail.documentId}`);
});
portal.addEventListener('invoice-download', (event) => {
  note(`invoice-download ${event.detail.format} ${event.detail.filename}`);
});

document.getElementById('reset')?.addEventListener('click', () => {
  localStorage.removeItem(STORAGE_KEY);
  location.reload();
});
