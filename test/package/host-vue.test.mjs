// Issue 20, the consumer matrix: a Vue 3 host app (test/hosts/vue3/). The packed tarball, vue
// and @vitejs/plugin-vue installed into a temp copy (the plugin uses the repository's Vite,
// linked); the SFCs checked by `vue-tsc` (the package's invoice-elements/vue GlobalComponents
// types; with the negative file, tsconfig.wrong.json), built for production, served under the
// strict CSP and driven through the whole page (test/package/host-harness.mjs; in Chromium, Firefox ESR and WebKit). Plus the
// negative type test (src/Wrong.vue).
//
// Runs under Node after the build: `npm run build && node --test test/package/host-vue.test.mjs`.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  TOOLS,
  assertDirectivesBite,
  policyTrusting,
  run,
  builtHost,
  workflowTests,
} from './host-harness.mjs';

// Vue's runtime creates a Trusted Types policy of its own, `vue`, at load (for its innerHTML
// of static content): a strict Vue host lists it next to ours (docs/CSP.md).
const VUE_POLICY = policyTrusting('vue');

describe('a Vue 3 host app (SFCs, vue-tsc), built for production from the packed tarball', () => {
  const ctx = builtHost(
    'vue3',
    (app, timings) => {
      run(process.execPath, [TOOLS.vite, 'build'], app, timings);
    },
    { link: ['vite'], policy: VUE_POLICY },
  );

  test('vue-tsc accepts the app and src/Wrong.vue; each wrong property type or event detail there fails it', () => {
    // tsconfig.wrong.json: the app's strict config over src/, src/Wrong.vue included.
    const cases = assertDirectivesBite(
      ctx.host.app,
      TOOLS.vueTsc,
      'src/Wrong.vue',
      '@vue-expect-error',
    );
    assert.equal(cases, 4);
  });

  workflowTests(ctx, 'host-vue', /^\/assets\/(pdf|csv)\.worker-[\w-]+\.js$/);
});
