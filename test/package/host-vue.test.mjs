// Issue 20, the consumer matrix: a Vue 3 host app (test/hosts/vue3/). The packed tarball, vue
// and @vitejs/plugin-vue installed into a temp copy (the plugin uses the repository's Vite,
// linked); the SFCs checked by `vue-tsc` (the package's invoice-elements/vue GlobalComponents
// types; with the negative file, tsconfig.wrong.json), built for production, served under the
// strict CSP and driven through the whole page (test/package/host-harness.mjs; in Chromium, Firefox ESR and WebKit). Plus the
// negative type test (src/Wrong.vue).
//
// Runs under Node after the build: `npm run build && node --test test/package/host-vue.test.mjs`.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchChromium } from '../../scripts/chromium.mjs';
import {
  TOOLS,
  assertDirectivesBite,
  hostApp,
  policyTrusting,
  run,
  hostEngines,
  workflowIn,
  serve,
} from './host-harness.mjs';

// Vue's runtime creates a Trusted Types policy of its own, `vue`, at load (for its innerHTML
// of static content): a strict Vue host lists it next to ours (docs/CSP.md).
const VUE_POLICY = policyTrusting('vue');

let host;
let server;
let browser;
const timings = {};
const started = Date.now();

describe('a Vue 3 host app (SFCs, vue-tsc), built for production from the packed tarball', () => {
  before(async () => {
    host = hostApp('vue3', timings, { link: ['vite'] });
    run(process.execPath, [TOOLS.vite, 'build'], host.app, timings);
    server = await serve(path.join(host.app, 'dist'), { policy: VUE_POLICY });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    host?.remove();
    console.log(`host-vue: ${Date.now() - started} ms (${JSON.stringify(timings)})`);
  });

  test('vue-tsc accepts the app and src/Wrong.vue; each wrong property type or event detail there fails it', () => {
    // tsconfig.wrong.json: the app's strict config over src/, src/Wrong.vue included.
    const cases = assertDirectivesBite(
      host.app,
      TOOLS.vueTsc,
      'src/Wrong.vue',
      '@vue-expect-error',
    );
    assert.equal(cases, 4);
  });

  for (const engine of hostEngines()) {
    test(`the whole page in ${engine}: open, DRAFT → OPEN, CSV, PDF, made in the workers, under the strict CSP`, async () => {
      const { workers, problems } = await workflowIn(engine, server.url, {
        label: 'host-vue',
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
