/**
 * The non-visual model of `<status-updater>`: the confirmed intent, and
 * the message each outcome of its guarded write (src/core/guarded-write.ts) shows.
 */
import type { WriteOutcome } from '../../core/guarded-write.js';
import type { Invoice, InvoiceStatus } from '../../core/types.js';
import type { CommonStrings } from '../../i18n/common.strings.js';
import { errorMessage } from '../shared/error-message.js';
import { statusLabel } from '../shared/status-badge.js';
import type { StatusUpdaterStrings } from './status-updater.strings.js';

/** One confirmed change. Retry sends exactly this again (same idempotency key, same version). */
export interface Intent {
  invoiceId: string;
  from: InvoiceStatus;
  to: InvoiceStatus;
  notify: boolean;
  expectedVersion: string;
  /** The reason given in the dialog (issue 25), sent with the change. */
  reason?: string;
}

export interface Message {
  /** `conflict` blocks further changes until Reload. */
  kind: 'info' | 'success' | 'error' | 'conflict';
  text: string;
  /** `check`: Check again (a re-read) and Retry (the same key). */
  action?: 'retry' | 'reload' | 'check';
  /** For a conflict: the version the element held; a host invoice of another version clears it. */
  staleVersion?: string;
}

/**
 * What the user is told when the write of `intent` ended with `outcome` (`outcome-unknown`: the
 * check after it could not read the invoice either). Nothing for an aborted call.
 */
export function writeMessage(
  outcome: WriteOutcome<Invoice>,
  intent: Intent,
  t: StatusUpdaterStrings,
  common: CommonStrings,
): Message | undefined {
  switch (outcome.kind) {
    case 'success':
      return {
        kind: 'success',
        text: t.changed(
          statusLabel(intent.from, common),
          statusLabel(outcome.result.status, common),
        ),
      };
    case 'not-applied':
      // Not applied and nobody else wrote: Retry (same key) is safe.
      return { kind: 'error', text: t.notApplied, action: 'retry' };
    case 'unconfirmed':
      // Not applied yet, but it may still be: never "not changed" before the server says so.
      return { kind: 'error', text: t.unconfirmed, action: 'check' };
    case 'conflict':
      return {
        kind: 'conflict',
        text: `${common.error.conflict} ${t.conflictHint}`,
        action: 'reload',
        staleVersion: intent.expectedVersion,
      };
    case 'invalid-transition':
      return { kind: 'error', text: `${common.error['invalid-transition']} ${t.targetsRefreshed}` };
    case 'outcome-unknown':
      return {
        kind: 'error',
        text: `${errorMessage(outcome.error, common)} ${t.unconfirmed}`,
        action: 'retry',
      };
    case 'aborted':
      return undefined;
    default:
      return {
        kind: 'error',
        text: errorMessage(outcome.error, common),
        action: outcome.error.retryable ? 'retry' : undefined,
      };
  }
}
