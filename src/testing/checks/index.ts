/** Every check of the kit, in the order a report lists them. */
import type { ConformanceCheck } from '../check.js';
import { ABORT_CHECKS } from './aborts.js';
import { AUDIENCE_CHECKS } from './audience.js';
import { CUSTOMER_CHECKS } from './customers.js';
import { DISCARD_CHECKS } from './discard.js';
import { DOWNLOAD_CHECKS } from './downloads.js';
import { ERROR_CHECKS } from './errors.js';
import { FAULT_CHECKS } from './faults.js';
import { IDEMPOTENCY_CHECKS } from './idempotency.js';
import { LIST_FILTER_CHECKS } from './list-filters.js';
import { MONEY_OWED_CHECKS } from './money-owed.js';
import { PAGING_CHECKS } from './paging.js';
import { SORT_CHECKS } from './sort.js';
import { TRANSITION_CHECKS } from './transitions.js';
import { VERSION_CHECKS } from './versions.js';

/** The adapter contract, one check per rule (ids are stable: a report and `only` use them). */
export const CONFORMANCE_CHECKS: readonly ConformanceCheck[] = [
  ...CUSTOMER_CHECKS,
  ...LIST_FILTER_CHECKS,
  ...MONEY_OWED_CHECKS,
  ...SORT_CHECKS,
  ...PAGING_CHECKS,
  ...AUDIENCE_CHECKS,
  ...TRANSITION_CHECKS,
  ...VERSION_CHECKS,
  ...IDEMPOTENCY_CHECKS,
  ...DISCARD_CHECKS,
  ...DOWNLOAD_CHECKS,
  ...ABORT_CHECKS,
  ...ERROR_CHECKS,
  ...FAULT_CHECKS,
];
