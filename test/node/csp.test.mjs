// The strict-CSP check (issue 10; docs/CSP.md). A page served (every response, the workers'
// scripts included) with
//   default-src 'self'; script-src 'self'; style-src 'self'; worker-src 'self'; …;
//   require-trusted-types-for 'script'; trusted-types lit-html invoice-elements
// runs the whole workflow with the BUILT single-file bundle — find a customer, open an invoice,
// switch currency, DRAFT → OPEN, CSV / detailed CSV / PDF downloads, print, discard a draft —
// with zero `securitypolicyviolation` events on the page, zero violation reports (report-uri,
// which also covers the export workers) and no error; the exports must run in their workers.
//
// `new Worker(url)` is a Trusted Types sink: the package vouches for its own export workers
// through its `invoice-elements` policy.
// Then the page breaks the policy on purpose (style attribute, innerHTML, eval in a worker, no
// `lit-html` name) and violations must show: the check can fail.
//
// Runs under Node after the build (`npm run build`), driving the system Chromium with
// playwright-core: `node --test test/node/csp.test.mjs` (~12 s).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../scripts/chromium.mjs';
import { STRICT_POLICY, startServer } from '../security/csp/server.mjs';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const WAIT = { timeout: 10_000 };

let server;
let browser;

/** Opens the page in a fresh context; collects console errors and page errors on the side. */
async function open(query = '') {
  server.reports.length = 0;
  server.requests.length = 0;
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') {
      problems.push(`console error: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${server.url}${query}`);
  await page.waitForFunction(() => window.__ready === true, undefined, WAIT);
  return { page, context, problems };
}

/** What the page recorded: violations seen by its listener, and errors. */
function pageRecord(page) {
  return page.evaluate(() => ({
    violations: window.__csp.violations,
    errors: window.__csp.errors.filter((e) => !/ResizeObserver loop/.test(e)),
    thrown: window.__csp.thrown,
  }));
}

