/**
 * Strings of `<download-menu>`: the interface and English. pt-BR and es are in src/i18n/pt-BR.ts
 * and es.ts, loaded on demand. Hosts override any through `strings`.
 */
import type { Catalogue } from '../../i18n/catalogue.js';
import { DEFAULT_EXPORT_LABELS, type ExportLabels } from '../../exports/options.js';

export interface DownloadMenuStrings {
  /** The menu button (the source's DOWNLOAD). */
  download: string;
  /** Accessible name of the menu. */
  menuLabel: string;
  /** Said when there is nothing to download (e.g. a draft in the customer portal). */
  noFormats: string;
  /** While a file is made. */
  preparing: (format: string) => string;
  /** Accessible name of the progress bar. */
  progressLabel: (format: string) => string;
  /** Announced when the file was handed to the browser. */
  done: (format: string) => string;
  /** Announced after Cancel. */
  cancelled: (format: string) => string;
  /** Heading of a failure. */
  failed: (format: string) => string;
  /** The host vetoed the download (`invoice-download-request` cancelled). */
  vetoed: string;
  /** A server URL that is neither https nor same origin. */
  unsafeUrl: string;
  /** A draft in the customer audience. */
  refused: string;
  /** A failure of the browser-made file (not the backend). */
  exportFailed: string;
  /** Labels inside the files (CSV headers, PDF and print document). */
  document: ExportLabels;
}

const en: DownloadMenuStrings = {
  download: 'DOWNLOAD',
  menuLabel: 'Download formats',
  noFormats: 'No downloads are available for this invoice.',
  preparing: (f) => `Preparing ${f}…`,
  progressLabel: (f) => `${f} progress`,
  done: (f) => `${f} ready.`,
  cancelled: (f) => `${f} cancelled.`,
  failed: (f) => `${f} could not be made.`,
  vetoed: 'The download was stopped by the page.',
  unsafeUrl: 'The server offered the file from an address that is not allowed.',
  refused: 'This invoice cannot be downloaded.',
  exportFailed: 'Something went wrong while making the file. Try again.',
  // The labels inside the files: the export core's English defaults.
  document: DEFAULT_EXPORT_LABELS,
};

/** English, built in; pt-BR and es load on demand from src/i18n/pt-BR.ts and es.ts. */
export const downloadMenuStrings: Catalogue<DownloadMenuStrings> = {
  en,
  pick: (locale) => locale.downloadMenu,
};
