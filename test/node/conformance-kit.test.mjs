// The BUILT conformance kit (dist/testing.js) in node's test runner (issue 23): the suite glue
// registers one test per check, passes them against the built MemoryBackend, skips what the
// fixture cannot do with the reason through `t.skip(reason)`, fails a broken rule with its
// report; and the kit stays out of the elements' files. Needs `npm run build` first.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
if (!existsSync(path.join(dist, 'testing.js'))) throw new Error('Run `npm run build` first.');

const { CONFORMANCE_CHECKS, defineConformanceSuite, memoryConformanceFixture } = await import(
  path.join(dist, 'testing.js')
);
const { MemoryBackend } = await import(path.join(dist, 'adapters/memory.js'));

// The real glue: one node:test test per check, against the built MemoryBackend.
defineConformanceSuite({ describe, it }, () => {
  const memory = new MemoryBackend({ invoices: [] });
  return { backend: memory, fixture: memoryConformanceFixture(memory) };
});

/** A runner that records what the suite registers, and runs a test with a node:test-like `t`. */
function recordingRunner() {
  const tests = [];
  return {
    tests,
    api: {
      describe: (_name, body) => body(),
      it: (name, fn) => tests.push({ name, fn }),
    },
    async run(name) {
      const found = tests.find((t) => t.name.startsWith(`${name}:`));
      const skips = [];
      let error;
      try {
        await found.fn.call(undefined, { skip: (reason) => skips.push(reason) });
      } catch (e) {
        error = e;
      }
      return { skips, error };
    },
  };
}

test('one test per check, named by id and rule; a missing hook is a skip with its reason', async () => {
  const runner = recordingRunner();
  const memory = new MemoryBackend({ invoices: [] });
  const { reset, createInvoice } = memoryConformanceFixture(memory);
  defineConformanceSuite(runner.api, { backend: memory, fixture: { reset, createInvoice } });
  assert.equal(runner.tests.length, CONFORMANCE_CHECKS.length);
  assert.match(runner.tests[0].name, /^customers\.search: searchCustomers finds/);
  const skipped = await runner.run('aborts.while-waiting');
  assert.equal(skipped.error, undefined);
  assert.deepEqual(skipped.skips, [
    'Skipped: the fixture has no faults.hangNext; the fixture has no faults.attempts.',
  ]);
  const passed = await runner.run('filters.period');
  assert.deepEqual([passed.skips, passed.error], [[], undefined]);
});

test('a broken rule fails its test with the rule, the call and the answer', async () => {
  const runner = recordingRunner();
  const memory = new MemoryBackend({ invoices: [] });
  // Lists drafts to the customer: the audience is dropped.
  const broken = Object.create(memory);
  broken.listInvoices = (query, options) =>
    memory.listInvoices({ ...query, audience: 'operator' }, options);
  const { reset, createInvoice } = memoryConformanceFixture(memory);
  defineConformanceSuite(runner.api, () => ({
    backend: broken,
    fixture: { reset, createInvoice },
  }));
  const { error } = await runner.run('audience.list-has-no-draft');
  assert.ok(error, 'the test failed');
  assert.match(
    error.message,
    /^FAILED audience\.list-has-no-draft: The customer is never listed a draft/,
  );
  assert.match(
    error.message,
    /request: listInvoices\(\{"text":"CK[A-Z]{6}","audience":"customer"\}\)/,
  );
  assert.match(error.message, /What the customer audience is listed: expected \[/);
});

test('the elements and the main entries do not import the kit', () => {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    assert.doesNotMatch(code, /ConformanceFailure|runConformance/, `${file} has kit code`);
    for (const [, spec] of code.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      visit(path.join(path.dirname(file), spec));
    }
  };
  for (const entry of ['index.js', 'define.js', 'core.js', 'exports.js'])
    visit(path.join(dist, entry));
  for (const tag of ['invoice-table', 'invoice-viewer', 'status-updater', 'download-menu']) {
    visit(path.join(dist, `components/${tag}.js`));
  }
  assert.ok(seen.size > 10, `followed the imports (${seen.size} files)`);
});

test('the kit imports no Lit and no MemoryBackend', () => {
  const code = readFileSync(path.join(dist, 'testing.js'), 'utf8');
  assert.doesNotMatch(code, /from\s*["']lit/);
  assert.doesNotMatch(code, /memory-backend|adapters\/memory/);
});
