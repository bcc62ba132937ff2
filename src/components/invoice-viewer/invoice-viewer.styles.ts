import { css } from 'lit';
import { themeStyles } from '../shared/theme.styles.js';
import { invoiceViewerPrintStyles } from './invoice-viewer.print.styles.js';

/** Styles of `<invoice-viewer>`: the shared theme, the element's own tokens, then print. */
export const invoiceViewerStyles = [
  themeStyles,
  css`
    :host {
      --_iv-bg: var(--invoice-viewer-background, var(--_bg));
      --_iv-border: var(--invoice-viewer-border-color, var(--_border));
      --_iv-gap: var(--invoice-viewer-gap, calc(var(--_space) * 2));
      --_iv-bar: var(--invoice-viewer-section-bar-background, var(--_section-bar));
      --_iv-on-bar: var(--invoice-viewer-section-bar-color, var(--_on-section-bar));
      --_iv-lines-size: var(--invoice-viewer-lines-max-block-size, 28rem);
      --_iv-dialog-bg: var(--invoice-viewer-dialog-background, var(--_bg));
      --_iv-backdrop: var(--invoice-viewer-backdrop, rgb(0 0 0 / 0.45));

      display: block;
      container-type: inline-size;
      background: var(--_iv-bg);
    }

    :host([hidden]) {
      display: none;
    }

    .viewer {
      display: flex;
      flex-direction: column;
      gap: var(--_iv-gap);
      padding: var(--_iv-gap);
      border: 1px solid var(--_iv-border);
      border-radius: var(--_radius);
    }

    /* Header: Document ID left, status top centre with the period below, currency right. */
    .header {
      display: grid;
      grid-template-columns: 1fr auto 1fr;
      grid-template-areas:
        'id status currency'
        'visibility period currency';
      align-items: start;
      gap: var(--_space) var(--_iv-gap);
    }
    .doc-cell {
      grid-area: id;
    }
    .doc {
      margin: 0;
      font-size: 1.25em;
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .doc .label {
      display: block;
      font-size: 0.7em;
      font-weight: 400;
      color: var(--_muted);
    }
    .status {
      grid-area: status;
      justify-self: center;
      text-align: center;
    }
    .period {
      grid-area: period;
      justify-self: center;
      text-align: center;
      margin: 0;
    }
    .currency {
      grid-area: currency;
      justify-self: end;
      display: flex;
      flex-direction: column;
      align-items: end;
      gap: calc(var(--_space) / 2);
    }
    .currency-print {
      display: none;
    }
    .visibility {
      grid-area: visibility;
      margin: 0;
      color: var(--_muted);
    }
    .visibility[data-visible='false'] {
      color: var(--_warning-fg);
    }

    select {
      font: inherit;
      min-block-size: 2.25rem;
      padding-inline: var(--_space);
      border: 1px solid var(--_iv-border);
      border-radius: var(--_radius);
      background: var(--_bg);
      color: var(--_fg);
    }

    .rate {
      margin: 0;
      color: var(--_muted);
      font-size: 0.875em;
      text-align: end;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: start;
      justify-content: space-between;
      gap: var(--_iv-gap);
    }
    /* The updater is an inline-size container (no intrinsic width): give it a real basis so
       its select and UPDATE STATUS button sit on one line instead of wrapping word by word. */
    .actions .status-updater {
      flex: 1 1 26rem;
      min-inline-size: min(100%, 18rem);
    }
    .actions .download-menu,
    .actions [part='discard-button'] {
      flex: none;
    }

    /* Sections with their blue header bars. */
    .section {
      border: 1px solid var(--_iv-border);
      border-radius: var(--_radius);
      overflow: hidden;
    }
    .section-bar {
      margin: 0;
      font-size: 1em;
      background: var(--_iv-bar);
      color: var(--_iv-on-bar);
    }
    .section-bar button {
      display: flex;
      align-items: center;
      gap: var(--_space);
      inline-size: 100%;
      min-block-size: 2.5rem;
      padding-block: var(--_space);
      padding-inline: calc(var(--_space) * 2);
      border: 0;
      background: transparent;
      color: inherit;
      font-weight: 600;
      text-align: start;
      cursor: pointer;
    }
    .section-bar button:focus-visible {
      box-shadow: inset var(--_focus);
    }
    .section-toggle-icon {
      inline-size: 0.6em;
      block-size: 0.6em;
      border-inline-end: 2px solid currentColor;
      border-block-end: 2px solid currentColor;
      transform: rotate(-45deg);
      transition: transform 0.15s;
    }
    :host(:dir(rtl)) .section-toggle-icon {
      transform: rotate(135deg);
    }
    button[aria-expanded='true'] .section-toggle-icon {
      transform: rotate(45deg);
    }
    .section-body {
      padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    }
    .section-body.collapsed {
      display: none;
    }

    dl {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
      gap: var(--_space) var(--_iv-gap);
      margin: 0;
    }
    dt {
      color: var(--_muted);
      font-size: 0.875em;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }

    .num {
      text-align: end;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }

    table {
      inline-size: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      padding-block: calc(var(--_space) / 2);
      padding-inline: var(--_space);
      text-align: start;
      border-block-end: 1px solid var(--_iv-border);
    }
    th {
      font-weight: 600;
    }
    .totals-table tr:last-child {
      font-weight: 700;
    }

    /* Line items: an ARIA table of rows (virtualized when long). */
    .line-head,
    .line-row,
    .group-row {
      display: grid;
      grid-template-columns: minmax(6rem, 1fr) minmax(10rem, 3fr) repeat(4, minmax(6rem, 1fr));
      gap: var(--_space);
      align-items: center;
      inline-size: 100%;
      min-block-size: var(--_row-height);
      padding-inline: var(--_space);
      border-block-end: 1px solid var(--_iv-border);
    }
    .line-head {
      font-weight: 600;
    }
    .group-row {
      background: var(--_bg-alt);
      font-weight: 600;
    }
    .group-row .group-name {
      grid-column: 1 / span 4;
    }
    .group-row .group-total {
      grid-column: 5;
    }
    .lines-table.virtual {
      position: relative;
      block-size: var(--_iv-lines-size);
      overflow: auto;
      overflow-anchor: none;
      scrollbar-gutter: stable;
    }
    .lines-table.virtual .head {
      position: sticky;
      inset-block-start: 0;
      z-index: 1;
      background: var(--_bg);
    }
    /* Long lists render only the rows in view: every row is one line high. */
    .virtual .line-row,
    .virtual .group-row {
      block-size: var(--_row-height);
    }
    .virtual .line-row > span,
    .virtual .group-name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .description {
      overflow-wrap: anywhere;
    }
    /* The Copy button of a clipped value stays in view when the row's text is cut. */
    .virtual .copy-full {
      float: inline-end;
    }

    /* Narrow (a phone is ~23rem): the header stacks, and each line stacks, SKU and description,
       then quantity, unit price, amount and tax in two columns, each value under its column's
       name (the header row stays for assistive technologies only). Long lists keep one height
       for every row (RowWindow). Never a sideways scroller. */
    @container (inline-size < 48rem) {
      .header {
        grid-template-columns: 1fr;
        grid-template-areas: 'status' 'period' 'id' 'visibility' 'currency';
      }
      .currency {
        justify-self: stretch;
        align-items: start;
      }
      .rate {
        text-align: start;
      }
      .lines-table {
        font-size: 0.875em;
        line-height: 1.25;
      }
      .head {
        block-size: 0;
        overflow: hidden;
      }
      .line-row,
      .group-row {
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 0.25em var(--_space);
      }
      .line-row .num::before {
        display: block;
        content: attr(data-label) / '';
        font-size: 0.8em;
        color: var(--_muted);
      }
      .group-row > * {
        grid-column: auto;
      }
      .virtual {
        --_row-height: 7em;
      }
    }

    .state {
      display: flex;
      flex-direction: column;
      align-items: start;
      gap: var(--_space);
      padding: var(--_iv-gap);
    }
    .skeleton {
      inline-size: 100%;
      block-size: 1.25rem;
      border-radius: var(--_radius);
      background: var(--_skeleton);
    }
    .skeleton.short {
      inline-size: 40%;
    }

    .alert[role='alert'] {
      margin: 0;
    }

    dialog {
      max-inline-size: min(32rem, calc(100vw - 2rem));
      padding: calc(var(--_space) * 2);
      border: 1px solid var(--_iv-border);
      border-radius: var(--_radius);
      background: var(--_iv-dialog-bg);
      color: var(--_fg);
    }
    dialog::backdrop {
      background: var(--_iv-backdrop);
    }
    dialog h2 {
      margin-block: 0 var(--_space);
      font-size: 1.125em;
    }
    dialog p {
      margin-block: 0 var(--_space);
    }
    .dialog-buttons {
      display: flex;
      flex-wrap: wrap;
      justify-content: end;
      gap: var(--_space);
      margin-block-start: calc(var(--_space) * 2);
    }
  `,
  invoiceViewerPrintStyles,
];
