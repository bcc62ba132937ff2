/**
 * The public barrel of the core: domain types, error taxonomy, adapter interface and the pure
 * rules (status, money, period, downloads, validation). No Lit.
 */
export * from './types.js';
export * from './errors.js';
export type * from './backend.js';
export * from './status.js';
export * from './status-reason.js';
export * from './money.js';
export * from './period.js';
export * from './downloads.js';
export * from './validate.js';
export * from './urls.js';
export * from './conversion.js';
export * from './dates.js';
export * from './audience.js';
export * from './line-groups.js';
export * from './overdue.js';
export * from './list-totals.js';
