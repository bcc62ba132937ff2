// The conformance kit (issues 18 and 23) against the reference server, through its command
// (`invoice-elements-conformance`, built by `npm run build`), with the server's test-fixture
// endpoints on (CONFORMANCE_FIXTURES=1): on embedded PGlite and on a real PostgreSQL. The
// command's exit code is the verdict; its JSON report gives the counts.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { devToken, startInstance } from './load/instances.mjs';
import { startPostgres } from './postgres/cluster.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).bin?.[
  'invoice-elements-conformance'
];
const command = bin && join(root, bin);
const skip = !bin
  ? 'this tree has no invoice-elements-conformance command (issue 23)'
  : !existsSync(command) && `${bin} is not built: run npm run build`;

function conform(baseUrl, token, jsonFile) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [command, baseUrl, '--token', token, '--json', jsonFile],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (c) => (output += c));
    child.stderr.setEncoding('utf8').on('data', (c) => (output += c));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('the conformance kit against the reference server', { skip, timeout: 240_000 }, () => {
  const cleanups = [];
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  async function check(t, database) {
    const instance = await startInstance(database, { env: { CONFORMANCE_FIXTURES: '1' } });
    cleanups.push(() => instance.kill());
    const dir = mkdtempSync(join(tmpdir(), 'invoice-conformance-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const token = await devToken(instance, { role: 'operator' });
    const { code, output } = await conform(instance.url, token, join(dir, 'report.json'));
    // The failed checks first (the whole report is long), then the report's end.
    const failed = output.split('\n').filter((line) => !/^\s*(PASS|SKIP)\b/.test(line));
    assert.equal(code, 0, `the kit failed against the server:\n${failed.join('\n').slice(-6000)}`);
    t.diagnostic(output.trim().split('\n').slice(-3).join(' | '));
  }

  test('on embedded PGlite', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'invoice-conformance-data-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    await check(t, { dataDir: join(dir, 'pglite') });
  });

  test('on a real PostgreSQL', async (t) => {
    const postgres = await startPostgres();
    cleanups.push(() => postgres.stop());
    await check(t, { url: postgres.url });
  });
});
