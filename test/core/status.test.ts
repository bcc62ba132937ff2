import { expect } from '@open-wc/testing';
import {
  allowedTargets,
  canDiscard,
  canTransition,
  defaultNotify,
  isVisibleTo,
  targetsFor,
  transitionConsequences,
  visibleTo,
} from '../../src/core/status.js';
import { INVOICE_STATUSES, type Invoice, type InvoiceStatus } from '../../src/core/types.js';

// The default table, written out by hand from docs/RULES.md (not imported from the code under test).
const EXPECTED: Record<InvoiceStatus, InvoiceStatus[]> = {
  DRAFT: ['OPEN'],
  OPEN: ['VOID', 'CLOSED'],
  VOID: [],
  CLOSED: [],
};

describe('core/status', () => {
  describe('default transition table: every (from, to) pair', () => {
    for (const from of INVOICE_STATUSES) {
      for (const to of INVOICE_STATUSES) {
        const allowed = EXPECTED[from].includes(to);
        it(`${from} -> ${to} is ${allowed ? 'allowed' : 'refused'}`, () => {
          expect(canTransition(from, to)).to.equal(allowed);
        });
      }
    }
  });

  describe('backend targets', () => {
    it('narrow the table', () => {
      expect(allowedTargets('OPEN', ['CLOSED'])).to.deep.equal(['CLOSED']);
    });
    it('widen the table', () => {
      expect(allowedTargets('VOID', ['CLOSED'])).to.deep.equal(['CLOSED']);
    });
    it('never lead back to DRAFT, whatever the backend says', () => {
      for (const from of INVOICE_STATUSES) {
        expect(allowedTargets(from, ['DRAFT', 'OPEN', 'VOID', 'CLOSED'])).not.to.include('DRAFT');
      }
    });
    it('never offer the current status', () => {
      expect(allowedTargets('OPEN', ['OPEN', 'VOID'])).to.deep.equal(['VOID']);
    });
    it('an empty list means nothing is allowed', () => {
      expect(allowedTargets('DRAFT', [])).to.deep.equal([]);
    });
    it('an unknown current status is read-only', () => {
      expect(allowedTargets('ARCHIVED', ['OPEN'])).to.deep.equal([]);
      expect(canTransition('ARCHIVED', 'OPEN')).to.equal(false);
    });
  });

  describe('audience rules', () => {
    it('the customer never sees a draft or an unknown status', () => {
      expect(isVisibleTo({ status: 'DRAFT' }, 'customer')).to.equal(false);
      expect(isVisibleTo({ status: 'WEIRD' }, 'customer')).to.equal(false);
      for (const s of ['OPEN', 'VOID', 'CLOSED']) {
        expect(isVisibleTo({ status: s }, 'customer')).to.equal(true);
      }
      const rows = INVOICE_STATUSES.map((status) => ({ status }));
      expect(visibleTo(rows, 'customer').map((r) => r.status)).to.deep.equal([
        'OPEN',
        'VOID',
        'CLOSED',
      ]);
      expect(visibleTo(rows, 'operator')).to.have.length(4);
    });
    it('the customer has no status or discard actions', () => {
      expect(targetsFor({ status: 'DRAFT' }, 'customer')).to.deep.equal([]);
      expect(targetsFor({ status: 'OPEN', allowedTargets: ['VOID'] }, 'customer')).to.deep.equal(
        [],
      );
      expect(canDiscard({ status: 'DRAFT' }, 'customer')).to.equal(false);
    });
    it("an operator gets the backend's list, never DRAFT, and the default table when the list is not one", () => {
      expect(targetsFor({ status: 'OPEN', allowedTargets: ['CLOSED', 'DRAFT'] })).to.deep.equal([
        'CLOSED',
      ]);
      expect(targetsFor({ status: 'OPEN' })).to.deep.equal(['VOID', 'CLOSED']);
      // A host-given invoice is not validated: a list that is not an array is "not said".
      const unvalidated = { status: 'OPEN', allowedTargets: 'VOID' } as unknown as Invoice;
      expect(targetsFor(unvalidated)).to.deep.equal(['VOID', 'CLOSED']);
    });
    it('discard is for drafts only', () => {
      expect(canDiscard({ status: 'DRAFT' })).to.equal(true);
      for (const s of ['OPEN', 'VOID', 'CLOSED', 'ODD']) {
        expect(canDiscard({ status: s })).to.equal(false);
      }
    });
  });

  describe('notify default', () => {
    it('is off in the generation flow and on for an existing document', () => {
      expect(defaultNotify('generation')).to.equal(false);
      expect(defaultNotify('existing')).to.equal(true);
    });
  });

  describe('consequences', () => {
    it('leaving DRAFT publishes and loses DRAFT', () => {
      expect(transitionConsequences('DRAFT', 'OPEN')).to.deep.equal({
        leavesDraft: true,
        publishes: true,
        irreversible: false,
        final: false,
      });
    });
    it('VOID cannot be undone', () => {
      const c = transitionConsequences('OPEN', 'VOID');
      expect(c.irreversible).to.equal(true);
      expect(c.final).to.equal(true);
      expect(c.publishes).to.equal(false);
      expect(c.leavesDraft).to.equal(false);
    });
  });
});
