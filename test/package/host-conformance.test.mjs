// Issue 23, done when: a host project outside src/ installs the packed tarball, runs
// `invoice-elements/testing` against its own small adapter (test/hosts/conformance-host/: an
// array, not MemoryBackend) in node's test runner, and sees it pass. Its JavaScript is also
// type-checked against the packed declarations (`checkJs`). Then a copy with one rule broken
// (drafts listed to the customer) must fail that check by name: the run can fail.
//
// Runs under Node after the build: `npm run build && node --test test/package/host-conformance.test.mjs`.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { TOOLS, hostApp } from './host-harness.mjs';

let host;

/** Runs `node --test` in the app: `{ code, output }` (never throws on a failing run). */
function nodeTest(app) {
  // Without the parent runner's context: the host's `node --test` reports on its own.
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  try {
    const output = execFileSync(process.execPath, ['--test', '--test-reporter=tap'], {
      cwd: app,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, output };
  } catch (error) {
    return { code: error.status, output: `${error.stdout}${error.stderr}` };
  }
}

/** The `# pass N` style counts of a TAP report. */
const counts = (output) =>
  Object.fromEntries(
    [...output.matchAll(/^# (tests|pass|fail|skipped) (\d+)$/gm)].map(([, k, n]) => [k, +n]),
  );

before(() => {
  host = hostApp('conformance-host');
});

after(() => host?.remove());

test('the host’s own adapter passes the packed kit under node:test', () => {
  const { code, output } = nodeTest(host.app);
  assert.equal(code, 0, output);
  const c = counts(output);
  assert.equal(c.fail, 0, output);
  // Every check ran; the host has no download, getCustomer is there, no faults: those skip.
  assert.ok(c.pass >= 40, `${c.pass} checks passed:\n${output}`);
  assert.match(output, /ok \d+ - filters\.period: /);
  assert.match(
    output,
    /ok \d+ - faults\.malformed-answer: .*# SKIP Skipped: the fixture has no faults\.malformedNext/,
  );
});

test('its adapter and fixture type-check against the packed declarations', () => {
  const tsc = spawnSync(process.execPath, [TOOLS.tsc, '--noEmit', '-p', 'tsconfig.json'], {
    cwd: host.app,
    encoding: 'utf8',
  });
  assert.equal(tsc.status, 0, `tsc:\n${tsc.stdout}${tsc.stderr}`);
});

test('with a rule broken (drafts listed to the customer) the run fails on that check', () => {
  const file = path.join(host.app, 'src/array-backend.js');
  const source = readFileSync(file, 'utf8');
  const broken = source.replace("!(q.audience === 'customer' && i.status === 'DRAFT') &&", '');
  assert.notEqual(broken, source, 'the audience filter is where the test expects it');
  writeFileSync(file, broken);
  try {
    const { code, output } = nodeTest(host.app);
    assert.notEqual(code, 0, output);
    assert.match(output, /not ok \d+ - audience\.list-has-no-draft: /);
    assert.equal(counts(output).fail, 1, output);
  } finally {
    writeFileSync(file, source);
  }
});
