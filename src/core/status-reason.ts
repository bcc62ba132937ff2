/**
 * The reason for a status change (issue 25, "A reason for VOID"; docs/RULES.md, "A reason for
 * VOID"): asked in the status dialog when the target is VOID, required when the adapter says so
 * per invoice (`Invoice.voidReasonRequired`), sent as `StatusUpdate.reason`, kept in the
 * history (`StatusChange.reason`) and shown to the operator only. Pure, no Lit.
 */
import type { Invoice, InvoiceStatus } from './types.js';

/** The longest reason accepted, in UTF-16 code units (a `<textarea maxlength>` counts the same). */
export const REASON_MAX = 500;

/** Whether the dialog asks for a reason for this target at all (VOID: optional or required). */
export function asksReason(to: InvoiceStatus): boolean {
  return to === 'VOID';
}

/** Whether the adapter requires a reason to move this invoice to `to`. */
export function reasonRequired(
  invoice: Pick<Invoice, 'voidReasonRequired'>,
  to: InvoiceStatus,
): boolean {
  return to === 'VOID' && invoice.voidReasonRequired === true;
}

/** What is wrong with a reason: none given where one is required, or longer than {@link REASON_MAX}. */
export type ReasonProblem = 'missing' | 'too-long';

/**
 * A reason as it is sent: trimmed, `undefined` when empty; or what is wrong with it. Not a
 * string where one is required is `missing`.
 */
export function checkReason(
  value: unknown,
  required: boolean,
): { reason: string | undefined } | { problem: ReasonProblem } {
  const reason = typeof value === 'string' ? value.trim() : '';
  if (reason.length > REASON_MAX) return { problem: 'too-long' };
  if (!reason) return required ? { problem: 'missing' } : { reason: undefined };
  return { reason };
}
