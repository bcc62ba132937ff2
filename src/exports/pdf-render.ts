/**
 * Draws a {@link DocumentModel} as a PDF with jspdf and jspdf-autotable. Text only (no
 * `html()` path, so no html2canvas or DOMPurify). Runs in the PDF worker; the main thread
 * imports it only as a fallback where no module worker can be made. jspdf and autotable are
 * loaded here by dynamic import, so nothing loads them before a PDF is asked for.
 * No Lit here.
 *
 * The page, top to bottom: the issuer (name, address, tax ID, contacts) on the left with its
 * logo on the right; the title; the facts (ID, status, dates, terms, period, currency, rate)
 * beside the customer's billing block; custom fields; the lines, grouped as the viewer groups
 * them (a group row, its lines, a subtotal row), with the header repeated on every page; the
 * totals with the amount due emphasised; the payment instructions. The footer of every page
 * has the title and "Page n of m"; every page of a DRAFT or VOID invoice has a large diagonal
 * translucent watermark. Every text is drawn in the faces `setUpPdfFonts` gives (pdf-fonts.ts).
 */
import type { jsPDF } from 'jspdf';
import type { CellDef, RowInput, Styles } from 'jspdf-autotable';
import { logoLeftOut, type LogoImage } from './logo.js';
import { AMOUNT_COLUMN, type DocumentModel, type DocumentRow } from './model.js';
import { setUpPdfFonts, type PdfFontOptions } from './pdf-fonts.js';

/** With the host's font and where font warnings go (pdf-fonts.ts). */
export interface RenderOptions extends PdfFontOptions {
  /** Deflate the page streams (default true). Tests turn it off to read the text back. */
  compress?: boolean;
  /** Progress from 0 to 1. */
  onProgress?: (value: number) => void;
  /** The issuer's logo, already loaded and checked (logo.ts). */
  logo?: LogoImage;
  /** Told what was left out (a logo jspdf could not read); the PDF is made anyway. */
  onWarning?: (message: string) => void;
}

/** Rows per page, roughly, for progress estimates. */
const ROWS_PER_PAGE = 40;
const MARGIN = 40;
/** The logo's box, top right. */
const LOGO_BOX = { width: 140, height: 56 };
const GROUP_FILL: [number, number, number] = [232, 240, 254];
const SUBTOTAL_FILL: [number, number, number] = [245, 245, 245];
const WATERMARK = { size: 110, opacity: 0.12, color: [200, 0, 0] as [number, number, number] };

type FontStyle = Pick<Partial<Styles>, 'font' | 'fontStyle'>;

