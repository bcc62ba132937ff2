/**
 * Invoices in JPY (0 digits), BRL and USD (2) and BHD (3) for the sort by total
 * (docs/ADAPTERS.md, "Sorting by total"), with or without a reporting amount in USD.
 *
 * | id | total          | reportingTotal |
 * | m1 | ¥609,760       | $4,065.07      |
 * | m2 | R$451,043.00   | $82,007.82     |
 * | m3 | $1,500.00      | $1,500.00      |
 * | m4 | BHD 1,234.567  | $3,274.71      |
 * | m5 | BHD 1,234.568  | $3,274.72      |
 * | m6 | $1,500.00      | $1,500.00      | (a tie with m3: documentId ascending in both directions)
 * | m7 | ¥1,000         | $6.67          |
 */
import type { CurrencyCode, Invoice } from '../../src/core/types.js';
import { invoice, lineItem } from '../support/fixtures.js';

const ROWS: [number, number, CurrencyCode, number][] = [
  [1, 609760, 'JPY', 406507],
  [2, 45104300, 'BRL', 8200782],
  [3, 150000, 'USD', 150000],
  [4, 1234567, 'BHD', 327471],
  [5, 1234568, 'BHD', 327472],
  [6, 150000, 'USD', 150000],
  [7, 1000, 'JPY', 667],
];

/** The seven invoices, each with `reportingTotal` in USD when `reporting`. */
export function moneyInvoices(reporting: boolean): Invoice[] {
  return ROWS.map(([n, minor, currency, usd]) => {
    const amount = { minor, currency };
    const inv = invoice({
      id: `m${n}`,
      documentId: `DOC-M${n}`,
      currency,
      lines: [
        lineItem(`m${n}-1`, 'Service', {
          quantity: 1,
          unitPrice: amount,
          amount,
          tax: { minor: 0, currency },
        }),
      ],
      subtotal: amount,
      taxTotal: { minor: 0, currency },
      total: amount,
      currencies: [],
    });
    if (reporting) inv.reportingTotal = { minor: usd, currency: 'USD' };
    return inv;
  });
}

/** Orders worked out by hand from the table above. */
export const TOTAL_ORDERS = {
  /** Currency code ascending in both directions (BHD, BRL, JPY, USD), then the amount. */
  'currency-then-amount': {
    asc: ['m4', 'm5', 'm2', 'm7', 'm1', 'm3', 'm6'],
    desc: ['m5', 'm4', 'm2', 'm1', 'm7', 'm3', 'm6'],
  },
  /** By the USD amount. */
  reporting: {
    asc: ['m7', 'm3', 'm6', 'm4', 'm5', 'm1', 'm2'],
    desc: ['m2', 'm1', 'm5', 'm4', 'm3', 'm6', 'm7'],
  },
} as const;
