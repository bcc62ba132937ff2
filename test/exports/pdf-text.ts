/**
 * Reads the text of a PDF back as a reader would, with PDF.js (`pdfjs-dist`, a dev dependency)
 * in its own worker: the embedded font writes glyph ids, and the text comes back through the
 * font's ToUnicode map, as in a viewer's search or copy. Compressed or not.
 */
import {
  GlobalWorkerOptions,
  getDocument,
  type PDFDocumentProxy,
} from 'pdfjs-dist/legacy/build/pdf.mjs';

// Served by web-test-runner from node_modules as it is (a module worker).
GlobalWorkerOptions.workerSrc = new URL(
  '../../node_modules/pdfjs-dist/legacy/build/pdf.worker.min.mjs',
  import.meta.url,
).href;

/** A text string of a PDF, with what it is drawn in. */
export interface PdfRun {
  text: string;
  /**
   * The font's name in the PDF (its `/BaseFont`; jspdf writes the family name there, the same for
   * the regular and the bold face).
   */
  font: string;
  /** The drawn width in ems (width / font size): a bold face draws the same text wider. */
  em: number;
}

/**
 * The text strings of each page with their fonts, in drawing order (PDF.js's text items, empty
 * ones left out). With `fonts`, the pages are also interpreted to name each string's font.
 */
export async function pdfRuns(blob: Blob, fonts = true): Promise<PdfRun[][]> {
  const data = new Uint8Array(await blob.arrayBuffer());
  const task = getDocument({ data, useSystemFonts: false, fontExtraProperties: fonts });
  const pdf: PDFDocumentProxy = await task.promise;
  try {
    const pages: PdfRun[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      // Loads the page's fonts into `commonObjs`, under the names the text items give.
      if (fonts) await page.getOperatorList();
      // No normalisation (PDF.js would apply NFKC): the text comes back exactly as drawn.
      const content = await page.getTextContent({ disableNormalization: true });
      const runs: PdfRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const face = fonts ? (page.commonObjs.get(item.fontName) as { name?: string }) : {};
        const size = Math.hypot(item.transform[0], item.transform[1]);
        runs.push({ text: item.str, font: face.name ?? '', em: item.width / size });
      }
      pages.push(runs);
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/** The text strings of each page, in drawing order. */
export async function pdfPages(blob: Blob): Promise<string[][]> {
  return (await pdfRuns(blob, false)).map((page) => page.map((run) => run.text));
}

/** The text strings of the whole PDF, in drawing order, page after page. */
export async function pdfText(blob: Blob): Promise<string[]> {
  return (await pdfPages(blob)).flat();
}
