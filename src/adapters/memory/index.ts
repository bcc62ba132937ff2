/** The in-memory backend adapter and its seeded data generator. No Lit. */
export { MemoryBackend, BACKEND_OPERATIONS } from './memory-backend.js';
export type { BackendOperation, DownloadAnswer, MemoryBackendOptions } from './memory-backend.js';
export {
  DEFAULT_GENERATOR_OPTIONS,
  DEFAULT_ISSUER,
  DEFAULT_PAYMENT_INSTRUCTIONS,
  PROVIDERS,
  generateData,
  resolveGeneratorOptions,
} from './generator.js';
export type { GeneratedData, GeneratorOptions, ResolvedGeneratorOptions } from './generator.js';
export { GENERATED_TERMS_DAYS, toInvoice, toSummary } from './records.js';
export type { InvoiceRecipe, InvoiceRecord } from './records.js';
export { computeLines } from './recipe.js';
export { DEFAULT_LIMIT, DEFAULT_SORT, DEFAULT_CUSTOMER_LIMIT } from './query.js';
export { Random, hashSeed } from './random.js';
