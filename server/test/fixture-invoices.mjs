// Invoices made for one test through the conformance fixture (POST /conformance/invoices), so
// that its numbers are worked out by hand instead of read from the seed.
import assert from 'node:assert/strict';

/** Makes `specs` (each merged over a plain OPEN invoice of `customerId`); resolves with the ids. */
export async function makeInvoices(s, customerId, specs) {
  const ids = [];
  for (const [i, over] of specs.entries()) {
    const response = await s.request('/conformance/invoices', {
      method: 'POST',
      body: {
        status: 'OPEN',
        customer: { id: customerId, name: `Customer ${customerId}` },
        provider: { id: 'aws', name: 'Amazon Web Services' },
        period: { from: '2026-01', to: '2026-01' },
        total: { minor: 100, currency: 'USD' },
        documentId: `${customerId.toUpperCase()}-${i + 1}`,
        generatedAt: '2026-02-02T10:00:00Z',
        ...over,
      },
    });
    assert.equal(response.status, 201, await response.clone().text());
    ids.push((await response.json()).id);
  }
  return ids;
}
