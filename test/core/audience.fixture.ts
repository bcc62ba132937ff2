/**
 * One invoice carrying everything the customer must never see (docs/RULES.md, Audiences,
 * field by field), and the words that would betray each item. Shared by the core, viewer and
 * export suites so the screen and the files are checked against the same list.
 */
import type { Invoice } from '../../src/core/types.js';
import { invoice, line } from '../support/fixtures.js';

export const STAFF = 'Rita Staffmember';
export const INTERNAL_FIELD = { label: 'Cost centre', value: 'CC-SECRET-9' };
export const INTERNAL_LINE = { sku: 'INT-NOTE', description: 'Margin note for staff' };

/** What the customer sees of it (and the operator too). */
export const SHARED = ['PO-77', 'SKU-VISIBLE'];

/** Each thing the customer must not see, and how to find it in a text (case-insensitive). */
export const OPERATOR_ONLY: [string, RegExp][] = [
  ['the staff member who changed a status', new RegExp(STAFF, 'i')],
  ['whether a notification was sent', /notified|notifica/i],
  ['any trace of the draft (history from DRAFT)', /draft/i],
  ['the internal custom field (label)', new RegExp(INTERNAL_FIELD.label, 'i')],
  ['the internal custom field (value)', new RegExp(INTERNAL_FIELD.value, 'i')],
  ['the operator-only line (SKU)', new RegExp(INTERNAL_LINE.sku, 'i')],
  ['the operator-only line (description)', new RegExp(INTERNAL_LINE.description, 'i')],
];

export function auditedInvoice(overrides: Partial<Invoice> = {}): Invoice {
  return invoice({
    id: 'inv-aud',
    documentId: 'DOC-AUD-1',
    status: 'CLOSED',
    lines: [
      line('v1', { sku: 'SKU-VISIBLE', description: 'Seats', unit: 5000, quantity: 2 }),
      {
        ...line('i1', { ...INTERNAL_LINE, unit: 0 }),
        tax: { minor: 0, currency: 'USD' },
        visibility: 'internal',
      },
    ],
    customFields: [
      { key: 'po', label: 'PO number', value: 'PO-77' },
      { key: 'cc', ...INTERNAL_FIELD, visibility: 'internal' },
    ],
    history: [
      { from: 'DRAFT', to: 'OPEN', at: '2026-11-02T10:00:00.000Z', by: STAFF, notified: false },
      { from: 'OPEN', to: 'CLOSED', at: '2026-11-20T10:00:00.000Z', by: STAFF, notified: true },
    ],
    ...overrides,
  });
}