/** Waits until `predicate(record)` holds for the page's record, or fails after the timeout. */
async function waitForRecord(page, predicate, what) {
  const deadline = Date.now() + WAIT.timeout;
  for (;;) {
    const record = await pageRecord(page);
    if (predicate(record)) return record;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the server has received at least `count` violation reports. */
async function waitForReports(count) {
  const deadline = Date.now() + WAIT.timeout;
  while (server.reports.length < count) {
    if (Date.now() > deadline) throw new Error(`no violation report after ${WAIT.timeout} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const describeViolation = (v) =>
  `${v['effective-directive'] ?? v.effectiveDirective} blocked ${
    v['blocked-uri'] ?? v.blockedURI
  } at ${v['source-file'] ?? v.sourceFile}:${v['line-number'] ?? v.lineNumber} ${
    v['script-sample'] ?? v.sample ?? ''
  }`;

/**
 * The workflow as a user does it, asserting each step's visible result: find Acme in the
 * combobox, open DOC-1001 (Enter on its row), switch to BRL, DRAFT → OPEN (dialog, OK), CSV,
 * detailed CSV, PDF, print, then open DOC-1002 and discard it.
 */
async function runWorkflow(page) {
  const table = page.locator('invoice-table');
  const viewer = page.locator('invoice-viewer');
  const rows = table.locator('[part="row"]');

  // 1. All customers' invoices are listed; find Acme in the combobox and choose it.
  await rows.nth(3).waitFor(WAIT);
  assert.match((await rows.allTextContents()).join(' | '), /Globex SA/);
  await table.locator('#customer-input').pressSequentially('Acm');
  const options = table.locator('[role="option"]');
  await options.first().waitFor(WAIT);
  assert.equal(await options.count(), 1);
  assert.match(await options.first().textContent(), /Acme Ltda/);
  await table.locator('#customer-input').press('ArrowDown');
  await table.locator('#customer-input').press('Enter');
  await page.waitForFunction(
    () => document.querySelector('invoice-table').customerId === 'cus-1',
    undefined,
    WAIT,
  );
  await page.waitForFunction(
    () => {
      const r = document.querySelector('invoice-table').shadowRoot;
      const texts = [...r.querySelectorAll('[part="row"]')].map((e) => e.textContent);
      return texts.length === 3 && !texts.some((t) => t.includes('DOC-2001'));
    },
    undefined,
    WAIT,
  );

  // 2. Open DOC-1001 with Enter on its row.
  const row = rows.filter({ hasText: 'DOC-1001' });
  await row.focus();
  await row.press('Enter');
  await viewer.locator('[part="document-id"]', { hasText: 'DOC-1001' }).waitFor(WAIT);
  assert.equal(await page.locator('#viewer-pane').isVisible(), true);

  // 3. Switch the display currency to BRL: the amounts follow (1,234.50 USD × 5).
  await viewer.locator('[part="currency-select"]').selectOption('BRL');
  await page.waitForFunction(
    () =>
      /R\$\s?6,172\.50/.test(document.querySelector('invoice-viewer').shadowRoot.textContent ?? ''),
    undefined,
    WAIT,
  );

  // 4. DRAFT → OPEN through <status-updater>: select, UPDATE STATUS, OK in the dialog.
  const updater = viewer.locator('status-updater');
  await updater.locator('[part~="select"]').selectOption('OPEN');
  await updater.locator('[part~="button"]').click();
  await updater.locator('[part~="confirm-button"]').click();
  await viewer.locator('header [part~="status-badge"]', { hasText: 'Open' }).first().waitFor(WAIT);
  assert.equal(await page.evaluate(() => window.__backend.inspect('inv-1').status), 'OPEN');

  // 5. Downloads through <download-menu>: CSV, detailed CSV, PDF, then print.
  const menu = viewer.locator('download-menu');
  for (const [i, format] of ['csv', 'detailed-csv', 'pdf', 'print'].entries()) {
    await menu.locator('[part~="button"]').click();
    await menu.locator(`[role="menuitem"][data-format="${format}"]`).click();
    await page.waitForFunction(
      (n) => window.__events.filter((e) => e === 'invoice-download').length === n,
      i + 1,
      { timeout: 20_000 },
    );
  }
  const files = await page.evaluate(() => window.__files);
  assert.deepEqual(
    files.map((f) => f.filename.replace(/^.*\./, '')),
    ['csv', 'csv', 'pdf'],
    JSON.stringify(files.map((f) => f.filename)),
  );
  const [csv, detailed, pdf] = files;
  assert.match(csv.text, /DOC-1001/);
  assert.match(csv.text, /BRL/, 'the CSV is in the chosen currency');
  assert.match(detailed.text, /MS-E3/, 'the detailed CSV lists the line items');
  assert.equal(pdf.head, '%PDF-');
  assert.ok(pdf.size > 1000, `a real PDF (${pdf.size} bytes)`);
  const printed = await page.evaluate(() => window.__printed);
  assert.equal(printed.length, 1);
  assert.match(printed[0].text, /DOC-1001/);
  assert.equal(printed[0].adoptedSheets, 1, 'print styles as a constructed stylesheet');

  // 6. Discard the other draft: open DOC-1002, Discard, confirm.
  await rows.filter({ hasText: 'DOC-1002' }).locator('[part~="open-button"]').click();
  await viewer.locator('[part="document-id"]', { hasText: 'DOC-1002' }).waitFor(WAIT);
  await viewer.locator('[part~="discard-button"]').click();
  await viewer.locator('dialog.discard-dialog button[data-variant="danger"]').click();
  await viewer
    .locator('.discarded', { hasText: /\u2068DOC-1002\u2069 was discarded/ })
    .waitFor(WAIT);
  assert.equal(await page.evaluate(() => window.__backend.inspect('inv-2')), undefined);

  const events = await page.evaluate(() => window.__events);
  for (const e of [
    'invoice-customer-change',
    'invoice-open',
    'invoice-currency-change',
    'invoice-status-change',
    'invoice-download',
    'invoice-discard',
  ]) {
    assert.ok(events.includes(e), `${e} fired: ${events.join(', ')}`);
  }
}

/** Zero violations on the page, zero reports (page and workers), no error of any kind. */
async function assertClean(page, problems) {
  // Negative check (a report is sent asynchronously, if ever): a fixed wait can only let the
  // test pass wrongly. The 50 ms waits above are polling intervals of waits for an event.
  await new Promise((r) => setTimeout(r, 500));
  const record = await pageRecord(page);
  assert.deepEqual(record.violations.map(describeViolation), [], 'violations on the page');
  assert.deepEqual(server.reports.map(describeViolation), [], 'violation reports');
  assert.deepEqual(record.errors, [], 'errors recorded by the page');
  assert.deepEqual(problems, [], 'console errors, page errors, failed requests');
}

/**
 * The files were made in the module workers, not in the main-thread fallback that a refused
 * worker falls back to (the workers are dist/workers/*.worker.js; the fallback imports the same
 * files as modules, so the requests alone do not tell: the `invoice-download` details do).
 */
async function assertWorkersRan(page) {
  assert.deepEqual(
    await page.evaluate(() => window.__fallbacks),
    [],
    'no file was made on the main thread',
  );
  const requests = server.requests.join(', ');
  assert.ok(
    server.requests.some((r) => /^GET \/dist\/workers\/pdf\.worker\.js$/.test(r)),
    `the PDF worker ran: ${requests}`,
  );
  assert.ok(
    server.requests.some((r) => /^GET \/dist\/workers\/csv\.worker\.js$/.test(r)),
    `the CSV worker ran: ${requests}`,
  );
  // jspdf's optional HTML path (DOMPurify, which would create a `dompurify` policy, and
  // html2canvas) never loads: those names are not needed in `trusted-types`.
  assert.deepEqual(
    server.requests.filter((r) => /purify|html2canvas/.test(r)),
    [],
    'DOMPurify / html2canvas were not loaded',
  );
}

describe('strict CSP: the whole workflow from the single-file bundle', () => {
  before(async () => {
    if (!existsSync(`${dist}invoice-elements.bundle.js`)) {
      throw new Error('dist/ is missing: run `npm run build` first.');
    }
    server = await startServer();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the workflow completes with zero violations under `trusted-types lit-html invoice-elements`', async () => {
    server.policy = STRICT_POLICY;
    const { page, context, problems } = await open();
    try {
      await runWorkflow(page);
      await assertClean(page, problems);
      await assertWorkersRan(page);
    } finally {
      await context.close();
    }
  });

  test('the check can fail: a style attribute set from a string is reported', async () => {
    const { page, context } = await open('?break=style');
    try {
      const record = await waitForRecord(page, (r) => r.violations.length > 0, 'a violation');
      assert.equal(record.violations[0].effectiveDirective, 'style-src-attr');
      await waitForReports(1);
      assert.equal(server.reports[0]['effective-directive'], 'style-src-attr');
    } finally {
      await context.close();
    }
  });

  test('the check can fail: a string assigned to innerHTML is refused', async () => {
    const { page, context } = await open('?break=html');
    try {
      const record = await waitForRecord(page, (r) => r.violations.length > 0, 'a violation');
      assert.equal(record.violations[0].effectiveDirective, 'require-trusted-types-for');
      assert.match(record.thrown, /TypeError/);
      await waitForReports(1);
    } finally {
      await context.close();
    }
  });

  test('the check can fail: code from a string in a worker is reported by the worker', async () => {
    server.policy = `${STRICT_POLICY} csp-test`;
    try {
      const { page, context } = await open('?break=worker');
      try {
        const record = await waitForRecord(page, (r) => r.thrown, 'the probe worker');
        assert.match(record.thrown, /^refused: EvalError/);
        await waitForReports(1);
        // Code from a string is a Trusted Types sink before it is a script-src matter.
        assert.match(
          server.reports[0]['effective-directive'],
          /^(require-trusted-types-for|script-src)$/,
        );
        assert.match(server.reports[0]['source-file'], /worker-probe\.js$/);
        // The page's listener never sees a worker's violation: only the reports do.
        assert.deepEqual(record.violations, []);
      } finally {
        await context.close();
      }
    } finally {
      server.policy = STRICT_POLICY;
    }
  });

  test('the Trusted Types name is needed: without lit-html the elements cannot render', async () => {
    server.policy = STRICT_POLICY.replace('trusted-types lit-html', "trusted-types 'none'");
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        await page.goto(server.url);
        const record = await waitForRecord(page, (r) => r.violations.length > 0, 'a violation');
        assert.equal(record.violations[0].effectiveDirective, 'trusted-types');
        assert.equal(record.violations[0].sample, 'lit-html');
      } finally {
        await context.close();
      }
    } finally {
      server.policy = STRICT_POLICY;
    }
  });
});
