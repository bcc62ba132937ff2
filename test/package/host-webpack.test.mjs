// Issue 20, the consumer matrix: a webpack 5 host app (test/hosts/webpack/). The packed tarball,
// webpack and webpack-cli installed into a temp copy; the TypeScript checked and compiled by
// tsc, bundled by webpack for production (ES module output), served under the strict CSP and
// driven through the whole page (test/package/host-harness.mjs; in Chromium, Firefox ESR and WebKit).
//
// The workers: webpack makes a worker entry of `new Worker(new URL(…))` only where `Worker` is
// the global; ours is the package's Trusted Types wrapper under a local name (docs/CSP.md), so
// webpack takes the `new URL('../workers/x.worker.js', import.meta.url)` as an asset and emits
// the file as it is, hashed. The package's worker files import nothing, so the copy runs as a
// module worker: the test asserts that both exports ran in workers from webpack's output.
//
// Runs under Node after the build: `npm run build && node --test test/package/host-webpack.test.mjs`.
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  TOOLS,
  assertDirectivesBite,
  builtScripts,
  run,
  builtHost,
  workflowTests,
} from './host-harness.mjs';

describe('a webpack 5 host app, built for production from the packed tarball', () => {
  const ctx = builtHost('webpack', (app, timings) => {
    run(process.execPath, [TOOLS.tsc, '-p', '.'], app, timings);
    const cli = path.join(app, 'node_modules/webpack-cli/bin/cli.js');
    run(process.execPath, [cli, '--config', 'webpack.config.js'], app, timings);
    copyFileSync(path.join(app, 'index.html'), path.join(app, 'dist/index.html'));
  });

  test("webpack emitted the package's two worker files as files of its output", () => {
    const files = builtScripts(path.join(ctx.host.app, 'dist')).map((s) => s.file);
    assert.ok(
      files.some((f) => /^assets\/pdf\.worker\.\w+\.js$/.test(f)),
      `${files}`,
    );
    assert.ok(
      files.some((f) => /^assets\/csv\.worker\.\w+\.js$/.test(f)),
      `${files}`,
    );
  });

  test('tsc rejects a wrong property type or event detail (src/shared/wrong.ts)', () => {
    // tsconfig.wrong.json: the app's strict config with the negative file included.
    const cases = assertDirectivesBite(
      ctx.host.app,
      TOOLS.tsc,
      'src/shared/wrong.ts',
      '@ts-expect-error',
    );
    assert.equal(cases, 4);
  });

  workflowTests(ctx, 'host-webpack', /^\/assets\/(pdf|csv)\.worker\.\w+\.js$/);
});
