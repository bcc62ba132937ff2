/**
 * The conformance kit's public types (issue 23; docs/ADAPTERS.md "Prove your adapter").
 *
 * A host hands the kit its `InvoiceBackend` and a small `ConformanceFixture` that puts invoices
 * in a known state behind it; the kit runs every rule of the adapter contract (docs/RULES.md,
 * docs/ADAPTERS.md, docs/openapi.yaml) against them and reports each check as passed, failed
 * (naming the rule, with the request and the answer) or skipped (with the reason).
 *
 * No Lit, no test framework and no file of this repository's tests is imported here: the kit
 * ships in the package as `invoice-elements/testing` and runs in a host's own test runner.
 */
import type { InvoiceBackend } from '../core/backend.js';
import type { BillingPeriod, Customer, InvoiceStatus, LineItem, Money } from '../core/types.js';

/** One invoice the kit asks the fixture to create. Everything not given is the fixture's choice. */
export interface InvoiceSpec {
  status: InvoiceStatus;
  customer: Customer;
  provider: { id: string; name: string };
  period: BillingPeriod;
  total: Money;
  /** Document ID; unique among what the fixture created. */
  documentId: string;
  /** ISO 8601 date-time. */
  generatedAt: string;
  /** Total in the backend's reporting currency, when the kit checks a sort across currencies. */
  reportingTotal?: Money;
  lines?: LineItem[];
  /**
   * Money owed (docs/ADAPTERS.md, "Money owed"), on some invoices only: the due date
   * (`YYYY-MM-DD`), what was paid and what is still due, in the invoice's currency. Absent:
   * the backend stores none (nothing is made up for it).
   */
  dueDate?: string;
  amountPaid?: Money;
  amountDue?: Money;
}

/**
 * What the host implements so the kit can check behaviour on real data. Every invoice the kit
 * uses comes from `createInvoice`; `reset` removes all of them (and only them).
 */
export interface ConformanceFixture {
  /** Removes every invoice this fixture created. Called before each check and at the end. */
  reset(): Promise<void>;
  /**
   * Creates one invoice in the given state, as the operator would see it, and resolves with its
   * id in the backend (the id `getInvoice` takes).
   */
  createInvoice(spec: InvoiceSpec): Promise<string>;
  /**
   * The backend as one customer sees it, when audience comes from the credential (a customer
   * token). Without it, the kit checks the customer audience by passing `audience: 'customer'`
   * to the operator's backend.
   */
  customerBackend?(customerId: string): InvoiceBackend | Promise<InvoiceBackend>;
  /** Checks that need the backend to fail on purpose run only when this is given. */
  faults?: FaultHooks;
}

/** The operations a fault can be injected into. */
export type ConformanceOperation =
  | 'searchCustomers'
  | 'getCustomer'
  | 'listInvoices'
  | 'getInvoice'
  | 'updateStatus'
  | 'discardInvoice'
  | 'download';

/** Failures injected into the next request(s) of an operation (transport adapters). */
export interface FaultHooks {
  /** The next `times` (default 1) requests of `op` fail as a server error (HTTP 5xx). */
  serverErrorNext?(op: ConformanceOperation, times?: number): void;
  /** The next answer of `op` is not valid JSON. */
  malformedNext?(op: ConformanceOperation): void;
  /** The next request of `op` never answers. */
  hangNext?(op: ConformanceOperation): void;
  /** How many requests of `op` reached the server so far. */
  attempts?(op: ConformanceOperation): number;
}

/** How a check ended: the rule held, broke, or could not be checked with what was given. */
export type CheckOutcome = 'passed' | 'failed' | 'skipped';

/** One check's result, as a host attaches it to a ticket. */
export interface CheckResult {
  /** Stable id, e.g. `audience.customer-never-sees-drafts`. */
  id: string;
  /** The rule checked, in one sentence, e.g. "The customer audience never sees a draft". */
  rule: string;
  outcome: CheckOutcome;
  /** Why it failed or was skipped; for a pass, what it noted (e.g. an optional part not sent). */
  message?: string;
  /** For a failure: what was asked (method and arguments, or HTTP request) and what came back. */
  request?: string;
  answer?: string;
  durationMs: number;
}

/** A whole run: every check's result, in order, and how many passed, failed and were skipped. */
export interface ConformanceReport {
  results: CheckResult[];
  passed: number;
  failed: number;
  skipped: number;
}

/** What `runConformance` and `defineConformanceSuite` run against, and how. */
export interface ConformanceOptions {
  /** The adapter under test, as the operator sees it. */
  backend: InvoiceBackend;
  fixture: ConformanceFixture;
  /** Run only checks whose id starts with one of these. */
  only?: string[];
  /** Per-check time limit in milliseconds (default 10,000). */
  timeoutMs?: number;
  /**
   * The adapter's own time limit per request, in milliseconds, when it has one. With it (and
   * `fixture.faults.hangNext`) the kit checks that a request that never answers rejects
   * `timeout`; keep it well under `timeoutMs`.
   */
  requestTimeoutMs?: number;
  /** Told of each result as soon as its check ends (a command's progress). */
  onResult?(result: CheckResult): void;
}
