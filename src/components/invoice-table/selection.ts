/**
 * The table's selection (issue 25). Either some rows, picked one by one or by ranges (their
 * summaries kept, so the bulk dialog can judge them without a request), or **all rows matching
 * the query** less the ones unticked since: then only the exclusions are kept, never one entry
 * per row, so "select all" of 100,000 rows costs nothing; the rows are read page by page when a
 * change is confirmed. No Lit.
 */
import type { InvoiceSummary } from '../../core/types.js';

export class Selection {
  #all = false;
  /** Some: the rows picked, by id. */
  readonly #picked = new Map<string, InvoiceSummary>();
  /** All matching: the rows unticked since, by id. */
  readonly #excluded = new Set<string>();
  /** The row a Shift-click or Shift+Space range starts from (its index), or -1. */
  anchor = -1;

  /** Whether "all matching" is in force (then see `excluded`). */
  get all(): boolean {
    return this.#all;
  }

  /** The rows unticked after "all matching". */
  get excluded(): ReadonlySet<string> {
    return this.#excluded;
  }

  /** The rows picked (not "all matching"), as last seen. */
  get picked(): InvoiceSummary[] {
    return [...this.#picked.values()];
  }

  /** How many rows are selected in a list of `total` rows. */
  count(total: number): number {
    return this.#all ? Math.max(0, total - this.#excluded.size) : this.#picked.size;
  }

  has(id: string): boolean {
    return this.#all ? !this.#excluded.has(id) : this.#picked.has(id);
  }

  /** Ticks or unticks one row. */
  set(row: InvoiceSummary, on: boolean): void {
    if (this.#all) {
      if (on) this.#excluded.delete(row.id);
      else this.#excluded.add(row.id);
    } else if (on) this.#picked.set(row.id, row);
    else this.#picked.delete(row.id);
  }

  /** A row shown again, maybe changed (a new version): a picked row keeps the latest copy. */
  seen(row: InvoiceSummary): void {
    if (this.#picked.has(row.id)) this.#picked.set(row.id, row);
  }

  /** Every row matching the query. */
  selectAll(): void {
    this.#all = true;
    this.#picked.clear();
    this.#excluded.clear();
  }

  /** Nothing selected. Returns whether anything was. */
  clear(): boolean {
    const had = this.#all || this.#picked.size > 0;
    this.#all = false;
    this.#picked.clear();
    this.#excluded.clear();
    this.anchor = -1;
    return had;
  }
}
