/**
 * The demo host portal: what a reseller's "Billing > Customer invoices" page does with
 * invoice-elements. Under `npm start` the data lives in the reference server (server/, on
 * embedded PGlite), reached with RestBackend and a dev token per view; the static build keeps it
 * in the browser (a MemoryBackend behind msw, served through the documented REST contract),
 * generated relative to today (data.ts), so changes survive a reload, and "Reset demo data"
 * starts over (backend.ts chooses). The URL holds the view (url-state.ts): reload, Back and
 * Forward, and a shared link show the same customer, period, filters, sort and open invoice,
 * through the table's public `view` property and `invoice-view-change` event; named views save
 * that value (views.ts). The language, theme and density are this browser's preference
 * (prefs.ts).
 */
import { provideInvoiceBackend } from '../src/components/shared/backend-context.js';
import type { InvoiceTableView } from '../src/components/invoice-table/invoice-table.js';
import '../src/define.js';
import { connectDemo } from './backend.js';
import { choose, loadPrefs, pageWords, savePrefs } from './prefs.js';
import { readView, viewSearch, type DemoView } from './url-state.js';
import { deleteView, loadViews, saveView, type NamedView } from './views.js';

const STORAGE_KEY = 'invoice-elements-demo/data';

const portal = document.getElementById('portal') as HTMLElement;
const audience = document.getElementById('audience') as HTMLSelectElement;
const currentAudience = (): DemoView['audience'] =>
  audience.value === 'customer' ? 'customer' : 'operator';

// The reference server when `npm start` launched the page, else msw in the page (backend.ts).
const connection = await connectDemo(STORAGE_KEY, currentAudience);
provideInvoiceBackend(portal, connection.backend);
/** The customer the end-customer view shows (the README's `cus-1`). */
const viewCustomer = connection.customerId;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const table = byId<HTMLElementTagNameMap['invoice-table']>('table');
const viewer = byId<HTMLElementTagNameMap['invoice-viewer']>('viewer');
const viewerPane = byId('viewer-pane');
const viewerHeading = byId('viewer-heading');
const listHeading = byId('list-heading');
const crumbs = byId('crumbs');
const theme = byId<HTMLSelectElement>('theme');
const lang = byId<HTMLSelectElement>('lang');
const density = byId<HTMLSelectElement>('density');

/** Example reseller themes (demo/themes/*.css), scoped by a class on <body>. */
const BRANDS = ['nimbus', 'ironclad'] as const;
const log = byId('log');
const closeViewer = byId('close-viewer');
/** The open invoice's document ID, for the viewer pane's heading ('' when not known). */
let openDocument = '';

function note(text: string): void {
  const line = document.createElement('div');
  line.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  log.prepend(line);
}
for (const text of connection.notes) note(text);

// ---- settings: audience (in the URL), language, theme and density (this browser's) ----------

const prefs = loadPrefs();
choose(lang, prefs.lang);
choose(theme, prefs.theme);
choose(density, prefs.density);

function applySettings(): void {
  const view = currentAudience();
  // "nimbus dark" = the Nimbus brand in dark mode; "light"/"dark" = the default brand.
  const themeWords = theme.value.split(' ').filter(Boolean);
  const scheme = themeWords.find((w) => w === 'light' || w === 'dark');
  for (const brand of BRANDS)
    document.body.classList.toggle(`theme-${brand}`, themeWords.includes(brand));
  for (const el of [table, viewer]) {
    el.setAttribute('audience', view);
    if (scheme) el.setAttribute('theme', scheme);
    else el.removeAttribute('theme');
    if (density.value) el.setAttribute('density', density.value);
    else el.removeAttribute('density');
  }
  table.toggleAttribute('hide-search', view === 'customer');
  document.documentElement.lang = lang.value;
  const words = pageWords(view, lang.value);
  document.title = `${words.title} — Acme Cloud Marketplace`;
  listHeading.textContent = words.heading;
  crumbs.replaceChildren(
    ...words.crumbs.map((text, i) => {
      const li = document.createElement('li');
      li.textContent = text;
      if (i === words.crumbs.length - 1) li.setAttribute('aria-current', 'page');
      return li;
    }),
  );
  viewerHeading.textContent = `${words.invoice} ${openDocument}`.trim();
  closeViewer.textContent = words.back;
}

function savePreferences(): void {
  savePrefs({ lang: lang.value, theme: theme.value, density: density.value });
  applySettings();
}
theme.addEventListener('change', savePreferences);
lang.addEventListener('change', savePreferences);
density.addEventListener('change', savePreferences);

// ---- the view: read from the elements, written to the URL, restored from it -----------------

function currentView(): DemoView {
  const view = currentAudience();
  const { customerId, from, to, status, provider, search, overdue, sort } = table.view;
  return {
    audience: view,
    customer: view === 'operator' ? customerId : undefined,
    from,
    to,
    status,
    provider,
    q: search,
    overdue,
    // The table's default sort (period, newest first) stays out of the URL.
    sort: sort && (sort.key !== 'period' || sort.direction !== 'desc') ? sort : undefined,
    invoice: viewerPane.hidden ? undefined : (viewer.getAttribute('invoice-id') ?? undefined),
  };
}

