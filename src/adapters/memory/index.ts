/** The in-memory backend adapter and its seeded data generator. No Lit. */
export { MemoryBackend, BACKEND_OPERATIONS } from './memory-backend.js';
export type { BackendOperation, DownloadAnswer, MemoryBackendOptions } from './memory-backend.js';
export {
  DEFAULT_GENERATOR_OPTIONS,
  PROVIDERS,
  computeLines,
  generateData,
  resolveGeneratorOptions,
  toInvoice,
  toSummary,
} from './generator.js';
export type {
  GeneratedData,
  GeneratorOptions,
  InvoiceRecipe,
  InvoiceRecord,
  ResolvedGeneratorOptions,
} from './generator.js';
export { DEFAULT_LIMIT, DEFAULT_SORT, DEFAULT_CUSTOMER_LIMIT } from './query.js';
export { Random, hashSeed } from './random.js';
