// Issue 20, the consumer matrix in three engines: one small driver interface over playwright-core
// (the system Chromium), puppeteer-core (Firefox ESR over WebDriver BiDi) and webdriverio
// (WebKitGTK's MiniBrowser through WebKitWebDriver under Xvfb: scripts/webkit.mjs), so that
// `runWorkflow` (test/package/host-harness.mjs) drives the same built host app in each.
//
// Elements are found in the page (`query` below: through open shadow roots, by CSS and text)
// and returned as element handles, which each engine then clicks natively (real pointer input).
//
//   driver.goto(url)                      load the page (and, outside Chromium, the recorder)
//   driver.count(steps) / text(steps)     how many elements match / the first one's text
//   driver.waitFor(steps, what)           until an element matches (a failure names `what`)
//   driver.click(steps)                   a native click on the first match
//   driver.select(steps, value)           choose `value` in the first matching <select>
//   driver.press(key)                     a real key press on the focused element ('End',
//                                         'PageUp'; with modifiers held: 'Control+End')
//   driver.download(action)               run `action` (clicks); the file saved: { name, bytes }
//   driver.evaluate(fn, arg)              a function of the page, its JSON result
//   driver.waitUntil(fn, arg, what)       until a function of the page returns truthy
//   driver.workers()                      the paths of the workers the page started
//   driver.problems()                     errors, CSP violations, failed requests seen
//   driver.notes                          what this engine checks differently (printed)
//   driver.close()
//
// A step is `[css]` or `[css, text]`: the elements matching `css` (searched in the previous
// step's matches, their shadow roots included) whose text (shadow text included) has `text`.
//
// What differs by engine (docs/CONTRIBUTING.md, "Host apps (the consumer matrix)"):
// - Chromium: downloads are the browser's own (Playwright's download event, the saved file
//   read back), workers come from the protocol's worker events, problems from the console,
//   page errors and the network.
// - Firefox and WebKit: neither puppeteer's BiDi nor WebDriver classic reports downloads or
//   workers, so a recorder is added to the page after it loads: a click on an `<a download>`
//   is recorded (its name and the Blob behind its object URL) and its default (the browser's
//   save) prevented; each `new Worker` is recorded; `securitypolicyviolation`, `error` and
//   `unhandledrejection` events are problems. Firefox also reports console errors, page errors
//   and failed requests (BiDi); WebKit reports nothing of its own, the recorder is all.
import { Buffer } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { launchChromium } from '../../scripts/chromium.mjs';
import { MINIBROWSER_PATH, missingWebkit, webkitProcesses } from '../../scripts/webkit.mjs';

export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const TIMEOUT = 20_000;
/** The named keys `press` uses, as WebDriver codes them (WebDriver, "Keyboard actions"). */
const WEBDRIVER_KEYS = {
  Home: '\uE011',
  End: '\uE010',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  Control: '\uE009',
};

/**
 * Runs in the page (serialised: self-contained). `op`: 'find' (the first match), 'count' or
 * 'text' (the first match's text, null when none).
 */
