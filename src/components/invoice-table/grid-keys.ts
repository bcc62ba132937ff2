/** The grid's row keys (the ARIA grid pattern, rows only) and which row an event came from. */

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

/** The index of the row an event happened in (`data-index`), looking no further than `body`. */
export function rowIndexOf(e: Event, body: Element | null | undefined): number {
  for (const node of e.composedPath()) {
    if (node instanceof HTMLElement && node.dataset.index !== undefined) {
      return Number(node.dataset.index);
    }
    if (node === body) break;
  }
  return -1;
}

/** Whether an event came from a row's Open button. */
export function isFromOpenButton(e: Event): boolean {
  return e.composedPath().some((n) => n instanceof HTMLElement && n.dataset.action === 'open');
}
