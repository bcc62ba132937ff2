// The package's own RestBackend (src/adapters/rest), wrapped in withValidation as the elements
// wrap it, against the server over real HTTP: what a host gets when it points the elements at
// the server (server/README.md). Bundled for Node with esbuild at test time.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { build } from 'esbuild';
import { makeInvoices } from './fixture-invoices.mjs';
import { sharedServer } from './support.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

async function loadRestBackend(dir) {
  const entry = join(dir, 'entry.ts');
  await writeFile(
    entry,
    `export { RestBackend } from ${JSON.stringify(join(root, 'src/adapters/rest/rest-backend.ts'))};
     export { withValidation } from ${JSON.stringify(join(root, 'src/core/validate.ts'))};
     export { BackendError } from ${JSON.stringify(join(root, 'src/core/errors.ts'))};`,
  );
  const outfile = join(dir, 'rest.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'error',
  });
  return import(pathToFileURL(outfile).href);
}

describe('RestBackend against the server', () => {
  let s, dir, lib;
  before(async () => {
    s = await sharedServer();
    dir = await mkdtemp(join(tmpdir(), 'rest-backend-'));
    lib = await loadRestBackend(dir);
  });
  after(() => dir && rm(dir, { recursive: true, force: true }));

  const backend = (token, options = {}) =>
    lib.withValidation(
      new lib.RestBackend({ baseUrl: s.url, getToken: async () => token, retries: 0, ...options }),
    );

  test('lists, reads, changes a status, and meets the conflict path', async () => {
    const operator = backend(s.operator());
    const page = await operator.listInvoices({ statuses: ['DRAFT'], limit: 5 });
    assert.ok(page.items.length > 0);
    const draft = await operator.getInvoice(page.items[0].id);
    const customer = await operator.getCustomer(draft.customer.id);
    assert.equal(customer.id, draft.customer.id);
    const opened = await operator.updateStatus({
      invoiceId: draft.id,
      to: 'OPEN',
      notify: false,
      expectedVersion: draft.version,
      idempotencyKey: `rest-${draft.id}`,
    });
    assert.equal(opened.status, 'OPEN');
    await assert.rejects(
      operator.updateStatus({
        invoiceId: draft.id,
        to: 'VOID',
        notify: false,
        expectedVersion: draft.version,
        idempotencyKey: `rest-stale-${draft.id}`,
      }),
      (error) =>
        error instanceof lib.BackendError &&
        error.kind === 'conflict' &&
        error.currentVersion === opened.version,
    );
    assert.equal(await operator.download(draft.id, 'pdf'), null, 'the browser makes the file');
  });

  test('batchStatus: true sends the batch; each result as one write would answer', async () => {
    const [a, b] = await makeInvoices(s, 'rest-batch-cus', [{}, {}]);
    const operator = backend(s.operator(), { batchStatus: true });
    assert.equal(typeof operator.updateStatuses, 'function');
    const updates = [
      {
        invoiceId: a,
        to: 'VOID',
        notify: false,
        expectedVersion: 'v1',
        idempotencyKey: 'rb-a',
        reason: 'Twice',
      },
      { invoiceId: b, to: 'CLOSED', notify: false, expectedVersion: 'v9', idempotencyKey: 'rb-b' },
    ];
    const [voided, stale] = await operator.updateStatuses(updates);
    assert.equal(voided.invoice.status, 'VOID');
    assert.equal(voided.invoice.history.at(-1).reason, 'Twice');
    assert.ok(stale.error instanceof lib.BackendError);
    assert.equal(stale.error.kind, 'conflict');
    assert.equal(stale.error.currentVersion, 'v1');
    // Sent again (a retry): the first answers, nothing applied twice.
    const [replayed] = await operator.updateStatuses(updates.slice(0, 1));
    assert.equal(replayed.invoice.version, voided.invoice.version);
    await assert.rejects(
      backend(s.customer('rest-batch-cus'), { batchStatus: true }).updateStatuses(updates),
      (e) => e.kind === 'forbidden',
    );
  });

  test('listInvoices carries the totals of the whole list', async () => {
    await makeInvoices(s, 'rest-totals-cus', [{}, { total: { minor: 250, currency: 'EUR' } }]);
    const page = await backend(s.operator()).listInvoices({
      customerId: 'rest-totals-cus',
      limit: 1,
    });
    assert.equal(page.items.length, 1);
    assert.deepEqual(page.totals, {
      byCurrency: [
        { currency: 'EUR', minor: 250 },
        { currency: 'USD', minor: 100 },
      ],
    });
  });

  test('a customer token: no drafts, whatever audience the adapter sends', async () => {
    const { rows } = await s.db.query(
      `SELECT id, customer_id FROM invoices WHERE status = 'DRAFT' AND reseller_id = 'reseller-1' ORDER BY id LIMIT 1`,
    );
    const customer = backend(s.customer(rows[0].customer_id));
    const page = await customer.listInvoices({ audience: 'operator', limit: 1000 });
    assert.ok(
      page.items.every((i) => i.status !== 'DRAFT' && i.customer.id === rows[0].customer_id),
    );
    await assert.rejects(
      customer.getInvoice(rows[0].id, { audience: 'operator' }),
      (e) => e.kind === 'not-found',
    );
    await assert.rejects(
      backend('forged.token').listInvoices({}),
      (e) => e.kind === 'unauthorized',
    );
  });
});
