/**
 * Status rules (docs/RULES.md, Statuses and Transitions). No Lit.
 *
 * - A generated invoice starts as DRAFT; once it leaves DRAFT, DRAFT is never available again.
 * - Default table: DRAFT -> OPEN, OPEN -> VOID, OPEN -> CLOSED; VOID and CLOSED are terminal.
 * - The backend may narrow or widen the table per invoice; its word wins, but never back to DRAFT.
 * - Discard only for DRAFT. The customer audience never sees a draft and has no actions.
 */
import { INVOICE_STATUSES } from './types.js';
import type { Audience, Invoice, InvoiceStatus, InvoiceSummary, ReceivedStatus } from './types.js';

export const DEFAULT_TRANSITIONS: Readonly<Record<InvoiceStatus, readonly InvoiceStatus[]>> = {
  DRAFT: ['OPEN'],
  OPEN: ['VOID', 'CLOSED'],
  VOID: [],
  CLOSED: [],
};

/** Statuses the end customer may see (docs/RULES.md, Audiences: OPEN, VOID and CLOSED). */
export const CUSTOMER_VISIBLE_STATUSES: readonly InvoiceStatus[] = ['OPEN', 'VOID', 'CLOSED'];

export function isKnownStatus(status: unknown): status is InvoiceStatus {
  return typeof status === 'string' && (INVOICE_STATUSES as readonly string[]).includes(status);
}

/** Whether nothing can ever change this status (VOID, CLOSED) by the default table. */
export function isTerminal(status: ReceivedStatus): boolean {
  return isKnownStatus(status) && DEFAULT_TRANSITIONS[status].length === 0;
}

/**
 * The statuses an invoice may move to. With `backendTargets` the backend's word wins
 * (it may narrow or widen the default table), except that DRAFT and the current status are
 * never offered. An unknown current status is read-only: nothing is offered.
 */
export function allowedTargets(
  current: ReceivedStatus,
  backendTargets?: readonly string[] | null,
): InvoiceStatus[] {
  if (!isKnownStatus(current)) return [];
  const source = backendTargets ?? DEFAULT_TRANSITIONS[current];
  const result: InvoiceStatus[] = [];
  for (const status of INVOICE_STATUSES) {
    if (status === 'DRAFT' || status === current) continue;
    if (source.includes(status)) result.push(status);
  }
  return result;
}

/** Whether `from -> to` is allowed, with the same rules as {@link allowedTargets}. */
export function canTransition(
  from: ReceivedStatus,
  to: ReceivedStatus,
  backendTargets?: readonly string[] | null,
): boolean {
  return isKnownStatus(to) && allowedTargets(from, backendTargets).includes(to);
}

/** Allowed targets of an invoice for an audience: the customer never has any. */
export function targetsFor(
  invoice: Pick<Invoice, 'status' | 'allowedTargets'>,
  audience: Audience = 'operator',
): InvoiceStatus[] {
  if (audience === 'customer') return [];
  // A host-given invoice is not validated: a list that is not an array means "not said".
  const said = Array.isArray(invoice.allowedTargets) ? invoice.allowedTargets : undefined;
  return allowedTargets(invoice.status, said);
}

/** Discard (delete) is offered for drafts only, and never to the customer. */
export function canDiscard(
  invoice: Pick<InvoiceSummary, 'status'>,
  audience: Audience = 'operator',
): boolean {
  return audience === 'operator' && invoice.status === 'DRAFT';
}

/** Whether an invoice may be shown (or exported) to an audience. */
export function isVisibleTo(invoice: Pick<InvoiceSummary, 'status'>, audience: Audience): boolean {
  if (audience === 'operator') return true;
  return isKnownStatus(invoice.status) && CUSTOMER_VISIBLE_STATUSES.includes(invoice.status);
}

/** Keeps only what an audience may see (the customer: never a draft, never an unknown status). */
export function visibleTo<T extends Pick<InvoiceSummary, 'status'>>(
  invoices: readonly T[],
  audience: Audience,
): T[] {
  return audience === 'operator' ? [...invoices] : invoices.filter((i) => isVisibleTo(i, audience));
}

/** Whether the customer sees the invoice in their portal (for the viewer's visibility indicator). */
export function isVisibleToCustomer(invoice: Pick<InvoiceSummary, 'status'>): boolean {
  return isVisibleTo(invoice, 'customer');
}

/**
 * Where a status is changed: `generation`, just after the host generated the invoice (the
 * notification toggle starts off), or `existing`, any other time (it starts on).
 */
export type InvoiceFlow = 'existing' | 'generation';

/**
 * The notify toggle's default: off when the status is changed in the generation flow
 * (the host just generated the invoice), on when changing an existing document.
 */
export function defaultNotify(flow: InvoiceFlow): boolean {
  return flow === 'existing';
}

/** Consequences the confirmation dialog must state, as flags a component turns into words. */
export interface TransitionConsequences {
  /** Leaving DRAFT: "DRAFT will no longer be available". */
  leavesDraft: boolean;
  /** DRAFT -> a customer-visible status: "the customer will see this invoice in their portal". */
  publishes: boolean;
  /** Target is VOID: "cannot be undone". */
  irreversible: boolean;
  /** Target is terminal (VOID or CLOSED): no further change will be possible. */
  final: boolean;
}

export function transitionConsequences(
  from: ReceivedStatus,
  to: InvoiceStatus,
): TransitionConsequences {
  const wasVisible = isKnownStatus(from) && CUSTOMER_VISIBLE_STATUSES.includes(from);
  return {
    leavesDraft: from === 'DRAFT' && to !== 'DRAFT',
    publishes: !wasVisible && CUSTOMER_VISIBLE_STATUSES.includes(to),
    irreversible: to === 'VOID',
    final: isTerminal(to),
  };
}
