#!/usr/bin/env node
// Screenshots of the demo for the README (docs/screenshots/*.png), in the system Chromium.
//
//   node scripts/screenshots.mjs            # starts the demo's dev server on port 5199
//   DEMO_URL=http://localhost:5173/ node scripts/screenshots.mjs   # or uses a running demo
//
// The demo's data is generated up to last month (demo/data.ts) and kept in localStorage; each
// run starts from a fresh browser profile whose clock is fixed at TODAY, so the data, the
// table's default period and every date shown are the same whatever the real date. The view is
// set through the demo's URL (`?customer=…`), as a shared link would.
import { spawn } from 'node:child_process';
import { mkdir, stat } from 'node:fs/promises';
import { URL, fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const outDir = `${root}docs/screenshots/`;
const PORT = 5199;
/** The screenshots' "today": the demo's data then ends at 2026-10 (the pinned default data). */
const TODAY = new Date('2026-11-16T12:00:00Z');
/** The customer shown: the README's example customer. */
const CUSTOMER = 'cus-1';

/** Starts `vite` on the demo and resolves with its URL once it answers. */
async function startDemo() {
  const child = spawn(
    process.execPath,
    [
      `${root}node_modules/vite/bin/vite.js`,
      '--config',
      'demo/vite.config.ts',
      '--port',
      String(PORT),
      '--strictPort',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const url = `http://localhost:${PORT}/`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`the demo server exited:\n${output}`);
    try {
      if ((await fetch(url)).ok) return { url, stop: () => child.kill('SIGTERM') };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGTERM');
  throw new Error(`the demo server did not answer on ${url}:\n${output}`);
}

/** Waits until `fn` (run in the page) is truthy. */
const until = (page, fn, arg) => page.waitForFunction(fn, arg, { timeout: 20_000 });

const demo = process.env.DEMO_URL ? { url: process.env.DEMO_URL, stop() {} } : await startDemo();
const browser = await launchChromium();
try {
  await mkdir(outDir, { recursive: true });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    locale: 'en-US',
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  await context.clock.setFixedTime(TODAY);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${demo.url}?customer=${CUSTOMER}`);
  console.log(`today is ${TODAY.toISOString().slice(0, 10)} in the page; customer ${CUSTOMER}`);

  const shot = async (name, options = {}) => {
    const path = `${outDir}${name}.png`;
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300); // transitions, focus rings
    await page.screenshot({ path, ...options });
    const { size } = await stat(path);
    console.log(`${path.slice(root.length)}  ${(size / 1024).toFixed(0)} kB`);
  };

  // 1. The list: the customer (from the URL), the default period; wait for the rows.
  await page.locator('invoice-table [part="row"]:not(.placeholder)').first().waitFor();
  await shot('table');

  // 2. The viewer: open the first invoice whose status is OPEN (the demo scrolls it to the top).
  await page
    .locator('invoice-table [part="row"]')
    .filter({ has: page.locator('[part~="status-badge"]', { hasText: /^\W*Open$/ }) })
    .first()
    .locator('[part~="open-button"]')
    .click();
  await until(page, () =>
    document.querySelector('invoice-viewer')?.shadowRoot?.querySelector('[part="document-id"]'),
  );
  await shot('viewer');

  // 3. The status dialog: choose a target, UPDATE STATUS.
  const updater = page.locator('invoice-viewer status-updater');
  const select = updater.locator('[part~="select"]');
  const values = await select.locator('option').evaluateAll((o) => o.map((x) => x.value));
  await select.selectOption(values.find((v) => v === 'CLOSED') ?? values.find(Boolean));
  await updater.locator('[part~="button"]').click();
  await updater.locator('[part~="confirm-button"]').waitFor();
  await shot('status-dialog');
  await updater.locator('[part~="cancel-button"]').click();

  // 4. A reseller theme, dark (the host page follows the system), in Brazilian Portuguese.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.selectOption('#theme', 'nimbus dark');
  await page.selectOption('#lang', 'pt-BR');
  await until(page, () =>
    document
      .querySelector('invoice-viewer')
      ?.shadowRoot?.textContent?.match(/Rascunho|Aberto|Fechado|Anulado/),
  );
  await shot('theme-dark-pt-br');
} finally {
  await browser.close();
  demo.stop();
}
