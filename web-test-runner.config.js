// Browser tests: system Chromium, TypeScript through esbuild, msw's worker served at the root.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { createServer } from 'node:net';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';
import { redirectServer } from './test/adapters/redirect-server.mjs';

/** A port the system says is free: two suites at once (or a dev server on 8000) never collide. */
const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const commonjs = fromRollup(rollupCommonjs);
const chromeArgs = ['--headless=new', ...CHROMIUM_ARGS];

export default {
  files: process.env.WTR_FILES ? process.env.WTR_FILES.split(',') : ['test/**/*.test.ts'],
  port: await freePort(),
  nodeResolve: { exportConditions: ['browser'] },
  concurrency: 2,
  testsFinishTimeout: 600_000,
  testFramework: { config: { timeout: 20_000 } },
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: CHROMIUM_PATH, args: chromeArgs },
      // Each test page gets its own browser context (its own window): a page in a background
      // tab never lays out, and the row windows need layout to place rows.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
    }),
  ],
  middleware: [
    function serveMswWorker(context, next) {
      if (context.url === '/mockServiceWorker.js') {
        context.url = '/test/public/mockServiceWorker.js';
      }
      return next();
    },
    redirectServer,
  ],
  plugins: [
    esbuildPlugin({ ts: true, target: 'auto', tsconfig: './tsconfig.json' }),
    commonjs({
      include: ['**/node_modules/papaparse/**'],
      ignore: ['stream'],
      strictRequires: false,
    }),
  ],
};
