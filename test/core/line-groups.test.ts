import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { groupLines, groupingOf } from '../../src/core/line-groups.js';
import type { Money } from '../../src/core/types.js';

const usd = (minor: number): Money => ({ minor, currency: 'USD' });

describe('core/line-groups', () => {
  it('groups lines by name in order of first appearance, each in line order', () => {
    const lines = ['B', 'A', 'B', 'C', 'A'].map((group) => ({ group }));
    const { names, order, starts, groupOf } = groupingOf(lines);
    expect(names).to.deep.equal(['B', 'A', 'C']);
    expect([...order]).to.deep.equal([0, 2, 1, 4, 3]);
    expect([...starts]).to.deep.equal([0, 2, 4, 5]);
    expect([...groupOf]).to.deep.equal([0, 1, 0, 2, 1]);
    expect(groupLines(lines, [1, 2, 3, 4, 5].map(usd), 'USD')).to.deep.equal([
      { name: 'B', indexes: [0, 2], subtotal: usd(1 + 3) },
      { name: 'A', indexes: [1, 4], subtotal: usd(2 + 5) },
      { name: 'C', indexes: [3], subtotal: usd(4) },
    ]);
  });

  it('groups nothing for no lines', () => {
    const { names, order, starts } = groupingOf([]);
    expect([names, [...order], [...starts]]).to.deep.equal([[], [], [0]]);
  });

  it('holds every line once, in its group, in line order (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 60 }), (gs) => {
        const { names, order, starts, groupOf } = groupingOf(gs.map((group) => ({ group })));
        expect(names).to.deep.equal([...new Set(gs)]);
        expect([...groupOf].map((g) => names[g])).to.deep.equal(gs);
        names.forEach((name, g) => {
          const expected = gs.flatMap((group, i) => (group === name ? [i] : []));
          expect([...order.subarray(starts[g], starts[g + 1])]).to.deep.equal(expected);
        });
        expect(starts[names.length]).to.equal(gs.length);
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });
});
