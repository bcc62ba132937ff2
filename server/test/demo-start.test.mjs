// `npm start` (scripts/start.mjs): the launcher started as a user would, on a free port and a
// fresh data directory. The page is marked for the server, its session hands out the dev tokens,
// an API call through the page's origin answers with the seeded data (the customer's token sees
// no draft whatever it asks), in Chromium the table shows the server's rows, and two browsers on
// one invoice meet: the second, stale, write gets the server's conflict with Reload.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../scripts/chromium.mjs';
import { freePort } from './postgres/cluster.mjs';

const START = fileURLToPath(new URL('../../scripts/start.mjs', import.meta.url));

describe('npm start: the demo over the reference server', { timeout: 180_000 }, () => {
  let child;
  let dir;
  let url;
  let output = '';
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'invoice-start-'));
    const port = await freePort();
    child = spawn(process.execPath, [START], {
      env: { ...process.env, PORT: String(port), DATA_DIR: join(dir, 'not-yet', 'data') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    url = await new Promise((resolve, reject) => {
      const read = (chunk) => {
        output += chunk;
        const m = /Demo: (http:\/\/\S+)/.exec(output);
        if (m) resolve(m[1]);
      };
      child.stdout.setEncoding('utf8').on('data', read);
      child.stderr.setEncoding('utf8').on('data', read);
      child.once('exit', (code) => reject(new Error(`the launcher exited (${code}):\n${output}`)));
    });
  });
  after(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  test('prints the URL; the page and the API answer over it', async () => {
    assert.match(url, /^http:\/\/localhost:\d+\/$/);
    const html = await (await fetch(url)).text();
    assert.match(html, /<meta name="invoice-demo-session" content="\.\/demo-session\.json"/);
    const session = await (await fetch(new URL('demo-session.json', url))).json();
    assert.equal(session.customerId, 'cus-1');
    const api = new URL(session.apiBaseUrl, url);

    const asOperator = await fetch(new URL('invoices?status=DRAFT&limit=5', api), {
      headers: { authorization: `Bearer ${session.tokens.operator}` },
    });
    assert.equal(asOperator.status, 200);
    const drafts = await asOperator.json();
    assert.ok(drafts.total > 0, 'the seed has drafts, seen by the operator');

    const asCustomer = await fetch(new URL('invoices?status=DRAFT&audience=operator', api), {
      headers: { authorization: `Bearer ${session.tokens.customer}` },
    });
    assert.equal(asCustomer.status, 200);
    assert.equal((await asCustomer.json()).total, 0, "the customer's token sees no draft");

    const anonymous = await fetch(new URL('invoices', api));
    assert.equal(anonymous.status, 401);
  });

  test('the table shows the server’s rows in Chromium, in both views', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const rows = 'invoice-table [part="row"]:not(.placeholder)';
      const listed = page.waitForResponse((r) => /\/api\/invoices\?/.test(r.url()));
      await page.goto(url);
      assert.equal((await listed).status(), 200);
      await page.locator(rows).first().waitFor({ timeout: 60_000 });
      assert.ok((await page.locator(rows).count()) > 0);

      await page.goto(`${url}?view=customer`);
      await page.locator(rows).first().waitFor({ timeout: 60_000 });
      const statuses = await page.locator(`${rows} [part~="status-badge"]`).allTextContents();
      assert.ok(statuses.length > 0);
      assert.ok(
        !statuses.some((s) => /draft/i.test(s)),
        `no draft in the customer's view: ${statuses}`,
      );
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });

  test('two browsers share the data: a write from a stale copy gets the server’s conflict', async () => {
    const session = await (await fetch(new URL('demo-session.json', url))).json();
    const api = new URL(session.apiBaseUrl, url);
    const drafts = await (
      await fetch(new URL('invoices?status=DRAFT&limit=1', api), {
        headers: { authorization: `Bearer ${session.tokens.operator}` },
      })
    ).json();
    const id = drafts.items[0].id;
    const browser = await launchChromium();
    try {
      // Two contexts: two browsers (no storage, no BroadcastChannel between them).
      const open = async () => {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${url}?invoice=${encodeURIComponent(id)}`);
        await page.locator('status-updater [part="select"]').waitFor({ timeout: 60_000 });
        return page;
      };
      const change = async (page) => {
        await page.locator('status-updater [part="select"]').selectOption('OPEN');
        await page.locator('status-updater [part="button"]').click();
        await page.locator('status-updater [part="confirm-button"]').click();
      };
      const first = await open();
      const second = await open();
      await change(first);
      await first
        .locator('status-updater [part="message"][data-kind="success"]')
        .waitFor({ timeout: 30_000 });
      await change(second);
      const conflict = second.locator('status-updater [part="message"][data-kind="conflict"]');
      await conflict.waitFor({ timeout: 30_000 });
      assert.match((await conflict.textContent()) ?? '', /Reload/);
      // The server applied the first write only.
      const now = await (
        await fetch(new URL(`invoices/${encodeURIComponent(id)}`, api), {
          headers: { authorization: `Bearer ${session.tokens.operator}` },
        })
      ).json();
      assert.equal(now.status, 'OPEN');
      assert.equal(now.history.filter((h) => h.to === 'OPEN').length, 1);
    } finally {
      await browser.close();
    }
  });
});
