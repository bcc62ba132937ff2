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
      'aa041730fc549742434108711fab9da99dc8b5d4b4c7a11d9897a5802f378486',
    );
    expect(await sha256(full)).to.equal(
      'ac9aca8d31495521256a1eadee6485eb9cc79bc452f256c5f9fca5a07461a8f4',
    );
  });

  it('an exact invoice count with a long invoice, another seed', async () => {
    const data = generateData({ seed: 7, invoiceCount: 300, longInvoiceLines: 400 });
    expect(data.invoices.length).to.equal(300);
    const long = data.invoices.find((record) => record.id === data.longInvoiceId)!;
    expect(toInvoice(long).lines.length).to.equal(400);
    expect(await sha256(data)).to.equal(
      'cc6488d156bea70cd6b499373942c71f784cf200b719aaa7810d9b074bbe6437',
    );
    expect(await sha256(toInvoice(long))).to.equal(
      '1acc92a43c78fd7b247f870ddb49d48ed0d14c01a933f3678e336544a6f9ee68',
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
      '2021938388cdac21739eb11197774f41d7b1ca5f45b3876f43228bf53e4b2e09',
    );
    expect(await sha256(invoice)).to.equal(
      'd20f836c8f10a2d225cf1291f11be1aa6407ddfc53f58afe78e7368a1e5f8799',
    );
  });
});
