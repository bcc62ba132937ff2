/**
 * The scaled scroll area of a `RowWindow` (issue 22): how a list taller than a browser lets an
 * element be still shows every row, with the scrollbar proportional to the row index.
 *
 * Engines cap an element's height (Chromium and WebKit at 33,554,430 px, Firefox at about
 * 17.9 million); past the cap the rest of a list cannot be scrolled to. So a list of `count`
 * rows of `size` px whose rows would be taller than `MAX_LIST_HEIGHT` is laid out over
 * `capRows` rows' height only, and the scroller's `scrollTop` (the *physical* top, `p`) stands
 * for a *virtual* top `v`, the `scrollTop` the whole list would have:
 *
 * - `v = p + shift × size`: rows are drawn `shift` rows higher than their index says. The shift
 *   is a whole number of rows, so every rendered row sits on the rows' grid of the capped area.
 * - A jump (a move of more than the view's height: a scrollbar drag, `scrollTop` set by code)
 *   maps by proportion: `v = p × vMax / pMax` (`vMax`, `pMax`: the largest virtual and physical
 *   tops), so half-way down the scrollbar shows the middle of the list.
 * - A small move (a wheel notch, an arrow key, a touch drag) keeps the shift: the rows move by
 *   the pixels scrolled, row by row, not `vMax / pMax` rows at a time. It may drift from the
 *   proportion by at most `DRIFT` of the list, and by less near the ends, so that the first
 *   physical pixel is row 0 and the last one (`p = pMax`) is exactly the end of the list: `v`
 *   stays within `p × k ± min(DRIFT × vMax, (k − 1) × min(p, pMax − p))`, `k = vMax / pMax`.
 *   Near the end that bound is `v ≤ vMax − (pMax − p)`: rows ahead are never fewer than the
 *   pixels left, and once at the bound the last rows come 1:1 to the very last.
 *
 * Lists shorter than the cap are not scaled (`shift` is always 0, `p = v`).
 */

/**
 * The tallest list laid out at its real height, in CSS px: under every engine's cap (Firefox's
 * is the lowest, ~17.9 M) with room to spare, and where layout still has whole-pixel precision.
 * 180,000 rows of 44 px.
 */
export const MAX_LIST_HEIGHT = 8_000_000;

/** How far small scrolls may move the rows from the scrollbar's proportion (of the list). */
export const DRIFT = 0.01;

export interface ScrollGeometry {
  /** Row height, px. */
  readonly size: number;
  /** Rows laid out: every row (not scaled), or the capped area's rows. */
  readonly rows: number;
  /** Whether the list is scaled (`rows < count`). */
  readonly scaled: boolean;
  /** The largest shift: the one at the end of the list. */
  readonly maxShift: number;
  /** The largest physical `scrollTop`. */
  readonly pMax: number;
  /** The largest virtual `scrollTop`. */
  readonly vMax: number;
}

/**
 * The geometry of a list of `count` rows of `size` px whose rows start `offset` px into a
 * scroller whose view is `viewport` px tall.
 */
export function scrollGeometry(
  count: number,
  size: number,
  offset: number,
  viewport: number,
): ScrollGeometry {
  const capRows = Math.max(1, Math.floor(MAX_LIST_HEIGHT / size));
  const scaled = count > capRows;
  const rows = scaled ? capRows : count;
  return {
    size,
    rows,
    scaled,
    maxShift: count - rows,
    pMax: Math.max(0, offset + rows * size - viewport),
    vMax: Math.max(0, offset + count * size - viewport),
  };
}

/**
 * The shift for physical top `p`, coming from `shift`: by proportion after a `jump`, else
 * `shift` kept as far as the drift allows (see the header).
 */
export function shiftAt(g: ScrollGeometry, p: number, shift: number, jump: boolean): number {
  if (!g.scaled || p <= 0 || g.pMax <= 0) return 0;
  if (p >= g.pMax - 0.5) return g.maxShift;
  const k = g.vMax / g.pMax;
  const proportional = p * k;
  const band = Math.min(DRIFT * g.vMax, (k - 1) * Math.min(p, g.pMax - p));
  const kept = p + shift * g.size;
  const v = jump
    ? proportional
    : Math.min(proportional + band, Math.max(proportional - band, kept));
  return Math.min(g.maxShift, Math.max(0, Math.round((v - p) / g.size)));
}

/**
 * Where to scroll for virtual top `v`: the physical top and the shift. The shift is kept when a
 * small move reaches `v` with it (the rows glide); otherwise `v` is placed by proportion.
 */
export function placeVirtual(
  g: ScrollGeometry,
  v: number,
  p: number,
  shift: number,
  viewport: number,
): { top: number; shift: number } {
  // Not scaled: the browser clamps (with the sizes it knows, which may be newer than these).
  if (!g.scaled) return { top: v, shift: 0 };
  const target = Math.min(g.vMax, Math.max(0, v));
  const kept = target - shift * g.size;
  if (
    Math.abs(kept - p) <= viewport &&
    kept >= 0 &&
    kept <= g.pMax &&
    shiftAt(g, kept, shift, false) === shift
  ) {
    return { top: kept, shift };
  }
  // By proportion: the shift whose physical top is nearest `target / k`, among those that the
  // small-move rule (`shiftAt`) keeps. A placement it would not keep is remapped by the next
  // resize or scroll heard, and the rows move under the user: rounding the proportional shift
  // near an end could put the top past the band (or on `pMax`, which shows the very end).
  const k = g.pMax > 0 ? g.vMax / g.pMax : 1;
  const ideal = Math.min(g.maxShift, Math.max(0, Math.round((target - target / k) / g.size)));
  const topOf = (s: number) => Math.min(g.pMax, Math.max(0, target - s * g.size));
  // The shifts nearest the proportional one first (+0, +1, −1, +2, …); the band is a row wide
  // or more wherever a row fits in it, so one of the first few is kept.
  for (let step = 0, s = ideal; step < 9; step++, s += step % 2 ? step : -step) {
    if (s >= 0 && s <= g.maxShift && shiftAt(g, topOf(s), s, false) === s) {
      return { top: topOf(s), shift: s };
    }
  }
  return { top: topOf(ideal), shift: ideal };
}
