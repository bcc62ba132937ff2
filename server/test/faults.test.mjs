// Proof under faults (issue 24): the server process is killed (SIGKILL) while writes are in
// flight, then started again on the same data. Nothing it acknowledged is lost (status, version,
// history, and the idempotency key's answer), and every write that was in flight is either
// wholly applied (the change, its history entry and its key's answer) or not at all: replaying
// its key after the restart answers 200 with one history entry, never two. On embedded PGlite
// (the data directory) and on a real PostgreSQL.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { snapshot } from './load/contend.mjs';
import { answerOf, getInvoice, intent, listAll, send } from './load/http.mjs';
import { devToken, startInstance } from './load/instances.mjs';
import { startPostgres } from './postgres/cluster.mjs';

const WRITES = 30;
const AT_ONCE = 6;
/** The process is killed once this many writes were acknowledged. */
const KILL_AFTER = 5;

async function killMidWrite(database) {
  let instance = await startInstance(database);
  try {
    const token = await devToken(instance, { role: 'operator' });
    const drafts = await listAll(instance.url, token, { status: 'DRAFT', sort: 'documentId' });
    const ids = drafts.slice(0, WRITES).map((d) => d.id);
    assert.ok(ids.length >= 10, `the seed has drafts (${ids.length})`);
    const initial = await snapshot(instance.url, token, ids);
    const writes = ids.map((id) => ({ ...intent(id, 'OPEN', initial.get(id).version) }));

    // Writes AT_ONCE at a time; SIGKILL as soon as KILL_AFTER are acknowledged.
    let acknowledged = 0;
    let killed;
    const queue = [...writes];
    const worker = async () => {
      for (let write = queue.shift(); write && !killed; write = queue.shift()) {
        write.sent = true;
        try {
          write.answer = answerOf(await send(instance.url, token, write));
        } catch {
          write.answer = 'network';
        }
        if (write.answer.startsWith('200') && ++acknowledged === KILL_AFTER) {
          killed = instance.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: AT_ONCE }, worker));
    assert.ok(killed, `killed after ${KILL_AFTER} acknowledged writes`);
    const exit = await killed;
    assert.equal(exit.signal, 'SIGKILL');

    instance = await startInstance(database);
    const acked = writes.filter((w) => w.answer?.startsWith('200'));
    const inFlight = writes.filter((w) => w.sent && !w.answer?.startsWith('200'));
    for (const w of acked) assert.notEqual(w.answer, 'network');
    const problems = [];
    let appliedInFlight = 0;
    for (const w of writes) {
      const before = initial.get(w.invoiceId);
      const now = await getInvoice(instance.url, token, w.invoiceId);
      const added = now.body.history.length - before.history.length;
      const applied = now.body.status === 'OPEN';
      if (
        applied !== (added === 1) ||
        (!applied && (added !== 0 || now.body.version !== before.version))
      )
        problems.push(
          `${w.invoiceId}: half applied: ${now.body.status} ${now.body.version}, ${added} history entries added`,
        );
      if (acked.includes(w) && !w.answer.endsWith(` OPEN ${now.body.version}`))
        problems.push(
          `${w.invoiceId}: acknowledged (${w.answer}) but now ${now.body.status} ${now.body.version}`,
        );
      if (!w.sent) continue;
      if (inFlight.includes(w) && applied) appliedInFlight++;
      // The client retries with the same key: the first answer, or the change applied now; once.
      const replay = answerOf(await send(instance.url, token, w));
      const after = await getInvoice(instance.url, token, w.invoiceId);
      if (!replay.startsWith('200') || after.body.history.length - before.history.length !== 1)
        problems.push(
          `${w.invoiceId}: replay after restart answered ${replay}, history +${after.body.history.length - before.history.length}`,
        );
      if (acked.includes(w) && replay !== w.answer)
        problems.push(`${w.invoiceId}: replay answered ${replay}, first answer ${w.answer}`);
    }
    assert.deepEqual(problems, []);
    return { acked: acked.length, inFlight: inFlight.length, appliedInFlight };
  } finally {
    await instance.kill();
  }
}

describe(
  'faults: the server killed mid-write, restarted on the same data',
  { timeout: 180_000 },
  () => {
    const cleanups = [];
    after(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
    });

    test('embedded PGlite (the data directory)', async (t) => {
      const dir = mkdtempSync(join(tmpdir(), 'invoice-faults-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      const r = await killMidWrite({ dataDir: join(dir, 'pglite') });
      t.diagnostic(
        `${r.acked} acknowledged, ${r.inFlight} in flight (${r.appliedInFlight} of them applied)`,
      );
    });

    test('a real PostgreSQL', async (t) => {
      const postgres = await startPostgres();
      cleanups.push(() => postgres.stop());
      const r = await killMidWrite({ url: postgres.url });
      t.diagnostic(
        `${r.acked} acknowledged, ${r.inFlight} in flight (${r.appliedInFlight} of them applied)`,
      );
    });
  },
);
