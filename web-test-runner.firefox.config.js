// The same browser suite in Firefox ESR (issue 10): the main config's files, plugins and
// middleware, with puppeteer driving the system Firefox (puppeteer never downloads a browser:
// see .puppeteerrc.cjs). Run: wtr --config web-test-runner.firefox.config.js --static-logging
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import base from './web-test-runner.config.js';

const executablePath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

export default {
  ...base,
  // One Firefox at a time: two instances on a 2-core CI machine time out more than they gain.
  concurrency: 1,
  browsers: [
    puppeteerLauncher({
      launchOptions: { browser: 'firefox', executablePath, headless: true },
    }),
  ],
};