function query({ op, steps }) {
  const skip = new Set(['STYLE', 'SCRIPT', 'TEMPLATE']);
  const text = (node) =>
    node.nodeType === Node.TEXT_NODE
      ? node.data
      : node.nodeType === Node.ELEMENT_NODE && skip.has(node.nodeName)
        ? ''
        : [...(node.shadowRoot?.childNodes ?? []), ...node.childNodes].map(text).join('');
  const within = (root, css) => {
    const found = [];
    const walk = (node) => {
      for (const el of node.querySelectorAll('*')) {
        if (el.matches(css)) found.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    if (root.shadowRoot) walk(root.shadowRoot);
    walk(root);
    return found;
  };
  let matches = [document];
  for (const [css, has] of steps) {
    matches = [...new Set(matches.flatMap((root) => within(root, css)))].filter(
      (el) => has === undefined || text(el).includes(has),
    );
  }
  if (op === 'count') return matches.length;
  if (op === 'exists') return matches.length > 0;
  if (op === 'text') return matches[0] ? text(matches[0]).replace(/\s+/g, ' ').trim() : null;
  return matches[0] ?? null;
}

/** Runs in the page: whether Trusted Types are enforced (a script URL sink refuses a string). */
function trustedTypesEnforced() {
  try {
    document.createElement('script').src = '/never-loaded.js';
    return false;
  } catch {
    return true;
  }
}

/** Runs in the page (Firefox, WebKit): records downloads, workers and problems (see the top). */
function installRecorder() {
  if (window.hostRecorder) return;
  const recorder = { downloads: [], workers: [], problems: [] };
  window.hostRecorder = recorder;
  const blobs = new Map();
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = (object) => {
    const url = createObjectURL.call(URL, object);
    blobs.set(url, object);
    return url;
  };
  window.addEventListener(
    'click',
    (event) => {
      const [a] = event.composedPath();
      if (a instanceof HTMLAnchorElement && a.hasAttribute('download')) {
        event.preventDefault();
        recorder.downloads.push({ name: a.download, blob: blobs.get(a.href) ?? null });
      }
    },
    true,
  );
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      super(url, options);
      recorder.workers.push(new URL(String(url), location.href).pathname);
    }
  };
  document.addEventListener('securitypolicyviolation', (e) =>
    recorder.problems.push(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
  );
  window.addEventListener('error', (e) => recorder.problems.push(`page error: ${e.message}`));
  window.addEventListener('unhandledrejection', (e) =>
    recorder.problems.push(`unhandled rejection: ${e.reason}`),
  );
}

/** Runs in the page: the recorded download number `index` as { name, base64 } (or null). */
async function recordedDownload(index) {
  const entry = window.hostRecorder?.downloads[index];
  if (!entry?.blob) return entry ? { name: entry.name, base64: null } : null;
  const url = await new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(entry.blob);
  });
  return { name: entry.name, base64: String(url).slice(String(url).indexOf(',') + 1) };
}

/** The parts every recorder-based driver shares, over `evaluate(fn, arg)` and `waitUntil`. */
function recorded(driver) {
  return {
    async download(action) {
      const before = await driver.evaluate(() => window.hostRecorder.downloads.length);
      await action();
      await driver.waitUntil(
        (n) => window.hostRecorder.downloads.length > n,
        before,
        'a download (an <a download> clicked)',
      );
      const file = await driver.evaluate(recordedDownload, before);
      if (!file?.base64) throw new Error(`download ${file?.name} had no Blob behind its URL`);
      return { name: file.name, bytes: Buffer.from(file.base64, 'base64') };
    },
    workers: () => driver.evaluate(() => window.hostRecorder.workers),
    recordedProblems: () => driver.evaluate(() => window.hostRecorder?.problems ?? []),
  };
}

/** The condition helpers every driver builds on its own `waitUntil` and `evaluate`. */
function withQueries(driver) {
  return Object.assign(driver, {
    count: (steps) => driver.evaluate(query, { op: 'count', steps }),
    text: (steps) => driver.evaluate(query, { op: 'text', steps }),
    waitFor: (steps, what = JSON.stringify(steps)) =>
      driver.waitUntil(query, { op: 'exists', steps }, what),
    trustedTypesEnforced: () => driver.evaluate(trustedTypesEnforced),
  });
}

/** A page that records errors, failed requests and the workers it starts. */
export async function openPage(browser) {
  const context = await browser.newContext({ acceptDownloads: true, locale: 'en-US' });
  const page = await context.newPage();
  const problems = [];
  const workers = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // CSP and Trusted Types violations are reported as console errors.
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
  return { context, page, problems, workers };
}

/** Chromium (playwright-core), on `browser` (launched when not given). */
export async function chromiumDriver(browser) {
  const own = !browser;
  browser ??= await launchChromium();
  const { context, page, problems, workers } = await openPage(browser);
  const handle = async (steps) => {
    const found = await page.evaluateHandle(query, { op: 'find', steps });
    const element = found.asElement();
    if (!element) throw new Error(`no element for ${JSON.stringify(steps)}`);
    return element;
  };
  const driver = {
    engine: 'Chromium',
    notes: [],
    goto: (url) => page.goto(url),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    press: (key) => page.keyboard.press(key),
    waitUntil: async (fn, arg, what) => {
      try {
        await page.waitForFunction(fn, arg, { timeout: TIMEOUT });
      } catch (error) {
        throw new Error(`Chromium: waited for ${what}: ${error.message}`);
      }
    },
    click: async (steps) => (await handle(steps)).click(),
    select: async (steps, value) => (await handle(steps)).selectOption(value),
    download: async (action) => {
      const saved = page.waitForEvent('download', { timeout: TIMEOUT });
      await action();
      const file = await saved;
      return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
    },
    workers: async () => workers,
    problems: async () => problems,
    close: async () => {
      await context.close();
      if (own) await browser.close();
    },
  };
  return withQueries(driver);
}

