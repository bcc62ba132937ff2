/**
 * The fonts of the PDF: which family every text of the document is drawn in. Runs where the PDF
 * is made (the PDF worker, or the main-thread fallback), after jspdf has loaded. No Lit here.
 *
 * For now the standard PDF font (Helvetica, Latin-1 only); issue 18 replaces this with an
 * embedded Unicode font.
 */
import type { jsPDF } from 'jspdf';

/** The font family names registered in a document: one for regular text, one for bold. */
export interface PdfFontFaces {
  regular: { family: string; style: string };
  bold: { family: string; style: string };
}

/** Registers the document's fonts in `doc` and says which to use. */
export async function setUpPdfFonts(doc: jsPDF): Promise<PdfFontFaces> {
  void doc;
  return {
    regular: { family: 'helvetica', style: 'normal' },
    bold: { family: 'helvetica', style: 'bold' },
  };
}
