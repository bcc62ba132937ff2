/**
 * What `<invoice-table>` loads on demand when the user asks for a bulk status change (issue 25):
 * the dialog's state and writes (`BulkChange`, core/bulk-status.ts, the guarded writes), its
 * template, and `<status-updater>`'s words for the consequences. A table that is not
 * `selectable`, or whose user only selects, never loads it (docs/PERFORMANCE.md, sizes).
 */
export { BulkChange } from './bulk-change.js';
export { renderBulkDialog } from './bulk-dialog.js';
export { statusUpdaterStrings } from '../status-updater/status-updater.strings.js';
