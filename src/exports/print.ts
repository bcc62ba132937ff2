/**
 * Print: prints the invoice document, not the host page. A hidden same-origin iframe
 * (about:blank) gets a document built with DOM APIs (createElement / textContent, never
 * markup strings) and a print stylesheet (a constructed stylesheet, allowed under a strict
 * CSP; a `<style>` element where constructed sheets are missing), then its window prints.
 * The iframe is removed afterwards. `print` is injectable, so tests never open a dialog.
 * No Lit here.
 */
import type { Invoice } from '../core/types.js';
import { buildDocumentModel, type DocumentModel } from './model.js';
import type { ExportOptions } from './options.js';
import { defaultPrint } from './print-window.js';

export { defaultPrint } from './print-window.js';

export interface PrintOptions extends ExportOptions {
  /** Prints the prepared window. Default: `win.print()`, resolving on `afterprint`. */
  print?: (win: Window) => void | Promise<void>;
  /** The document to add the iframe to. Default: `document`. */
  ownerDocument?: Document;
  /** The print document's title (the name browsers suggest for "Save as PDF"). */
  title?: string;
}

export const PRINT_STYLES = `
  @page { margin: 16mm; }
  :root { color: #000; background: #fff; font: 10pt/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
  body { margin: 0; }
  h1 { font-size: 16pt; margin-block: 0 8pt; }
  h2 { font-size: 11pt; margin-block: 12pt 4pt; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 12pt; margin: 0; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  table { inline-size: 100%; border-collapse: collapse; }
  thead { display: table-header-group; }
  tfoot { display: table-row-group; }
  tr { break-inside: avoid; }
  th, td { padding-block: 2pt; padding-inline: 4pt; border-block-end: 0.5pt solid #999; text-align: start; vertical-align: top; }
  .num { text-align: end; white-space: nowrap; font-variant-numeric: tabular-nums; }
  tfoot th, tfoot td { border: 0; font-weight: 600; }
`;

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function definitionList(doc: Document, pairs: [string, string][]): HTMLDListElement {
  const dl = el(doc, 'dl');
  for (const [label, value] of pairs) {
    dl.append(el(doc, 'dt', label), el(doc, 'dd', value));
  }
  return dl;
}

/** Fills an (empty) document with the invoice document. Exported for tests and previews. */
export function fillPrintDocument(doc: Document, model: DocumentModel, title: string): void {
  doc.documentElement.lang = model.lang;
  const head = doc.head ?? doc.documentElement.appendChild(doc.createElement('head'));
  const body = doc.body ?? doc.documentElement.appendChild(doc.createElement('body'));
  head.replaceChildren();
  body.replaceChildren();
  const charset = el(doc, 'meta');
  charset.setAttribute('charset', 'utf-8');
  head.append(charset, el(doc, 'title', title));
  const win = doc.defaultView;
  const Sheet = win?.CSSStyleSheet;
  if (Sheet && 'replaceSync' in Sheet.prototype && 'adoptedStyleSheets' in doc) {
    const sheet = new Sheet();
    sheet.replaceSync(PRINT_STYLES);
    doc.adoptedStyleSheets = [sheet];
  } else {
    head.append(el(doc, 'style', PRINT_STYLES));
  }

  const main = el(doc, 'main');
  main.append(el(doc, 'h1', model.title), definitionList(doc, model.facts));
  if (model.customFields.length > 0) {
    main.append(el(doc, 'h2', model.customFieldsTitle), definitionList(doc, model.customFields));
  }
  main.append(el(doc, 'h2', model.linesTitle));
  const table = el(doc, 'table');
  const thead = el(doc, 'thead');
  const headRow = el(doc, 'tr');
  model.columns.forEach((c, i) => {
    const th = el(doc, 'th', c, model.numeric[i] ? 'num' : undefined);
    th.scope = 'col';
    headRow.append(th);
  });
  thead.append(headRow);
  const tbody = el(doc, 'tbody');
  for (const row of model.rows) {
    const tr = el(doc, 'tr');
    row.forEach((cell, i) => tr.append(el(doc, 'td', cell, model.numeric[i] ? 'num' : undefined)));
    tbody.append(tr);
  }
  const tfoot = el(doc, 'tfoot');
  for (const [label, value] of model.totals) {
    const tr = el(doc, 'tr');
    const th = el(doc, 'th', label, 'num');
    th.scope = 'row';
    th.colSpan = model.columns.length - 1;
    tr.append(th, el(doc, 'td', value, 'num'));
    tfoot.append(tr);
  }
  table.append(thead, tbody, tfoot);
  main.append(table);
  body.append(main);
}

/** Prints an invoice through a hidden iframe; resolves once printing is over and the iframe is gone. */
export async function printInvoice(invoice: Invoice, options: PrintOptions = {}): Promise<void> {
  const model = buildDocumentModel(invoice, options);
  const owner = options.ownerDocument ?? document;
  const iframe = owner.createElement('iframe');
  iframe.title = model.title;
  iframe.setAttribute('aria-hidden', 'true');
  iframe.tabIndex = -1;
  // CSSOM (not a style attribute), so a strict CSP allows it. Not display:none: some
  // browsers do not lay out (and so cannot print) a frame that is not rendered.
  Object.assign(iframe.style, {
    position: 'fixed',
    insetInlineStart: '0',
    insetBlockStart: '0',
    inlineSize: '0',
    blockSize: '0',
    border: '0',
    opacity: '0',
    pointerEvents: 'none',
  });
  owner.body.append(iframe);
  try {
    const win = iframe.contentWindow;
    const doc = iframe.contentDocument;
    if (!win || !doc) throw new Error('The print frame could not be created.');
    fillPrintDocument(doc, model, options.title ?? model.title);
    await (options.print ?? defaultPrint)(win);
  } finally {
    iframe.remove();
  }
}
