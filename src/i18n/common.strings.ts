/**
 * Strings shared by every element: status names, error messages of the taxonomy, common
 * buttons, in English. Each element has its own catalogue beside it for the rest; pt-BR and es
 * are in ./pt-BR.ts and ./es.ts, loaded on demand.
 */
import type { BackendErrorKind } from '../core/errors.js';
import type { DownloadFormat, InvoiceStatus } from '../core/types.js';
import type { Catalogue } from './catalogue.js';

export interface CommonStrings {
  status: Record<InvoiceStatus, string>;
  /** Shown for a status this version does not know; the invoice is then read-only. */
  unknownStatus: (status: string) => string;
  format: Record<DownloadFormat, string>;
  error: Record<BackendErrorKind, string>;
  /** For a payload that failed validation: names the offending field. */
  invalidField: (field: string) => string;
  retry: string;
  /** Re-reads after an unknown outcome. */
  checkAgain: string;
  reload: string;
  cancel: string;
  ok: string;
  close: string;
  loading: string;
  /** The derived Overdue state (core/overdue.ts), shown next to the status: never a status. */
  overdue: string;
}

const en: CommonStrings = {
  status: { DRAFT: 'Draft', OPEN: 'Open', VOID: 'Void', CLOSED: 'Closed' },
  unknownStatus: (s) => `Unknown status (${s})`,
  format: { pdf: 'PDF', csv: 'CSV', 'detailed-csv': 'Detailed CSV', print: 'Print' },
  error: {
    network: 'The server could not be reached. Check your connection and try again.',
    timeout: 'The server took too long to answer.',
    aborted: 'The request was cancelled.',
    unauthorized: 'Your session has expired. Sign in again.',
    forbidden: 'You do not have permission to do this.',
    'not-found': 'This item no longer exists.',
    conflict: 'Someone else changed this invoice in the meantime.',
    'invalid-transition': 'This status change is no longer allowed.',
    validation: 'The server sent data that could not be read.',
    'rate-limited': 'Too many requests. Wait a moment and try again.',
    server: 'The server had a problem. Try again in a moment.',
    'no-backend': 'No backend is configured for this element.',
    config: 'The service is misconfigured. Contact your administrator.',
  },
  invalidField: (f) => `Invalid field: ${f}`,
  retry: 'Retry',
  checkAgain: 'Check again',
  reload: 'Reload',
  cancel: 'Cancel',
  ok: 'OK',
  close: 'Close',
  loading: 'Loading…',
  overdue: 'Overdue',
};

/** English, built in; pt-BR and es load on demand from src/i18n/pt-BR.ts and es.ts. */
export const commonStrings: Catalogue<CommonStrings> = { en, pick: (locale) => locale.common };
