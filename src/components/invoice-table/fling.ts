/**
 * FlingPredictor: from the moves of the table's view, whether the user is flinging and where
 * the fling will stop, so `RowSource` can ask for those rows before the view gets there
 * (docs/PERFORMANCE.md, "Data after a fling").
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

/** A move slower than this share of the one before decelerates. */
const DECELERATING = 0.98;
/** Moves ahead, at the present speed, that reaching an end of the list counts as stopping there. */
const MOVES_AHEAD = 3;

export class FlingPredictor {
  /** How long a fling's fetch waits for the next move: a frame and a half, 60–300 ms. */
  settleMs = 60;
  #last = { at: -Infinity, first: 0, last: -1, jumped: false, velocity: 0, gap: Infinity };
  /** Decelerating moves in a row. */
  #slowing = 0;
  /** The decay time of the momentum (ms), averaged over the decelerating moves. */
  #tau = 0;
  /** The stop predicted at the last move (first row in view). */
  #stop: number | undefined;

  /** When the view last moved (`performance.now()` time). */
  get lastMoveAt(): number {
    return this.#last.at;
  }

  reset(): void {
    this.#last = { at: -Infinity, first: 0, last: -1, jumped: false, velocity: 0, gap: Infinity };
    this.#slowing = this.#tau = 0;
    this.#stop = undefined;
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
   * row agree within `tolerance` rows (an end of the list at once).
   */
  move(now: number, first: number, last: number, total: number, tolerance: number): Motion {
    const previous = this.#last;
    const gap = now - previous.at;
    const jumped = first > previous.last || last < previous.first;
    // Rows per millisecond (0 after a pause).
    const velocity = gap > 0 && gap < 150 ? (first - previous.first) / gap : 0;
    this.#last = { at: now, first, last, jumped, velocity, gap };
    this.settleMs = Math.min(300, Math.max(60, 1.5 * gap));
    const flinging = jumped && (gap < 150 || (previous.jumped && gap < 1000));
    const span = Math.max(0, last - first);
    const stop = flinging
      ? this.#predict(first, velocity, gap, previous, total - 1 - span)
      : undefined;
    const prior = this.#stop;
    this.#stop = stop;
    if (!flinging) this.#slowing = 0;
    if (stop === undefined) return { flinging, stop: null };
    const atEnd = stop === 0 || stop === total - 1 - span;
    const holds = atEnd || (prior !== undefined && Math.abs(stop - prior) <= tolerance);
    return { flinging, stop: holds ? { first: stop, last: stop + span } : null };
  }

  /** The first row in view where the fling will stop (`end`: the last possible), if known. */
  #predict(
    first: number,
    v: number,
    gap: number,
    previous: { readonly velocity: number; readonly gap: number },
    end: number,
  ): number | undefined {
    const before = previous.velocity;
    // A speed needs two moves the same way (one jump may be a click in the scrollbar's track).
    if (!v || !(end >= 0) || Math.sign(before) !== Math.sign(v)) {
      this.#slowing = 0;
      return undefined;
    }
    const ahead = first + v * MOVES_AHEAD * gap;
    if (v > 0 && ahead >= end) return end;
    if (v < 0 && ahead <= 0) return 0;
    const speed = Math.abs(v);
    if (speed >= DECELERATING * Math.abs(before)) {
      this.#slowing = 0;
      return undefined;
    }
    // Momentum decays exponentially (v = v₀·e^(−t/τ), deceleration v/τ): it stops v·τ further on.
    // Each speed is the mean over its move: they are half a move apart. τ is averaged, since
    // rows are whole numbers and frames come late.
    const deceleration = (Math.abs(before) - speed) / ((Math.min(previous.gap, 150) + gap) / 2);
    const tau = speed / deceleration;
    this.#tau = this.#slowing++ ? 0.7 * this.#tau + 0.3 * tau : tau;
    // Two decelerating moves in a row: momentum, not a frame that came late.
    if (this.#slowing < 2) return undefined;
    const stop = Math.round(first + Math.sign(v) * speed * this.#tau);
    return Math.min(end, Math.max(0, stop));
  }
}