export async function renderPdf(
  model: DocumentModel,
  options: RenderOptions = {},
): Promise<ArrayBuffer> {
  const progress = options.onProgress ?? (() => undefined);
  progress(0.05);
  const [{ jsPDF, GState }, { autoTable }] = await Promise.all([
    import('jspdf'),
    import('jspdf-autotable'),
  ]);
  progress(0.2);

  const doc = new jsPDF({ unit: 'pt', format: 'a4', compress: options.compress ?? true });
  doc.setDocumentProperties({ title: model.title });
  doc.setLanguage?.(model.lang as Parameters<typeof doc.setLanguage>[0]);
  const width = doc.internal.pageSize.getWidth();
  const pageHeight = doc.internal.pageSize.getHeight();

  const fonts = await setUpPdfFonts(doc, options);
  const regularFace: FontStyle = {
    font: fonts.regular.family,
    fontStyle: fonts.regular.style as Styles['fontStyle'],
  };
  const boldFace: FontStyle = {
    font: fonts.bold.family,
    fontStyle: fonts.bold.style as Styles['fontStyle'],
  };
  const bold = (): unknown => doc.setFont(fonts.bold.family, fonts.bold.style);
  const regular = (): unknown => doc.setFont(fonts.regular.family, fonts.regular.style);
  /** A two-column label/value table without header, between `left` and `right` margins. */
  const pairs = (body: [string, string][], startY: number, left = MARGIN, right = MARGIN) =>
    autoTable(doc, {
      startY,
      margin: { left, right },
      theme: 'plain',
      styles: { ...regularFace, fontSize: 9, cellPadding: 2 },
      columnStyles: { 0: { ...boldFace, cellWidth: 110 } },
      body,
    });

  // The issuer, top left; its logo, top right.
  let y = 40;
  const logoBottom = options.logo ? drawLogo(doc, options.logo, width, options.onWarning) : 0;
  if (model.issuer) {
    const [name, ...rest] = model.issuer;
    bold();
    doc.setFontSize(12);
    doc.text(name, MARGIN, y + 10);
    regular();
    doc.setFontSize(9);
    y += 24;
    // Wrapped so that no line runs under the logo.
    const room = width - 2 * MARGIN - LOGO_BOX.width - 12;
    for (const part of rest.flatMap((line) => doc.splitTextToSize(line, room) as string[])) {
      doc.text(part, MARGIN, y);
      y += 11;
    }
  }
  y = Math.max(y, logoBottom) + 16;

  bold();
  doc.setFontSize(16);
  doc.text(model.title, MARGIN, y);
  y += 14;

  // Facts on the left, the billing block on the right, side by side.
  const half = width / 2;
  pairs(model.facts, y, MARGIN, half + 6);
  const factsEnd = lastY(doc, y);
  autoTable(doc, {
    startY: y,
    margin: { left: half + 6, right: MARGIN },
    theme: 'plain',
    styles: { ...regularFace, fontSize: 9, cellPadding: 2 },
    head: [[model.billToTitle]],
    headStyles: { ...boldFace, fontSize: 10, textColor: 20 },
    body: model.billTo.map((line, i) => [i === 0 ? { content: line, styles: boldFace } : line]),
  });
  y = Math.max(factsEnd, lastY(doc, y)) + 14;

  if (model.customFields.length > 0) {
    bold();
    doc.setFontSize(11);
    doc.text(model.customFieldsTitle, MARGIN, y);
    pairs(model.customFields, y + 6);
    y = lastY(doc, y) + 14;
  }

  bold();
  doc.setFontSize(11);
  doc.text(model.linesTitle, MARGIN, y);
  const expectedPages = Math.max(1, Math.ceil(model.rows.length / ROWS_PER_PAGE));
  const columnStyles: Record<number, Partial<Styles>> = {};
  model.numeric.forEach((n, i) => {
    if (n) columnStyles[i] = { halign: 'right' };
  });
  autoTable(doc, {
    startY: y + 6,
    margin: { left: MARGIN, right: MARGIN, bottom: 50 },
    theme: 'striped',
    showHead: 'everyPage',
    styles: { ...regularFace, fontSize: 8, cellPadding: 3, overflow: 'linebreak' },
    headStyles: { ...boldFace, fillColor: [11, 87, 208] },
    columnStyles,
    // Numeric headers aligned with their values.
    head: [model.columns.map((content, i) => ({ content, styles: columnStyles[i] ?? {} }))],
    body: model.rows.map((row) => tableRow(row, model.columns.length, boldFace)),
    didDrawPage: (data) => {
      progress(0.2 + 0.7 * Math.min(1, data.pageNumber / expectedPages));
    },
  });
  y = lastY(doc, y) + 10;

  // Totals, right-aligned under the lines, the amount due last and larger; a new page when
  // they do not fit.
  if (y + (model.totals.length + 2) * 14 > pageHeight - 50) {
    doc.addPage();
    y = 50;
  }
  doc.setFontSize(10);
  for (const [label, value] of model.totals) {
    bold();
    doc.text(label, width - MARGIN - 200, y + 10);
    regular();
    doc.text(value, width - MARGIN, y + 10, { align: 'right' });
    y += 14;
  }
  doc.setLineWidth(0.8);
  doc.line(width - MARGIN - 200, y + 3, width - MARGIN, y + 3);
  bold();
  doc.setFontSize(12);
  doc.text(model.amountDue[0], width - MARGIN - 200, y + 18);
  doc.text(model.amountDue[1], width - MARGIN, y + 18, { align: 'right' });
  y += 32;

  if (model.paymentInstructions) {
    const [title, text] = model.paymentInstructions;
    autoTable(doc, {
      startY: y,
      margin: { left: MARGIN, right: MARGIN, bottom: 50 },
      theme: 'plain',
      styles: { ...regularFace, fontSize: 9, cellPadding: 2, overflow: 'linebreak' },
      head: [[title]],
      headStyles: { ...boldFace, fontSize: 10, textColor: 20 },
      body: [[text]],
    });
  }

  // On every page: the watermark of a DRAFT or VOID invoice, the title and the page number.
  const pages = doc.getNumberOfPages();
  for (let page = 1; page <= pages; page++) {
    doc.setPage(page);
    if (model.watermark) {
      bold();
      drawWatermark(doc, new GState({ opacity: WATERMARK.opacity }), model.watermark);
    }
    regular();
    doc.setFontSize(8);
    doc.setTextColor(0);
    const label = model.pageOf.replace('{page}', String(page)).replace('{pages}', String(pages));
    doc.text(label, width - MARGIN, pageHeight - 24, { align: 'right' });
    doc.text(model.title, MARGIN, pageHeight - 24);
  }
  progress(0.95);
  const buffer = doc.output('arraybuffer');
  progress(1);
  return buffer;
}

