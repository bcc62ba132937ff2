/**
 * FlingPredictor: from the moves of the table's view, whether the user is flinging and where
 * the fling will stop, so `RowSource` can ask for those rows before the view gets there
 * (docs/PERFORMANCE.md, "Page cache, and data after a fling").
 */

/** A range of rows (or pages), both ends included. */
export interface PageRange {
  readonly first: number;
  readonly last: number;
}

export interface Motion {
  /** Whether the view is flinging (fetching the rows it passes would be wasted). */
  readonly flinging: boolean;
  /** The rows in view where the fling will stop, once the prediction holds (else `null`). */
  readonly stop: PageRange | null;
}

/** Speeds over the last two moves slower than this share of the two before decelerate. */
const DECELERATING = 0.97;
/** Moves ahead, at the present speed, that reaching an end of the list counts as stopping there. */
const MOVES_AHEAD = 3;

interface Sample {
  readonly at: number;
  readonly first: number;
}

export class FlingPredictor {
  /** How long a fling's fetch waits for the next move: a frame and a half, 60–300 ms. */
  settleMs = 60;
  #last = { at: -Infinity, first: 0, last: -1, jumped: false };
  /** The moves of the fling under way, one way (the last five). */
  #samples: Sample[] = [];
  /** Decelerating moves in a row. */
  #slowing = 0;
  /** The decay time of the momentum (ms), averaged over the decelerating moves. */
  #tau = 0;
  /** The stop predicted at the last move (first row in view). */
  #stop: number | undefined;
  /** What the last move said. */
  #motion: Motion = { flinging: false, stop: null };

  reset(): void {
    this.#last = { at: -Infinity, first: 0, last: -1, jumped: false };
    this.#samples = [];
    this.#slowing = this.#tau = 0;
    this.#stop = undefined;
    this.#motion = { flinging: false, stop: null };
    this.settleMs = 60;
  }

  /**
   * The view now shows rows `first`–`last` of `total`. The user is flinging when the view moved
   * past the rows it held a moment ago, or past them again after such a move (a scrollbar drag
   * or a fast wheel, not a jump, a slow scroll or the keyboard). "A moment" is a few frames,
   * and the wait for the fling to settle scales with the time between moves, so a busy or slow
   * device whose frames take 100 ms or more still counts a drag as a fling rather than sending
   * a request per frame. A stop is predicted when the next moves would reach an end of the
   * list, or when the fling decelerates (momentum): it is returned once two predictions in a
   * row agree (within `tolerance` rows, or 3 % of the way still to go; an end of the list at
   * once).
   */
  move(now: number, first: number, last: number, total: number, tolerance: number): Motion {
    const previous = this.#last;
    const gap = now - previous.at;
    const jumped = first > previous.last || last < previous.first;
    if (gap <= 0) {
      // A second move heard in the same frame (a scroll event, then a script's move in an
      // animation frame callback): moves are timed by their frame (row-source.ts), and a
      // speed needs time between moves. This place stands for that frame's, and a jump from
      // the first place makes a fling; the prediction stays as it was.
      const samples = this.#samples;
      if (samples.at(-1)?.at === previous.at)
        samples[samples.length - 1] = { at: previous.at, first };
      this.#last = { ...previous, first, last, jumped: previous.jumped || jumped };
      return (this.#motion = { ...this.#motion, flinging: this.#motion.flinging || jumped });
    }
    this.#last = { at: now, first, last, jumped };
    this.settleMs = Math.min(300, Math.max(60, 1.5 * gap));
    const flinging = jumped && (gap < 150 || (previous.jumped && gap < 1000));
    const samples = this.#samples;
    const way = Math.sign(first - previous.first);
    const before = samples.at(-1);
    if (!flinging || !before || way !== Math.sign(first - before.first) || gap >= 150) {
      // A new fling (or none): its speed needs moves of its own.
      samples.length = this.#slowing = 0;
      if (flinging) samples.push({ at: previous.at, first: previous.first });
    }
    if (flinging) samples.push({ at: now, first });
    if (samples.length > 5) samples.shift();
    const span = Math.max(0, last - first);
    const end = total - 1 - span;
    const stop = flinging ? this.#predict(first, end) : undefined;
    const prior = this.#stop;
    this.#stop = stop;
    if (stop === undefined) return (this.#motion = { flinging, stop: null });
    const near = Math.max(tolerance, 0.03 * Math.abs(stop - first));
    const holds =
      stop === 0 || stop === end || (prior !== undefined && Math.abs(stop - prior) <= near);
    return (this.#motion = { flinging, stop: holds ? { first: stop, last: stop + span } : null });
  }

  /** The first row in view where the fling will stop (`end`: the last possible), if known. */
  #predict(first: number, end: number): number | undefined {
    const s = this.#samples;
    const n = s.length;
    // A speed needs two moves the same way (one jump may be a click in the scrollbar's track).
    if (n < 3 || !(end >= 0)) return undefined;
    const c = s[n - 1]!;
    const b = s[n - 2]!;
    const v = (c.first - b.first) / (c.at - b.at);
    const ahead = first + v * MOVES_AHEAD * (c.at - b.at);
    if (v > 0 && ahead >= end) return end;
    if (v < 0 && ahead <= 0) return 0;
    if (n < 5) return undefined;
    // The speed over the last two moves against the two before (two moves each, so that a
    // frame that came late does not read as a slowdown, nor a whole row of rounding).
    const a = s[0]!;
    const m = s[2]!;
    const older = Math.abs((m.first - a.first) / (m.at - a.at));
    const speed = Math.abs((c.first - m.first) / (c.at - m.at));
    if (!(speed < DECELERATING * older)) {
      this.#slowing = 0;
      return undefined;
    }
    // Momentum decays exponentially (v = v₀·e^(−t/τ), deceleration v/τ): it stops v·τ further
    // on. The two speeds are means over their moves, (c − a)/2 apart; τ is averaged.
    const tau = speed / ((older - speed) / ((c.at - a.at) / 2));
    // Decelerating at the same rate (τ within 40 %) over three moves in a row: momentum,
    // not frames that came late.
    const steady = this.#slowing > 0 && Math.abs(tau - this.#tau) < 0.4 * this.#tau;
    this.#slowing = steady ? this.#slowing + 1 : 1;
    this.#tau = steady ? 0.6 * this.#tau + 0.4 * tau : tau;
    if (this.#slowing < 3) return undefined;
    // From the middle of the last two moves to now, the speed decayed further.
    const rest = speed * this.#tau * Math.exp(-(c.at - m.at) / 2 / this.#tau);
    return Math.min(end, Math.max(0, Math.round(first + Math.sign(v) * rest)));
  }
}
