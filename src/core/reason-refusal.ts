/**
 * The backend's side of the reason rule (status-reason.ts; docs/RULES.md, "A reason for VOID"):
 * what `MemoryBackend` and the reference server store, or how they refuse it. Not in the core
 * barrel (an implementation's helper, not public API). No Lit.
 */
import { BackendError } from './errors.js';
import { REASON_MAX, checkReason } from './status-reason.js';

/**
 * The reason to store with a status change, as {@link checkReason} gives it (trimmed,
 * `undefined` when none); a missing or too long one is refused with `422 validation` naming
 * `reason`.
 */
export function acceptReason(value: unknown, required: boolean): string | undefined {
  const checked = checkReason(value, required);
  if ('reason' in checked) return checked.reason;
  throw new BackendError(
    'validation',
    checked.problem === 'missing'
      ? 'A reason is required to void this invoice.'
      : `A reason has at most ${REASON_MAX} characters.`,
    { status: 422, field: 'reason' },
  );
}
