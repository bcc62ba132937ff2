// Issue 20, the consumer matrix: an esbuild host app (test/hosts/esbuild/). The packed tarball
// installed into a temp copy; the TypeScript checked by tsc, bundled by the repository's esbuild
// for production (ES modules, code splitting, minified), served under the strict CSP and driven
// through the whole page (test/package/host-harness.mjs; in Chromium, Firefox ESR and WebKit).
//
// The workers: esbuild leaves `new URL('../workers/x.worker.js', import.meta.url)` as it is
// (it bundles no worker and copies no asset), so the URL points next to the output directory.
// The host copies the package's dist/workers/ there (what docs/CSP.md tells an esbuild host):
// both exports then run in workers. Without the copy the workers 404, and the same files are
// made on the main thread (`worker: false`): the second test asserts that path.
//
// Runs under Node after the build: `npm run build && node --test test/package/host-esbuild.test.mjs`.
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  TOOLS,
  assertDirectivesBite,
  builtScripts,
  run,
  workflowIn,
  builtHost,
  workflowTests,
} from './host-harness.mjs';

describe('an esbuild host app, built for production from the packed tarball', () => {
  const ctx = builtHost('esbuild', (app, timings) => {
    run(process.execPath, [TOOLS.tsc, '-p', '.'], app, timings);
    const dist = path.join(app, 'dist');
    const esbuildArgs = ['src/main.ts', '--bundle', '--format=esm', '--splitting', '--minify'];
    run(TOOLS.esbuild, [...esbuildArgs, '--target=es2022', '--outdir=dist/assets'], app, timings);
    cpSync(
      path.join(app, 'node_modules/invoice-elements/dist/workers'),
      path.join(dist, 'workers'),
      {
        recursive: true,
        filter: (src) => !src.endsWith('.map'),
      },
    );
    copyFileSync(path.join(app, 'index.html'), path.join(dist, 'index.html'));
  });

  test("esbuild kept the workers' URLs, relative to its chunks", () => {
    const code = builtScripts(path.join(ctx.host.app, 'dist/assets'))
      .map((s) => s.code)
      .join('\n');
    assert.match(code, /new URL\("\.\.\/workers\/pdf\.worker\.js",import\.meta\.url\)/);
    assert.match(code, /new URL\("\.\.\/workers\/csv\.worker\.js",import\.meta\.url\)/);
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

  workflowTests(ctx, 'host-esbuild', /^\/workers\/(pdf|csv)\.worker\.js$/);

  test('without the copied workers: the same files, made on the page (worker: false)', async () => {
    rmSync(path.join(ctx.host.app, 'dist/workers'), { recursive: true, force: true });
    const { details, problems } = await workflowIn('chromium', ctx.server.url, {
      label: 'host-esbuild, no workers',
      browser: ctx.browser,
      worker: false,
    });
    for (const d of details) assert.match(d.workerError, /worker/i);
    // The only problems: the two workers' 404s.
    assert.ok(
      problems.length > 0 && problems.every((p) => /\/workers\/(csv|pdf)\.worker\.js/.test(p)),
      `${problems}`,
    );
  });
});
