import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { convertAmounts, lazyAmounts, rateTo } from '../../src/core/conversion.js';
import { groupingOf } from '../../src/core/line-groups.js';
import { convert, convertLines } from '../../src/core/money.js';
import type { Invoice, LineItem, Money } from '../../src/core/types.js';

function usd(minor: number): Money {
  return { minor, currency: 'USD' };
}

function line(id: string, unit: number, amount: number, tax: number): LineItem {
  return {
    id,
    sku: id,
    description: id,
    group: 'G',
    quantity: 1,
    unitPrice: usd(unit),
    amount: usd(amount),
    tax: usd(tax),
  };
}

/** USD 108.00 + 57.00 + 154.25 (tax 10.80 + 5.70 + 15.43), with BRL, JPY and BHD rates. */
function invoice(
  overrides: Partial<Invoice> = {},
): Pick<Invoice, 'currency' | 'currencies' | 'lines'> {
  return {
    currency: 'USD',
    lines: [
      line('l1', 3600, 10800, 1080),
      line('l2', 5700, 5700, 570),
      line('l3', 1234, 15425, 1543),
    ],
    currencies: [
      { currency: 'BRL', rate: 5.4321, date: '2026-10-31', source: 'ECB' },
      { currency: 'JPY', rate: 151.37 },
      { currency: 'BHD', rate: 0.377 },
    ],
    ...overrides,
  };
}

const minors = (list: readonly Money[]) => list.map((m) => m.minor);
const total = (list: readonly Money[]) => list.reduce((s, m) => s + m.minor, 0);

