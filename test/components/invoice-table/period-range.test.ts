import { expect } from '@open-wc/testing';
import { readMonthInput } from '../../../src/components/invoice-table/period-range.js';

describe('readMonthInput (the month fields of <invoice-table>)', () => {
  const current = { from: '2026-08', to: '2026-10' };

  it('gives the period when both fields are months in order', () => {
    expect(readMonthInput(current, 'from', '2026-09')).to.deep.equal({
      period: { from: '2026-09', to: '2026-10' },
    });
    expect(readMonthInput(current, 'to', '2026-08')).to.deep.equal({
      period: { from: '2026-08', to: '2026-08' },
    });
  });

  it('keeps a half-typed month as a draft, blaming the field that is not a month', () => {
    expect(readMonthInput(current, 'to', '2026-1')).to.deep.equal({
      draft: { from: '2026-08', to: '2026-1' },
      error: 'invalidMonth',
      field: 'to',
    });
    expect(readMonthInput({ from: '20', to: '2026-10' }, 'to', '2026-11')).to.deep.equal({
      draft: { from: '20', to: '2026-11' },
      error: 'invalidMonth',
      field: 'from',
    });
  });

  it('keeps an inverted range as a draft, blaming the field just edited', () => {
    expect(readMonthInput(current, 'from', '2026-12')).to.deep.equal({
      draft: { from: '2026-12', to: '2026-10' },
      error: 'periodOrder',
      field: 'from',
    });
  });
});
