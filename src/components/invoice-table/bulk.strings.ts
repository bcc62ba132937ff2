/**
 * Strings of `<invoice-table>`'s selection and bulk status change (issue 25): the interface and
 * English. pt-BR and es are in src/i18n/pt-BR.ts and es.ts (`bulkStatus`), loaded on demand.
 * The consequence sentences come from `<status-updater>`'s strings (the same rules, the same words).
 */
import type { IneligibleReason } from '../../core/bulk-status.js';
import type { Catalogue } from '../../i18n/catalogue.js';

export interface BulkStatusStrings {
  /** Name of the checkbox column's header cell. */
  selectColumn: string;
  /** The row checkbox's name: "Select invoice DOC-1". */
  selectRow: (documentId: string) => string;
  /** The header checkbox's name, and the bar's button: "Select all 1,234 matching invoices". */
  selectAll: (count: string) => string;
  /** Announced and shown in the bar: "3 invoices selected". */
  selected: (count: number, formatted: string) => string;
  clearSelection: string;
  selectionCleared: string;
  /** Announced when a change of customer, period, filter or sort clears the selection. */
  selectionClearedByView: string;
  /** Name of the bar (a toolbar). */
  barLabel: string;
  targetLabel: string;
  chooseTarget: string;
  change: string;
  chooseFirst: string;
  /** The dialog's heading: "Change the status to Open". */
  dialogHeading: (to: string) => string;
  /** While the ids of "all matching" are read page by page. */
  reading: (done: string, total: string) => string;
  /** "74 of 80 selected invoices can change to Open." */
  eligible: (count: number, formatted: string, selected: string, to: string) => string;
  noneEligible: (to: string) => string;
  /** Heading of the list of invoices left out: "6 will not change:". */
  ineligibleHeading: (count: number, formatted: string) => string;
  reasons: {
    [K in IneligibleReason]: (from: string, to: string) => string;
  };
  /** After the first few of a long list: "and 120 more". */
  more: (formatted: string) => string;
  /** The notification switch, for many customers. */
  notify: string;
  /** The confirm button: "Change 74 invoices". */
  confirm: (count: number, formatted: string) => string;
  /** Progress: "12 of 74 done". */
  progress: (done: string, total: string) => string;
  cancelRemaining: string;
  cancelling: string;
  resultHeading: string;
  changed: (count: number, formatted: string) => string;
  conflicted: (count: number, formatted: string) => string;
  failed: (count: number, formatted: string) => string;
  notStarted: (count: number, formatted: string) => string;
  /** The reason shown for a conflict. */
  conflictReason: string;
  /** The reason shown for a write whose outcome is not known. */
  unconfirmedReason: string;
  retryFailed: (count: number, formatted: string) => string;
  vetoed: string;
  readFailed: string;
}

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

const en: BulkStatusStrings = {
  selectColumn: 'Select',
  selectRow: (id) => `Select invoice ${id}`,
  selectAll: (n) => `Select all ${n} matching invoices`,
  selected: (n, f) => plural(n, '1 invoice selected', `${f} invoices selected`),
  clearSelection: 'Clear selection',
  selectionCleared: 'Selection cleared.',
  selectionClearedByView: 'The list changed: selection cleared.',
  barLabel: 'Selected invoices',
  targetLabel: 'New status',
  chooseTarget: 'Choose a status…',
  change: 'Change status…',
  chooseFirst: 'Choose a new status first.',
  dialogHeading: (to) => `Change the status to ${to}`,
  reading: (d, t) => `Reading the selected invoices… ${d} of ${t}`,
  eligible: (n, f, s, to) =>
    plural(
      n,
      `1 of ${s} selected invoices can change to ${to}.`,
      `${f} of ${s} selected invoices can change to ${to}.`,
    ),
  noneEligible: (to) => `None of the selected invoices can change to ${to}.`,
  ineligibleHeading: (n, f) => plural(n, '1 will not change:', `${f} will not change:`),
  reasons: {
    'same-status': (from) => `already ${from}`,
    'unknown-status': (from) => `${from}: read-only`,
    'not-allowed': (from, to) => `${from} cannot change to ${to}`,
  },
  more: (f) => `and ${f} more`,
  notify: 'Send notification e-mails to the customers',
  confirm: (n, f) => plural(n, 'Change 1 invoice', `Change ${f} invoices`),
  progress: (d, t) => `${d} of ${t} done`,
  cancelRemaining: 'Stop',
  cancelling: 'Stopping: the changes under way finish.',
  resultHeading: 'Result',
  changed: (n, f) => plural(n, '1 changed', `${f} changed`),
  conflicted: (n, f) => plural(n, '1 changed by someone else', `${f} changed by someone else`),
  failed: (n, f) => plural(n, '1 failed', `${f} failed`),
  notStarted: (n, f) => plural(n, '1 not started', `${f} not started`),
  conflictReason: 'changed by someone else meanwhile; nothing was overwritten',
  unconfirmedReason: 'not known whether it changed; Retry is safe',
  retryFailed: (n, f) => plural(n, 'Retry the failed one', `Retry the ${f} failed`),
  vetoed: 'The change was stopped by the page.',
  readFailed: 'The selected invoices could not be read.',
};

/** English, built in; pt-BR and es load on demand from src/i18n/pt-BR.ts and es.ts. */
export const bulkStatusStrings: Catalogue<BulkStatusStrings> = {
  en,
  pick: (locale) => locale.bulkStatus,
};
