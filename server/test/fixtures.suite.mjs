// The optional endpoints: the conformance fixture (CONFORMANCE_FIXTURES=1; shapes shared with
// the conformance command) and the dev-only token issuer (DEV_TOKENS=1), both off by default.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createServer } from '../dist/index.js';
import { checkContract, sharedServer } from './support.mjs';

describe('optional endpoints', () => {
  let s;
  before(async () => {
    s = await sharedServer();
  });

  const spec = (over = {}) => ({
    status: 'OPEN',
    customer: { id: 'conf-customer-1', name: 'Conformance Customer' },
    provider: { id: 'aws', name: 'Amazon Web Services' },
    period: { from: '2026-01', to: '2026-01' },
    total: { minor: 12345, currency: 'BRL' },
    reportingTotal: { minor: 2500, currency: 'USD' },
    documentId: 'CONF-0001',
    generatedAt: '2026-02-02T10:00:00Z',
    ...over,
  });

  async function json(response, status) {
    assert.equal(response.status, status, await response.clone().text());
    return response.json();
  }

  const post = (path, body) => s.request(path, { method: 'POST', body });

  describe('conformance fixture', () => {
    test('POST /conformance/invoices makes the invoice the spec says; 201 { id }', async () => {
      const { id } = await json(await post('/conformance/invoices', spec()), 201);
      assert.match(id, /^cf-/);
      const invoice = await checkContract(
        'getInvoice',
        await s.request(`/invoices/${id}`, { token: s.operator() }),
      );
      const want = spec();
      for (const key of ['status', 'customer', 'provider', 'period', 'total', 'reportingTotal']) {
        assert.deepEqual(invoice[key], want[key], key);
      }
      assert.equal(invoice.documentId, want.documentId);
      assert.equal(Date.parse(invoice.generatedAt), Date.parse(want.generatedAt));
    });

    test('POST /conformance/tokens: a customer token sees its non-drafts only; {} an operator', async () => {
      const draft = (
        await json(
          await post('/conformance/invoices', spec({ status: 'DRAFT', documentId: 'CONF-D' })),
          201,
        )
      ).id;
      const open = (
        await json(await post('/conformance/invoices', spec({ documentId: 'CONF-O' })), 201)
      ).id;
      const { token } = await json(
        await post('/conformance/tokens', { customerId: 'conf-customer-1' }),
        200,
      );
      assert.equal((await s.request(`/invoices/${open}`, { token })).status, 200);
      assert.equal((await s.request(`/invoices/${draft}`, { token })).status, 404);
      const operator = (await json(await post('/conformance/tokens', {}), 200)).token;
      assert.equal((await s.request(`/invoices/${draft}`, { token: operator })).status, 200);
    });

    test('a sort by total: by reportingTotal when every match has one in one currency', async () => {
      const customer = { id: 'conf-total', name: 'Totals' };
      const make = (documentId, total, reportingTotal) =>
        post(
          '/conformance/invoices',
          spec({
            customer,
            documentId,
            total,
            ...(reportingTotal ? { reportingTotal } : { reportingTotal: undefined }),
          }),
        );
      await json(
        await make('T-1', { minor: 500, currency: 'JPY' }, { minor: 300, currency: 'USD' }),
        201,
      );
      await json(
        await make('T-2', { minor: 100, currency: 'BHD' }, { minor: 900, currency: 'USD' }),
        201,
      );
      await json(
        await make('T-3', { minor: 700, currency: 'BRL' }, { minor: 100, currency: 'USD' }),
        201,
      );
      const list = async (sort) =>
        checkContract(
          'listInvoices',
          await s.request(`/invoices?customerId=conf-total&sort=${sort}`, { token: s.operator() }),
        );
      const reporting = await list('-total');
      assert.deepEqual([reporting.totalOrder, reporting.reportingCurrency], ['reporting', 'USD']);
      assert.deepEqual(
        reporting.items.map((i) => i.documentId),
        ['T-2', 'T-1', 'T-3'],
      );
      await json(await make('T-4', { minor: 50, currency: 'BRL' }), 201);
      const grouped = await list('-total');
      assert.equal(grouped.totalOrder, 'currency-then-amount');
      assert.equal(grouped.reportingCurrency, undefined);
      assert.deepEqual(
        grouped.items.map((i) => i.documentId),
        ['T-2', 'T-3', 'T-4', 'T-1'],
      );
      assert.equal((await list('documentId')).totalOrder, undefined);
    });

    test('a malformed spec is 400', async () => {
      for (const bad of [
        spec({ status: 'PAID' }),
        spec({ total: { minor: 1.5, currency: 'USD' } }),
        '[]',
      ]) {
        const response = await post('/conformance/invoices', bad);
        assert.equal(response.status, 400, JSON.stringify(bad));
      }
    });

    test('DELETE /conformance/invoices removes every fixture invoice (any status), and only them', async () => {
      const closed = (
        await json(
          await post('/conformance/invoices', spec({ status: 'CLOSED', documentId: 'CONF-C' })),
          201,
        )
      ).id;
      const seeded = await s.db.query(
        'SELECT count(*)::integer AS n FROM invoices WHERE NOT fixture',
      );
      const response = await s.request('/conformance/invoices', { method: 'DELETE' });
      assert.equal(response.status, 204);
      const left = await s.db.query(
        'SELECT count(*)::integer AS n, count(*) FILTER (WHERE fixture)::integer AS f FROM invoices',
      );
      assert.deepEqual(left.rows[0], { n: seeded.rows[0].n, f: 0 });
      assert.equal((await s.request(`/invoices/${closed}`, { token: s.operator() })).status, 404);
    });

    test('also served under the API base', async () => {
      const base = new URL(s.url).pathname;
      const response = await fetch(`${s.origin}${base}/conformance/tokens`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
      assert.equal(response.status, 200);
    });
  });

  describe('dev token issuer (dev-only)', () => {
    const issue = async (body) => {
      const response = await fetch(`${s.origin}/dev/tokens`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return response;
    };

    test('issues operator and customer tokens that the API accepts', async () => {
      const operator = (await json(await issue({ role: 'operator' }), 200)).token;
      const page = await checkContract(
        'listInvoices',
        await s.request('/invoices', { token: operator }),
      );
      assert.ok(page.total > 0);
      const customer = (await json(await issue({ role: 'customer', customerId: 'cus-1' }), 200))
        .token;
      const mine = await checkContract(
        'listInvoices',
        await s.request('/invoices?limit=1000', { token: customer }),
      );
      assert.ok(
        mine.items.length > 0 &&
          mine.items.every((i) => i.customer.id === 'cus-1' && i.status !== 'DRAFT'),
      );
    });

    test('refuses unknown customers and resellers, and bad requests', async () => {
      assert.equal((await issue({ role: 'customer', customerId: 'nobody' })).status, 404);
      assert.equal((await issue({ role: 'operator', resellerId: 'nobody' })).status, 404);
      assert.equal((await issue({ role: 'admin' })).status, 400);
    });
  });

  test('both are off by default', async () => {
    const plain = createServer({ db: s.db, tokens: s.tokens, log: () => undefined });
    const { url, port } = await plain.listen(0, '127.0.0.1');
    try {
      for (const path of ['/conformance/tokens', '/api/conformance/tokens', '/dev/tokens']) {
        const response = await fetch(`http://127.0.0.1:${port}${path}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{"role":"operator"}',
        });
        assert.ok([401, 404].includes(response.status), `${path}: ${response.status}`);
        assert.equal((await response.json()).token, undefined);
      }
      assert.ok(url.endsWith('/api'));
    } finally {
      await plain.close();
    }
  });
});
