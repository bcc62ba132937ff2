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
 *
 * Issue 25 (money owed) changed no record (the `data` digests): the summary now carries the due
 * date and the amounts paid and due (so a page's bytes, and the key order of a whole invoice,
 * moved), and each page carries the totals of the list.
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
      'feed92ae57dc1a9c427fcdc56b63a3d79eff5cb67a499b1842e0f87dc8e5d408',
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
      'b8a2795f652682de2f014ec2ee2a275b0f3b0795eb2b145fc1cbf09838042bec',
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
      'dc3ef1b353892d9a9be75221172bf2a877adbdaeb892671a09c002857017e73b',
    );
    expect(await sha256(invoice)).to.equal(
      '8df201d549eb49d85b9e3ce58bbb1acfdc58eb3ffb9d91765b395d69676818f3',
    );
  });
});
