// The demo as a host would build it (issue 17), driven like a user in the system Chromium over
// the built demo (npm run build:demo): data relative to today, the opened invoice in view and
// focused, the view in the URL (reload, Back/Forward, a shared link), language and theme kept
// across a reload, and the page title following the audience and the language.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../scripts/chromium.mjs';

const dist = fileURLToPath(new URL('../../demo-dist/', import.meta.url));
const skip = !existsSync(`${dist}index.html`) && 'no demo-dist: run npm run build:demo';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** Serves demo-dist on a free port of localhost (a secure context: the service worker runs). */
async function serveDemo() {
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const file = path.join(dist, pathname === '/' ? 'index.html' : decodeURIComponent(pathname));
    if (!file.startsWith(dist)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, 'localhost', resolve));
  return { url: `http://localhost:${server.address().port}/`, close: () => server.close() };
}

/** Rows the table shows (loaded, not placeholders). */
const ROWS = 'invoice-table [part="row"]:not(.placeholder)';

describe('the demo as a host would build it', { skip }, () => {
  let demo;
  let browser;
  before(async () => {
    demo = await serveDemo();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    demo?.close();
  });

  /** A fresh browser profile (no saved data, no preferences); `today` fixes the clock. */
  async function newPage({ today } = {}) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    if (today) await context.clock.setFixedTime(today);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return { page, context, errors };
  }

  /** Opens the demo at `search` and waits for the list's first rows. */
  async function open(page, search = '') {
    await page.goto(`${demo.url}${search}`);
    await page.locator(ROWS).first().waitFor();
  }

  const tableState = (page) =>
    page.evaluate(async () => {
      const table = document.querySelector('invoice-table');
      // The filters are shown by their toolbar button (collapsed again after a reload).
      const toggle = table.shadowRoot.querySelector('[part~="filters-toggle"]');
      if (toggle.getAttribute('aria-expanded') !== 'true') toggle.click();
      await table.updateComplete;
      const control = (name) => table.shadowRoot.querySelector(`[name="${name}"]`).value;
      const pane = document.getElementById('viewer-pane');
      return {
        customer: table.customerId ?? null,
        period: table.period,
        status: control('status'),
        provider: control('provider'),
        q: control('document'),
        invoice: pane.hidden
          ? null
          : document.querySelector('invoice-viewer').getAttribute('invoice-id'),
      };
    });

  test('the data follows today: the default period has invoices up to last month', async () => {
    const { page, context, errors } = await newPage({ today: new Date('2031-05-10T12:00:00') });
    try {
      await open(page);
      const period = await page.evaluate(() => document.querySelector('invoice-table').period);
      assert.deepEqual(period, { from: '2031-02', to: '2031-04' });
      const count = await page.locator('invoice-table [part="count"]').textContent();
      assert.match(count ?? '', /[1-9]\d* invoices/);
      // Sorted by period, newest first: the first row is of the default period's last month.
      assert.match((await page.locator(ROWS).first().textContent()) ?? '', /Apr(il)? 2031|2031-04/);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test("the README's example customer (cus-1) exists and has invoices", async () => {
    const { page, context, errors } = await newPage();
    try {
      await open(page, '?customer=cus-1');
      const { customer } = await tableState(page);
      assert.equal(customer, 'cus-1');
      const search = page.locator('invoice-table [role="combobox"]');
      assert.notEqual(await search.inputValue(), '', 'the search shows the customer by name');
      assert.ok((await page.locator(ROWS).count()) > 0);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('the opened invoice scrolls into view and its heading takes focus; back, the row does', async () => {
    const { page, context } = await newPage();
    try {
      await open(page);
      const row = page.locator(ROWS).first();
      const documentId = (await row.locator('[data-col="documentId"]').textContent())?.trim();
      await row.locator('[part~="open-button"]').click();
      const heading = page.getByRole('heading', { level: 2, name: /^Invoice/ });
      await page.waitForFunction(() => document.activeElement?.id === 'viewer-heading');
      assert.match((await heading.textContent()) ?? '', new RegExp(`Invoice ${documentId}`));
      const top = await page.evaluate(
        () => document.getElementById('viewer-pane').getBoundingClientRect().top,
      );
      assert.ok(top >= 0 && top < 100, `the viewer's top is in view (${top})`);
      // Back to the list: on the row that was opened.
      await page.getByRole('button', { name: 'Back to the list' }).click();
      const focused = await page.evaluate(() => {
        const active = document.querySelector('invoice-table').shadowRoot.activeElement;
        return active?.getAttribute('role') === 'row' ? active.textContent : null;
      });
      assert.match(focused ?? '', new RegExp(documentId));
    } finally {
      await context.close();
    }
  });

  test('a link to an invoice shows it without moving focus from the top of the page', async () => {
    const { page, context } = await newPage();
    try {
      await open(page);
      const id = await page.evaluate(async () => {
        const { items } = await (await fetch('/api/invoices?limit=1')).json();
        return items[0].id;
      });
      await open(page, `?invoice=${id}`);
      await page.locator('invoice-viewer [part="document-id"]').waitFor();
      assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
      const pane = await page.evaluate(() => {
        const el = document.getElementById('viewer-pane');
        return { hidden: el.hidden, top: el.getBoundingClientRect().top };
      });
      assert.equal(pane.hidden, false);
      assert.ok(pane.top >= 0 && pane.top < 100, `the viewer's top is in view (${pane.top})`);
    } finally {
      await context.close();
    }
  });

  test('the URL holds customer, period, filters and the open invoice: reload, Back/Forward and a shared link restore them', async () => {
    const { page, context, errors } = await newPage();
    try {
      await open(page);
      const entries = await page.evaluate(() => history.length);
      // Customer, period, status, provider, document text: as a user does.
      const search = page.locator('invoice-table [role="combobox"]');
      await search.click();
      await search.pressSequentially('a', { delay: 30 });
      await page.locator('invoice-table [role="option"]').first().click();
      await page.waitForURL(/customer=/);
      await page.getByRole('button', { name: /^Billing period:/ }).click();
      await page.getByRole('button', { name: 'Last 12 months' }).click();
      await page.waitForURL(/from=/);
      await page.getByRole('button', { name: /^Filters/ }).click();
      await page.getByLabel('Status').selectOption('OPEN');
      await page.waitForURL(/status=OPEN/);
      await page.getByLabel('Cloud provider').selectOption({ index: 1 });
      await page.waitForURL(/provider=/);
      await page.getByLabel('Document ID contains').fill('INV-');
      await page.waitForURL(/q=INV-/);
      await page.locator(`${ROWS} [part~="open-button"]`).first().click();
      await page.waitForURL(/invoice=/);
      const shown = await tableState(page);
      assert.ok(shown.customer && shown.invoice && shown.provider);
      assert.equal(shown.status, 'OPEN');
      assert.equal(shown.q, 'INV-');
      assert.notDeepEqual(shown.period, { from: undefined, to: undefined });
      // One entry per action; typing replaced its entry instead of adding one per key.
      assert.equal(await page.evaluate(() => history.length), entries + 5);
      const link = page.url();

      await page.reload();
      await page.locator(ROWS).first().waitFor();
      await page.locator('invoice-viewer [part="document-id"]').waitFor();
      assert.deepEqual(await tableState(page), shown, 'a reload restores the view');

      await page.goBack();
      await page.waitForFunction(() => document.getElementById('viewer-pane').hidden);
      assert.deepEqual(
        await tableState(page),
        { ...shown, invoice: null },
        'Back closes the invoice',
      );
      await page.goBack();
      await page.waitForFunction(() => !document.querySelector('invoice-table').view.provider);
      assert.deepEqual(
        await tableState(page),
        { ...shown, provider: '', q: '', invoice: null },
        'Back again: before the provider filter and its typing',
      );
      await page.goForward();
      await page.goForward();
      await page.waitForFunction(() => !document.getElementById('viewer-pane').hidden);
      assert.deepEqual(await tableState(page), shown, 'Forward twice: the invoice again');

      // A shared link, in another browser profile.
      const other = await newPage();
      try {
        await open(other.page, new URL(link).search);
        await other.page.locator('invoice-viewer [part="document-id"]').waitFor();
        await other.page.waitForFunction(
          (q) => document.querySelector('invoice-table').view.search === q,
          shown.q,
        );
        assert.deepEqual(await tableState(other.page), shown, 'a shared link shows the same view');
        assert.deepEqual(other.errors, []);
      } finally {
        await other.context.close();
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('the sort is in the URL: a reload and Back restore it', async () => {
    const { page, context, errors } = await newPage();
    try {
      await open(page);
      const total = page.getByRole('columnheader', { name: /^Total/ });
      await total.getByRole('button').click();
      await page.waitForURL(/sort=total\.desc/);
      await total.getByRole('button').click();
      await page.waitForURL(/sort=total\.asc/);
      const sort = () => page.evaluate(() => document.querySelector('invoice-table').view.sort);
      await page.reload();
      await page.locator(ROWS).first().waitFor();
      assert.deepEqual(await sort(), { key: 'total', direction: 'asc' });
      assert.equal(await total.getAttribute('aria-sort'), 'ascending');
      await page.goBack();
      await page.waitForFunction(
        () => document.querySelector('invoice-table').view.sort.direction === 'desc',
      );
      assert.deepEqual(await sort(), { key: 'total', direction: 'desc' });
      await page.goBack();
      await page.waitForFunction(() => location.search === '');
      await page.waitForFunction(
        () => document.querySelector('invoice-table').view.sort.key === 'period',
      );
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('a named view: saved with the form, listed, applied (and in the URL), deleted', async () => {
    const { page, context, errors } = await newPage();
    try {
      await open(page);
      await page.getByRole('button', { name: /^Filters/ }).click();
      await page.getByLabel('Status').selectOption('OPEN');
      await page.getByRole('columnheader', { name: 'Document ID' }).getByRole('button').click();
      await page.waitForURL(/sort=documentId\.asc/);
      const saved = await page.evaluate(() => document.querySelector('invoice-table').view);
      await page.getByLabel('View name').fill('Open by document');
      await page.getByRole('button', { name: 'Save view' }).click();
      await page.getByRole('status').filter({ hasText: 'saved' }).waitFor();
      const views = page.getByRole('list', { name: 'Saved views' });
      assert.deepEqual(await views.getByRole('button').allTextContents(), [
        'Open by document',
        'Delete',
      ]);
      assert.deepEqual(
        await page.evaluate(() => JSON.parse(localStorage.getItem('invoice-elements-demo/views'))),
        [{ name: 'Open by document', view: saved }],
        'only the view value is stored',
      );

      // Elsewhere, then the saved view again: the table shows it and the URL holds it.
      await page.getByLabel('Status').selectOption('');
      await page
        .getByRole('columnheader', { name: /^Total/ })
        .getByRole('button')
        .click();
      await page.waitForURL((url) => !url.search.includes('status='));
      await page.reload();
      await page.locator(ROWS).first().waitFor();
      await views.getByRole('button', { name: 'Open by document', exact: true }).click();
      await page.waitForURL(/status=OPEN/);
      assert.match(page.url(), /sort=documentId\.asc/);
      assert.deepEqual(
        await page.evaluate(() => document.querySelector('invoice-table').view),
        saved,
      );
      // The reload collapsed the filters: shown again to read the status.
      await page.getByRole('button', { name: /^Filters/ }).click();
      assert.equal(await page.getByLabel('Status').inputValue(), 'OPEN');

      await views.getByRole('button', { name: 'Delete view “Open by document”' }).click();
      await page.getByText('No saved views yet.').waitFor();
      assert.equal(await views.getByRole('button').count(), 0);
      assert.deepEqual(
        await page.evaluate(() => JSON.parse(localStorage.getItem('invoice-elements-demo/views'))),
        [],
      );
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('bad values in the URL are dropped: the default view, no error', async () => {
    const { page, context, errors } = await newPage();
    try {
      await open(page, '?from=2026-13&to=x&status=%3Cb%3E&customer=a%20b&view=admin');
      const state = await tableState(page);
      const expected = await page.evaluate(() => {
        const d = new Date();
        const month = (delta) => {
          const m = new Date(d.getFullYear(), d.getMonth() + delta, 1);
          return `${m.getFullYear()}-${String(m.getMonth() + 1).padStart(2, '0')}`;
        };
        return { from: month(-3), to: month(-1) };
      });
      assert.deepEqual(state.period, expected);
      assert.equal(state.customer, null);
      assert.equal(state.status, '');
      assert.equal(await page.locator('#audience').inputValue(), 'operator');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('language and theme survive a reload; a shared link keeps the recipient’s own', async () => {
    const { page, context } = await newPage();
    try {
      await open(page);
      await page.selectOption('#lang', 'pt-BR');
      await page.selectOption('#theme', 'nimbus dark');
      await page.reload();
      await page.locator(ROWS).first().waitFor();
      assert.equal(await page.locator('#lang').inputValue(), 'pt-BR');
      assert.equal(await page.locator('#theme').inputValue(), 'nimbus dark');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'pt-BR');
      assert.equal(
        await page.evaluate(() => document.body.classList.contains('theme-nimbus')),
        true,
      );
      assert.equal(await page.locator('invoice-table').getAttribute('theme'), 'dark');
      assert.doesNotMatch(page.url(), /lang|theme/);
    } finally {
      await context.close();
    }
  });

  test('the page title follows the audience and the language', async () => {
    const { page, context } = await newPage();
    try {
      await open(page);
      assert.match(await page.title(), /^Billing › Customer invoices/);
      await page.selectOption('#audience', 'customer');
      await page.waitForURL(/view=customer/);
      assert.match(await page.title(), /^Invoices —/);
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Invoices');
      await page.selectOption('#lang', 'pt-BR');
      assert.match(await page.title(), /^Faturas —/);
      assert.equal(await page.locator('#close-viewer').textContent(), 'Voltar à lista');
      await page.reload();
      await page.locator(ROWS).first().waitFor();
      assert.match(
        await page.title(),
        /^Faturas —/,
        'the audience (URL) and language survive a reload',
      );
      assert.equal(await page.locator('#audience').inputValue(), 'customer');
    } finally {
      await context.close();
    }
  });
});
