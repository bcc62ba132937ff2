import { expect } from '@open-wc/testing';
import {
  addMonths,
  formatMonth,
  formatPeriod,
  isBillingPeriod,
  monthCount,
  periodsOverlap,
  presetPeriod,
  type PeriodPreset,
} from '../../src/core/period.js';
import type { BillingPeriod } from '../../src/core/types.js';

/** Plain spaces, and one plain space either side of a range dash (CLDR spacing varies). */
function plain(text: string): string {
  return text
    .replace(/[\s\u00a0\u202f\u2009]+/g, ' ')
    .replace(/ ?[–-] ?/g, ' – ')
    .trim();
}

describe('core/period', () => {
  describe('presetPeriod against a fixed date', () => {
    const cases: [string, Date, Record<PeriodPreset, BillingPeriod>][] = [
      [
        '15 January 2026',
        new Date(2026, 0, 15, 12),
        {
          'last-month': { from: '2025-12', to: '2025-12' },
          'this-quarter': { from: '2026-01', to: '2026-01' },
          'last-3-months': { from: '2025-10', to: '2025-12' },
          'last-12-months': { from: '2025-01', to: '2025-12' },
        },
      ],
      [
        '31 August 2026',
        new Date(2026, 7, 31, 12),
        {
          'last-month': { from: '2026-07', to: '2026-07' },
          'this-quarter': { from: '2026-07', to: '2026-08' },
          'last-3-months': { from: '2026-05', to: '2026-07' },
          'last-12-months': { from: '2025-08', to: '2026-07' },
        },
      ],
      [
        '31 December 2026, late evening',
        new Date(2026, 11, 31, 23, 59),
        {
          'last-month': { from: '2026-11', to: '2026-11' },
          'this-quarter': { from: '2026-10', to: '2026-12' },
          'last-3-months': { from: '2026-09', to: '2026-11' },
          'last-12-months': { from: '2025-12', to: '2026-11' },
        },
      ],
    ];
    for (const [label, today, expected] of cases) {
      for (const preset of Object.keys(expected) as PeriodPreset[]) {
        it(`${preset} on ${label}`, () => {
          expect(presetPeriod(preset, today)).to.deep.equal(expected[preset]);
        });
      }
    }
  });

  describe('addMonths', () => {
    const cases: [string, number, string][] = [
      ['2026-05', 0, '2026-05'],
      ['2026-05', 1, '2026-06'],
      ['2026-12', 1, '2027-01'],
      ['2026-11', 2, '2027-01'],
      ['2026-01', -1, '2025-12'],
      ['2026-03', -15, '2024-12'],
      ['2026-01', 24, '2028-01'],
      ['2026-07', -12, '2025-07'],
    ];
    for (const [from, delta, expected] of cases) {
      it(`${from} ${delta >= 0 ? '+' : ''}${delta} is ${expected}`, () => {
        expect(addMonths(from, delta)).to.equal(expected);
      });
    }
    it('refuses a malformed month', () => {
      expect(() => addMonths('2026-13', 1)).to.throw(RangeError);
    });
  });

  describe('formatMonth', () => {
    const cases: [string, 'long' | 'short', string][] = [
      ['en', 'long', 'October 2026'],
      ['pt-BR', 'long', 'outubro de 2026'],
      ['es', 'long', 'octubre de 2026'],
      ['en', 'short', 'Oct 2026'],
      ['pt-BR', 'short', 'out. de 2026'],
    ];
    for (const [locale, style, expected] of cases) {
      it(`2026-10 (${style}) in ${locale} is "${expected}"`, () => {
        expect(plain(formatMonth('2026-10', locale, style))).to.equal(expected);
      });
    }
    it('January is January in every time zone (no UTC shift to December)', () => {
      expect(plain(formatMonth('2026-01', 'en'))).to.equal('January 2026');
    });
  });

  describe('formatPeriod', () => {
    const cases: [string, BillingPeriod, string][] = [
      ['en', { from: '2026-10', to: '2026-10' }, 'October 2026'],
      ['pt-BR', { from: '2026-10', to: '2026-10' }, 'outubro de 2026'],
      ['es', { from: '2026-10', to: '2026-10' }, 'octubre de 2026'],
      ['en', { from: '2026-10', to: '2026-12' }, 'October – December 2026'],
      ['pt-BR', { from: '2026-10', to: '2026-12' }, 'outubro – dezembro de 2026'],
      ['es', { from: '2026-10', to: '2026-12' }, 'octubre – diciembre de 2026'],
      ['en', { from: '2026-11', to: '2027-02' }, 'November 2026 – February 2027'],
      ['pt-BR', { from: '2026-11', to: '2027-02' }, 'novembro de 2026 – fevereiro de 2027'],
      ['es', { from: '2026-11', to: '2027-02' }, 'noviembre de 2026 – febrero de 2027'],
    ];
    for (const [locale, period, expected] of cases) {
      it(`${period.from}..${period.to} in ${locale} is "${expected}"`, () => {
        expect(plain(formatPeriod(period, locale))).to.equal(expected);
      });
    }
  });

  describe('isBillingPeriod', () => {
    it('accepts whole months with from ≤ to', () => {
      expect(isBillingPeriod({ from: '2026-01', to: '2026-03' })).to.equal(true);
      expect(isBillingPeriod({ from: '2026-10', to: '2026-10' })).to.equal(true);
      expect(isBillingPeriod({ from: '2025-12', to: '2026-01' })).to.equal(true);
    });
    it('refuses a period that runs backwards', () => {
      expect(isBillingPeriod({ from: '2026-03', to: '2026-01' })).to.equal(false);
      expect(isBillingPeriod({ from: '2027-01', to: '2026-12' })).to.equal(false);
    });
    it('refuses malformed months and non-objects', () => {
      const bad: unknown[] = [
        { from: '2026-13', to: '2026-13' },
        { from: '2026-00', to: '2026-01' },
        { from: '2026-1', to: '2026-02' },
        { from: '26-01', to: '26-02' },
        { from: '2026-01-01', to: '2026-02-01' },
        { from: 202601, to: 202602 },
        { from: '2026-01' },
        null,
        undefined,
        '2026-01',
        [],
      ];
      for (const value of bad) {
        expect(isBillingPeriod(value), JSON.stringify(value)).to.equal(false);
      }
    });
  });

  describe('monthCount and periodsOverlap', () => {
    it('counts months across a year', () => {
      expect(monthCount({ from: '2026-10', to: '2026-10' })).to.equal(1);
      expect(monthCount({ from: '2025-11', to: '2026-02' })).to.equal(4);
    });
    it('overlap shares at least one month', () => {
      const q4 = { from: '2026-10', to: '2026-12' };
      expect(periodsOverlap(q4, { from: '2026-12', to: '2027-01' })).to.equal(true);
      expect(periodsOverlap(q4, { from: '2027-01', to: '2027-03' })).to.equal(false);
      expect(periodsOverlap(q4, { from: '2026-01', to: '2026-09' })).to.equal(false);
    });
  });
});
