// `Page.totals` of GET /invoices (docs/ADAPTERS.md "Totals of what is listed"): the sums of the
// whole filtered list, per currency and in the reporting currency when every invoice has one,
// within the token's scope. The invoices are made for this file; the sums are worked by hand.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { makeInvoices } from './fixture-invoices.mjs';
import { checkContract, sharedServer } from './support.mjs';

describe('list totals', () => {
  let s;
  before(async () => {
    s = await sharedServer();
    await makeInvoices(s, 'tot-cus-1', [
      {
        total: { minor: 10000, currency: 'EUR' },
        reportingTotal: { minor: 11000, currency: 'USD' },
      },
      {
        status: 'CLOSED',
        total: { minor: 2550, currency: 'EUR' },
        reportingTotal: { minor: 2800, currency: 'USD' },
      },
      { total: { minor: 700, currency: 'USD' }, reportingTotal: { minor: 700, currency: 'USD' } },
      {
        status: 'DRAFT',
        total: { minor: 4000, currency: 'CHF' },
        reportingTotal: { minor: 4400, currency: 'USD' },
      },
    ]);
    // One without a reporting total.
    await makeInvoices(s, 'tot-cus-2', [
      { total: { minor: 100, currency: 'GBP' }, reportingTotal: { minor: 130, currency: 'USD' } },
      { total: { minor: 200, currency: 'GBP' } },
    ]);
    // Reporting totals in two currencies.
    await makeInvoices(s, 'tot-cus-3', [
      { total: { minor: 500, currency: 'JPY' }, reportingTotal: { minor: 4, currency: 'USD' } },
      { total: { minor: 600, currency: 'JPY' }, reportingTotal: { minor: 4, currency: 'EUR' } },
    ]);
  });

  async function list(query, token = s.operator()) {
    return checkContract('listInvoices', await s.request(`/invoices?${query}`, { token }));
  }

  test('an operator: every matching invoice of every page, drafts included', async () => {
    const page = await list('customerId=tot-cus-1&limit=1');
    assert.equal(page.items.length, 1);
    assert.equal(page.total, 4);
    assert.deepEqual(page.totals, {
      byCurrency: [
        { currency: 'CHF', minor: 4000 },
        { currency: 'EUR', minor: 12550 },
        { currency: 'USD', minor: 700 },
      ],
      reporting: { currency: 'USD', minor: 18900 },
    });
  });

  test('the filter decides what is summed', async () => {
    const page = await list('customerId=tot-cus-1&status=OPEN');
    assert.deepEqual(page.totals, {
      byCurrency: [
        { currency: 'EUR', minor: 10000 },
        { currency: 'USD', minor: 700 },
      ],
      reporting: { currency: 'USD', minor: 11700 },
    });
    assert.deepEqual((await list('customerId=nobody-at-all')).totals, { byCurrency: [] });
  });

  test('a customer token: never its drafts, whatever audience it asks', async () => {
    const page = await list('audience=operator', s.customer('tot-cus-1'));
    assert.equal(page.total, 3);
    assert.deepEqual(page.totals, {
      byCurrency: [
        { currency: 'EUR', minor: 12550 },
        { currency: 'USD', minor: 700 },
      ],
      reporting: { currency: 'USD', minor: 14500 },
    });
  });

  test('no reporting sum when one lacks a reporting total or they are in two currencies', async () => {
    assert.deepEqual((await list('customerId=tot-cus-2')).totals, {
      byCurrency: [{ currency: 'GBP', minor: 300 }],
    });
    assert.deepEqual((await list('customerId=tot-cus-3')).totals, {
      byCurrency: [{ currency: 'JPY', minor: 1100 }],
    });
  });
});
