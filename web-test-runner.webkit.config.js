// The same browser suite in WebKit (issue 19): the main config's files, plugins and middleware,
// with @web/test-runner-webdriver driving WebKitGTK's MiniBrowser through WebKitWebDriver
// (Debian's webkit2gtk-driver and libwebkit2gtk-4.1-0). The driver and its X display (Xvfb) are
// started by scripts/test-webkit.mjs, which passes the driver's port in WEBKIT_WEBDRIVER_PORT.
// Run: npm run test:webkit  (one file: npm run test:webkit -- --files test/core/money.test.ts)
import { webdriverLauncher } from '@web/test-runner-webdriver';
import base from './web-test-runner.config.js';

const port = Number(process.env.WEBKIT_WEBDRIVER_PORT);
if (!port) {
  throw new Error(
    'WEBKIT_WEBDRIVER_PORT is not set: run the WebKit suite through `npm run test:webkit` ' +
      '(scripts/test-webkit.mjs starts Xvfb and WebKitWebDriver).',
  );
}
const miniBrowser =
  process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

const launcher = webdriverLauncher({
  hostname: '127.0.0.1',
  port,
  logLevel: 'error',
  capabilities: {
    // No browserName: WebKitWebDriver refuses to match one ("MiniBrowser", "webkit") when the
    // binary comes from webkitgtk:browserOptions, and reports "MiniBrowser" itself.
    'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation'] },
  },
});
// sendKeys({ type }) goes to webdriverio's keys(), which presses every key down and then every
// key up: a repeated character ("2001") is a second keyDown of a key already down, and WebKit
// types it once ("201"). One keys() call per key sends down, up, down, up.
const sendKeys = launcher.sendKeys.bind(launcher);
launcher.sendKeys = async (sessionId, keys) => {
  for (const key of keys) await sendKeys(sessionId, [key]);
};
// The launcher labels itself from the requested capabilities, which name no browser.
const initialize = launcher.initialize.bind(launcher);
launcher.initialize = async (config) => {
  await initialize(config);
  launcher.name = 'WebKit (MiniBrowser)';
};

export default {
  ...base,
  // WebKitWebDriver holds one session at a time; with concurrency 1 the launcher runs each test
  // file as a top-level page of that session (above 1 it would put files in iframes of one page).
  concurrency: 1,
  browsers: [launcher],
  middleware: [
    ...base.middleware,
    // All test files run in one MiniBrowser, one after another, and web-test-runner marks every
    // file it serves `cache-control: public, max-age=31536000`: a module that an earlier file
    // loaded then comes from WebKit's memory cache, and a worker's performance timeline has no
    // entry for it (the lazy-loading tests of exports/ read those entries). Chromium gets a fresh
    // browser context per file. Here nothing is stored: the runner's cache middleware sits
    // outside this one and sets its header after it, so the header is replaced as it is set.
    function noStore(context, next) {
      const { response } = context;
      const set = response.set.bind(response);
      response.set = (field, value) =>
        typeof field === 'string' && field.toLowerCase() === 'cache-control'
          ? set(field, 'no-store')
          : set(field, value);
      response.set('cache-control', 'no-store');
      return next();
    },
  ],
};
