/**
 * A reason for VOID (issue 25; core/status-reason.ts): when it is asked and required, how it is
 * checked, read from a backend, and kept from the customer (core/audience.ts).
 */
import { expect } from '@open-wc/testing';
import { forAudience } from '../../src/core/audience.js';
import { BackendError } from '../../src/core/errors.js';
import { asksReason, checkReason, reasonRequired } from '../../src/core/status-reason.js';
import { parseInvoice } from '../../src/core/validate.js';
import type { Invoice } from '../../src/core/types.js';
import { invoice } from '../support/fixtures.js';

const voided = (): Invoice =>
  invoice({
    status: 'VOID',
    history: [
      { from: 'DRAFT', to: 'OPEN', at: '2026-11-01T10:00:00Z', by: 'Ana', notified: true },
      {
        from: 'OPEN',
        to: 'VOID',
        at: '2026-11-05T10:00:00Z',
        by: 'Ana',
        notified: true,
        reason: 'Billed twice',
      },
    ],
  });

describe('a reason for VOID (core/status-reason.ts)', () => {
  it('is asked for VOID only, required only when the invoice says so', () => {
    expect(['OPEN', 'VOID', 'CLOSED'].map((s) => asksReason(s as 'VOID'))).to.deep.equal([
      false,
      true,
      false,
    ]);
    expect(reasonRequired({ voidReasonRequired: true }, 'VOID')).to.equal(true);
    expect(reasonRequired({ voidReasonRequired: true }, 'CLOSED')).to.equal(false);
    expect(reasonRequired({}, 'VOID')).to.equal(false);
    expect(reasonRequired({ voidReasonRequired: false }, 'VOID')).to.equal(false);
  });

  it('is trimmed, at most 500 characters, and not blank when required', () => {
    expect(checkReason('  Billed twice \n', true)).to.deep.equal({ reason: 'Billed twice' });
    expect(checkReason('', false)).to.deep.equal({ reason: undefined });
    expect(checkReason('   ', false)).to.deep.equal({ reason: undefined });
    expect(checkReason(undefined, false)).to.deep.equal({ reason: undefined });
    expect(checkReason('   ', true)).to.deep.equal({ problem: 'missing' });
    expect(checkReason(undefined, true)).to.deep.equal({ problem: 'missing' });
    expect(checkReason(42, true)).to.deep.equal({ problem: 'missing' });
    expect(checkReason('x'.repeat(500), true)).to.deep.equal({ reason: 'x'.repeat(500) });
    expect(checkReason('x'.repeat(501), false)).to.deep.equal({ problem: 'too-long' });
    // Blanks around do not count.
    expect(checkReason(` ${'x'.repeat(500)} `, true)).to.deep.equal({ reason: 'x'.repeat(500) });
  });

  it('is read from a backend: voidReasonRequired and a history entry reason, checked', () => {
    const parsed = parseInvoice({ ...voided(), voidReasonRequired: true });
    expect(parsed.voidReasonRequired).to.equal(true);
    expect(parsed.history[1]!.reason).to.equal('Billed twice');
    expect(parsed.history[0]).to.not.have.property('reason');
    expect(parseInvoice(voided())).to.not.have.property('voidReasonRequired');
    for (const bad of [
      { ...voided(), voidReasonRequired: 'yes' },
      { ...voided(), history: [{ ...voided().history[1], reason: 7 }] },
    ]) {
      expect(() => parseInvoice(bad)).to.throw(BackendError);
    }
  });

  it("is the operator's: the customer's copy of the history has no reason", () => {
    const invoice = voided();
    expect(forAudience(invoice, 'operator').history[1]!.reason).to.equal('Billed twice');
    const customer = forAudience(invoice, 'customer');
    expect(customer.history).to.have.length(1);
    expect(customer.history[0]).to.not.have.property('reason');
    expect(JSON.stringify(customer)).to.not.contain('Billed twice');
  });
});
