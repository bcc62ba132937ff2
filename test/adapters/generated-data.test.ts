/**
 * Pins the memory adapter's generated data: the same seed must give the same bytes, release
 * after release (the tests, the stories and the demo are written against them). A change of
 * the generator that changes the data is a deliberate one: update the digests here with it.
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
    expect(first.total).to.deep.equal({ minor: 146739, currency: 'USD' });
    const full = data.invoices.filter((_, i) => i % 25 === 0).map(toInvoice);
    expect(await sha256(data)).to.equal(
      '6bce60f23fbc39136b30a86f5954591fc23e7aaa454b7646e49af642f7ab4423',
    );
    expect(await sha256(full)).to.equal(
      '62954481ecbbe5a830916f8aa4d5ffca5a9ad2b26c3c949f0949435d40d7d331',
    );
  });

  it('an exact invoice count with a long invoice, another seed', async () => {
    const data = generateData({ seed: 7, invoiceCount: 300, longInvoiceLines: 400 });
    expect(data.invoices.length).to.equal(300);
    const long = data.invoices.find((record) => record.id === data.longInvoiceId)!;
    expect(toInvoice(long).lines.length).to.equal(400);
    expect(await sha256(data)).to.equal(
      '824243d2306e227d5b9ce7955688b545db93fe4035e444ebccf5a6e408702ee4',
    );
    expect(await sha256(toInvoice(long))).to.equal(
      '1ce8c4568a2c16a76ad654e9c20467a256b5588dc94f14a5266a98c52622695c',
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
      'e9a6f6e2159a5851de975f5f296cbc3df75bd673a6b2c3ccc7d727714833a371',
    );
    expect(await sha256(invoice)).to.equal(
      'd4d2be868cba36a7d401be135413b015484b3bec6c40b84519372c36dd1feac8',
    );
  });
});
