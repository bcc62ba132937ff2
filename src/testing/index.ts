/**
 * `invoice-elements/testing`: the conformance kit (issue 23; docs/ADAPTERS.md "Prove your
 * adapter"). A host runs it against its own adapter, in its own test runner
 * (`defineConformanceSuite`) or on its own (`runConformance`). No Lit, no test framework.
 */
export type {
  CheckOutcome,
  CheckResult,
  ConformanceFixture,
  ConformanceOperation,
  ConformanceOptions,
  ConformanceReport,
  FaultHooks,
  InvoiceSpec,
} from './types.js';
export { ConformanceFailure, isKnownBackendError } from './check.js';
export type { CheckContext, ConformanceCheck, ConformanceNeed, Settled } from './check.js';
export { CONFORMANCE_CHECKS } from './checks/index.js';
export {
  DEFAULT_CHECK_TIMEOUT_MS,
  formatResult,
  runCheck,
  runConformance,
  selectChecks,
  skipReason,
} from './run.js';
export { defineConformanceSuite } from './suites.js';
export type {
  ConformanceOptionsSource,
  ConformanceSuiteSettings,
  TestRunnerApi,
} from './suites.js';
export { customerView } from './customer-view.js';
export { invoiceFromSpec, memoryConformanceFixture, memoryFaultHooks } from './memory-fixture.js';
