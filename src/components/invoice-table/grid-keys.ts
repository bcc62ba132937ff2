/** The grid's row keys (the ARIA grid pattern, rows only). Pure, no DOM. */

/**
 * Where a key moves the focus from row `index` of `total` rows: a row index, `'open'` for
 * Enter, or `null` for a key the grid leaves alone (and for a move with no rows). Moves stop
 * at the first and last rows; PageUp and PageDown move by `pageStep` rows.
 */
export function nextRowIndex(
  key: string,
  index: number,
  total: number,
  pageStep: number,
): number | 'open' | null {
  const last = total - 1;
  let next: number;
  switch (key) {
    case 'Enter':
      return 'open';
    case 'ArrowDown':
      next = index + 1;
      break;
    case 'ArrowUp':
      next = index - 1;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = last;
      break;
    case 'PageDown':
      next = index + pageStep;
      break;
    case 'PageUp':
      next = index - pageStep;
      break;
    default:
      return null;
  }
  return last < 0 ? null : Math.max(0, Math.min(last, next));
}
