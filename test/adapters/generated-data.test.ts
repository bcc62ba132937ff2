/**
 * Pins the memory adapter's generated data: the same seed must give the same bytes, release
 * after release (the tests, the stories and the demo are written against them). A change of
 * the generator that changes the data is a deliberate one: update the digests here with it.
 *
 * Last changed by issue 18 (invoice documents): customers got addresses and tax IDs (and some a
 * name in their own script), metered lines a decimal unit price below a cent (so their amounts,
 * and the totals, moved by cents), every line its tax rate, every invoice its issue date,
 * terms, paid/due amounts once CLOSED, and (from MemoryBackend) the issuer and payment
 * instructions. Document IDs, statuses, dates, line counts and non-metered lines are unchanged.
 */
import { expect } from '@open-wc/testing';
import { MemoryBackend, generateData, toInvoice } from '../../src/adapters/memory/index.js';

async function sha256(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

describe('generated data (pinned)', () => {
  it('the default data set: summaries, customers and every 25th invoice in full', async () => {
    const data = generateData();
    expect(data.invoices.length).to.equal(1185);
    expect(data.customers.length).to.equal(40);
    const first = toInvoice(data.invoices[0]!);
    expect(first.documentId).to.equal('INV-2025-000001');
    expect(first.total).to.deep.equal({ minor: 146607, currency: 'USD' });
    const full = data.invoices.filter((_, i) => i % 25 === 0).map(toInvoice);
    expect(await sha256(data)).to.equal(
      '2d1e1b4ed5433eb4410391592a186f0d00f4c62b98c8c8c8ccbd99e0984c0c3c',
    );
    expect(await sha256(full)).to.equal(
      '09c385fb48ae6c635ea35a3d08902126209d2dfbb46db2a6b75e6335e943c41c',
    );
  });

  it('an exact invoice count with a long invoice, another seed', async () => {
    const data = generateData({ seed: 7, invoiceCount: 300, longInvoiceLines: 400 });
    expect(data.invoices.length).to.equal(300);
    const long = data.invoices.find((record) => record.id === data.longInvoiceId)!;
    expect(toInvoice(long).lines.length).to.equal(400);
    expect(await sha256(data)).to.equal(
      '374e064da8aeab411632ee78b6900d9fb1bb5406418dbd13795d0c1e65600031',
    );
    expect(await sha256(toInvoice(long))).to.equal(
      'e2a709ac89dcc29f827dd4e20ce6513cd55be8c67ea22f43aca1540e2d2beb55',
    );
  });

  it('customerIds names the first customers and changes nothing else (the demo: cus-1)', () => {
    const plain = generateData();
    const named = generateData({ customerIds: ['cus-1'] });
    expect(named.customers[0]!.id).to.equal('cus-1');
    expect(named.customers.slice(1)).to.deep.equal(plain.customers.slice(1));
    const ids = (data: typeof plain) =>
      data.invoices.map((r) => `${r.id} ${r.documentId} ${r.customer.id} ${r.total}`);
    expect(ids(named)).to.deep.equal(
      ids(plain).map((line) => line.replace(/ CUS-00001 /, ' cus-1 ')),
    );
    expect(() => generateData({ customerIds: ['a', 'a'] })).to.throw(RangeError);
  });

  it("what MemoryBackend answers for the default seed (a page, and one invoice's lines)", async () => {
    const memory = new MemoryBackend();
    const page = await memory.listInvoices({ limit: 50 });
    const invoice = await memory.getInvoice(page.items[0]!.id);
    expect(invoice.documentId).to.equal('INV-2026-000865');
    expect(invoice.lines.length).to.equal(28);
    expect(await sha256(page)).to.equal(
      '28dfdfa48615a62f2d348edb57ee506755d80b0a997e88978e11407c3bbc5318',
    );
    expect(await sha256(invoice)).to.equal(
      'd87584604728bd4f58b03c5ca7948c87d0505b8cd546da1f70ccf4a80ebdf227',
    );
  });
});
