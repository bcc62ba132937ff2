/**
 * Strings of `<status-updater>`: the interface and English. pt-BR and es are in src/i18n/pt-BR.ts
 * and es.ts, loaded on demand. Hosts override any through `strings`.
 */
import type { Catalogue } from '../../i18n/catalogue.js';

export interface StatusUpdaterStrings {
  /** Label before the current status badge. */
  currentStatus: string;
  /** Visible label of the drop-down. */
  newStatus: string;
  /** The drop-down's empty first option. */
  choose: string;
  /** The button that opens the confirmation (the source's UPDATE STATUS). */
  updateStatus: string;
  /** Said when UPDATE STATUS is pressed with no status chosen. */
  chooseFirst: string;
  /** VOID / CLOSED: why there is no control. */
  final: string;
  /** The backend allows no change now (a narrowed table). */
  noTargets: string;
  /** A status this version does not know: read-only. */
  unknownReadOnly: string;
  /** Dialog heading. */
  dialogHeading: (to: string) => string;
  /** Dialog: which invoice changes (document ID, customer, formatted period and total). */
  subject: (documentId: string, customer: string, period: string, amount: string) => string;
  /** Dialog: from and to, in words. */
  fromTo: (from: string, to: string) => string;
  /** Leaving DRAFT. */
  leavesDraft: (draft: string) => string;
  /** DRAFT to a status the customer sees. */
  publishes: string;
  /** Target VOID. */
  irreversible: (to: string) => string;
  /** Target terminal (VOID, CLOSED). */
  becomesFinal: string;
  /**
   * The notification toggle (the source's words); the customer's e-mail follows in parentheses
   * when the adapter knows it.
   */
  notify: string;
  /** While the backend call runs. */
  sending: string;
  /** Success. */
  changed: (from: string, to: string) => string;
  /** A timeout after sending: the re-read runs. */
  checking: string;
  /** The re-read shows the change was not applied, and the server had answered. */
  notApplied: string;
  /** Neither the update nor the re-read answered, or the re-read shows the old status after a timeout. */
  unconfirmed: string;
  /** Appended to the conflict message. */
  conflictHint: string;
  /** After Reload. */
  reloaded: (status: string) => string;
  /** After an invalid-transition answer. */
  targetsRefreshed: string;
  /** The host vetoed the change. */
  vetoed: string;
  /** Customer audience: label of the read-only status. */
  status: string;
  // issue 25: a reason for VOID (docs/RULES.md, "A reason for VOID")
  /** Label of the reason field when the adapter does not require one. */
  reasonLabel: string;
  /** Label of the reason field when the adapter requires one. */
  reasonRequiredLabel: string;
  /** Under the field: its limit and who sees it. */
  reasonHint: (max: number) => string;
  /** OK pressed without the required reason. */
  reasonMissing: string;
  reasonTooLong: (max: number) => string;
}

const en: StatusUpdaterStrings = {
  currentStatus: 'Current status',
  newStatus: 'New status',
  choose: 'Choose a status…',
  updateStatus: 'UPDATE STATUS',
  chooseFirst: 'Choose a new status first.',
  final: 'This invoice is final: its status can no longer change.',
  noTargets: 'No status change is allowed for this invoice right now.',
  unknownReadOnly: 'This status is not known to this version, so the invoice is read-only here.',
  dialogHeading: (to) => `Change the status to ${to}?`,
  subject: (doc, customer, period, amount) => `Invoice ${doc}, ${customer}, ${period}, ${amount}.`,
  fromTo: (from, to) => `The status will change from ${from} to ${to}.`,
  leavesDraft: (draft) => `${draft} will no longer be available for this invoice.`,
  publishes: 'The customer will see this invoice in their portal.',
  irreversible: (to) => `${to} cannot be undone.`,
  becomesFinal: 'No further status change will be possible.',
  notify: 'Send notification e-mail to the customer',
  sending: 'Updating the status…',
  changed: (from, to) => `Status changed from ${from} to ${to}.`,
  checking: 'Outcome unknown, checking…',
  notApplied: 'The status was not changed.',
  unconfirmed:
    'It is not known whether the status changed. Retry is safe: it will not apply twice.',
  conflictHint: 'Nothing was overwritten. Reload to see the current state.',
  reloaded: (status) => `Reloaded. The status is now ${status}.`,
  targetsRefreshed: 'The list of statuses has been updated.',
  vetoed: 'The status change was cancelled.',
  status: 'Status',
  // issue 25: a reason for VOID
  reasonLabel: 'Reason (optional)',
  reasonRequiredLabel: 'Reason (required)',
  reasonHint: (max) =>
    `Up to ${max} characters. Kept in the status history, shown to operators only.`,
  reasonMissing: 'Enter a reason to void this invoice.',
  reasonTooLong: (max) => `The reason can have at most ${max} characters.`,
};

/** English, built in; pt-BR and es load on demand from src/i18n/pt-BR.ts and es.ts. */
export const statusUpdaterStrings: Catalogue<StatusUpdaterStrings> = {
  en,
  pick: (locale) => locale.statusUpdater,
};
