/**
 * The conformance command's report as text, for a terminal and for a ticket: what was
 * checked against which server, then each check (PASS, FAIL with why, the request and the
 * answer, SKIP with the reason), then the counts. Node only.
 */
import type { CheckResult } from '../types.js';
import type { LiveReport } from './live.js';

const LABEL: Record<CheckResult['outcome'], string> = {
  passed: 'PASS',
  failed: 'FAIL',
  skipped: 'SKIP',
};

const indent = (text: string, by = '        '): string =>
  text
    .split('\n')
    .map((line) => `${by}${line}`)
    .join('\n');

function describe(result: CheckResult): string {
  const lines = [`${LABEL[result.outcome]}  ${result.id}: ${result.rule}`];
  if (result.outcome === 'passed') return lines[0] ?? '';
  if (result.message) {
    lines.push(`      ${result.outcome === 'failed' ? 'Why' : 'Reason'}:`, indent(result.message));
  }
  if (result.outcome === 'failed') {
    if (result.request) lines.push('      Request:', indent(result.request));
    if (result.answer) lines.push('      Answer:', indent(result.answer));
  }
  return lines.join('\n');
}

export function formatReport(report: LiveReport): string {
  const tokens = {
    endpoint: 'from POST /conformance/tokens',
    given: 'given with --customer-token',
    none: 'none (the customer audience is checked with audience=customer)',
  }[report.customerTokens];
  const order: CheckResult['outcome'][] = ['failed', 'skipped', 'passed'];
  const sorted = [...report.results].sort(
    (a, b) => order.indexOf(a.outcome) - order.indexOf(b.outcome),
  );
  return [
    'invoice-elements conformance report',
    `Server:           ${report.baseUrl}`,
    `Started:          ${report.startedAt} (${(report.durationMs / 1000).toFixed(1)} s, ${report.requests} HTTP requests)`,
    `Fixture endpoints: ${report.fixtureEndpoints ? 'yes' : 'no (read-only checks on existing data)'}`,
    `Customer tokens:  ${tokens}`,
    '',
    ...sorted.map(describe),
    '',
    `${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped`,
    report.failed === 0 ? 'RESULT: the server conforms to the checks that ran.' : 'RESULT: FAILED',
  ].join('\n');
}