describe('core/conversion', () => {
  describe('rateTo', () => {
    it('is factor 1 without a rate entry in the invoice currency', () => {
      expect(rateTo(invoice(), 'USD')).to.deep.equal({ factor: 1 });
    });

    it("is the invoice's rate for one of its currencies", () => {
      expect(rateTo(invoice(), 'BRL')).to.deep.equal({
        factor: 5.4321,
        rate: { currency: 'BRL', rate: 5.4321, date: '2026-10-31', source: 'ECB' },
      });
    });

    it('is undefined for a currency the invoice has no rate for (never a guess)', () => {
      expect(rateTo(invoice(), 'EUR')).to.equal(undefined);
      expect(rateTo(invoice({ currencies: [] }), 'BRL')).to.equal(undefined);
    });
  });

  describe('convertAmounts', () => {
    it('keeps the amounts in the invoice currency', () => {
      const c = convertAmounts(invoice(), 'USD')!;
      expect(c.currency).to.equal('USD');
      expect(c.factor).to.equal(1);
      expect(c.rate).to.equal(undefined);
      expect(minors(c.amounts)).to.deep.equal([10800, 5700, 15425]);
      expect(minors(c.taxes)).to.deep.equal([1080, 570, 1543]);
      expect(c.subtotal).to.deep.equal(usd(31925));
      expect(c.taxTotal).to.deep.equal(usd(3193));
      expect(c.total).to.deep.equal(usd(35118));
      expect(c.unitPrice(2)).to.deep.equal(usd(1234));
    });

    const cases = [
      { code: 'BRL', amounts: [58667, 30963, 83790], subtotal: 173420, tax: 17345 },
      { code: 'JPY', amounts: [16348, 8628, 23349], subtotal: 48325, tax: 4834 },
      { code: 'BHD', amounts: [40716, 21489, 58152], subtotal: 120357, tax: 12038 },
    ];
    for (const c of cases) {
      it(`converts each line to ${c.code}, every total the sum of its converted lines`, () => {
        const inv = invoice();
        const result = convertAmounts(inv, c.code)!;
        expect(result.currency).to.equal(c.code);
        expect(result.rate?.currency).to.equal(c.code);
        expect(result.factor).to.equal(result.rate?.rate);
        expect(minors(result.amounts)).to.deep.equal(c.amounts);
        expect(result.subtotal).to.deep.equal({ minor: c.subtotal, currency: c.code });
        expect(total(result.amounts)).to.equal(result.subtotal.minor);
        expect(total(result.taxes)).to.equal(result.taxTotal.minor);
        expect(result.taxTotal.minor).to.equal(c.tax);
        expect(result.total).to.deep.equal({
          minor: c.subtotal + c.tax,
          currency: c.code,
        });
        expect(result.unitPrice(0)).to.deep.equal(
          convert(inv.lines[0].unitPrice, c.code, result.factor),
        );
      });
    }

    it('sums the converted lines even where converting the total directly is a unit off', () => {
      const inv = invoice();
      const jpy = convertAmounts(inv, 'JPY')!;
      expect(convert(usd(3193), 'JPY', 151.37).minor).to.equal(4833);
      expect(jpy.taxTotal.minor).to.equal(4834);
      const brl = convertAmounts(inv, 'BRL')!;
      expect(convert(usd(35118), 'BRL', 5.4321).minor).to.equal(190764);
      expect(brl.total.minor).to.equal(190765);
    });

    it('is undefined for a currency the invoice has no rate for', () => {
      expect(convertAmounts(invoice(), 'EUR')).to.equal(undefined);
    });

    it('is undefined for a rate that does not convert', () => {
      for (const rate of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 1e300]) {
        const inv = invoice({ currencies: [{ currency: 'BRL', rate }] });
        expect(convertAmounts(inv, 'BRL'), String(rate)).to.equal(undefined);
        expect(convertAmounts(inv, 'USD'), String(rate)).to.not.equal(undefined);
      }
    });

    it('converts unit prices on demand, once each', () => {
      const c = convertAmounts(invoice(), 'BRL')!;
      const first = c.unitPrice(1);
      expect(first).to.deep.equal({ minor: 30963, currency: 'BRL' });
      expect(c.unitPrice(1)).to.equal(first);
    });

    it('converts an invoice without lines to zero totals', () => {
      const c = convertAmounts(invoice({ lines: [] }), 'BHD')!;
      expect(c.amounts).to.deep.equal([]);
      expect(c.total).to.deep.equal({ minor: 0, currency: 'BHD' });
    });
  });

  describe('lazyAmounts', () => {
    it('converts a line when asked, to the numbers of the eager model', () => {
      const inv = invoice();
      const lazy = lazyAmounts(inv, 'BRL')!;
      const eager = convertAmounts(inv, 'BRL')!;
      expect([0, 1, 2].map((i) => lazy.amount(i))).to.deep.equal(eager.amounts);
      expect([0, 1, 2].map((i) => lazy.tax(i))).to.deep.equal(eager.taxes);
      expect(lazy.unitPrice(2)).to.deep.equal(eager.unitPrice(2));
      expect(lazy.subtotal).to.deep.equal({ minor: 173420, currency: 'BRL' });
      expect(lazy.total).to.deep.equal(eager.total);
      expect(lazy.groupSubtotals).to.deep.equal([]);
    });

    it("sums each group's converted lines, groups in order of first appearance", () => {
      const lines = invoice().lines.map((l, i) => ({ ...l, group: ['B', 'A', 'B'][i] }));
      const lazy = lazyAmounts(invoice({ lines }), 'JPY', groupingOf(lines))!;
      // JPY lines 16348, 8628, 23349 (above): B = lines 0 and 2, A = line 1.
      expect(lazy.groupSubtotals).to.deep.equal([
        { minor: 16348 + 23349, currency: 'JPY' },
        { minor: 8628, currency: 'JPY' },
      ]);
      expect(lazy.subtotal.minor).to.equal(48325);
    });

    it('is undefined where the eager model is', () => {
      expect(lazyAmounts(invoice(), 'EUR')).to.equal(undefined);
      const inv = invoice({ currencies: [{ currency: 'BRL', rate: 0 }] });
      expect(lazyAmounts(inv, 'BRL')).to.equal(undefined);
    });

    // The lazy model against the eager one it replaces on screen (convertLines: every line
    // converted, then summed), on random invoices: amounts up to ±10^13 (past 2^53 once
    // converted, so some conversions fail), rates with up to 8 decimals, currencies of 0 to 4
    // digits, lines in random groups.
    it('gives the eager results on random invoices (fast-check)', () => {
      const codes = ['USD', 'JPY', 'BHD', 'CLF', 'BRL'];
      const amount = fc.integer({ min: -(10 ** 13), max: 10 ** 13 });
      const lineArb = fc.record({
        unit: amount,
        amount,
        tax: fc.integer({ min: -(10 ** 9), max: 10 ** 9 }),
        group: fc.constantFrom('A', 'B', 'C', 'D'),
      });
      const rateArb = fc
        .tuple(fc.integer({ min: 1, max: 10 ** 9 }), fc.integer({ min: 0, max: 8 }))
        .map(([digits, scale]) => digits / 10 ** scale);
      fc.assert(
        fc.property(
          fc.constantFrom(...codes),
          fc.constantFrom(...codes),
          rateArb,
          fc.array(lineArb, { maxLength: 40 }),
          (from, to, rate, specs) => {
            const money = (minor: number): Money => ({ minor, currency: from });
            const lines: LineItem[] = specs.map((l, i) => ({
              id: `l${i}`,
              sku: `S${i}`,
              description: '',
              group: l.group,
              quantity: 1,
              unitPrice: money(l.unit),
              amount: money(l.amount),
              tax: money(l.tax),
            }));
            const inv = {
              currency: from,
              lines,
              currencies: from === to ? [] : [{ currency: to, rate }],
            };
            const factor = from === to ? 1 : rate;
            let amounts: ReturnType<typeof convertLines>;
            let taxes: ReturnType<typeof convertLines>;
            try {
              amounts = convertLines(
                lines.map((l) => l.amount),
                to,
                factor,
              );
              taxes = convertLines(
                lines.map((l) => l.tax),
                to,
                factor,
              );
            } catch {
              expect(lazyAmounts(inv, to)).to.equal(undefined);
              expect(convertAmounts(inv, to)).to.equal(undefined);
              return;
            }
            const lazy = lazyAmounts(inv, to, groupingOf(lines))!;
            expect(lines.map((_, i) => lazy.amount(i))).to.deep.equal(amounts.lines);
            expect(lines.map((_, i) => lazy.tax(i))).to.deep.equal(taxes.lines);
            expect(lazy.subtotal).to.deep.equal(amounts.total);
            expect(lazy.taxTotal).to.deep.equal(taxes.total);
            expect(lazy.total.minor).to.equal(amounts.total.minor + taxes.total.minor);
            // Each group's subtotal: its lines' converted amounts, groups by first appearance.
            const names = [...new Set(lines.map((l) => l.group))];
            expect(lazy.groupSubtotals).to.deep.equal(
              names.map((name) => ({
                minor: amounts.lines
                  .filter((_, i) => lines[i].group === name)
                  .reduce((sum, m) => sum + m.minor, 0),
                currency: to,
              })),
            );
            const eager = convertAmounts(inv, to)!;
            expect(eager.amounts).to.deep.equal(amounts.lines);
            expect(eager.taxes).to.deep.equal(taxes.lines);
            expect([eager.subtotal, eager.taxTotal, eager.total]).to.deep.equal([
              lazy.subtotal,
              lazy.taxTotal,
              lazy.total,
            ]);
          },
        ),
        { numRuns: 500, seed: 20261202 },
      );
    });
  });
});
