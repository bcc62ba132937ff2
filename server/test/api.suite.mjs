// Every endpoint of docs/openapi.yaml, happy path, on PGlite: each answer checked against the
// contract (support.mjs, checkContract) and against the seeded data in the database.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { listInvoices } from '../dist/index.js';
import { checkContract, someInvoice, sharedServer, writeHeaders } from './support.mjs';

describe('every endpoint', () => {
  let s;
  before(async () => {
    s = await sharedServer();
  });

  describe('reads', () => {
    test('GET /customers finds the reseller’s customers by name, id or e-mail', async () => {
      const token = s.operator();
      const all = await checkContract(
        'searchCustomers',
        await s.request('/customers?limit=100', { token }),
      );
      const { rows } = await s.db.query(
        `SELECT id FROM customers WHERE reseller_id = 'reseller-1' ORDER BY id`,
      );
      assert.deepEqual(
        all.map((c) => c.id).sort(),
        rows.map((r) => r.id),
      );
      const byId = await checkContract(
        'searchCustomers',
        await s.request('/customers?q=CUS-1', { token }),
      );
      assert.deepEqual(
        byId.map((c) => c.id),
        ['cus-1'],
      );
      const limited = await checkContract(
        'searchCustomers',
        await s.request('/customers?limit=2', { token }),
      );
      assert.equal(limited.length, 2);
      // Case-insensitive beyond ASCII: "Olivo Ingeniería S.L." (cus-1) by its capitalised name.
      const folded = await checkContract(
        'searchCustomers',
        await s.request(`/customers?q=${encodeURIComponent('INGENIERÍA')}`, { token }),
      );
      assert.deepEqual(
        folded.map((c) => c.id),
        ['cus-1'],
      );
    });

    test('GET /customers/{id} answers the customer', async () => {
      const body = await checkContract(
        'getCustomer',
        await s.request('/customers/cus-1', { token: s.operator() }),
      );
      assert.equal(body.id, 'cus-1');
      assert.ok(body.name.length > 0);
    });

    test('GET /invoices pages, filters and sorts in SQL', async () => {
      const token = s.operator();
      const { rows } = await s.db.query(
        `SELECT count(*)::integer AS n FROM invoices WHERE reseller_id = 'reseller-1'`,
      );
      const page = await checkContract(
        'listInvoices',
        await s.request('/invoices?limit=5', { token }),
      );
      assert.equal(page.total, rows[0].n);
      assert.equal(page.items.length, 5);
      assert.equal(page.limit, 5);
      // Default sort: period descending.
      const periods = page.items.map((i) => i.period.from);
      assert.deepEqual(periods, [...periods].sort().reverse());

      const filtered = await checkContract(
        'listInvoices',
        await s.request(
          '/invoices?customerId=cus-1&status=OPEN&status=CLOSED&from=2026-01&to=2026-03&limit=1000',
          { token },
        ),
      );
      assert.ok(filtered.items.length > 0);
      for (const i of filtered.items) {
        assert.equal(i.customer.id, 'cus-1');
        assert.ok(['OPEN', 'CLOSED'].includes(i.status));
        assert.ok(i.period.from <= '2026-03' && i.period.to >= '2026-01');
      }
      const expected = await s.db.query(
        `SELECT count(*)::integer AS n FROM invoices WHERE customer_id = 'cus-1'
       AND status IN ('OPEN', 'CLOSED') AND period_from <= '2026-03' AND period_to >= '2026-01'`,
      );
      assert.equal(filtered.total, expected.rows[0].n);

      const one = filtered.items[0];
      const byText = await checkContract(
        'listInvoices',
        await s.request(`/invoices?q=${encodeURIComponent(one.documentId.toLowerCase())}`, {
          token,
        }),
      );
      assert.deepEqual(
        byText.items.map((i) => i.id),
        [one.id],
      );
      const wildcard = await checkContract(
        'listInvoices',
        await s.request('/invoices?q=%25', { token }),
      );
      assert.equal(wildcard.total, 0, 'a % in the text is a character, not a wildcard');

      const provider = one.provider.id;
      const byProvider = await checkContract(
        'listInvoices',
        await s.request(`/invoices?provider=${provider}&limit=1000`, { token }),
      );
      assert.ok(byProvider.items.every((i) => i.provider.id === provider));
    });

    test('GET /invoices sorts by every key, ties by documentId then id ascending', async () => {
      const token = s.operator();
      const compare = {
        documentId: (i) => i.documentId,
        generatedAt: (i) => Date.parse(i.generatedAt),
        status: (i) => ['DRAFT', 'OPEN', 'VOID', 'CLOSED'].indexOf(i.status),
        period: (i) => `${i.period.from}/${i.period.to}`,
      };
      for (const [key, value] of Object.entries(compare)) {
        for (const dir of ['', '-']) {
          const page = await checkContract(
            'listInvoices',
            await s.request(`/invoices?sort=${dir}${key}&limit=200`, { token }),
          );
          for (let k = 1; k < page.items.length; k++) {
            const [a, b] = [page.items[k - 1], page.items[k]];
            const [va, vb] = [value(a), value(b)];
            const ordered = dir ? va >= vb : va <= vb;
            assert.ok(ordered, `${dir}${key}: ${va} then ${vb}`);
            if (va === vb)
              assert.ok(a.documentId <= b.documentId, `${dir}${key} ties by documentId`);
          }
        }
      }
      const collator = new Intl.Collator('en');
      for (const key of ['customer', 'provider']) {
        for (const dir of ['', '-']) {
          const page = await checkContract(
            'listInvoices',
            await s.request(`/invoices?sort=${dir}${key}&limit=1000`, { token }),
          );
          const names = new Set(page.items.map((i) => i[key].name));
          assert.ok(names.size > 1, `${key}: more than one name`);
          for (let k = 1; k < page.items.length; k++) {
            const [a, b] = [page.items[k - 1], page.items[k]];
            const order =
              collator.compare(a[key].name, b[key].name) ||
              (a[key].id < b[key].id ? -1 : a[key].id > b[key].id ? 1 : 0);
            assert.ok(
              dir ? order >= 0 : order <= 0,
              `${dir}${key}: ${a[key].name} then ${b[key].name}`,
            );
            if (order === 0)
              assert.ok(a.documentId <= b.documentId, `${dir}${key} ties by documentId`);
          }
        }
      }
      const byTotal = await checkContract(
        'listInvoices',
        await s.request('/invoices?sort=-total&limit=1000', { token }),
      );
      assert.equal(byTotal.totalOrder, 'currency-then-amount');
      for (let k = 1; k < byTotal.items.length; k++) {
        const [a, b] = [byTotal.items[k - 1].total, byTotal.items[k].total];
        assert.ok(a.currency < b.currency || (a.currency === b.currency && a.minor >= b.minor));
      }
    });

    test('the overdue filter: OPEN, something owed, due before asOf (docs/ADAPTERS.md)', async () => {
      const asOf = '2026-06-15';
      const { rows } = await s.db.query(
        `SELECT id, status, total_minor, currency, body FROM invoices WHERE reseller_id = 'reseller-1'`,
      );
      const owed = (r) =>
        r.body.amountDue
          ? r.body.amountDue.minor
          : r.body.amountPaid?.currency === r.currency
            ? r.total_minor - r.body.amountPaid.minor
            : r.total_minor;
      const expected = rows
        .filter((r) => r.status === 'OPEN' && /^\d{4}-\d{2}-\d{2}/.test(r.body.dueDate ?? ''))
        .filter((r) => owed(r) > 0 && r.body.dueDate.slice(0, 10) < asOf)
        .map((r) => r.id)
        .sort();
      assert.ok(expected.length > 0 && expected.length < rows.length, 'some, not all, are overdue');
      const operator = { role: 'operator', resellerId: 'reseller-1', sub: 'test' };
      const page = await listInvoices(s.db, operator, { overdue: true, asOf, limit: 1000 });
      assert.deepEqual(page.items.map((i) => i.id).sort(), expected);
      assert.ok(
        page.items.every((i) => i.dueDate < asOf),
        'summaries carry their due date',
      );
    });

    test('sorts by due date and by amount due (Money owed): without one last, either way', async () => {
      const operator = { role: 'operator', resellerId: 'reseller-1', sub: 'test' };
      const owed = (i) =>
        i.amountDue ??
        (i.amountPaid?.currency === i.total.currency
          ? { minor: Math.max(0, i.total.minor - i.amountPaid.minor), currency: i.total.currency }
          : i.status === 'OPEN'
            ? i.total
            : undefined);
      for (const direction of ['asc', 'desc']) {
        const sign = direction === 'desc' ? -1 : 1;
        const byDue = await listInvoices(s.db, operator, {
          sort: { key: 'dueDate', direction },
          limit: 1000,
        });
        const due = byDue.items.map((i) => i.dueDate ?? null);
        const firstMissing = due.indexOf(null);
        const known = firstMissing < 0 ? due : due.slice(0, firstMissing);
        assert.ok(firstMissing < 0 || due.slice(firstMissing).every((d) => d === null));
        for (let k = 1; k < known.length; k++)
          assert.ok(sign * known[k - 1].localeCompare(known[k]) <= 0);

        const byOwed = await listInvoices(s.db, operator, {
          sort: { key: 'amountDue', direction },
          limit: 1000,
        });
        const amounts = byOwed.items.map(owed);
        assert.ok(amounts.some((a) => a === undefined) && amounts.some((a) => a !== undefined));
        const cut = amounts.indexOf(undefined);
        assert.ok(
          amounts.slice(cut).every((a) => a === undefined),
          'unknown amounts last',
        );
        for (let k = 1; k < cut; k++) {
          const [a, b] = [amounts[k - 1], amounts[k]];
          assert.ok(
            a.currency < b.currency ||
              (a.currency === b.currency && sign * (a.minor - b.minor) <= 0),
            `${direction}: ${JSON.stringify(a)} then ${JSON.stringify(b)}`,
          );
        }
      }
    });

    test('GET /invoices/{id} answers the whole invoice with its version as ETag', async () => {
      const row = await someInvoice(s.db, `reseller_id = 'reseller-1'`);
      const response = await s.request(`/invoices/${row.id}`, { token: s.operator() });
      const etag = response.headers.get('ETag');
      const invoice = await checkContract('getInvoice', response);
      assert.equal(invoice.id, row.id);
      assert.equal(invoice.status, row.status);
      assert.equal(etag, `"${invoice.version}"`);
      assert.ok(invoice.lines.length > 0);
    });

    test('GET /invoices/{id} carries the invoice-document fields (issue 18), each reseller its own issuer', async () => {
      // docs/ADAPTERS.md, "Invoice documents": what the PDF, print and CSVs print, stored in the
      // invoice's body and answered whole, to the operator and to the customer alike.
      const issuers = {
        'reseller-1': ['Cumulus Cloud Solutions Ltda.', 'CNPJ 31.415.926/0001-53'],
        'reseller-2': ['Nimbus Partners GmbH', 'USt-IdNr. DE123456789'],
      };
      const { rows } = await s.db.query(
        `SELECT DISTINCT ON (reseller_id, status) id, reseller_id, customer_id, status
         FROM invoices WHERE status IN ('OPEN', 'CLOSED') AND NOT fixture
         ORDER BY reseller_id, status, id`,
      );
      assert.equal(rows.length, 4, 'an OPEN and a CLOSED invoice of each reseller');
      const day = 24 * 60 * 60 * 1000;
      for (const row of rows) {
        const tokens = [s.operator(row.reseller_id), s.customer(row.customer_id, row.reseller_id)];
        for (const token of tokens) {
          const invoice = await checkContract(
            'getInvoice',
            await s.request(`/invoices/${row.id}`, { token }),
          );
          const what = `${row.id} (${row.reseller_id}, ${row.status})`;
          const [name, taxId] = issuers[row.reseller_id];
          assert.equal(invoice.issuer.name, name, what);
          assert.equal(invoice.issuer.taxId, taxId, what);
          assert.ok(invoice.issuer.address.length >= 3, what);
          assert.ok(invoice.paymentInstructions.includes(name), what);
          assert.ok(invoice.customer.address.length >= 3 && invoice.customer.address.length <= 6);
          assert.ok(invoice.customer.taxId.length > 0, what);
          assert.equal(invoice.issueDate, invoice.generatedAt.slice(0, 10), what);
          assert.equal(invoice.paymentTermsDays, 30, what);
          assert.equal(
            Date.parse(invoice.dueDate) - Date.parse(invoice.issueDate),
            30 * day,
            `${what}: due 30 days after issue`,
          );
          for (const line of invoice.lines) {
            assert.ok(line.taxRate >= 0 && line.taxRate <= 1, `${what}: ${line.id}'s tax rate`);
          }
          if (row.status === 'CLOSED') assert.deepEqual(invoice.amountPaid, invoice.total, what);
        }
      }
      // Metered usage priced below a cent: the unit price with the precision the data has.
      const metered = await someInvoice(
        s.db,
        `reseller_id = 'reseller-1' AND jsonb_path_exists(body, '$.lines[*].unitPriceDecimal')`,
      );
      const invoice = await checkContract(
        'getInvoice',
        await s.request(`/invoices/${metered.id}`, { token: s.operator() }),
      );
      const decimals = invoice.lines.flatMap((l) => l.unitPriceDecimal ?? []);
      assert.ok(decimals.length > 0);
      for (const d of decimals) assert.match(d, /^\d+\.\d{3,6}$/);
    });

    test('GET /invoices/{id}/download/{format} is 204: the browser makes the file', async () => {
      const row = await someInvoice(s.db, `reseller_id = 'reseller-1'`);
      for (const format of ['pdf', 'csv', 'detailed-csv', 'print']) {
        const response = await s.request(`/invoices/${row.id}/download/${format}`, {
          token: s.operator(),
        });
        assert.equal(response.status, 204);
        await checkContract('download', response);
      }
      const unknown = await s.request(`/invoices/${row.id}/download/docx`, { token: s.operator() });
      assert.equal(unknown.status, 404);
      await checkContract('download', unknown);
    });
  });

  describe('writes', () => {
    test('POST /invoices/{id}/status moves a draft to OPEN, new version, history, applied', async () => {
      const row = await someInvoice(s.db, `reseller_id = 'reseller-1' AND status = 'DRAFT'`);
      const response = await s.request(`/invoices/${row.id}/status`, {
        token: s.operator(),
        method: 'POST',
        headers: writeHeaders(`v${row.version}`, 'api-open-1'),
        body: { to: 'OPEN', notify: true },
      });
      assert.equal(response.status, 200);
      const etag = response.headers.get('ETag');
      const invoice = await checkContract('updateStatus', response);
      assert.equal(invoice.status, 'OPEN');
      assert.equal(invoice.version, `v${row.version + 1}`);
      assert.equal(etag, `"${invoice.version}"`);
      const last = invoice.history.at(-1);
      assert.deepEqual([last.from, last.to, last.notified], ['DRAFT', 'OPEN', true]);
      const stored = await s.db.query('SELECT status, version FROM invoices WHERE id = $1', [
        row.id,
      ]);
      assert.deepEqual(stored.rows[0], { status: 'OPEN', version: row.version + 1 });
    });

    test('DELETE /invoices/{id} discards a draft', async () => {
      const row = await someInvoice(s.db, `reseller_id = 'reseller-1' AND status = 'DRAFT'`);
      const response = await s.request(`/invoices/${row.id}`, {
        token: s.operator(),
        method: 'DELETE',
        headers: writeHeaders(`v${row.version}`, 'api-discard-1'),
      });
      assert.equal(response.status, 204);
      await checkContract('discardInvoice', response);
      const gone = await s.db.query('SELECT 1 FROM invoices WHERE id = $1', [row.id]);
      assert.equal(gone.rows.length, 0);
      const again = await s.request(`/invoices/${row.id}`, { token: s.operator() });
      assert.equal(again.status, 404);
      await checkContract('getInvoice', again);
    });
  });
});
