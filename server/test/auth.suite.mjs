// Wrong tokens on every endpoint: none, malformed, forged, expired → 401; another reseller's
// operator, customer A asking for customer B, a customer asking `audience=operator` or for a
// draft by id or by download → never the data (404 by id, 403 for writes and for another
// customer's list). Every answer is checked against docs/openapi.yaml.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createTokens } from '../dist/index.js';
import { checkContract, sharedServer, writeHeaders } from './support.mjs';

describe('wrong tokens', () => {
  let s;
  /** Customer A (reseller-1, has a draft), customer B (reseller-1), their invoices. */
  let A, B, draftOfA, openOfA, invoiceOfB, draftOfB;

  before(async () => {
    s = await sharedServer();
    const pick = async (where) => {
      const { rows } = await s.db.query(
        `SELECT id, customer_id, status, version FROM invoices WHERE ${where} ORDER BY id LIMIT 1`,
      );
      assert.ok(rows[0], where);
      return rows[0];
    };
    draftOfA = await pick(`reseller_id = 'reseller-1' AND status = 'DRAFT'`);
    A = draftOfA.customer_id;
    openOfA = await pick(`customer_id = '${A}' AND status = 'OPEN'`);
    draftOfB = await pick(
      `reseller_id = 'reseller-1' AND status = 'DRAFT' AND customer_id <> '${A}'`,
    );
    B = draftOfB.customer_id;
    invoiceOfB = await pick(`customer_id = '${B}' AND status <> 'DRAFT'`);
  });

  /** One request per endpoint (operation id, path, options), on the given invoice and customer. */
  function endpoints(invoice, customerId, key) {
    return [
      ['searchCustomers', `/customers?q=${encodeURIComponent(customerId)}`, {}],
      ['getCustomer', `/customers/${encodeURIComponent(customerId)}`, {}],
      ['listInvoices', `/invoices?customerId=${encodeURIComponent(customerId)}`, {}],
      ['getInvoice', `/invoices/${invoice.id}`, {}],
      ['download', `/invoices/${invoice.id}/download/pdf`, {}],
      [
        'updateStatus',
        `/invoices/${invoice.id}/status`,
        {
          method: 'POST',
          headers: writeHeaders(`v${invoice.version}`, `${key}-status`),
          body: { to: invoice.status === 'DRAFT' ? 'OPEN' : 'VOID', notify: false },
        },
      ],
      [
        'discardInvoice',
        `/invoices/${invoice.id}`,
        { method: 'DELETE', headers: writeHeaders(`v${invoice.version}`, `${key}-discard`) },
      ],
    ];
  }

  async function unchanged(invoice) {
    const { rows } = await s.db.query('SELECT status, version FROM invoices WHERE id = $1', [
      invoice.id,
    ]);
    assert.deepEqual(rows[0], { status: invoice.status, version: invoice.version }, invoice.id);
  }

  describe('no valid token: 401 on every endpoint', () => {
    const cases = {
      'no Authorization header': () => ({}),
      'not a bearer token': () => ({ Authorization: 'Basic dXNlcjpwYXNz' }),
      'a malformed token': () => ({ Authorization: 'Bearer not-a-token' }),
      'an empty bearer': () => ({ Authorization: 'Bearer ' }),
      'a token signed with another secret': () => ({
        Authorization: `Bearer ${createTokens({ secret: 'another-secret-another-secret-0123456789' }).issue({ role: 'operator', resellerId: 'reseller-1' })}`,
      }),
      'a token whose claims were edited (role)': () => {
        const [payload, signature] = s.customer(A).split('.');
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
        const edited = Buffer.from(JSON.stringify({ ...claims, role: 'operator' })).toString(
          'base64url',
        );
        return { Authorization: `Bearer ${edited}.${signature}` };
      },
      'an expired token': () => ({
        Authorization: `Bearer ${s.tokens.issue({ role: 'operator', resellerId: 'reseller-1', ttlSeconds: -1 })}`,
      }),
    };
    for (const [name, auth] of Object.entries(cases)) {
      test(name, async () => {
        for (const [op, path, options] of endpoints(draftOfA, A, `no-token-${name}`)) {
          const response = await s.request(path, {
            ...options,
            headers: { ...options.headers, ...auth() },
          });
          assert.equal(response.status, 401, `${op} ${path}`);
          assert.equal(response.headers.get('WWW-Authenticate'), 'Bearer');
          const body = await checkContract(op, response);
          assert.equal(body.error.kind, 'unauthorized');
        }
        await unchanged(draftOfA);
      });
    }
  });

  describe('another reseller’s operator', () => {
    test('sees none of reseller-1’s customers or invoices, and changes nothing', async () => {
      const token = s.operator('reseller-2');
      for (const [op, path, options] of endpoints(draftOfA, A, 'other-reseller')) {
        const response = await s.request(path, { ...options, token });
        const body = await checkContract(op, response);
        if (op === 'searchCustomers') assert.deepEqual(body, [], path);
        else if (op === 'listInvoices') assert.equal(body.total, 0, path);
        else {
          assert.equal(response.status, 404, `${op} ${path}`);
          assert.equal(body.error.kind, 'not-found');
        }
      }
      await unchanged(draftOfA);
      const all = await checkContract(
        'listInvoices',
        await s.request('/invoices?limit=1000', { token }),
      );
      const { rows } = await s.db.query(
        `SELECT count(*)::integer AS n FROM invoices WHERE reseller_id = 'reseller-2'`,
      );
      assert.ok(rows[0].n > 0);
      assert.equal(all.total, rows[0].n);
      const customers = await s.db.query(
        `SELECT id FROM customers WHERE reseller_id = 'reseller-2'`,
      );
      const mine = new Set(customers.rows.map((r) => r.id));
      assert.ok(all.items.every((i) => mine.has(i.customer.id)));
    });
  });

  describe('a customer token', () => {
    test('customer A asking for customer B gets nothing of B', async () => {
      const token = s.customer(A);
      for (const [op, path, options] of endpoints(invoiceOfB, B, 'a-asks-b')) {
        const response = await s.request(path, { ...options, token });
        const body = await checkContract(op, response);
        if (op === 'searchCustomers') {
          assert.deepEqual(body, [], path);
        } else if (op === 'listInvoices' || op === 'updateStatus' || op === 'discardInvoice') {
          assert.equal(response.status, 403, `${op} ${path}`);
          assert.equal(body.error.kind, 'forbidden');
        } else {
          assert.equal(response.status, 404, `${op} ${path}`);
          assert.equal(body.error.kind, 'not-found');
        }
      }
      await unchanged(invoiceOfB);
    });

    test('sees only its own non-draft invoices, whatever the query says (audience=operator)', async () => {
      const token = s.customer(A);
      const { rows } = await s.db.query(
        `SELECT count(*)::integer AS n FROM invoices WHERE customer_id = $1 AND status <> 'DRAFT'`,
        [A],
      );
      for (const query of [
        '',
        '?audience=operator',
        '?audience=operator&status=DRAFT',
        '?status=DRAFT',
      ]) {
        const page = await checkContract(
          'listInvoices',
          await s.request(`/invoices${query}${query ? '&' : '?'}limit=1000`, { token }),
        );
        assert.ok(
          page.items.every((i) => i.customer.id === A && i.status !== 'DRAFT'),
          query,
        );
        if (!query.includes('DRAFT')) assert.equal(page.total, rows[0].n, query);
        else assert.equal(page.total, 0, query);
      }
      const customers = await checkContract(
        'searchCustomers',
        await s.request('/customers', { token }),
      );
      assert.deepEqual(
        customers.map((c) => c.id),
        [A],
      );
    });

    test('a draft is 404 by id and by download, even asking audience=operator', async () => {
      const token = s.customer(A);
      for (const path of [
        `/invoices/${draftOfA.id}`,
        `/invoices/${draftOfA.id}?audience=operator`,
        `/invoices/${draftOfA.id}/download/pdf`,
        `/invoices/${draftOfA.id}/download/csv?audience=operator`,
      ]) {
        const response = await s.request(path, { token });
        assert.equal(response.status, 404, path);
        const op = path.includes('download') ? 'download' : 'getInvoice';
        assert.equal((await checkContract(op, response)).error.kind, 'not-found');
      }
      const own = await checkContract(
        'getInvoice',
        await s.request(`/invoices/${openOfA.id}?audience=operator`, { token }),
      );
      assert.equal(own.id, openOfA.id);
      assert.ok(
        own.history.every((h) => h.from !== 'DRAFT' && h.by === ''),
        'the customer’s view',
      );
    });

    test('cannot write, not even its own invoices (403)', async () => {
      const token = s.customer(A);
      for (const [op, path, options] of endpoints(draftOfA, A, 'customer-writes')) {
        if (op !== 'updateStatus' && op !== 'discardInvoice') continue;
        const response = await s.request(path, { ...options, token });
        assert.equal(response.status, 403, `${op} ${path}`);
        assert.equal((await checkContract(op, response)).error.kind, 'forbidden');
      }
      await unchanged(draftOfA);
    });
  });
});
