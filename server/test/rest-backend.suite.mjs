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

  const backend = (token) =>
    lib.withValidation(
      new lib.RestBackend({ baseUrl: s.url, getToken: async () => token, retries: 0 }),
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
