// The optional batch POST /invoices/status (docs/ADAPTERS.md "Batch status change"): each update
// is one status change (its version, transition, reason and idempotency key), results in order,
// an item's refusal its own result; an operator only; at most 500 updates.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { makeInvoices } from './fixture-invoices.mjs';
import { checkContract, sharedServer, writeHeaders } from './support.mjs';

describe('batch status change', () => {
  let s;
  before(async () => {
    s = await sharedServer();
  });

  let made = 0;
  /** `n` fresh invoices (OPEN unless `over` says), each its own customer-free document ID. */
  const fresh = (n, over = {}) =>
    makeInvoices(
      s,
      `batch-cus-${++made}`,
      Array.from({ length: n }, () => over),
    );

  async function stored(id) {
    const { rows } = await s.db.query(
      'SELECT status, version, history FROM invoices WHERE id = $1',
      [id],
    );
    return rows[0];
  }

  const update = (invoiceId, to, key, over = {}) => ({
    invoiceId,
    to,
    notify: false,
    expectedVersion: 'v1',
    idempotencyKey: key,
    ...over,
  });

  const batch = (updates, token = s.operator()) =>
    s.request('/invoices/status', { token, method: 'POST', body: { updates } });

  async function results(updates) {
    const response = await batch(updates);
    assert.equal(response.status, 200, await response.clone().text());
    return (await checkContract('updateStatuses', response)).results;
  }

  test('applies every update, one result per update in order', async () => {
    const [a, b, c] = await fresh(3);
    const answer = await results([
      update(a, 'CLOSED', 'happy-a'),
      update(b, 'VOID', 'happy-b', { reason: '  Billed twice  ' }),
      update(c, 'CLOSED', 'happy-c', { notify: true }),
    ]);
    assert.deepEqual(
      answer.map((r) => [r.invoiceId, r.invoice?.status, r.invoice?.version, r.error]),
      [
        [a, 'CLOSED', 'v2', undefined],
        [b, 'VOID', 'v2', undefined],
        [c, 'CLOSED', 'v2', undefined],
      ],
    );
    const voided = await stored(b);
    assert.equal(voided.status, 'VOID');
    assert.equal(voided.history.at(-1).reason, 'Billed twice');
    assert.equal((await stored(c)).history.at(-1).notified, true);
  });

  test('a stale version or a refused transition fails that update only', async () => {
    const [a, b, c] = await fresh(3);
    const [closed] = await fresh(1, { status: 'CLOSED' });
    const answer = await results([
      update(a, 'CLOSED', 'mid-a'),
      update(b, 'CLOSED', 'mid-b', { expectedVersion: 'v7' }),
      update(closed, 'OPEN', 'mid-closed'),
      update(c, 'VOID', 'mid-c'),
    ]);
    assert.equal(answer[0].invoice.status, 'CLOSED');
    assert.deepEqual(answer[1], {
      invoiceId: b,
      error: {
        kind: 'conflict',
        message: 'The invoice was changed by someone else.',
        currentVersion: 'v1',
      },
    });
    assert.equal(answer[2].error.kind, 'invalid-transition');
    assert.deepEqual(answer[2].error.allowedTargets, []);
    assert.equal(answer[3].invoice.status, 'VOID');
    assert.deepEqual(
      [await stored(b), await stored(closed)].map((r) => [r.status, r.version]),
      [
        ['OPEN', 1],
        ['CLOSED', 1],
      ],
    );
  });

  test('a replayed key answers the first answer and applies once, as the single write', async () => {
    const [a, b] = await fresh(2);
    const updates = [update(a, 'CLOSED', 'replay-a'), update(b, 'VOID', 'replay-b')];
    const first = await results(updates);
    const again = await results(updates);
    assert.deepEqual(again, first);
    for (const id of [a, b]) {
      const row = await stored(id);
      assert.equal(row.version, 2);
      assert.equal(row.history.length, 1, 'changed once');
    }
    // A key of a single write replays in a batch too (the same code path), and the reverse.
    const [c] = await fresh(1);
    const single = await s.request(`/invoices/${c}/status`, {
      token: s.operator(),
      method: 'POST',
      headers: writeHeaders('v1', 'replay-single'),
      body: { to: 'CLOSED', notify: false },
    });
    assert.equal(single.status, 200);
    const [viaBatch] = await results([update(c, 'CLOSED', 'replay-single')]);
    assert.deepEqual(viaBatch.invoice, await single.json());
    // The same key for another change is that update's validation error.
    const [reused] = await results([update(c, 'VOID', 'replay-single')]);
    assert.equal(reused.error.kind, 'validation');
    assert.equal((await stored(c)).version, 2);
  });

  test('a VOID needing a reason without one is refused for that update', async () => {
    const [a] = await fresh(1);
    await s.db.query(
      `UPDATE invoices SET body = body || '{"voidReasonRequired": true}'::jsonb WHERE id = $1`,
      [a],
    );
    const [refused] = await results([update(a, 'VOID', 'reason-none')]);
    assert.equal(refused.error.kind, 'validation');
    assert.equal(refused.error.field, 'reason');
    const [voided] = await results([update(a, 'VOID', 'reason-given', { reason: 'Duplicate' })]);
    assert.equal(voided.invoice.status, 'VOID');
  });

  test('a customer token is 403 and changes nothing; a bad body or over 500 updates is 400', async () => {
    const [a] = await fresh(1);
    const refused = await batch([update(a, 'CLOSED', 'cust-a')], s.customer('batch-cus-0'));
    assert.equal(refused.status, 403);
    assert.equal((await checkContract('updateStatuses', refused)).error.kind, 'forbidden');
    assert.equal((await stored(a)).version, 1);

    const tooMany = Array.from({ length: 501 }, (_, i) => update(a, 'CLOSED', `many-${i}`));
    const bad = [
      [tooMany, 'updates'],
      [[update(a, 'LOST', 'bad-to')], 'updates[0].to'],
      [[{ ...update(a, 'CLOSED', 'bad-x'), extra: 1 }], 'updates[0].extra'],
      [[update(a, 'CLOSED', '')], 'updates[0].idempotencyKey'],
      ['nope', 'updates'],
    ];
    for (const [updates, field] of bad) {
      const response = await batch(updates);
      assert.equal(response.status, 400, field);
      assert.equal((await checkContract('updateStatuses', response)).error.field, field);
    }
    assert.equal((await stored(a)).version, 1);
    const none = await batch([], s.operator());
    assert.deepEqual(await checkContract('updateStatuses', none), { results: [] });
  });
});
