/** msw handlers serving the REST contract over a MemoryBackend, with fault controls (tests, stories, demo). */
export {
  createFaultControls,
  createInvoiceHandlers,
  OPERATIONS,
  parseInvoiceQuery,
} from './handlers.js';
export type {
  Fault,
  FaultControls,
  FaultOptions,
  InvoiceHandlersOptions,
  Operation,
} from './handlers.js';
