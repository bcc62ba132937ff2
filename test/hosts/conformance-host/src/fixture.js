// The host's conformance fixture: how the kit puts invoices into ArrayBackend.

/** @typedef {import('invoice-elements/testing').ConformanceFixture} ConformanceFixture */

/**
 * @param {import('./array-backend.js').ArrayBackend} backend
 * @returns {ConformanceFixture}
 */
export function arrayFixture(backend) {
  let next = 0;
  return {
    async reset() {
      backend.invoices = [];
      backend.keys.clear();
    },
    async createInvoice(spec) {
      const id = `host-${++next}`;
      const zero = { minor: 0, currency: spec.total.currency };
      backend.invoices.push({
        ...structuredClone(spec),
        id,
        version: '1',
        currency: spec.total.currency,
        lines: spec.lines ?? [],
        subtotal: spec.total,
        taxTotal: zero,
        currencies: [],
        customFields: [],
        history:
          spec.status === 'DRAFT'
            ? []
            : [{ from: 'DRAFT', to: 'OPEN', at: spec.generatedAt, by: 'Host', notified: false }],
      });
      return id;
    },
  };
}
