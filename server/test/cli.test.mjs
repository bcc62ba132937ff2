// `node server/dist/main.js` honours PORT, HOST, DATA_DIR, DEV_TOKENS; PGlite keeps the data in
// DATA_DIR across a stop and a start (migrations and seed run once).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const dataDir = await mkdtemp(join(tmpdir(), 'invoice-server-'));
after(() => rm(dataDir, { recursive: true, force: true }));

/** Starts the CLI; resolves when it prints its URL, with the child and everything printed. */
function start() {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DEV_TOKENS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const m = /server on PGlite: (http:\/\/\S+)/.exec(output);
      if (m) resolve({ child, url: m[1], output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}

function stop(child) {
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

async function operatorToken(url) {
  const response = await fetch(`${new URL(url).origin}/dev/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{"role":"operator"}',
  });
  return (await response.json()).token;
}

test('serves, stops on SIGTERM, and starts again on the same data', async () => {
  const first = await start();
  assert.match(first.output(), /migrations applied: 001_schema.sql/);
  assert.match(first.output(), /seeded \d+ invoices/);
  const token = await operatorToken(first.url);
  const auth = { Authorization: `Bearer ${token}` };
  const page = await (
    await fetch(`${first.url}/invoices?status=DRAFT&limit=1`, { headers: auth })
  ).json();
  const draft = page.items[0];
  const changed = await fetch(`${first.url}/invoices/${draft.id}/status`, {
    method: 'POST',
    headers: {
      ...auth,
      'Content-Type': 'application/json',
      'If-Match': `"${draft.version}"`,
      'Idempotency-Key': 'cli-1',
    },
    body: JSON.stringify({ to: 'OPEN', notify: false }),
  });
  assert.equal(changed.status, 200);
  const total = page.total;
  assert.equal(await stop(first.child), 0);

  const second = await start();
  try {
    assert.doesNotMatch(second.output(), /migrations applied|seeded/);
    const token2 = await operatorToken(second.url);
    const again = await fetch(`${second.url}/invoices/${draft.id}`, {
      headers: { Authorization: `Bearer ${token2}` },
    });
    assert.equal((await again.json()).status, 'OPEN');
    const drafts = await (
      await fetch(`${second.url}/invoices?status=DRAFT&limit=1`, {
        headers: { Authorization: `Bearer ${token2}` },
      })
    ).json();
    assert.equal(drafts.total, total - 1);
    // The first token was signed with the first process's random secret: refused now.
    assert.equal((await fetch(`${second.url}/invoices`, { headers: auth })).status, 401);
  } finally {
    await stop(second.child);
  }
});
