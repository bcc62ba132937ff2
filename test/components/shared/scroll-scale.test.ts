/**
 * The scaled scroll area's mapping (scroll-scale.ts, docs/PERFORMANCE.md "Lists of any
 * length"): where `placeVirtual` puts a row is where the small-move rule (`shiftAt`) keeps it.
 * A placement the rule would not keep is remapped by the next resize or scroll the window hears,
 * and the rows jump under the user: a row revealed near the end of 10,000,000 rows (PageDown in
 * `<invoice-table>`) was drawn on `pMax`, the next resize showed the very end instead, and the
 * row holding the focus left the window.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  placeVirtual,
  scrollGeometry,
  shiftAt,
  type ScrollGeometry,
} from '../../../src/components/shared/scroll-scale.js';

/** A scaled list: 1,000,000 to 100,000,000 rows, whole and fractional row heights. */
const scaledList = fc
  .record({
    count: fc.integer({ min: 1_000_000, max: 100_000_000 }),
    size: fc.constantFrom(20, 37.5, 44, 44.8, 61),
    offset: fc.constantFrom(0, 30, 44, 88),
    viewport: fc.integer({ min: 60, max: 1200 }),
  })
  .map(({ count, size, offset, viewport }) => scrollGeometry(count, size, offset, viewport));

/** A virtual top, most often within a few thousand px of either end, where the band is narrow. */
function virtualTop(g: ScrollGeometry): fc.Arbitrary<number> {
  const near = fc.integer({ min: 0, max: 5_000 });
  return fc.oneof(
    near.map((d) => Math.max(0, Math.floor(g.vMax) - d)),
    near.map((d) => Math.min(Math.floor(g.vMax), d)),
    fc.double({ min: 0, max: g.vMax, noNaN: true }).map(Math.floor),
  );
}

/** Where the window was before: the top of the list, or a place found by a scrollbar drag. */
function before(g: ScrollGeometry): fc.Arbitrary<{ p: number; shift: number }> {
  return fc.oneof(
    fc.constant({ p: 0, shift: 0 }),
    fc
      .double({ min: 0, max: g.pMax, noNaN: true })
      .map((p) => ({ p, shift: shiftAt(g, p, 0, true) })),
  );
}

describe('scroll-scale: placeVirtual', () => {
  it('every list this property runs on is scaled', () => {
    fc.assert(fc.property(scaledList, (g) => g.scaled && g.vMax > g.pMax));
  });

  it('places any virtual top where the small-move rule keeps it, exactly, in the area', () => {
    fc.assert(
      fc.property(
        scaledList.chain((g) => fc.tuple(fc.constant(g), virtualTop(g), before(g))),
        ([g, v, from]) => {
          const place = placeVirtual(g, v, from.p, from.shift, g.size * 10);
          expect(place.top, 'in the area').to.be.within(0, g.pMax);
          expect(place.shift).to.be.within(0, g.maxShift);
          expect(Number.isInteger(place.shift), 'a whole number of rows').to.equal(true);
          expect(shiftAt(g, place.top, place.shift, false), 'kept by a small move').to.equal(
            place.shift,
          );
          expect(place.top + place.shift * g.size, 'the virtual top asked for').to.be.closeTo(
            v,
            1e-6,
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('after a jump, puts the scrollbar where the virtual top is in proportion (within 5 rows)', () => {
    fc.assert(
      fc.property(
        scaledList.chain((g) => fc.tuple(fc.constant(g), virtualTop(g))),
        ([g, v]) => {
          // From the other end of the list: a jump, never a small move (which keeps its shift).
          const far = v < g.vMax / 2 ? { p: g.pMax, shift: g.maxShift } : { p: 0, shift: 0 };
          const place = placeVirtual(g, v, far.p, far.shift, g.size * 10);
          const proportional = (v * g.pMax) / g.vMax;
          expect(Math.abs(place.top - proportional)).to.be.at.most(g.size * 5);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('shows the end of the list on the last physical pixel, and its start on the first', () => {
    fc.assert(
      fc.property(scaledList, (g) => {
        const end = placeVirtual(g, g.vMax, 0, 0, g.size * 10);
        expect(end.shift).to.equal(g.maxShift);
        expect(end.top).to.be.closeTo(g.pMax, 1e-6);
        expect(shiftAt(g, end.top, end.shift, false)).to.equal(g.maxShift);
        expect(placeVirtual(g, 0, g.pMax, g.maxShift, g.size * 10)).to.deep.equal({
          top: 0,
          shift: 0,
        });
      }),
    );
  });
});
