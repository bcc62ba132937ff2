// Issue 20, the consumer matrix: a React 19 host app (test/hosts/react19/). The packed tarball,
// react and react-dom 19 installed into a temp copy; the TSX checked by tsc (`jsx: react-jsx`,
// the package's invoice-elements/react-jsx types; with the negative file, tsconfig.wrong.json),
// built for production by the repository's Vite (no React plugin), served under the strict CSP
// and driven through the whole page (test/package/host-harness.mjs; in Chromium, Firefox ESR and WebKit). Plus the negative type
// test (src/wrong.tsx).
//
// Runs under Node after the build: `npm run build && node --test test/package/host-react.test.mjs`.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchChromium } from '../../scripts/chromium.mjs';
import {
  TOOLS,
  assertDirectivesBite,
  hostApp,
  run,
  hostEngines,
  workflowIn,
  serve,
} from './host-harness.mjs';

let host;
let server;
let browser;
const timings = {};
const started = Date.now();

describe('a React 19 host app, built for production from the packed tarball', () => {
  before(async () => {
    host = hostApp('react19', timings);
    run(process.execPath, [TOOLS.vite, 'build'], host.app, timings);
    server = await serve(path.join(host.app, 'dist'));
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    host?.remove();
    console.log(`host-react: ${Date.now() - started} ms (${JSON.stringify(timings)})`);
  });

  test('tsc accepts the app and src/wrong.tsx; each wrong property type or event detail there fails it', () => {
    // tsconfig.wrong.json: the app's strict config over src/, src/wrong.tsx included.
    const cases = assertDirectivesBite(host.app, TOOLS.tsc, 'src/wrong.tsx', '@ts-expect-error');
    assert.equal(cases, 4);
  });

  for (const engine of hostEngines()) {
    test(`the whole page in ${engine}: open, DRAFT → OPEN, CSV, PDF, made in the workers, under the strict CSP`, async () => {
      const { workers, problems } = await workflowIn(engine, server.url, {
        label: 'host-react',
        browser: engine === 'chromium' ? browser : undefined,
        worker: true,
      });
      for (const w of workers) assert.match(w, /^\/assets\/(pdf|csv)\.worker-[\w-]+\.js$/);
      assert.deepEqual(
        problems,
        [],
        `no CSP violation, error or failed request (${server.requests})`,
      );
    });
  }
});
