/**
 * The answers of the optional batch of status changes (`InvoiceBackend.updateStatuses`, issue
 * 25), validated: loaded by `withValidation` with the first batch. No Lit.
 */
import { BACKEND_ERROR_KINDS, BackendError, type BackendErrorKind } from './errors.js';
import type { StatusUpdate, StatusUpdateResult } from './types.js';
import { parseInvoice } from './validate.js';

/**
 * The answers of `updateStatuses`, one per update in its order: each invoice validated (an
 * invoice that fails, or is another one, is an unreadable answer), each error a `BackendError`
 * of a known kind (else `server`). An update left without an answer (a short or mismatched list)
 * gets a `validation` error with `outcomeUnknown`: the elements re-read that invoice before
 * saying anything (docs/RULES.md, "Writes").
 */
export function parseStatusResults(
  results: unknown,
  updates: readonly StatusUpdate[],
): StatusUpdateResult[] {
  const list = Array.isArray(results) ? (results as unknown[]) : [];
  return updates.map((update, i) => {
    const invoiceId = update.invoiceId;
    const unreadable = (): StatusUpdateResult => ({
      invoiceId,
      error: new BackendError('validation', 'No readable answer for this invoice.', {
        outcomeUnknown: true,
      }),
    });
    const item = list[i] as Partial<Record<'invoiceId' | 'invoice' | 'error', unknown>> | null;
    if (!item || typeof item !== 'object' || item.invoiceId !== invoiceId) return unreadable();
    if (item.invoice !== undefined) {
      try {
        const invoice = parseInvoice(item.invoice);
        return invoice.id === invoiceId ? { invoiceId, invoice } : unreadable();
      } catch {
        return unreadable();
      }
    }
    const e = item.error as Partial<Record<string, unknown>> | undefined;
    if (!e || typeof e !== 'object') return unreadable();
    if (e instanceof BackendError) return { invoiceId, error: e };
    const kind = (BACKEND_ERROR_KINDS as readonly string[]).includes(e.kind as string)
      ? (e.kind as BackendErrorKind)
      : 'server';
    const targets = Array.isArray(e.allowedTargets)
      ? e.allowedTargets.filter((t): t is string => typeof t === 'string')
      : undefined;
    const error = new BackendError(
      kind === 'no-backend' || kind === 'config' ? 'server' : kind,
      'The change was refused.',
      {
        allowedTargets: targets,
        currentVersion: typeof e.currentVersion === 'string' ? e.currentVersion : undefined,
      },
    );
    return { invoiceId, error };
  });
}
