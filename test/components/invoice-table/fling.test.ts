/**
 * FlingPredictor on its own: moves of a view of 20 rows over a list of 1,000,000, at times the
 * test chooses (no frames, no clock).
 */
import { expect } from '@open-wc/testing';
import { FlingPredictor, type Motion } from '../../../src/components/invoice-table/fling.js';

const TOTAL = 1_000_000;
const SPAN = 20;
const TOLERANCE = 200;

/** Feeds the view's first row at each time; returns what each move said. */
function feed(moves: readonly (readonly [time: number, first: number])[]): Motion[] {
  const fling = new FlingPredictor();
  return moves.map(([time, first]) => fling.move(time, first, first + SPAN, TOTAL, TOLERANCE));
}

/** Frames of `ms` from time 1000. */
function frames(count: number, ms: (i: number) => number, first: (t: number) => number) {
  const out: [number, number][] = [];
  let time = 1000;
  for (let i = 0; i < count; i++) {
    time += ms(i);
    out.push([time, Math.round(first(time - 1000))]);
  }
  return out;
}

describe('FlingPredictor', () => {
  it('predicts where a momentum fling stops, long before it gets there', () => {
    // A wheel or touch fling: 60 rows/ms decaying with τ = 325 ms stops 19,500 rows on.
    const stop = 100_000 + 60 * 325;
    const at = (t: number) => 100_000 + 60 * 325 * (1 - Math.exp(-t / 325));
    // Frames of 16 or 17 ms, and a late one now and then.
    const moves = frames(120, (i) => (i % 7 === 3 ? 33 : 16 + (i % 2)), at);
    const said = feed(moves);
    const first = said.findIndex((m) => m.stop !== null);
    expect(first, 'a move that predicts the stop').to.be.greaterThan(0);
    expect(stop - moves[first]![1], 'rows still to go when it is predicted').to.be.greaterThan(
      5000,
    );
    said.forEach((m, i) => {
      // Within a page of 200, or 8 % of the way still to go.
      const error = m.stop ? Math.abs(m.stop.first - stop) : 0;
      expect(error).to.be.at.most(Math.max(TOLERANCE, 0.08 * (stop - moves[i]![1])));
    });
  });

  it('predicts the end of the list when a fling is about to reach it', () => {
    // A drag to the bottom at 5,000 rows per frame, as the benchmark's fling.
    const end = TOTAL - 1 - SPAN;
    const moves = frames(
      200,
      () => 16.7,
      (t) => Math.min(end, (t / 16.7) * 5000),
    );
    const said = feed(moves);
    const reached = moves.findIndex(([, first]) => first === end);
    const first = said.findIndex((m) => m.stop !== null);
    expect(first).to.be.within(1, reached - 1);
    expect(said[first]!.stop).to.deep.equal({ first: end, last: TOTAL - 1 });
    // And the top when flinging up.
    const up = feed(
      frames(
        20,
        () => 16.7,
        (t) => Math.max(0, 50_000 - (t / 16.7) * 5000),
      ),
    );
    expect(up.find((m) => m.stop)?.stop).to.deep.equal({ first: 0, last: SPAN });
  });

  it('takes a second move in the same frame as the place at that frame, with no speed of its own', () => {
    // Moves are timed by their frame: a scroll event, then a script's move in an animation
    // frame callback, come at the same time. A drag of 600 rows a frame, mid-list, with a
    // second move of 100 rows in every fifth frame.
    const moves: [number, number][] = [];
    for (let i = 1; i <= 40; i++) {
      const time = 1000 + i * 16.7;
      moves.push([time, 300_000 + i * 600]);
      if (i % 5 === 0) moves.push([time, 300_000 + i * 600 + 100]);
    }
    const said = feed(moves);
    // No stop predicted from a move that took no time, nor from a drag.
    expect(said.filter((m) => m.stop !== null)).to.deep.equal([]);
    expect(said.slice(2).every((m) => m.flinging)).to.equal(true);
    // The same momentum as the first test, each move heard twice in its frame: the same
    // predictions as once.
    const at = (t: number) => 100_000 + 60 * 325 * (1 - Math.exp(-t / 325));
    const once = frames(120, () => 16.7, at);
    const twice = once.flatMap((move) => [move, move]);
    const single = feed(once).map((m) => m.stop);
    const doubled = feed(twice).filter((_, i) => i % 2 === 1);
    expect(doubled.map((m) => m.stop)).to.deep.equal(single);
    expect(single.some((s) => s !== null)).to.equal(true);
  });

  it('predicts nothing for a drag at a steady speed, even when frames come late', () => {
    // 600 rows per frame; frames of 16 to 50 ms (a busy machine).
    const gaps = [16.7, 33.3, 16.7, 50, 16.7, 16.7, 33.3, 50, 66.7, 16.7, 16.7, 33.3];
    let first = 10_000;
    let time = 1000;
    const moves: [number, number][] = [];
    for (let i = 0; i < 60; i++) {
      time += gaps[i % gaps.length]!;
      first += 600;
      moves.push([time, first]);
    }
    const said = feed(moves);
    expect(said.slice(1).every((m) => m.flinging)).to.equal(true);
    expect(said.filter((m) => m.stop)).to.deep.equal([]);
  });

  it('sees no fling, and predicts nothing, for a jump or a slow scroll', () => {
    expect(
      feed([
        [1000, 0],
        [1016, 50_000],
      ])[1],
    ).to.deep.equal({ flinging: true, stop: null });
    const slow = feed(
      frames(
        30,
        () => 16.7,
        (t) => 5000 + Math.round(t / 16.7) * 3,
      ),
    );
    expect(slow.some((m) => m.flinging || m.stop)).to.equal(false);
  });
});
