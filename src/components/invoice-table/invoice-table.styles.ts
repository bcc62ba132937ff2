import { css } from 'lit';
import { themeStyles } from '../shared/theme.styles.js';

export const invoiceTableStyles = [
  themeStyles,
  css`
    :host {
      /* Per-element tokens are read, never set, here: a host sets them on the element or on
         any ancestor, and each defaults to its global token. */
      --_it-height: var(--invoice-table-height, var(--inv-table-height, 32rem));
      --_it-header-bg: var(
        --invoice-table-header-background,
        var(--inv-table-header-background, var(--_bg-alt))
      );
      --_it-row-hover-bg: var(
        --invoice-table-row-hover-background,
        var(--inv-table-row-hover-background, var(--_bg-alt))
      );
      --_it-band-bg: var(
        --invoice-table-band-background,
        var(--inv-table-band-background, var(--_bg-alt))
      );
      --_it-group-border: var(
        --invoice-table-group-border,
        var(--inv-table-group-border, 2px solid var(--_border))
      );

      display: block;
      background: var(--_bg);
    }

    :host([hidden]) {
      display: none;
    }

    .root {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
    }

    /* ---- toolbar ------------------------------------------------------------------------ */
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: calc(var(--_space) * 2);
    }

    /* Labels at the text's size, in the muted colour: the first paint sets up two font faces
       (regular and semibold), not one per size (docs/PERFORMANCE.md, "Two font faces instead
       of five"). */
    label,
    legend {
      color: var(--_muted);
    }

    input,
    select {
      font: inherit;
      color: var(--_fg);
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      min-block-size: 2.25rem;
      padding-inline: var(--_space);
    }

    input[aria-invalid='true'] {
      border-color: var(--_danger);
    }

    .search {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      min-inline-size: min(18rem, 100%);
      flex: 1 1 16rem;
    }

    .combo {
      position: relative;
      display: flex;
    }

    .combo input {
      flex: 1;
      min-inline-size: 0;
      padding-inline-end: 2.25rem;
    }

    .clear {
      position: absolute;
      inset-inline-end: 0.25rem;
      inset-block-start: 50%;
      translate: 0 -50%;
      border: 0;
      background: transparent;
      color: var(--_muted);
      cursor: pointer;
      min-inline-size: 1.75rem;
      min-block-size: 1.75rem;
      border-radius: var(--_radius);
    }

    .popup {
      position: absolute;
      inset-block-start: calc(100% + 2px);
      inset-inline: 0;
      z-index: 3;
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      box-shadow: 0 6px 20px rgb(0 0 0 / 0.15);
      max-block-size: 18rem;
      overflow: auto;
      padding: 0;
    }

    .popup[hidden] {
      display: none;
    }

    [role='listbox'] {
      list-style: none;
      margin: 0;
      padding: 0;
    }

    .option {
      display: flex;
      flex-direction: column;
      padding-block: calc(var(--_space) * 0.75);
      padding-inline: var(--_space);
      cursor: pointer;
    }

    .option:hover {
      background: var(--_bg-alt);
    }

    .option[aria-selected='true'] {
      background: var(--_primary);
      color: var(--_on-primary);
    }

    .option-detail {
      font-size: 0.8125em;
      opacity: 0.85;
    }

    .popup-message {
      margin: 0;
      padding: var(--_space);
      color: var(--_muted);
    }

    /* The toolbar's disclosure buttons; the controls they show take a line of their own. */
    .toggle::after {
      content: '';
      display: inline-block;
      inline-size: 0.4em;
      block-size: 0.4em;
      margin-inline-start: 0.6em;
      border-inline-end: 2px solid;
      border-block-end: 2px solid;
      rotate: 45deg;
      translate: 0 -0.15em;
    }

    .toggle[aria-expanded='true']::after {
      rotate: -135deg;
      translate: 0 0.1em;
    }

    .toolbar > .period,
    .toolbar > .filters {
      flex-basis: 100%;
    }

    .period {
      border: 0;
      margin: 0;
      padding: 0;
      /* A fieldset defaults to min-inline-size: min-content; let it shrink at 200 % zoom. */
      min-inline-size: 0;
      max-inline-size: 100%;
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: var(--_space);
    }

    .period-fields {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      min-inline-size: 0;
    }

    .month-field {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      min-inline-size: 0;
    }
    .month-field input {
      max-inline-size: 100%;
    }

    .presets {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
    }

    .preset[aria-pressed='true'] {
      background: var(--_primary);
      border-color: var(--_primary);
      color: var(--_on-primary);
    }

    .field-error {
      flex-basis: 100%;
      margin: 0;
      color: var(--_danger);
    }

    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: var(--_space);
    }

    .filters label {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }

    /* ---- grid ------------------------------------------------------------------------------ */
    .grid {
      /* Document (a 16-character ID whole), the customer (with data-customer-column), provider,
         period, status (room for the Overdue badge), total, amount due, due date and generated
         on (an English date whole), actions. */
      --_columns: minmax(9.5rem, 1.2fr) var(--_customer,) minmax(7rem, 1fr) minmax(9rem, 1.2fr)
        10.5rem minmax(7rem, 1fr) minmax(6.5rem, 1fr) minmax(7.5rem, 1fr) minmax(7.5rem, 1fr) 5.5rem;
      --_least: 70rem;
      position: relative;
      block-size: var(--_it-height);
      overflow: auto;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      scroll-padding-block-start: var(--_row-height);
      /* The rows above the view change as it scrolls: the browser must not anchor to them. */
      overflow-anchor: none;
      /* Its size never depends on its rows: a change of rows lays out the grid alone. */
      contain: strict;
      --_cells: 9;
    }

    /* A short list: as tall as its rows, at most the height above (no size containment). */
    .grid[data-fit] {
      block-size: auto;
      max-block-size: var(--_it-height);
      contain: content;
    }

    .count {
      margin: 0 0 var(--_space);
      color: var(--_muted);
    }

    .grid[data-customer-column] {
      --_cells: 10;
      --_customer: minmax(9rem, 1.5fr);
      --_least: 79rem;
    }

    /* As wide as the columns' least widths (--_least: the sum of those in --_columns, 70rem, and
       79rem with the customer's 9rem) and the checkbox column's when there is one: every row's
       background and border under all its cells. */
    .inner {
      min-inline-size: calc(var(--_least) + var(--_lead-column, 0rem));
    }

    .head {
      position: sticky;
      inset-block-start: 0;
      z-index: 2;
      background: var(--_it-header-bg);
      border-block-end: 1px solid var(--_border);
    }

    .body[hidden] {
      display: none;
    }

    .row {
      display: grid;
      grid-template-columns: var(--_lead-column,) var(--_columns);
      align-items: center;
      inline-size: 100%;
      min-block-size: var(--_row-height);
      border-block-end: 1px solid var(--_border);
      background: var(--_bg);
      outline: none;
    }

    .head .row {
      border-block-end: 0;
      background: inherit;
    }

    .body .row {
      block-size: var(--_row-height);
    }

    .body .row:hover {
      background: var(--_it-row-hover-bg);
    }

    .body .row[data-band='1'] {
      background: var(--_it-band-bg);
    }

    .body .row[data-period-start] {
      border-block-start: var(--_it-group-border);
    }

    .body .row:focus-visible {
      box-shadow: var(--_focus) inset;
    }

    .cell {
      padding-inline: var(--_space);
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      min-inline-size: 0;
    }

    .cell[data-col='total'],
    .cell[data-col='amountDue'] {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }

    .cell[data-col='total'] .sort,
    .cell[data-col='amountDue'] .sort {
      justify-content: flex-end;
    }

    /* ---- money owed and totals of what is listed (issue 25) ---- */
    .filters .overdue-filter {
      flex-direction: row;
      align-items: center;
      align-self: end;
      gap: 0.375rem;
      min-block-size: 2.75rem;
    }

    .overdue-filter input {
      inline-size: 1.25rem;
      block-size: 1.25rem;
      margin: 0;
    }

    .totals {
      margin: var(--_space) 0 0;
      font-variant-numeric: tabular-nums;
    }

    .sort {
      display: flex;
      align-items: center;
      gap: 0.25rem;
      inline-size: 100%;
      border: 0;
      background: transparent;
      color: var(--_fg);
      font-weight: 600;
      cursor: pointer;
      padding-block: calc(var(--_space) * 0.75);
      padding-inline: 0;
      border-radius: var(--_radius);
    }

    .label {
      overflow: hidden;
      text-overflow: ellipsis;
    }

    /* Drawn smaller by a transform, not a font size: no font face of its own. */
    .sort-icon {
      display: inline-block;
      color: var(--_muted);
      transform: scale(0.75);
    }

    /* The Open button stays in view while the grid scrolls sideways, on its row's background
       (and over the row's focus ring: drawn again around the cell). Not in the stacked layout. */
    .root:not(.narrow) [data-col='actions'] {
      position: sticky;
      inset-inline-end: 0;
      background: inherit;
    }

    .root:not(.narrow) .row:focus-visible [data-col='actions'] {
      box-shadow: var(--_focus) inset;
    }

    .open {
      min-block-size: 1.75rem;
      padding-block: 0;
    }

    .placeholder .cell,
    .skeleton .bar {
      color: var(--_muted);
    }

    .skeleton {
      display: grid;
      grid-template-columns: var(--_lead-column,) var(--_columns);
      align-items: center;
      block-size: var(--_row-height);
      border-block-end: 1px solid var(--_border);
    }

    .bar {
      block-size: 0.75rem;
      margin-inline: var(--_space);
      border-radius: 999px;
      background: var(--_skeleton);
      animation: pulse 1.2s ease-in-out infinite alternate;
    }

    @keyframes pulse {
      from {
        opacity: 1;
      }
      to {
        opacity: 0.4;
      }
    }

    .state {
      padding: calc(var(--_space) * 3) calc(var(--_space) * 2);
      margin: 0;
      color: var(--_muted);
    }

    .state p {
      margin: 0 0 var(--_space);
    }

    .alert.error {
      margin: var(--_space);
    }

    .alert p {
      margin: 0;
      flex: 1 1 12rem;
    }

    /* ---- list export (issue 25; list-export.ts) ------------------------------------------ */
    .list-export {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
    }

    .list-export .alert.error {
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
      flex: 1 1 100%;
    }

    /* ---- narrow (≤ 40rem): stacked list ----------------------------------------------------
       Set by the element from a ResizeObserver, not a container query: a query container
       re-runs style inside every layout of the grid, which cost ~40 % of a scrolling frame. */
    .narrow .inner {
      min-inline-size: 0;
    }

    .narrow .head .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      padding: calc(var(--_space) * 0.5);
    }

    .narrow .head .cell {
      flex: 0 0 auto;
      padding-inline: 0;
    }

    .narrow .head .sort {
      border: 1px solid var(--_border);
      padding-inline: var(--_space);
      padding-block: 0.25rem;
    }

    .narrow .head .cell[data-col='actions'] {
      display: none;
    }

    /* Every row is as tall as a loaded one (one line per cell): the list renders only the
       rows in view and places them by their common height. */
    .narrow .body .row,
    .narrow .skeleton {
      --_line: 1.75rem;
      display: grid;
      grid-template-columns: minmax(6rem, max-content) 1fr;
      grid-auto-rows: var(--_line);
      align-content: start;
      column-gap: var(--_space);
      row-gap: 0.125rem;
      block-size: calc(
        var(--_cells) * var(--_line) + (var(--_cells) - 1) * 0.125rem + 2 * var(--_space)
      );
      padding-block: var(--_space);
    }

    .narrow .body .cell {
      display: grid;
      grid-template-columns: subgrid;
      grid-column: 1 / -1;
      align-items: center;
      padding-inline: 0;
    }

    /* Each value under its column's name: the names are custom properties of the row group
       (set by the element in its language, a CSS string each), not an attribute per cell. */
    .narrow .body .cell::before {
      color: var(--_muted);
      padding-inline-start: var(--_space);
    }

    .narrow .body .cell > * {
      justify-self: start;
    }

    .narrow .body .cell[data-col='total'],
    .narrow .body .cell[data-col='amountDue'] {
      text-align: start;
    }

    .narrow .body [data-col='documentId']::before {
      content: var(--_l-documentId);
    }
    .narrow .body [data-col='customer']::before {
      content: var(--_l-customer);
    }
    .narrow .body [data-col='provider']::before {
      content: var(--_l-provider);
    }
    .narrow .body [data-col='period']::before {
      content: var(--_l-period);
    }
    .narrow .body [data-col='status']::before {
      content: var(--_l-status);
    }
    .narrow .body [data-col='total']::before {
      content: var(--_l-total);
    }
    .narrow .body [data-col='amountDue']::before {
      content: var(--_l-amountDue);
    }
    .narrow .body [data-col='dueDate']::before {
      content: var(--_l-dueDate);
    }
    .narrow .body [data-col='generatedAt']::before {
      content: var(--_l-generatedAt);
    }

    .narrow .body .cell[data-col='actions']::before {
      content: '';
    }

    .narrow .placeholder .cell::before {
      content: '';
    }
  `,
];
