/** The sentence a component shows for a failure: the taxonomy's message, never raw markup. */
import { inSentence } from '../../core/display-text.js';
import { toBackendError } from '../../core/errors.js';
import type { CommonStrings } from '../../i18n/common.strings.js';

export function errorMessage(error: unknown, common: CommonStrings): string {
  const e = toBackendError(error);
  const base = common.error[e.kind];
  return e.kind === 'validation' && e.field
    ? `${base} ${common.invalidField(inSentence(e.field))}`
    : base;
}
