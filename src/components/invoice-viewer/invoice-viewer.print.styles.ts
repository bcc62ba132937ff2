import { css } from 'lit';

/**
 * Print stylesheet of `<invoice-viewer>`: every section expanded (the `collapsed` class is
 * overridden), no controls, no scroll containers, clean page breaks.
 */
export const invoiceViewerPrintStyles = css`
  @media print {
    :host {
      color: #000;
      background: #fff;
    }

    .viewer {
      border: 0;
    }

    .section-body.collapsed {
      display: block !important;
    }

    .actions,
    .section-toggle-icon,
    .currency-select,
    .live,
    .button,
    dialog {
      display: none !important;
    }

    .currency-print {
      display: inline !important;
    }

    .section-bar {
      background: none !important;
      color: #000 !important;
      border-block-end: 2px solid #000;
    }

    .section-bar button {
      color: #000 !important;
      padding-inline: 0 !important;
    }

    .section {
      break-inside: auto;
    }

    .section-bar,
    .group-row,
    .line-row,
    .totals-table tr,
    .history-table tr,
    dl > div {
      break-inside: avoid;
      page-break-inside: avoid;
    }

    .section-bar {
      break-after: avoid;
      page-break-after: avoid;
    }

    .rows {
      max-block-size: none !important;
      block-size: auto !important;
      overflow: visible !important;
      contain: none !important;
    }

    .header {
      break-after: avoid;
    }
  }
`;