/** Firefox ESR (puppeteer-core over WebDriver BiDi), as web-test-runner.firefox.config.js. */
export async function firefoxDriver() {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  const handle = async (steps) => {
    const found = await page.evaluateHandle(query, { op: 'find', steps });
    const element = found.asElement();
    if (!element) throw new Error(`no element for ${JSON.stringify(steps)}`);
    return element;
  };
  const driver = {
    engine: 'Firefox',
    notes: [
      'downloads and workers recorded in the page (BiDi reports neither); the browser’s own save is not exercised',
    ],
    goto: async (url) => {
      await page.goto(url);
      await page.evaluate(installRecorder);
    },
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    // Puppeteer presses one key: modifiers ('Control+End') are held down around it.
    press: async (keys) => {
      const modifiers = keys.split('+');
      const key = modifiers.pop();
      for (const m of modifiers) await page.keyboard.down(m);
      await page.keyboard.press(key);
      for (const m of modifiers.reverse()) await page.keyboard.up(m);
    },
    waitUntil: async (fn, arg, what) => {
      try {
        await page.waitForFunction(fn, { timeout: TIMEOUT }, arg);
      } catch (error) {
        throw new Error(`Firefox: waited for ${what}: ${error.message}`);
      }
    },
    click: async (steps) => (await handle(steps)).click(),
    select: async (steps, value) => (await handle(steps)).select(value),
    problems: async () => [...problems, ...(await rec.recordedProblems())],
    close: () => browser.close(),
  };
  const rec = recorded(driver);
  Object.assign(driver, { download: rec.download, workers: rec.workers });
  return withQueries(driver);
}

/** WebKit: MiniBrowser through WebKitWebDriver on its own Xvfb (scripts/webkit.mjs). */
export async function webkitDriver() {
  const missing = missingWebkit();
  if (missing.length > 0) {
    throw new Error(`WebKit: missing ${missing.map(([p, pkg]) => `${p} (${pkg})`).join(', ')}`);
  }
  const { remote } = await import('webdriverio');
  const processes = webkitProcesses();
  let browser;
  try {
    const display = await processes.startXvfb();
    const port = await processes.startDriver(display);
    browser = await remote({
      hostname: '127.0.0.1',
      port,
      logLevel: 'error',
      capabilities: {
        // No browserName: WebKitWebDriver matches none when the binary comes from
        // webkitgtk:browserOptions (web-test-runner.webkit.config.js).
        'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] },
      },
    });
  } catch (error) {
    await processes.cleanup();
    throw error;
  }
  const element = async (steps) => {
    const found = await browser.execute(query, { op: 'find', steps });
    if (!found) throw new Error(`no element for ${JSON.stringify(steps)}`);
    // webdriverio returns an element reference for an element (as an element object or raw).
    return found.elementId ? found : browser.$(found);
  };
  const driver = {
    engine: 'WebKit',
    notes: [
      'downloads and workers recorded in the page (WebDriver reports neither); the browser’s own save is not exercised',
      'no console or network log in WebDriver classic: problems are the in-page CSP violation and error events',
    ],
    goto: async (url) => {
      await browser.url(url);
      await browser.execute(installRecorder);
    },
    evaluate: (fn, arg) => browser.execute(fn, arg),
    // WebDriver's key codes (its `keys` takes characters; these are the named keys').
    // All pressed in order, then released: 'Control+End' is Ctrl+End.
    press: (keys) => browser.keys(keys.split('+').map((key) => WEBDRIVER_KEYS[key] ?? key)),
    waitUntil: async (fn, arg, what) => {
      await browser.waitUntil(async () => Boolean(await browser.execute(fn, arg)), {
        timeout: TIMEOUT,
        interval: 100,
        timeoutMsg: `WebKit: waited ${TIMEOUT} ms for ${what}`,
      });
    },
    click: async (steps) => (await element(steps)).click(),
    select: async (steps, value) => {
      // A WebDriver click on an <option> selects it (WebDriver's element click).
      await (await element([...steps, [`option[value="${value}"]`]])).click();
    },
    problems: () => rec.recordedProblems(),
    close: async () => {
      try {
        await browser.deleteSession();
      } finally {
        await processes.cleanup();
      }
    },
  };
  const rec = recorded(driver);
  Object.assign(driver, { download: rec.download, workers: rec.workers });
  return withQueries(driver);
}

export const ENGINES = {
  chromium: chromiumDriver,
  firefox: firefoxDriver,
  webkit: webkitDriver,
};
