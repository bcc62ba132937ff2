/** msw handlers serving the REST contract over a MemoryBackend, with fault controls (tests, stories, demo). */
export { createInvoiceHandlers, parseInvoiceQuery } from './handlers.js';
export type { InvoiceHandlersOptions } from './handlers.js';
export { createFaultControls, OPERATIONS } from './faults.js';
export type { Fault, FaultControls, FaultOptions, Operation } from './faults.js';
