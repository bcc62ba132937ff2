/**
 * Stands in for jspdf's optional modules (html2canvas, DOMPurify, canvg) in the PDF worker
 * build (vite.config.ts): they serve jspdf's `html()` and SVG paths, which our PDFs never
 * take. Importing this module is harmless; using it as one of them fails loudly.
 */
const unavailable = (): never => {
  throw new Error('invoice-elements: this jspdf feature is not in the PDF worker.');
};
export default unavailable;