/** A row of the lines table: a group header across the row, a line, or a group's subtotal. */
function tableRow(row: DocumentRow, columns: number, boldFace: FontStyle): RowInput {
  if (row.kind === 'line') return row.cells;
  if (row.kind === 'group') {
    const cell: CellDef = {
      content: row.label,
      colSpan: columns,
      styles: { ...boldFace, fillColor: GROUP_FILL },
    };
    return [cell];
  }
  const styles: Partial<Styles> = { ...boldFace, fillColor: SUBTOTAL_FILL, halign: 'right' };
  return [
    { content: row.label, colSpan: AMOUNT_COLUMN, styles },
    { content: row.amount, styles },
    { content: '', colSpan: columns - AMOUNT_COLUMN - 1, styles },
  ];
}

/** Draws the logo in its box at the top right, keeping its proportions; returns its bottom. */
function drawLogo(
  doc: jsPDF,
  logo: LogoImage,
  pageWidth: number,
  onWarning: ((message: string) => void) | undefined,
): number {
  try {
    const { width, height } = doc.getImageProperties(logo.bytes);
    const scale = Math.min(LOGO_BOX.width / width, LOGO_BOX.height / height, 1);
    const w = width * scale;
    const h = height * scale;
    doc.addImage(logo.bytes, logo.format, pageWidth - MARGIN - w, 32, w, h);
    return 32 + h;
  } catch (error) {
    onWarning?.(logoLeftOut(error));
    return 0;
  }
}

/** The word across the page, corner to corner, translucent; the page's opacity restored after. */
function drawWatermark(doc: jsPDF, translucent: unknown, word: string): void {
  const width = doc.internal.pageSize.getWidth();
  const height = doc.internal.pageSize.getHeight();
  const angle = (Math.atan2(height, width) * 180) / Math.PI;
  doc.saveGraphicsState();
  doc.setGState(translucent);
  doc.setFontSize(WATERMARK.size);
  doc.setTextColor(...WATERMARK.color);
  // Centred on the page along the diagonal: start half the text's length back along it (jspdf
  // turns text counter-clockwise; y grows downwards).
  const half = doc.getTextWidth(word) / 2;
  const rad = (angle * Math.PI) / 180;
  const drop = WATERMARK.size * 0.35;
  const x = width / 2 - half * Math.cos(rad) + drop * Math.sin(rad);
  const y = height / 2 + half * Math.sin(rad) + drop * Math.cos(rad);
  doc.text(word, x, y, { angle });
  doc.restoreGraphicsState();
}

function lastY(doc: unknown, fallback: number): number {
  return (doc as { lastAutoTable?: { finalY?: number } }).lastAutoTable?.finalY ?? fallback;
}
