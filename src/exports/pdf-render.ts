/**
 * Draws a {@link DocumentModel} as a PDF with jspdf and jspdf-autotable. Text only (no
 * `html()` path, so no html2canvas or DOMPurify). Runs in the PDF worker; the main thread
 * imports it only as a fallback where no module worker can be made. jspdf and autotable are
 * loaded here by dynamic import, so nothing loads them before a PDF is asked for.
 * No Lit here.
 */
import type { DocumentModel } from './model.js';
import { setUpPdfFonts, type PdfFontOptions } from './pdf-fonts.js';

/** With the host's font and where font warnings go (pdf-fonts.ts). */
export interface RenderOptions extends PdfFontOptions {
  /** Deflate the page streams (default true). Tests turn it off to read the text back. */
  compress?: boolean;
  /** Progress from 0 to 1. */
  onProgress?: (value: number) => void;
}

/** Rows per page, roughly, for progress estimates. */
const ROWS_PER_PAGE = 40;

export async function renderPdf(
  model: DocumentModel,
  options: RenderOptions = {},
): Promise<ArrayBuffer> {
  const progress = options.onProgress ?? (() => undefined);
  progress(0.05);
  const [{ jsPDF }, { autoTable }] = await Promise.all([
    import('jspdf'),
    import('jspdf-autotable'),
  ]);
  progress(0.2);

  const doc = new jsPDF({ unit: 'pt', format: 'a4', compress: options.compress ?? true });
  doc.setDocumentProperties({ title: model.title });
  doc.setLanguage?.(model.lang as Parameters<typeof doc.setLanguage>[0]);
  const margin = 40;
  const width = doc.internal.pageSize.getWidth();

  const fonts = await setUpPdfFonts(doc, options);
  const bold = (): unknown => doc.setFont(fonts.bold.family, fonts.bold.style);
  const regular = (): unknown => doc.setFont(fonts.regular.family, fonts.regular.style);
  const font = fonts.regular.family;

  bold();
  doc.setFontSize(16);
  doc.text(model.title, margin, 50);

  // Facts: a two-column table without header.
  autoTable(doc, {
    startY: 64,
    margin: { left: margin, right: margin },
    theme: 'plain',
    styles: { font, fontSize: 9, cellPadding: 2 },
    columnStyles: { 0: { fontStyle: 'bold', cellWidth: 110 } },
    body: model.facts,
  });
  let y = lastY(doc) + 14;

  if (model.customFields.length > 0) {
    bold();
    doc.setFontSize(11);
    doc.text(model.customFieldsTitle, margin, y);
    autoTable(doc, {
      startY: y + 6,
      margin: { left: margin, right: margin },
      theme: 'plain',
      styles: { font, fontSize: 9, cellPadding: 2 },
      columnStyles: { 0: { fontStyle: 'bold', cellWidth: 110 } },
      body: model.customFields,
    });
    y = lastY(doc) + 14;
  }

  bold();
  doc.setFontSize(11);
  doc.text(model.linesTitle, margin, y);
  const expectedPages = Math.max(1, Math.ceil(model.rows.length / ROWS_PER_PAGE));
  const columnStyles: Record<number, { halign: 'right' }> = {};
  model.numeric.forEach((n, i) => {
    if (n) columnStyles[i] = { halign: 'right' };
  });
  autoTable(doc, {
    startY: y + 6,
    margin: { left: margin, right: margin, bottom: 50 },
    theme: 'striped',
    showHead: 'everyPage',
    styles: { font, fontSize: 8, cellPadding: 3, overflow: 'linebreak' },
    headStyles: { fillColor: [11, 87, 208] },
    columnStyles,
    head: [model.columns],
    body: model.rows,
    didDrawPage: (data) => {
      progress(0.2 + 0.7 * Math.min(1, data.pageNumber / expectedPages));
    },
  });
  y = lastY(doc) + 10;

  // Totals, right-aligned under the lines; a new page when they do not fit.
  const pageHeight = doc.internal.pageSize.getHeight();
  if (y + model.totals.length * 14 > pageHeight - 50) {
    doc.addPage();
    y = 50;
  }
  doc.setFontSize(10);
  for (const [label, value] of model.totals) {
    bold();
    doc.text(label, width - margin - 200, y + 10);
    regular();
    doc.text(value, width - margin, y + 10, { align: 'right' });
    y += 14;
  }

  // Page numbers on every page.
  const pages = doc.getNumberOfPages();
  regular();
  doc.setFontSize(8);
  for (let page = 1; page <= pages; page++) {
    doc.setPage(page);
    const label = model.pageOf.replace('{page}', String(page)).replace('{pages}', String(pages));
    doc.text(label, width - margin, pageHeight - 24, { align: 'right' });
    doc.text(model.title, margin, pageHeight - 24);
  }
  progress(0.95);
  const buffer = doc.output('arraybuffer');
  progress(1);
  return buffer;
}

function lastY(doc: unknown): number {
  return (doc as { lastAutoTable?: { finalY?: number } }).lastAutoTable?.finalY ?? 64;
}
