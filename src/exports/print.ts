/**
 * Print: prints the invoice document, not the host page. A hidden same-origin iframe
 * (about:blank) gets a document built with DOM APIs (createElement / textContent, never
 * markup strings) and a print stylesheet (a constructed stylesheet, allowed under a strict
 * CSP; a `<style>` element where constructed sheets are missing), then its window prints.
 * The iframe is removed afterwards. `print` is injectable, so tests never open a dialog.
 * No Lit here.
 */
import type { Invoice } from '../core/types.js';
import { checkedLogoUrl } from './logo.js';
import { AMOUNT_COLUMN, buildDocumentModel, type DocumentModel } from './model.js';
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

/** How long printing waits for the issuer's logo before it prints without it. */
const LOGO_WAIT_MS = 5000;

export const PRINT_STYLES = `
  @page { margin: 16mm; }
  :root { color: #000; background: #fff; font: 10pt/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
  body { margin: 0; }
  h1 { font-size: 16pt; margin-block: 0 8pt; }
  h2 { font-size: 11pt; margin-block: 12pt 4pt; }
  p { margin: 0; }
  .issuer { display: flex; justify-content: space-between; align-items: flex-start; gap: 12pt; margin-block-end: 12pt; }
  .issuer img { max-inline-size: 50mm; max-block-size: 20mm; object-fit: contain; }
  .issuer strong { font-size: 12pt; }
  .parties { display: grid; grid-template-columns: 1fr 1fr; gap: 12pt; }
  .bill-to h2 { margin-block-start: 0; }
  .bill-to p:first-of-type { font-weight: 600; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 12pt; margin: 0; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  table { inline-size: 100%; border-collapse: collapse; }
  thead { display: table-header-group; }
  tfoot { display: table-row-group; }
  tr { break-inside: avoid; }
  th, td { padding-block: 2pt; padding-inline: 4pt; border-block-end: 0.5pt solid #999; text-align: start; vertical-align: top; }
  .num { text-align: end; white-space: nowrap; font-variant-numeric: tabular-nums; }
  .group th { background: #e8f0fe; font-weight: 600; }
  .subtotal th, .subtotal td { font-weight: 600; background: #f5f5f5; }
  tfoot th, tfoot td { border: 0; font-weight: 600; }
  tfoot .due th, tfoot .due td { font-size: 12pt; border-block-start: 1pt solid #000; }
  .instructions { white-space: pre-line; }
  /* Fixed: repeated on every printed page (docs/ARCHITECTURE.md, "The invoice documents"). */
  .watermark { position: fixed; inset: 0; display: flex; align-items: center; justify-content: center;
    pointer-events: none; z-index: 1; color: #c80000; opacity: 0.12; font-size: 110pt; font-weight: 700;
    transform: rotate(-45deg); white-space: nowrap; }
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

/** A table cell spanning `span` columns. */
function cell<K extends 'th' | 'td'>(
  doc: Document,
  tag: K,
  text: string,
  span: number,
  className?: string,
): HTMLElementTagNameMap[K] {
  const c = el(doc, tag, text, className);
  c.colSpan = span;
  return c;
}

/** The issuer's block: its lines (the name first, in bold) and its logo, when there is one. */
function issuerBlock(doc: Document, lines: string[], logoUrl: string | undefined): HTMLElement {
  const header = el(doc, 'header', undefined, 'issuer');
  const text = el(doc, 'div');
  const [name, ...rest] = lines;
  text.append(el(doc, 'strong', name), ...rest.map((line) => el(doc, 'p', line)));
  header.append(text);
  if (logoUrl) {
    const img = el(doc, 'img');
    // Like the PDF's fetch: no credentials, no referrer.
    img.crossOrigin = 'anonymous';
    img.referrerPolicy = 'no-referrer';
    img.alt = name;
    img.src = logoUrl;
    header.append(img);
  }
  return header;
}

/** The lines: one `tbody` per group (its header row, its lines, its subtotal row). */
function linesTable(doc: Document, model: DocumentModel): HTMLTableElement {
  const columns = model.columns.length;
  const table = el(doc, 'table');
  const thead = el(doc, 'thead');
  const headRow = el(doc, 'tr');
  model.columns.forEach((c, i) => {
    const th = el(doc, 'th', c, model.numeric[i] ? 'num' : undefined);
    th.scope = 'col';
    headRow.append(th);
  });
  thead.append(headRow);
  table.append(thead);
  let tbody = el(doc, 'tbody');
  for (const row of model.rows) {
    const tr = el(doc, 'tr', undefined, row.kind);
    if (row.kind === 'group') {
      if (tbody.rows.length > 0) table.append(tbody);
      tbody = el(doc, 'tbody');
      const th = cell(doc, 'th', row.label, columns);
      th.scope = 'rowgroup';
      tr.append(th);
    } else if (row.kind === 'line') {
      row.cells.forEach((c, i) =>
        tr.append(el(doc, 'td', c, model.numeric[i] ? 'num' : undefined)),
      );
    } else {
      const th = cell(doc, 'th', row.label, AMOUNT_COLUMN, 'num');
      th.scope = 'row';
      tr.append(th, el(doc, 'td', row.amount, 'num'));
      if (columns > AMOUNT_COLUMN + 1) tr.append(cell(doc, 'td', '', columns - AMOUNT_COLUMN - 1));
    }
    tbody.append(tr);
  }
  if (tbody.rows.length > 0) table.append(tbody);
  const tfoot = el(doc, 'tfoot');
  const total = (label: string, value: string, className?: string): void => {
    const tr = el(doc, 'tr', undefined, className);
    const th = cell(doc, 'th', label, columns - 1, 'num');
    th.scope = 'row';
    tr.append(th, el(doc, 'td', value, 'num'));
    tfoot.append(tr);
  };
  for (const [label, value] of model.totals) total(label, value);
  total(...model.amountDue, 'due');
  table.append(tfoot);
  return table;
}

/**
 * Fills an (empty) document with the invoice document: the same content as the PDF (issuer,
 * billing block, facts, groups and subtotals, totals with the amount due, payment instructions)
 * and, for a DRAFT or VOID invoice, the watermark (fixed, so repeated on every printed page).
 * `logoUrl`, already checked (logo.ts), shows the issuer's logo. Exported for tests and previews.
 */
export function fillPrintDocument(
  doc: Document,
  model: DocumentModel,
  title: string,
  logoUrl?: string,
): void {
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
  if (model.issuer) main.append(issuerBlock(doc, model.issuer, logoUrl));
  main.append(el(doc, 'h1', model.title));
  const billTo = el(doc, 'section', undefined, 'bill-to');
  billTo.append(el(doc, 'h2', model.billToTitle), ...model.billTo.map((l) => el(doc, 'p', l)));
  const parties = el(doc, 'div', undefined, 'parties');
  parties.append(definitionList(doc, model.facts), billTo);
  main.append(parties);
  if (model.customFields.length > 0) {
    main.append(el(doc, 'h2', model.customFieldsTitle), definitionList(doc, model.customFields));
  }
  main.append(el(doc, 'h2', model.linesTitle), linesTable(doc, model));
  if (model.paymentInstructions) {
    const [heading, text] = model.paymentInstructions;
    main.append(el(doc, 'h2', heading), el(doc, 'p', text, 'instructions'));
  }
  body.append(main);
  if (model.watermark) body.append(el(doc, 'div', model.watermark, 'watermark'));
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
    const logo = invoice.issuer?.logoUrl && checkedLogoUrl(invoice.issuer.logoUrl);
    fillPrintDocument(
      doc,
      model,
      options.title ?? model.title,
      logo && typeof logo !== 'string' ? logo.href : undefined,
    );
    // A logo that does not load (or is no image) is left out rather than printed broken.
    const img = doc.querySelector('img');
    if (img) {
      const late = new Promise((resolve) => setTimeout(resolve, LOGO_WAIT_MS));
      await Promise.race([img.decode(), late.then(() => Promise.reject())]).catch(() =>
        img.remove(),
      );
    }
    await (options.print ?? defaultPrint)(win);
  } finally {
    iframe.remove();
  }
}
