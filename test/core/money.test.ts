import { expect } from '@open-wc/testing';
import {
  convert,
  convertLines,
  currencyDigits,
  formatMoney,
  roundHalfEven,
  sum,
  toDecimalString,
} from '../../src/core/money.js';
import type { Money } from '../../src/core/types.js';

/** Intl puts U+00A0 / U+202F between symbol and number in some locales: compare with plain spaces. */
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

function m(minor: number, currency: string): Money {
  return { minor, currency };
}

describe('core/money', () => {
  describe('currencyDigits', () => {
    const table: [string, number][] = [
      ['JPY', 0],
      ['USD', 2],
      ['EUR', 2],
      ['BRL', 2],
      ['BHD', 3],
      ['CLF', 4],
    ];
    for (const [code, digits] of table) {
      it(`${code} has ${digits} digits`, () => {
        expect(currencyDigits(code)).to.equal(digits);
      });
    }
    it('a code missing from the table (or an Object.prototype key) has 2', () => {
      expect(currencyDigits('XYZ')).to.equal(2);
      expect(currencyDigits('constructor')).to.equal(2);
    });
  });

  describe('toDecimalString', () => {
    const cases: [Money, string][] = [
      [m(123450, 'USD'), '1234.50'],
      [m(0, 'USD'), '0.00'],
      [m(7, 'USD'), '0.07'],
      [m(-1, 'USD'), '-0.01'],
      [m(-123456, 'EUR'), '-1234.56'],
      [m(1234, 'JPY'), '1234'],
      [m(-1234, 'JPY'), '-1234'],
      [m(5, 'BHD'), '0.005'],
      [m(-5, 'BHD'), '-0.005'],
      [m(1234567, 'BHD'), '1234.567'],
      [m(12345, 'CLF'), '1.2345'],
      [m(9007199254740991, 'USD'), '90071992547409.91'],
    ];
    for (const [amount, expected] of cases) {
      it(`${amount.minor} ${amount.currency} is ${expected}`, () => {
        expect(toDecimalString(amount)).to.equal(expected);
      });
    }
  });

  describe('formatMoney', () => {
    // Expected strings written by hand from CLDR conventions for each locale.
    const cases: [string, Money, string][] = [
      ['en', m(123456, 'USD'), '$1,234.56'],
      ['en', m(-123456, 'USD'), '-$1,234.56'],
      ['en', m(1234, 'JPY'), '¥1,234'],
      ['en', m(123456, 'BRL'), 'R$1,234.56'],
      ['en', m(123456, 'EUR'), '€1,234.56'],
      ['en', m(1234567, 'BHD'), 'BHD 1,234.567'],
      ['en', m(9007199254740991, 'USD'), '$90,071,992,547,409.91'],
      ['pt-BR', m(123456, 'BRL'), 'R$ 1.234,56'],
      ['pt-BR', m(-123456, 'BRL'), '-R$ 1.234,56'],
      ['pt-BR', m(123456, 'USD'), 'US$ 1.234,56'],
      ['pt-BR', m(1234, 'JPY'), 'JP¥ 1.234'],
      ['pt-BR', m(123456, 'EUR'), '€ 1.234,56'],
      ['pt-BR', m(1234567, 'BHD'), 'BHD 1.234,567'],
      // es (Spain) does not group a 4-digit integer part.
      ['es', m(123456, 'EUR'), '1234,56 €'],
      ['es', m(123456789, 'EUR'), '1.234.567,89 €'],
      ['es', m(-123456, 'EUR'), '-1234,56 €'],
      ['es', m(123456, 'USD'), '1234,56 US$'],
      ['es', m(1234, 'JPY'), '1234 JPY'],
      ['es', m(123456, 'BRL'), '1234,56 BRL'],
      ['es', m(1234567, 'BHD'), '1234,567 BHD'],
    ];
    for (const [locale, amount, expected] of cases) {
      it(`${amount.minor} ${amount.currency} in ${locale} is "${expected}"`, () => {
        expect(plain(formatMoney(amount, locale))).to.equal(expected);
      });
    }
    it('always shows the currency digits, even for a whole amount', () => {
      expect(plain(formatMoney(m(100000, 'BHD'), 'en'))).to.equal('BHD 100.000');
      expect(plain(formatMoney(m(100, 'USD'), 'en'))).to.equal('$1.00');
      expect(plain(formatMoney(m(5, 'JPY'), 'en'))).to.equal('¥5');
    });
    it('can show the code instead of the symbol', () => {
      expect(plain(formatMoney(m(123456, 'USD'), 'en', { currencyDisplay: 'code' }))).to.equal(
        'USD 1,234.56',
      );
    });
  });

  describe('roundHalfEven', () => {
    const cases: [number, number][] = [
      [0.5, 0],
      [1.5, 2],
      [2.5, 2],
      [3.5, 4],
      [-0.5, 0],
      [-1.5, -2],
      [-2.5, -2],
      [2.4, 2],
      [2.6, 3],
      [2.5000001, 3],
      [-2.6, -3],
      [7, 7],
    ];
    for (const [value, expected] of cases) {
      it(`${value} rounds to ${expected}`, () => {
        expect(roundHalfEven(value)).to.equal(expected);
      });
    }
  });

  describe('convert', () => {
    it('returns a copy when the currency is the same', () => {
      const a = m(1234, 'USD');
      const b = convert(a, 'USD', 5);
      expect(b).to.deep.equal({ minor: 1234, currency: 'USD' });
      expect(b).not.to.equal(a);
    });
    it('USD (2 digits) to JPY (0 digits)', () => {
      // 10.00 USD × 150.25 = 1502.5 JPY, a tie: to even.
      expect(convert(m(1000, 'USD'), 'JPY', 150.25)).to.deep.equal({
        minor: 1502,
        currency: 'JPY',
      });
      // 12.34 USD × 150 = 1851 JPY.
      expect(convert(m(1234, 'USD'), 'JPY', 150)).to.deep.equal({ minor: 1851, currency: 'JPY' });
    });
    it('JPY (0 digits) to USD (2 digits)', () => {
      // 1000 JPY × 0.0067 = 6.70 USD.
      expect(convert(m(1000, 'JPY'), 'USD', 0.0067)).to.deep.equal({ minor: 670, currency: 'USD' });
    });
    it('USD (2 digits) to BHD (3 digits) and back', () => {
      // 100.00 USD × 0.376 = 37.600 BHD.
      expect(convert(m(10000, 'USD'), 'BHD', 0.376)).to.deep.equal({
        minor: 37600,
        currency: 'BHD',
      });
      // 1.005 BHD × 2.65957 = 2.67286785 USD -> 2.67.
      expect(convert(m(1005, 'BHD'), 'USD', 2.65957)).to.deep.equal({
        minor: 267,
        currency: 'USD',
      });
    });
    it('USD to EUR rounds ties to even', () => {
      expect(convert(m(5, 'USD'), 'EUR', 0.5).minor).to.equal(2); // 2.5 -> 2
      expect(convert(m(7, 'USD'), 'EUR', 0.5).minor).to.equal(4); // 3.5 -> 4
      expect(convert(m(-5, 'USD'), 'EUR', 0.5).minor).to.equal(-2); // -2.5 -> -2
      expect(convert(m(-7, 'USD'), 'EUR', 0.5).minor).to.equal(-4); // -3.5 -> -4
    });
    it('treats a decimal tie as a tie even where floating point does not', () => {
      // 9994.93 USD × 1.05 = 10494.6765 BHD: exactly half a fils, to even (…676).
      // In floating point 999493 × 1.05 × 10 is a hair above …676.5.
      expect(convert(m(999493, 'USD'), 'BHD', 1.05).minor).to.equal(10494676);
      // 1,234,567,890.15 USD × 1.1 = 1,358,024,679.165 EUR: a tie, to even (…16).
      expect(convert(m(123456789015, 'USD'), 'EUR', 1.1).minor).to.equal(135802467916);
    });
    it('refuses a rate that is not finite and positive', () => {
      for (const rate of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(() => convert(m(100, 'USD'), 'EUR', rate)).to.throw(RangeError);
      }
    });
  });

  describe('convertLines', () => {
    it('the total is the sum of the converted lines', () => {
      const lines = [m(1999, 'USD'), m(2501, 'USD'), m(333, 'USD')];
      // × 0.9 = 1799.1 -> 1799, 2250.9 -> 2251, 299.7 -> 300.
      const result = convertLines(lines, 'EUR', 0.9);
      expect(result.lines).to.deep.equal([m(1799, 'EUR'), m(2251, 'EUR'), m(300, 'EUR')]);
      expect(result.total).to.deep.equal(m(4350, 'EUR'));
    });
    it('differs from converting the total directly, and still adds up', () => {
      // 1.50 USD at 1 JPY/USD = 1.5 JPY -> 2 per line, 4 in all; the 3.00 USD total
      // converted directly would be 3 JPY, one yen off the sum of the displayed lines.
      const lines = [m(150, 'USD'), m(150, 'USD')];
      const result = convertLines(lines, 'JPY', 1);
      expect(result.lines).to.deep.equal([m(2, 'JPY'), m(2, 'JPY')]);
      expect(result.total).to.deep.equal(m(4, 'JPY'));
      expect(convert(sum(lines, 'USD'), 'JPY', 1)).to.deep.equal(m(3, 'JPY'));
    });
    it('an empty list totals zero in the target currency', () => {
      expect(convertLines([], 'BHD', 0.376)).to.deep.equal({ lines: [], total: m(0, 'BHD') });
    });
  });

  describe('sum', () => {
    it('adds one currency and refuses a mix', () => {
      expect(sum([m(1, 'USD'), m(2, 'USD')], 'USD')).to.deep.equal(m(3, 'USD'));
      expect(() => sum([m(1, 'USD'), m(2, 'EUR')], 'USD')).to.throw(RangeError);
    });
  });
  describe('convert agrees with an independent exact reference', () => {
    // Reference written for this test: rate as a decimal string, BigInt, half-even.
    function reference(minor: number, rate: string, shift: number): number {
      const [int, frac = ''] = rate.split('.');
      const num = BigInt(minor) * BigInt(int + frac);
      const power = shift - frac.length;
      if (power >= 0) return Number(num * 10n ** BigInt(power));
      const d = 10n ** BigInt(-power);
      let q = num / d;
      let r = num % d;
      if (r < 0n) {
        r += d;
        q -= 1n;
      }
      if (2n * r > d || (2n * r === d && q % 2n !== 0n)) q += 1n;
      return Number(q);
    }
    it('for 5,000 pseudo-random amounts and rates, both signs, across digit tables', () => {
      let seed = 42;
      const next = (): number => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed / 2147483648;
      };
      const pairs: [string, string, number][] = [
        ['USD', 'BRL', 0],
        ['USD', 'JPY', -2],
        ['USD', 'BHD', 1],
        ['JPY', 'CLF', 4],
      ];
      for (let i = 0; i < 5000; i++) {
        const [from, to, shift] = pairs[i % pairs.length];
        const minor = Math.round((next() - 0.3) * 10 ** (1 + Math.floor(next() * 9)));
        const rate = (0.5 + next() * 200).toFixed(1 + Math.floor(next() * 6));
        const got = convert(m(minor, from), to, Number(rate));
        expect(got.minor, `${minor} ${from} x ${rate} -> ${to}`).to.equal(
          reference(minor, String(Number(rate)), shift),
        );
      }
    });
  });
});
