/**
 * The export core: CSV, detailed CSV and PDF (each in a module worker) and print documents,
 * with the formula-injection guard and safe file names. No Lit here; jspdf loads only when a
 * PDF is made, papaparse only when a CSV is (in the workers, or on the page as a fallback).
 */
export { neutraliseCell, isFormulaLike } from './neutralise.js';
export {
  exportFilename,
  exportBaseName,
  safeFilename,
  safeNamePart,
  FORMAT_EXTENSIONS,
  MAX_FILENAME_LENGTH,
  MAX_PART_LENGTH,
} from './filename.js';
export {
  invoiceCsv,
  detailedCsv,
  csvBlob,
  csvPieces,
  csvFormatting,
  CSV_PIECE_LINES,
  type CsvDialect,
  type CsvFormat,
  type CsvFormatting,
  type CsvOptions,
  type CsvPiece,
} from './csv.js';
export {
  generateCsv,
  createCsvWorker,
  setCsvWorkerFactory,
  yieldToMain,
  type CsvExportOptions,
  type CsvResult,
  type CsvWorkerFactory,
} from './csv-export.js';
export {
  generatePdf,
  createPdfWorker,
  setPdfWorkerFactory,
  setPdfFonts,
  type PdfFonts,
  type PdfOptions,
  type PdfResult,
  type PdfWorkerFactory,
} from './pdf.js';
export {
  printInvoice,
  fillPrintDocument,
  defaultPrint,
  PRINT_STYLES,
  type PrintOptions,
} from './print.js';
export {
  assertExportable,
  buildDocumentModel,
  convertInvoice,
  rateFor,
  periodCode,
  ExportRefusedError,
  DEFAULT_EXPORT_LABELS,
  type ConvertedInvoice,
  type DocumentModel,
  type DocumentRow,
  type ExportLabels,
  type ExportOptions,
} from './model.js';
