// The host page's code for the strict-CSP check: plain JavaScript, everything from the
// single-file bundle (which registers the four tags when it loads). A MemoryBackend with fixed
// invoices stands in for the server, so the page makes no request but for its own files.
//
// Hooks for the test, all on `window`:
// - `__files`: every file the download menu made ({ filename, type, size, head, text? });
// - `__printed`: every print document built ({ title, text, adoptedSheets });
// - `__events`: the elements' events, in order;
// - `__ready`: set once the backend is in place.
// `?break=style` / `?break=html` / `?break=worker` then does something the policy forbids, on
// purpose (a style attribute from a string / a string into innerHTML / code from a string in a
// worker), to prove the check can fail.
import { DownloadMenu, MemoryBackend } from '/dist/invoice-elements.bundle.js';

const params = new URL(location.href).searchParams;

const usd = (minor) => ({ minor, currency: 'USD' });

function line(id, sku, amount) {
  return {
    id,
    sku,
    description: `${sku} seats`,
    group: 'Microsoft 365',
    quantity: 1,
    unitPrice: usd(amount),
    amount: usd(amount),
    tax: usd(Math.round(amount / 10)),
  };
}

function invoice(overrides) {
  return {
    customer: { id: 'cus-1', name: 'Acme Ltda', email: 'billing@acme.example' },
    provider: { id: 'microsoft', name: 'Microsoft' },
    period: { from: '2026-10', to: '2026-10' },
    status: 'DRAFT',
    total: usd(123450),
    generatedAt: '2026-11-02T12:00:00.000Z',
    dueDate: '2026-11-30',
    version: 'v1',
    currency: 'USD',
    lines: [line('l1', 'MS-E3', 100000), line('l2', 'MS-E5', 12227)],
    subtotal: usd(112227),
    taxTotal: usd(11223),
    currencies: [{ currency: 'BRL', rate: 5, date: '2026-10-31', source: 'ECB' }],
    customFields: [{ key: 'po', label: 'PO', value: 'PO-77' }],
    history: [],
    ...overrides,
  };
}

const backend = new MemoryBackend({
  invoices: [
    invoice({ id: 'inv-1', documentId: 'DOC-1001', status: 'DRAFT' }),
    invoice({ id: 'inv-2', documentId: 'DOC-1002', status: 'DRAFT' }),
    invoice({ id: 'inv-3', documentId: 'DOC-1003', status: 'OPEN' }),
    invoice({
      id: 'inv-4',
      documentId: 'DOC-2001',
      customer: { id: 'cus-2', name: 'Globex SA' },
      status: 'CLOSED',
    }),
  ],
  now: () => new Date('2026-11-15T12:00:00Z'),
});

window.__files = [];
window.__printed = [];
window.__events = [];
window.__backend = backend;

// Capture files instead of saving them; keep the first bytes (and CSV text) for the test.
DownloadMenu.saveFile = async (file) => {
  if (file.kind !== 'blob') {
    window.__files.push({ filename: file.filename, url: file.url });
    return;
  }
  const isText = /^text\//.test(file.blob.type) || file.filename.endsWith('.csv');
  window.__files.push({
    filename: file.filename,
    type: file.blob.type,
    size: file.blob.size,
    head: await file.blob.slice(0, 5).text(),
    text: isText ? await file.blob.text() : undefined,
  });
};

// Print: the print document is built in its frame as usual; only the dialog is skipped.
DownloadMenu.printWindow = (win) => {
  window.__printed.push({
    title: win.document.title,
    text: win.document.body.textContent,
    adoptedSheets: win.document.adoptedStyleSheets.length,
  });
};

const table = document.querySelector('invoice-table');
const viewer = document.querySelector('invoice-viewer');
table.backend = backend;
viewer.backend = backend;

const billing = document.getElementById('billing');
for (const type of [
  'invoice-open',
  'invoice-customer-change',
  'invoice-currency-change',
  'invoice-status-change',
  'invoice-download',
  'invoice-discard',
]) {
  billing.addEventListener(type, () => window.__events.push(type));
}
// Files made on the page instead of in a worker say so (`worker: false`, issue 20).
window.__fallbacks = [];
billing.addEventListener('invoice-download', (event) => {
  if (event.detail.worker === false) window.__fallbacks.push(event.detail);
});

// The host portal: open the viewer on invoice-open.
table.addEventListener('invoice-open', (event) => {
  viewer.invoiceId = event.detail.invoiceId;
  document.getElementById('viewer-pane').hidden = false;
});

// Deliberate violations, only when asked for.
const broken = params.get('break');
const canary = document.getElementById('canary');
if (broken === 'style') {
  canary.setAttribute('style', 'outline: 1px solid red');
} else if (broken === 'worker') {
  // The worker's URL through a test-only policy (the header lists `csp-test` for this case).
  const probe = window.trustedTypes.createPolicy('csp-test', { createScriptURL: (u) => u });
  const worker = new Worker(probe.createScriptURL('/worker-probe.js'), { type: 'module' });
  worker.addEventListener('message', (e) => {
    window.__csp.thrown = e.data;
    worker.terminate();
  });
} else if (broken === 'html') {
  try {
    canary.innerHTML = '<b>not trusted</b>';
  } catch (error) {
    window.__csp.thrown = `${error.name}: ${error.message}`;
  }
}

window.__ready = true;
