import { css } from 'lit';
import { dialogStyles } from '../shared/dialog.styles.js';

/**
 * `<invoice-table>`'s selection and bulk status change (issue 25): the checkbox column, the bar
 * over the grid, and the dialog, which is `<status-updater>`'s (the same styles and tokens:
 * `--status-updater-dialog-*`, `--status-updater-switch-*`).
 */
export const bulkStyles = [
  dialogStyles,
  css`
    .grid[data-selectable] {
      --_lead-column: 2.75rem;
    }

    .cell.select {
      display: flex;
      justify-content: center;
    }

    .cell.select input {
      inline-size: 1.125rem;
      block-size: 1.125rem;
      margin: 0;
      accent-color: var(--_primary);
    }

    .body .row[aria-selected='true'] {
      background: var(--invoice-table-selected-background, var(--_it-row-hover-bg));
    }

    /* Stacked rows: the checkbox in the row's top corner, outside the label/value lines. */
    .narrow .grid[data-selectable] .body .row {
      position: relative;
    }

    .narrow .grid[data-selectable] .body .cell.select {
      position: absolute;
      inset-block-start: var(--_space);
      inset-inline-end: var(--_space);
      display: block;
    }

    .narrow .grid[data-selectable] .body .cell.select::before {
      content: none;
    }

    .narrow .grid[data-selectable] .head .cell.select {
      order: -1;
    }

    .bulk-bar {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: var(--_space);
      margin-block-end: var(--_space);
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }

    .bulk-count {
      align-self: center;
      font-weight: 600;
    }

    .bulk-target {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }

    .bulk-list {
      max-block-size: 12rem;
      overflow: auto;
    }

    dialog progress {
      inline-size: 100%;
    }

    dialog h3 {
      margin-block: 0 var(--_space);
      font-size: 1em;
    }
  `,
];
