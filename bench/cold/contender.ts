/** What the cold-insert page needs from each grid it measures (bench/cold-insert.ts). */
import type { RowSource } from './rows.js';

/** A row element of the grid with its box, and the row index it shows (`null`: no data yet). */
export interface RowBox {
  index: number | null;
  top: number;
  bottom: number;
}

export interface Contender {
  /**
   * Creates the grid with its data source set and appends it to `stage`, as a host would.
   * Everything the grid does from here on is timed.
   */
  insert(stage: HTMLElement, source: RowSource): HTMLElement;
  /** The element that scrolls the rows (its `scrollTop` is the scrollbar). */
  scroller(el: HTMLElement): HTMLElement;
  /** The grid's row elements (data rows only, not the header), with their boxes. */
  rows(el: HTMLElement): RowBox[];
  /** The cell a user clicks to put the focus in the first row. */
  firstCell(el: HTMLElement): HTMLElement | null;
  /** The row index of the focused element (`deepActive`, inside the grid), or `null`. */
  rowOf(el: HTMLElement, deepActive: Element): number | null;
}
