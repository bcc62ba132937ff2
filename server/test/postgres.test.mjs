// The server's own suites (every file here that starts its server through support.mjs) run
// again on a real PostgreSQL (Debian's package, a throwaway cluster: postgres/cluster.mjs), each
// file on a fresh database of it, given as TEST_DATABASE_URL. PostgreSQL missing or not starting
// fails this test, naming the cause (.ci/run installs it).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startPostgres } from './postgres/cluster.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const SUITES = readdirSync(here)
  .filter((f) => f.endsWith('.test.mjs'))
  .filter((f) => /from '\.\/support\.mjs'/.test(readFileSync(`${here}${f}`, 'utf8')))
  .sort();

function runSuite(file, databaseUrl) {
  return new Promise((resolve) => {
    // A test run of its own (not a subtest of this one: no NODE_TEST_CONTEXT).
    const env = { ...process.env };
    delete env.NODE_TEST_CONTEXT;
    const child = spawn(process.execPath, ['--test', '--test-reporter=tap', `${here}${file}`], {
      env: { ...env, TEST_DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (c) => (output += c));
    child.stderr.setEncoding('utf8').on('data', (c) => (output += c));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('the server suites on a real PostgreSQL', { timeout: 300_000 }, () => {
  let postgres;
  before(async () => {
    postgres = await startPostgres();
  });
  after(async () => {
    await postgres?.stop();
  });

  test('there are suites to run', () => {
    assert.ok(SUITES.length > 0, 'no server/test/*.test.mjs imports support.mjs');
  });

  for (const [n, file] of SUITES.entries()) {
    test(file, async (t) => {
      const url = await postgres.createDatabase(`suite_${n}`);
      const { code, output } = await runSuite(file, url);
      const counts = /# pass (\d+)[\s\S]*# fail (\d+)/.exec(output);
      assert.equal(code, 0, `${file} on PostgreSQL failed:\n${output.slice(-4000)}`);
      // It did run on this database: the server migrated and seeded it.
      const invoices = Number(await postgres.psql('SELECT count(*) FROM invoices', url));
      assert.ok(invoices > 0, `${file} left no invoices in its PostgreSQL database`);
      t.diagnostic(`${counts?.[1] ?? '?'} passed, ${counts?.[2] ?? '?'} failed on PostgreSQL`);
    });
  }
});
