/** The status updater's non-visual model and render helpers, on their own. */
import { expect, fixture, html } from '@open-wc/testing';
import { BackendError, noBackendError } from '../../../src/core/errors.js';
import type { WriteOutcome } from '../../../src/core/guarded-write.js';
import type { Invoice } from '../../../src/core/types.js';
import { commonStrings } from '../../../src/i18n/common.strings.js';
import {
  renderControls,
  renderMessage,
} from '../../../src/components/status-updater/status-updater.controls.js';
import {
  writeMessage,
  type Intent,
  type Message,
} from '../../../src/components/status-updater/status-updater.model.js';
import { statusUpdaterStrings } from '../../../src/components/status-updater/status-updater.strings.js';
import { makeInvoice, text } from './helpers.js';

const t = statusUpdaterStrings.en;
const common = commonStrings.en;
const intent: Intent = {
  invoiceId: 'inv-1',
  from: 'DRAFT',
  to: 'OPEN',
  notify: true,
  expectedVersion: 'v1',
};
const say = (outcome: WriteOutcome<Invoice>) => writeMessage(outcome, intent, t, common);
const fail = (error: BackendError) =>
  ({ kind: 'failed', error }) as const satisfies WriteOutcome<Invoice>;

describe('status-updater model', () => {
  describe('writeMessage', () => {
    it('success names both statuses', () => {
      const message = say({ kind: 'success', result: makeInvoice({ status: 'OPEN' }) });
      expect(message).to.deep.equal({
        kind: 'success',
        text: 'Status changed from Draft to Open.',
      });
    });

    it('a conflict keeps Reload and the version the element held', () => {
      const message = say({ kind: 'conflict', error: new BackendError('conflict', 'x') });
      expect(message?.kind).to.equal('conflict');
      expect(message?.action).to.equal('reload');
      expect(message?.staleVersion).to.equal('v1');
      expect(message?.text).to.contain('Nothing was overwritten.');
    });

    it('not applied, or still unknown after the check: Retry', () => {
      expect(say({ kind: 'not-applied' })).to.deep.equal({
        kind: 'error',
        text: 'The status was not changed.',
        action: 'retry',
      });
      const unknown = say({ kind: 'outcome-unknown', error: new BackendError('network', 'x') });
      expect(unknown?.action).to.equal('retry');
      expect(unknown?.text).to.contain('It is not known whether the status changed.');
    });

    it('an invalid transition says the list was refreshed, without an action', () => {
      const message = say({
        kind: 'invalid-transition',
        error: new BackendError('invalid-transition', 'x'),
      });
      expect(message).to.deep.equal({
        kind: 'error',
        text: 'This status change is no longer allowed. The list of statuses has been updated.',
      });
    });

    it('offers Retry only for a retryable failure; no backend is not retried', () => {
      expect(say(fail(new BackendError('server', 'x')))?.action).to.equal('retry');
      expect(say(fail(new BackendError('forbidden', 'x')))?.action).to.equal(undefined);
      const none = say({ kind: 'no-backend', error: noBackendError() });
      expect(none?.kind).to.equal('error');
      expect(none?.text).to.equal('No backend is configured for this element.');
      expect(none?.action).to.equal(undefined);
    });

    it('says nothing for an aborted call', () => {
      expect(say({ kind: 'aborted', error: new BackendError('aborted', 'x') })).to.equal(undefined);
    });
  });

  describe('render helpers', () => {
    it('the message has the button its action asks for, and calls back', async () => {
      const calls: string[] = [];
      const message: Message = { kind: 'conflict', text: 'Changed.', action: 'reload' };
      const el = await fixture(
        html`<div>
          ${renderMessage(
            message,
            common,
            () => calls.push('retry'),
            () => calls.push('reload'),
            () => calls.push('check'),
          )}
        </div>`,
      );
      const buttons = [...el.querySelectorAll('button')];
      expect(buttons.map((b) => text(b))).to.deep.equal(['Reload']);
      buttons[0].click();
      expect(calls).to.deep.equal(['reload']);
      expect(el.querySelector('[part="message"]')?.getAttribute('data-kind')).to.equal('conflict');
    });

    it('the controls offer the targets, or say why there are none', async () => {
      const controls = (status: string, targets: ('OPEN' | 'VOID' | 'CLOSED')[]) =>
        fixture(
          html`<div>
            ${renderControls({
              status,
              targets,
              selected: '',
              blocked: true,
              t,
              common,
              onSelect: () => undefined,
              onUpdate: () => undefined,
            })}
          </div>`,
        );
      const open = await controls('OPEN', ['VOID', 'CLOSED']);
      const options = [...open.querySelectorAll('option')].map((o) => text(o));
      expect(options).to.deep.equal(['Choose a status…', 'Void', 'Closed']);
      expect(open.querySelector('[part="button"]')?.getAttribute('aria-disabled')).to.equal('true');
      expect(text(await controls('VOID', []))).to.equal(t.final);
      expect(text(await controls('ARCHIVED', []))).to.equal(t.unknownReadOnly);
    });
  });
});
