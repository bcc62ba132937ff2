import { expect } from '@open-wc/testing';
import {
  monthNames,
  readMonthInput,
  yearRange,
} from '../../../src/components/invoice-table/period-range.js';

describe('readMonthInput (the month fields of <invoice-table>)', () => {
  const current = { from: '2026-08', to: '2026-10' };
  const range = { min: 2000, max: 2031 };

  it('gives the period when both fields are months in order', () => {
    expect(readMonthInput(current, 'from', '2026-09', range)).to.deep.equal({
      period: { from: '2026-09', to: '2026-10' },
    });
    expect(readMonthInput(current, 'to', '2026-08', range)).to.deep.equal({
      period: { from: '2026-08', to: '2026-08' },
    });
  });

  it('keeps a half-typed year as a draft, blaming the field whose year is not valid', () => {
    expect(readMonthInput(current, 'to', '202-11', range)).to.deep.equal({
      draft: { from: '2026-08', to: '202-11' },
      error: 'invalidYear',
      field: 'to',
    });
    expect(readMonthInput({ from: '20-08', to: '2026-10' }, 'to', '2026-11', range)).to.deep.equal({
      draft: { from: '20-08', to: '2026-11' },
      error: 'invalidYear',
      field: 'from',
    });
  });

  it('refuses a four-digit year outside the range (0012 is not 1912)', () => {
    expect(readMonthInput(current, 'from', '0012-03', range)).to.deep.equal({
      draft: { from: '0012-03', to: '2026-10' },
      error: 'invalidYear',
      field: 'from',
    });
    expect(readMonthInput(current, 'to', '2032-01', range)).to.include({ error: 'invalidYear' });
    expect(readMonthInput(current, 'from', '2000-01', range)).to.deep.equal({
      period: { from: '2000-01', to: '2026-10' },
    });
    expect(readMonthInput(current, 'to', '2031-12', range)).to.deep.equal({
      period: { from: '2026-08', to: '2031-12' },
    });
  });

  it('keeps an inverted range as a draft, blaming the field just edited', () => {
    expect(readMonthInput(current, 'from', '2026-12', range)).to.deep.equal({
      draft: { from: '2026-12', to: '2026-10' },
      error: 'periodOrder',
      field: 'from',
    });
  });
});

describe('yearRange and monthNames', () => {
  it('accepts 2000 to five years after today, widened to hold the period in force', () => {
    const today = new Date(2026, 10, 15);
    expect(yearRange({ from: '2026-08', to: '2026-10' }, today)).to.deep.equal({
      min: 2000,
      max: 2031,
    });
    expect(yearRange({ from: '1998-01', to: '2035-12' }, today)).to.deep.equal({
      min: 1998,
      max: 2035,
    });
  });

  it('names the months in the given language, January first', () => {
    expect(monthNames('en')[2]).to.equal('March');
    expect(monthNames('pt-BR')[2]).to.equal('março');
    expect(monthNames('es')[2]).to.equal('marzo');
    expect(monthNames('es')).to.have.length(12);
  });
});