/** Shows a table view (from the URL or a named view); the customer's own in their audience. */
function showView(view: InvoiceTableView): void {
  table.view = {
    ...view,
    customerId: currentAudience() === 'customer' ? viewCustomer : view.customerId,
  };
}

/** Records the view in the URL: a new history entry per user action, replaced while typing. */
function record(mode: 'push' | 'replace' = 'push'): void {
  const search = viewSearch(currentView());
  if (search === location.search) return;
  const url = `${location.pathname}${search}${location.hash}`;
  if (mode === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

function showInvoice(invoiceId: string, documentId: string, focus: boolean): void {
  viewer.setAttribute('invoice-id', invoiceId);
  openDocument = documentId;
  applySettings();
  viewerPane.hidden = false;
  // A user's open: the invoice comes into view and its heading takes focus, so a screen reader
  // reads it next. From a link or a reload, it only comes into view (focus stays at the top).
  viewerPane.scrollIntoView({ block: 'start' });
  if (focus) viewerHeading.focus();
}

/** Back in the list: focus on the table's current row (the one opened), else the heading. */
function focusList(): void {
  const row = table.shadowRoot?.querySelector<HTMLElement>('[role="row"][tabindex="0"]');
  (row ?? listHeading).focus();
}

function hideInvoice(): void {
  const hadFocus = viewerPane.contains(document.activeElement);
  viewerPane.hidden = true;
  if (hadFocus) focusList();
}

/** Shows a view (from the URL). `userAction`: Back/Forward (focus follows), not a page load. */
function restore(view: DemoView, userAction: boolean): void {
  choose(audience, view.audience);
  applySettings();
  // The table checks every value (an unknown status, provider or sort is dropped).
  showView({
    customerId: view.customer,
    from: view.from,
    to: view.to,
    status: view.status as InvoiceTableView['status'],
    provider: view.provider,
    search: view.q,
    overdue: view.overdue,
    sort: view.sort,
  });
  if (view.invoice) {
    const same = view.invoice === viewer.getAttribute('invoice-id');
    if (!same || viewerPane.hidden) {
      showInvoice(view.invoice, same ? openDocument : '', userAction);
    }
  } else if (!viewerPane.hidden) {
    hideInvoice();
  }
}

await customElements.whenDefined('invoice-table');
restore(readView(location.search), false);
addEventListener('popstate', () => restore(readView(location.search), true));

audience.addEventListener('change', () => {
  viewerPane.hidden = true;
  applySettings();
  table.customerId = currentAudience() === 'customer' ? viewCustomer : undefined;
  record();
});

// The user's changes of customer, period, filters and sort (never the demo's own `view` sets):
// a history entry each, the document search replacing its entry instead of adding one.
table.addEventListener('invoice-view-change', (event) =>
  record(event.detail.reason === 'search' ? 'replace' : 'push'),
);

table.addEventListener('invoice-open', (event) => {
  const { invoiceId, summary } = event.detail;
  showInvoice(invoiceId, summary.documentId, true);
  note(`invoice-open ${summary.documentId}`);
  record();
});

closeViewer.addEventListener('click', () => {
  hideInvoice();
  record();
});

portal.addEventListener('invoice-status-change', (event) => {
  const { invoice } = event.detail;
  connection.wrote({ invoiceId: invoice.id, kind: 'updated', invoice, version: invoice.version });
  note(`invoice-status-change ${event.detail.from} → ${event.detail.to}`);
});
portal.addEventListener('invoice-discard', (event) => {
  connection.wrote({ invoiceId: event.detail.invoiceId, kind: 'discarded' });
  note(`invoice-discard ${event.detail.documentId}`);
});
portal.addEventListener('invoice-download', (event) => {
  note(`invoice-download ${event.detail.format} ${event.detail.filename}`);
});

// ---- named views: the table's view saved under a name (localStorage, views.ts) ---------------

const viewForm = byId<HTMLFormElement>('save-view');
const viewName = byId<HTMLInputElement>('view-name');
const viewList = byId('views');
const viewStatus = byId('views-status');

function listViews(views: NamedView[]): void {
  viewList.replaceChildren(
    ...views.map(({ name, view }) => {
      const li = document.createElement('li');
      const apply = document.createElement('button');
      apply.type = 'button';
      apply.textContent = name;
      apply.addEventListener('click', () => {
        showView(view);
        record();
        viewStatus.textContent = `View “${name}” applied.`;
      });
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = 'Delete';
      remove.setAttribute('aria-label', `Delete view “${name}”`);
      remove.addEventListener('click', () => {
        listViews(deleteView(name));
        viewStatus.textContent = `View “${name}” deleted.`;
        viewName.focus();
      });
      li.append(apply, ' ', remove);
      return li;
    }),
  );
  byId('no-views').hidden = views.length > 0;
}
listViews(loadViews());

viewForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const name = viewName.value.trim();
  if (!name) return;
  listViews(saveView(name, table.view));
  viewStatus.textContent = `View “${name}” saved.`;
  viewForm.reset();
});

// The server's data is shared by every tab: it has no reset button (the README says how).
const reset = byId<HTMLButtonElement>('reset');
const resetData = connection.reset;
if (resetData) reset.addEventListener('click', resetData);
else reset.hidden = true;
