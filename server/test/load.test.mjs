// Proof under load (issue 24): many operators at once on the same invoices, each write sent
// several times with its idempotency key on different instances. At the end every intent was
// applied at most once (its replays answered its first answer), the applied ones form one chain
// of versions per invoice (no lost update), and the history holds exactly them. On embedded PGlite
// (one instance: PGlite is one process's database) and on a real PostgreSQL behind two instances
// and no balancer (the servers keep no state). Bounded: 10 invoices, 16 operators, < 60 s.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { contend, snapshot, verify } from './load/contend.mjs';
import { listAll } from './load/http.mjs';
import { devToken, startInstance } from './load/instances.mjs';
import { startPostgres } from './postgres/cluster.mjs';

const OPERATORS = 16;
const REPLAYS = 3;

/** Some drafts (open or discard) and some open invoices (void or close) of the operator. */
async function targets(base, token) {
  const drafts = await listAll(base, token, { status: 'DRAFT', sort: 'documentId' });
  const open = await listAll(base, token, { status: 'OPEN', sort: 'documentId' });
  return [...drafts.slice(0, 5), ...open.slice(0, 5)].map((i) => i.id);
}

/**
 * One round on fresh targets: every intent applied at most once, no lost update. Returns whether
 * the operators did contend (more intents than could apply) and the counts.
 */
async function round(bases, token) {
  const ids = await targets(bases[0], token);
  assert.ok(ids.length >= 6, `the seed has drafts and open invoices (${ids.length})`);
  const initial = await snapshot(bases[0], token, ids);
  const intents = await contend({
    bases,
    token,
    invoiceIds: ids,
    operators: OPERATORS,
    replays: REPLAYS,
  });
  const problems = await verify({ base: bases.at(-1), token, initial, intents });
  assert.deepEqual(problems, []);
  const applied = intents.filter((i) => /^(200|204)/.test(i.answers[0]));
  // Every invoice moved.
  assert.ok(
    applied.length >= ids.length,
    `every invoice changed at least once (${applied.length})`,
  );
  return {
    contended: intents.length > applied.length,
    intents: intents.length,
    applied: applied.length,
  };
}

/**
 * Rounds until one contended: whether sixteen operators collide is up to the scheduler, and a
 * round where each happened to read the version before the others wrote proves nothing about
 * conflicts. At most three rounds, each on the next drafts and open invoices.
 */
async function run(instances) {
  const bases = instances.map((i) => i.url);
  const token = await devToken(instances[0], { role: 'operator' });
  let counts;
  for (let n = 0; n < 3; n++) {
    counts = await round(bases, token);
    if (counts.contended) break;
  }
  // The run did contend: more intents than could apply.
  assert.ok(counts.contended, `${counts.intents} intents, ${counts.applied} applied`);
  return counts;
}

describe('load: concurrent operators on embedded PGlite', { timeout: 120_000 }, () => {
  let dir;
  let instance;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'invoice-load-'));
    instance = await startInstance({ dataDir: join(dir, 'pglite') });
  });
  after(async () => {
    await instance?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  test('each intent applies once, no update is lost', async (t) => {
    const counts = await run([instance]);
    t.diagnostic(`${counts.intents} intents × ${REPLAYS} sends, ${counts.applied} applied`);
  });
});

describe('load: two instances on one real PostgreSQL', { timeout: 120_000 }, () => {
  let postgres;
  const instances = [];
  before(async () => {
    postgres = await startPostgres();
    // One after the other: the first migrates and seeds, the second finds it done.
    instances.push(await startInstance({ url: postgres.url }));
    instances.push(await startInstance({ url: postgres.url }));
  });
  after(async () => {
    await Promise.all(instances.map((i) => i.kill()));
    await postgres?.stop();
  });

  test('each intent applies once across instances, no update is lost', async (t) => {
    const counts = await run(instances);
    t.diagnostic(
      `${counts.intents} intents × ${REPLAYS} sends on 2 instances, ${counts.applied} applied`,
    );
  });
});
