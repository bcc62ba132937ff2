// Issue 20, the consumer matrix: a React 19 host app (test/hosts/react19/). The packed tarball,
// react and react-dom 19 installed into a temp copy; the TSX checked by tsc (`jsx: react-jsx`,
// the package's invoice-elements/react-jsx types; with the negative file, tsconfig.wrong.json),
// built for production by the repository's Vite (no React plugin), served under the strict CSP
// and driven through the whole page (test/package/host-harness.mjs; in Chromium, Firefox ESR and WebKit). Plus the negative type
// test (src/wrong.tsx).
//
// Runs under Node after the build: `npm run build && node --test test/package/host-react.test.mjs`.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TOOLS, assertDirectivesBite, run, builtHost, workflowTests } from './host-harness.mjs';

describe('a React 19 host app, built for production from the packed tarball', () => {
  const ctx = builtHost('react19', (app, timings) => {
    run(process.execPath, [TOOLS.vite, 'build'], app, timings);
  });

  test('tsc accepts the app and src/wrong.tsx; each wrong property type or event detail there fails it', () => {
    // tsconfig.wrong.json: the app's strict config over src/, src/wrong.tsx included.
    const cases = assertDirectivesBite(
      ctx.host.app,
      TOOLS.tsc,
      'src/wrong.tsx',
      '@ts-expect-error',
    );
    assert.equal(cases, 4);
  });

  workflowTests(ctx, 'host-react', /^\/assets\/(pdf|csv)\.worker-[\w-]+\.js$/);
});
