// Writes on PGlite: If-Match → 412 with the current version; idempotency keys (a replay, even
// concurrent or on another instance, answers the first answer and applies once); transitions
// and "never back to DRAFT" enforced by the database itself, even for direct SQL.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createServer, migrate, sqlState } from '../dist/index.js';
import { checkContract, sharedServer, writeHeaders } from './support.mjs';

describe('writes', () => {
  let s;
  before(async () => {
    s = await sharedServer();
  });

  /** A seeded invoice of reseller-1 in `status` that no other test of this file uses. */
  const used = new Set();
  async function take(status) {
    const { rows } = await s.db.query(
      `SELECT id, status, version FROM invoices WHERE reseller_id = 'reseller-1' AND status = $1
     AND allowed_targets IS NULL ORDER BY id`,
      [status],
    );
    const row = rows.find((r) => !used.has(r.id));
    assert.ok(row, `a free ${status} invoice`);
    used.add(row.id);
    return row;
  }

  async function stored(id) {
    const { rows } = await s.db.query(
      'SELECT status, version, jsonb_array_length(history) AS changes FROM invoices WHERE id = $1',
      [id],
    );
    return rows[0];
  }

  function changeStatus(row, to, key, version = `v${row.version}`, server = s) {
    return server.request(`/invoices/${row.id}/status`, {
      token: s.operator(),
      method: 'POST',
      headers: writeHeaders(version, key),
      body: { to, notify: false },
    });
  }

  describe('versions', () => {
    test('a stale If-Match is 412 with the current version, and nothing changes', async () => {
      const row = await take('OPEN');
      const before = await stored(row.id);
      for (const stale of [`v${row.version + 1}`, 'v0', 'garbage', `W/"v${row.version + 7}"`]) {
        const response = await changeStatus(row, 'VOID', `stale-${stale}`, stale);
        assert.equal(response.status, 412, stale);
        assert.equal(response.headers.get('ETag'), `"v${row.version}"`);
        const body = await checkContract('updateStatus', response);
        assert.equal(body.error.kind, 'conflict');
        assert.equal(body.error.currentVersion, `v${row.version}`);
      }
      const discard = await s.request(`/invoices/${row.id}`, {
        token: s.operator(),
        method: 'DELETE',
        headers: writeHeaders('v99', 'stale-discard'),
      });
      assert.equal(discard.status, 412);
      await checkContract('discardInvoice', discard);
      assert.deepEqual(await stored(row.id), before);
    });

    test('an unquoted If-Match is accepted', async () => {
      const row = await take('OPEN');
      const response = await s.request(`/invoices/${row.id}/status`, {
        token: s.operator(),
        method: 'POST',
        headers: { 'If-Match': `v${row.version}`, 'Idempotency-Key': 'unquoted' },
        body: { to: 'CLOSED', notify: false },
      });
      assert.equal(response.status, 200);
      assert.equal((await checkContract('updateStatus', response)).status, 'CLOSED');
    });

    test('concurrent changes of one version: exactly one applies, the others are 412', async () => {
      const row = await take('OPEN');
      const before = await stored(row.id);
      const answers = await Promise.all(
        ['VOID', 'CLOSED', 'VOID', 'CLOSED', 'VOID'].map((to, i) =>
          changeStatus(row, to, `race-${i}`),
        ),
      );
      const statuses = answers.map((r) => r.status).sort();
      assert.deepEqual(statuses, [200, 412, 412, 412, 412]);
      for (const r of answers) await checkContract('updateStatus', r);
      const after = await stored(row.id);
      assert.equal(after.version, row.version + 1);
      assert.equal(after.changes, before.changes + 1);
    });

    test('missing headers and bad bodies are 400', async () => {
      const row = await take('OPEN');
      const cases = [
        [{ 'Idempotency-Key': 'k-no-if-match' }, { to: 'VOID', notify: false }],
        [{ 'If-Match': `"v${row.version}"` }, { to: 'VOID', notify: false }],
        [writeHeaders(`v${row.version}`, 'bad-to'), { to: 'PAID', notify: false }],
        [writeHeaders(`v${row.version}`, 'bad-notify'), { to: 'VOID', notify: 'yes' }],
        [writeHeaders(`v${row.version}`, 'extra'), { to: 'VOID', notify: false, by: 'me' }],
        [writeHeaders(`v${row.version}`, 'not-json'), '{to:'],
      ];
      for (const [headers, body] of cases) {
        const response = await s.request(`/invoices/${row.id}/status`, {
          token: s.operator(),
          method: 'POST',
          headers,
          body,
        });
        assert.equal(response.status, 400, JSON.stringify([headers, body]));
        assert.equal((await checkContract('updateStatus', response)).error.kind, 'validation');
      }
      assert.equal((await stored(row.id)).version, row.version);
    });
  });

  describe('transitions', () => {
    test('a target not allowed is 422 invalid-transition with the allowed targets', async () => {
      const closed = await take('CLOSED');
      for (const to of ['OPEN', 'VOID', 'DRAFT']) {
        const response = await changeStatus(closed, to, `closed-to-${to}`);
        assert.equal(response.status, 422, to);
        const body = await checkContract('updateStatus', response);
        assert.equal(body.error.kind, 'invalid-transition');
        assert.deepEqual(body.error.allowedTargets, []);
      }
      const open = await take('OPEN');
      const back = await changeStatus(open, 'DRAFT', 'open-to-draft');
      assert.equal(back.status, 422);
      assert.deepEqual((await checkContract('updateStatus', back)).error.allowedTargets, [
        'VOID',
        'CLOSED',
      ]);
    });

    test('a reason (issue 25) is kept in the history; required for VOID when the invoice says so', async () => {
      const post = (row, body, key) =>
        s.request(`/invoices/${row.id}/status`, {
          token: s.operator(),
          method: 'POST',
          headers: writeHeaders(`v${row.version}`, key),
          body,
        });
      const open = await take('OPEN');
      const voided = await checkContract(
        'updateStatus',
        await post(
          open,
          { to: 'VOID', notify: false, reason: '  Duplicate of INV-1  ' },
          'reason-1',
        ),
      );
      assert.equal(voided.history.at(-1).reason, 'Duplicate of INV-1');

      const other = await take('OPEN');
      const tooLong = await post(
        other,
        { to: 'VOID', notify: false, reason: 'x'.repeat(501) },
        'reason-2',
      );
      assert.equal(tooLong.status, 422);
      assert.equal((await checkContract('updateStatus', tooLong)).error.field, 'reason');
      const notText = await post(other, { to: 'VOID', notify: false, reason: 7 }, 'reason-3');
      assert.equal(notText.status, 400);
      await checkContract('updateStatus', notText);

      await s.db.query(
        `UPDATE invoices SET body = body || '{"voidReasonRequired": true}'::jsonb WHERE id = $1`,
        [other.id],
      );
      for (const [reason, key] of [
        [undefined, 'reason-4'],
        ['   ', 'reason-5'],
      ]) {
        const missing = await post(
          other,
          { to: 'VOID', notify: false, ...(reason === undefined ? {} : { reason }) },
          key,
        );
        assert.equal(missing.status, 422, JSON.stringify(reason));
        assert.equal((await checkContract('updateStatus', missing)).error.field, 'reason');
      }
      assert.equal((await stored(other.id)).status, 'OPEN');
      const given = await post(
        other,
        { to: 'VOID', notify: false, reason: 'Customer cancelled' },
        'reason-6',
      );
      assert.equal((await checkContract('updateStatus', given)).status, 'VOID');
      // Not needed for CLOSED.
      const third = await take('OPEN');
      await s.db.query(
        `UPDATE invoices SET body = body || '{"voidReasonRequired": true}'::jsonb WHERE id = $1`,
        [third.id],
      );
      assert.equal((await post(third, { to: 'CLOSED', notify: false }, 'reason-7')).status, 200);
    });

    test('only a draft can be discarded (422 otherwise)', async () => {
      const open = await take('OPEN');
      const response = await s.request(`/invoices/${open.id}`, {
        token: s.operator(),
        method: 'DELETE',
        headers: writeHeaders(`v${open.version}`, 'discard-open'),
      });
      assert.equal(response.status, 422);
      const body = await checkContract('discardInvoice', response);
      assert.equal(body.error.kind, 'invalid-transition');
      assert.equal((await stored(open.id)).status, 'OPEN');
    });

    test('the database refuses back to DRAFT and other moves, even with direct SQL', async () => {
      const open = await take('OPEN');
      const closed = await take('CLOSED');
      const refused = async (sql, params, why) => {
        await assert.rejects(s.db.query(sql, params), (error) => {
          assert.equal(sqlState(error), '23514', why);
          return true;
        });
      };
      await refused(
        `UPDATE invoices SET status = 'DRAFT' WHERE id = $1`,
        [open.id],
        'OPEN → DRAFT',
      );
      await refused(
        `UPDATE invoices SET status = 'OPEN' WHERE id = $1`,
        [closed.id],
        'CLOSED → OPEN',
      );
      await refused(
        `UPDATE invoices SET allowed_targets = ARRAY['DRAFT'] WHERE id = $1`,
        [open.id],
        'DRAFT as an allowed target',
      );
      await refused(
        `INSERT INTO status_transitions (from_status, to_status) VALUES ('VOID', 'DRAFT')`,
        [],
        'a transition to DRAFT',
      );
      await refused(`DELETE FROM invoices WHERE id = $1`, [open.id], 'deleting a non-draft');
      // An invoice's own targets widen the table, but never to DRAFT.
      await s.db.query(`UPDATE invoices SET allowed_targets = ARRAY['OPEN'] WHERE id = $1`, [
        closed.id,
      ]);
      await s.db.query(`UPDATE invoices SET status = 'OPEN' WHERE id = $1`, [closed.id]);
      await refused(
        `UPDATE invoices SET status = 'DRAFT' WHERE id = $1`,
        [closed.id],
        'never DRAFT',
      );
      assert.equal((await stored(open.id)).status, 'OPEN');
    });
  });

  describe('idempotency', () => {
    test('a replay answers the first answer and applies once, even after a later change', async () => {
      const row = await take('DRAFT');
      const first = await checkContract('updateStatus', await changeStatus(row, 'OPEN', 'once-1'));
      const replay = await changeStatus(row, 'OPEN', 'once-1');
      assert.equal(replay.status, 200);
      assert.equal(replay.headers.get('ETag'), `"${first.version}"`);
      assert.deepEqual(await checkContract('updateStatus', replay), first);
      assert.deepEqual(await stored(row.id), {
        status: 'OPEN',
        version: row.version + 1,
        changes: first.history.length,
      });
      // Changed since by another intent: the replay still answers the first answer.
      await checkContract('updateStatus', await changeStatus(row, 'VOID', 'once-2', first.version));
      assert.deepEqual(
        await checkContract('updateStatus', await changeStatus(row, 'OPEN', 'once-1')),
        first,
      );
      assert.equal((await stored(row.id)).version, row.version + 2);
    });

    test('concurrent replays of one key apply once and all answer the same', async () => {
      const row = await take('DRAFT');
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => changeStatus(row, 'OPEN', 'concurrent-key')),
      );
      const bodies = [];
      for (const r of answers) {
        assert.equal(r.status, 200);
        bodies.push(await checkContract('updateStatus', r));
      }
      for (const b of bodies) assert.deepEqual(b, bodies[0]);
      assert.equal((await stored(row.id)).version, row.version + 1);
    });

    test('a replay on another instance over the same database answers the first answer', async () => {
      const row = await take('DRAFT');
      const other = createServer({ db: s.db, tokens: s.tokens, log: () => undefined });
      const { url } = await other.listen(0, '127.0.0.1');
      try {
        const first = await checkContract(
          'updateStatus',
          await changeStatus(row, 'OPEN', 'two-instances'),
        );
        const replay = await fetch(`${url}/invoices/${row.id}/status`, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${s.operator()}`,
            'Content-Type': 'application/json',
            ...writeHeaders(`v${row.version}`, 'two-instances'),
          },
          body: JSON.stringify({ to: 'OPEN', notify: false }),
        });
        assert.deepEqual(await checkContract('updateStatus', replay), first);
        assert.equal((await stored(row.id)).version, row.version + 1);
      } finally {
        await other.close();
      }
    });

    test('a key reused for another request is 422 validation, nothing applied', async () => {
      const row = await take('DRAFT');
      await checkContract('updateStatus', await changeStatus(row, 'OPEN', 'reused'));
      const other = await take('DRAFT');
      const response = await changeStatus(other, 'OPEN', 'reused');
      assert.equal(response.status, 422);
      const body = await checkContract('updateStatus', response);
      assert.deepEqual([body.error.kind, body.error.field], ['validation', 'Idempotency-Key']);
      assert.equal((await stored(other.id)).status, 'DRAFT');
    });

    test('a discard replayed answers 204 again; a failed write does not use up its key', async () => {
      const row = await take('DRAFT');
      const discard = (version) =>
        s.request(`/invoices/${row.id}`, {
          token: s.operator(),
          method: 'DELETE',
          headers: writeHeaders(version, 'discard-key'),
        });
      const stale = await discard('v99');
      assert.equal(stale.status, 412);
      await checkContract('discardInvoice', stale);
      assert.equal((await discard(`v${row.version}`)).status, 204);
      const replay = await discard(`v${row.version}`);
      assert.equal(replay.status, 204);
      await checkContract('discardInvoice', replay);
      assert.equal(await stored(row.id), undefined);
    });

    test('keys are scoped by reseller: the same key elsewhere is another intent', async () => {
      const mine = await take('DRAFT');
      await checkContract('updateStatus', await changeStatus(mine, 'OPEN', 'shared-key'));
      const { rows } = await s.db.query(
        `SELECT id, version FROM invoices WHERE reseller_id = 'reseller-2' AND status = 'DRAFT' LIMIT 1`,
      );
      const theirs = rows[0];
      const response = await s.request(`/invoices/${theirs.id}/status`, {
        token: s.operator('reseller-2'),
        method: 'POST',
        headers: writeHeaders(`v${theirs.version}`, 'shared-key'),
        body: { to: 'OPEN', notify: false },
      });
      assert.equal(response.status, 200);
      assert.equal((await checkContract('updateStatus', response)).id, theirs.id);
    });
  });

  describe('migrations', () => {
    test('are applied once and recorded', async () => {
      assert.deepEqual(await migrate(s.db), []);
      const { rows } = await s.db.query(
        'SELECT version, name FROM schema_migrations ORDER BY version',
      );
      assert.deepEqual(rows[0], { version: 1, name: '001_schema.sql' });
    });
  });
});
