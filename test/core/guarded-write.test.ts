import { expect } from '@open-wc/testing';
import { BackendError, noBackendError, type BackendErrorKind } from '../../src/core/errors.js';
import {
  GuardedWrite,
  classifyWriteError,
  newIdempotencyKey,
  type WriteFailure,
} from '../../src/core/guarded-write.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Intent {
  id: string;
  expectedVersion: string;
}

/** A backend call the test settles by hand; records every key it was sent. */
function recorder() {
  const keys: string[] = [];
  let settle: { resolve: (v: string) => void; reject: (e: unknown) => void } | undefined;
  const signals: AbortSignal[] = [];
  const send = (_intent: Intent, key: string, signal: AbortSignal) =>
    new Promise<string>((resolve, reject) => {
      keys.push(key);
      signals.push(signal);
      settle = { resolve, reject };
    });
  return {
    keys,
    signals,
    send,
    resolve: (value = 'done') => settle?.resolve(value),
    reject: (error: unknown) => settle?.reject(error),
  };
}

const failing = (error: unknown) => () => Promise.reject(error);

describe('core/guarded-write', () => {
  describe('newIdempotencyKey', () => {
    it('is a fresh v4 UUID each time', () => {
      const keys = Array.from({ length: 20 }, () => newIdempotencyKey());
      for (const key of keys) expect(key).to.match(UUID_V4);
      expect(new Set(keys).size).to.equal(20);
    });

    it('falls back to getRandomValues when randomUUID is missing', () => {
      Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
      try {
        expect(typeof crypto.randomUUID).to.equal('undefined');
        const keys = Array.from({ length: 50 }, () => newIdempotencyKey());
        for (const key of keys) expect(key).to.match(UUID_V4);
        expect(new Set(keys).size).to.equal(50);
      } finally {
        delete (crypto as { randomUUID?: unknown }).randomUUID;
      }
      expect(typeof crypto.randomUUID).to.equal('function');
    });
  });

  describe('classifyWriteError', () => {
    const expected: Record<BackendErrorKind, WriteFailure> = {
      network: 'failed',
      timeout: 'outcome-unknown',
      aborted: 'aborted',
      unauthorized: 'failed',
      forbidden: 'failed',
      'not-found': 'failed',
      conflict: 'conflict',
      'invalid-transition': 'invalid-transition',
      validation: 'outcome-unknown',
      'rate-limited': 'failed',
      server: 'failed',
      'no-backend': 'no-backend',
      config: 'failed',
    };
    for (const [kind, outcome] of Object.entries(expected) as [BackendErrorKind, WriteFailure][]) {
      it(`${kind} is ${outcome}`, () => {
        expect(classifyWriteError(new BackendError(kind, 'x'))).to.equal(outcome);
      });
    }

    it('a failure after sending (outcomeUnknown) is outcome-unknown, whatever its kind', () => {
      const error = new BackendError('network', 'Lost', { outcomeUnknown: true });
      expect(classifyWriteError(error)).to.equal('outcome-unknown');
    });

    it('no backend is its own kind, never a network failure', () => {
      expect(classifyWriteError(noBackendError())).to.equal('no-backend');
    });
  });

  describe('GuardedWrite', () => {
    it('keeps one key per intent: Retry reuses it, a new intent gets a new one', async () => {
      const write = new GuardedWrite<Intent>();
      const backend = recorder();
      expect(write.begin({ id: 'a', expectedVersion: 'v1' })).to.equal(true);
      let run = write.run(backend.send);
      backend.reject(new BackendError('server', 'Down'));
      const failed = await run;
      expect(failed?.kind).to.equal('failed');
      expect(write.intent).to.deep.equal({ id: 'a', expectedVersion: 'v1' });
      // Retry: the held intent again.
      run = write.run(backend.send);
      backend.resolve();
      expect((await run)?.kind).to.equal('success');
      expect(write.intent).to.equal(undefined);
      // A new confirmation is a new intent.
      write.begin({ id: 'a', expectedVersion: 'v1' });
      run = write.run(backend.send);
      backend.resolve();
      await run;
      expect(backend.keys).to.have.length(3);
      expect(backend.keys[1]).to.equal(backend.keys[0]);
      expect(backend.keys[2]).to.not.equal(backend.keys[0]);
      for (const key of backend.keys) expect(key).to.match(UUID_V4);
    });

    it('with `same`, confirming the same change again reuses its key; another version does not', async () => {
      const write = new GuardedWrite<Intent>({
        same: (a, b) => a.id === b.id && a.expectedVersion === b.expectedVersion,
      });
      const backend = recorder();
      const attempt = async (intent: Intent, error: unknown) => {
        write.begin(intent);
        const run = write.run(backend.send);
        backend.reject(error);
        return run;
      };
      await attempt({ id: 'a', expectedVersion: 'v1' }, new BackendError('timeout', 'Lost'));
      await attempt({ id: 'a', expectedVersion: 'v1' }, new BackendError('server', 'Down'));
      await attempt({ id: 'a', expectedVersion: 'v2' }, new BackendError('server', 'Down'));
      expect(backend.keys[1]).to.equal(backend.keys[0]);
      expect(backend.keys[2]).to.not.equal(backend.keys[1]);
    });

    it('ignores begin while a write is under way: 10 clicks, one backend call', async () => {
      const write = new GuardedWrite<Intent>();
      const backend = recorder();
      const runs: Promise<unknown>[] = [];
      const click = () => {
        if (write.begin({ id: 'a', expectedVersion: 'v1' })) runs.push(write.run(backend.send));
      };
      for (let i = 0; i < 10; i++) click();
      expect(write.phase).to.equal('sending');
      expect(backend.keys).to.have.length(1);
      backend.resolve();
      await Promise.all(runs);
      expect(runs).to.have.length(1);
      expect(write.phase).to.equal('idle');
    });

    it('also ignores begin between begin and the call (while the host is asked)', () => {
      const write = new GuardedWrite<Intent>();
      expect(write.begin({ id: 'a', expectedVersion: 'v1' })).to.equal(true);
      expect(write.begin({ id: 'b', expectedVersion: 'v1' })).to.equal(false);
      expect(write.intent?.id).to.equal('a');
      // A veto: back to idle, nothing sent.
      write.cancel();
      expect(write.phase).to.equal('idle');
    });

    it('walks the phases and reports each change', async () => {
      const phases: string[] = [];
      const write: GuardedWrite<Intent> = new GuardedWrite<Intent>({
        onChange: () => phases.push(write.phase),
      });
      const backend = recorder();
      write.open();
      write.open();
      write.begin({ id: 'a', expectedVersion: 'v1' });
      const run = write.run(backend.send);
      backend.resolve('answer');
      expect(await run).to.deep.equal({ kind: 'success', result: 'answer' });
      const steps = phases.filter((phase, i) => phase !== phases[i - 1]);
      expect(steps).to.deep.equal(['confirming', 'sending', 'idle']);
    });

    it('without a backend the outcome is no-backend, and the intent is kept', async () => {
      const write = new GuardedWrite<Intent>();
      write.begin({ id: 'a', expectedVersion: 'v1' });
      const outcome = await write.run(undefined);
      expect(outcome?.kind).to.equal('no-backend');
      expect(outcome && 'error' in outcome && outcome.error.kind).to.equal('no-backend');
      expect(write.phase).to.equal('idle');
      expect(write.intent?.id).to.equal('a');
    });

    it('a conflict or an invalid transition ends the intent; other failures keep it', async () => {
      const cases: [BackendErrorKind, boolean][] = [
        ['conflict', false],
        ['invalid-transition', false],
        ['timeout', true],
        ['network', true],
        ['not-found', true],
      ];
      for (const [kind, kept] of cases) {
        const write = new GuardedWrite<Intent>();
        write.begin({ id: 'a', expectedVersion: 'v1' });
        const outcome = await write.run(failing(new BackendError(kind, 'x')));
        expect(outcome?.kind, kind).to.equal(classifyWriteError(new BackendError(kind, 'x')));
        expect(write.intent !== undefined, kind).to.equal(kept);
      }
    });

    it('turns anything thrown into a classified BackendError', async () => {
      const write = new GuardedWrite<Intent>();
      write.begin({ id: 'a', expectedVersion: 'v1' });
      const outcome = await write.run(failing(new TypeError('Failed to fetch')));
      expect(outcome?.kind).to.equal('failed');
      expect(outcome && 'error' in outcome && outcome.error.kind).to.equal('network');
    });

    it('drops a late answer after reset, and after abort keeps the intent', async () => {
      const write = new GuardedWrite<Intent>();
      const backend = recorder();
      write.begin({ id: 'a', expectedVersion: 'v1' });
      let run = write.run(backend.send);
      write.abort();
      expect(backend.signals[0].aborted).to.equal(true);
      expect(write.phase).to.equal('idle');
      backend.resolve();
      expect(await run).to.equal(undefined);
      expect(write.intent?.id).to.equal('a');

      run = write.run(backend.send);
      write.reset();
      backend.reject(new BackendError('conflict', 'Late'));
      expect(await run).to.equal(undefined);
      expect(write.intent).to.equal(undefined);
      expect(write.phase).to.equal('idle');
      // The next call has a live signal.
      write.begin({ id: 'b', expectedVersion: 'v1' });
      run = write.run(backend.send);
      expect(backend.signals[2].aborted).to.equal(false);
      backend.resolve();
      expect((await run)?.kind).to.equal('success');
    });

    describe('check after an unknown outcome', () => {
      const fresh = (status: string, version: string) => ({ status, version });
      async function unknown(): Promise<GuardedWrite<Intent>> {
        const write = new GuardedWrite<Intent>();
        write.begin({ id: 'a', expectedVersion: 'v1' });
        const outcome = await write.run(failing(new BackendError('timeout', 'Lost')));
        expect(outcome?.kind).to.equal('outcome-unknown');
        return write;
      }
      const applied = (invoice: { status: string }) => invoice.status === 'OPEN';

      it('the change found applied is a success, and ends the intent', async () => {
        const write = await unknown();
        const read = () => Promise.resolve(fresh('OPEN', 'v2'));
        const outcome = await write.check(read, applied);
        expect(outcome).to.deep.equal({ kind: 'success', result: fresh('OPEN', 'v2') });
        expect(write.intent).to.equal(undefined);
      });

      it('after a timeout, not applied and the same version: unconfirmed (it may still land), Retry keeps the key', async () => {
        const write = await unknown();
        const outcome = await write.check(() => Promise.resolve(fresh('DRAFT', 'v1')), applied);
        expect(outcome).to.deep.equal({ kind: 'unconfirmed' });
        expect(write.intent?.id).to.equal('a');
        // Checking again later can still find it applied.
        const later = await write.check(() => Promise.resolve(fresh('OPEN', 'v2')), applied);
        expect(later?.kind).to.equal('success');
      });

      it('after a lost connection, not applied: unconfirmed', async () => {
        const write = new GuardedWrite<Intent>();
        write.begin({ id: 'a', expectedVersion: 'v1' });
        await write.run(failing(new BackendError('network', 'Lost', { outcomeUnknown: true })));
        const outcome = await write.check(() => Promise.resolve(fresh('DRAFT', 'v1')), applied);
        expect(outcome).to.deep.equal({ kind: 'unconfirmed' });
      });

      it('after an unreadable answer, not applied and the same version: not-applied', async () => {
        const write = new GuardedWrite<Intent>();
        write.begin({ id: 'a', expectedVersion: 'v1' });
        const run = await write.run(failing(new BackendError('validation', 'Not JSON')));
        expect(run?.kind).to.equal('outcome-unknown');
        const outcome = await write.check(() => Promise.resolve(fresh('DRAFT', 'v1')), applied);
        expect(outcome).to.deep.equal({ kind: 'not-applied' });
        expect(write.intent?.id).to.equal('a');
      });

      it('an answer that does not show the change is outcome-unknown, then the re-read tells', async () => {
        const write = new GuardedWrite<Intent>();
        write.begin({ id: 'a', expectedVersion: 'v1' });
        const shows = (answer: { status: string }) => answer.status === 'OPEN';
        const run = await write.run(() => Promise.resolve(fresh('DRAFT', 'v1')), shows);
        expect(run?.kind).to.equal('outcome-unknown');
        expect(run && 'error' in run && run.error.outcomeUnknown).to.equal(true);
        expect(write.intent?.id).to.equal('a');
        const outcome = await write.check(() => Promise.resolve(fresh('DRAFT', 'v1')), applied);
        expect(outcome).to.deep.equal({ kind: 'not-applied' });
        // An answer that shows it is a success as before.
        write.begin({ id: 'b', expectedVersion: 'v1' });
        const ok = await write.run(() => Promise.resolve(fresh('OPEN', 'v2')), shows);
        expect(ok?.kind).to.equal('success');
      });

      it('a document gone (null) counts as applied when the caller says so', async () => {
        const write = await unknown();
        const outcome = await write.check<{ version: string } | null>(
          () => Promise.resolve(null),
          (found) => found === null,
        );
        expect(outcome).to.deep.equal({ kind: 'success', result: null });
      });

      it('not applied and another version: a conflict', async () => {
        const write = await unknown();
        const outcome = await write.check(() => Promise.resolve(fresh('VOID', 'v3')), applied);
        expect(outcome?.kind).to.equal('conflict');
        expect(write.intent).to.equal(undefined);
      });

      it('a failed re-read is still outcome-unknown', async () => {
        const write = await unknown();
        const phases: string[] = [];
        const read = () => {
          phases.push(write.phase);
          return Promise.reject(new BackendError('network', 'Down'));
        };
        const outcome = await write.check(read, applied);
        expect(phases).to.deep.equal(['checking']);
        expect(outcome?.kind).to.equal('outcome-unknown');
        expect(outcome && 'error' in outcome && outcome.error.kind).to.equal('network');
        expect(write.intent?.id).to.equal('a');
        expect(write.phase).to.equal('idle');
      });
    });

    it('reload reads in phase reloading and classifies a failure', async () => {
      const write = new GuardedWrite<Intent>();
      let seen = '';
      const ok = await write.reload(() => {
        seen = write.phase;
        return Promise.resolve(1);
      });
      expect(seen).to.equal('reloading');
      expect(ok).to.deep.equal({ kind: 'success', result: 1 });
      expect((await write.reload(undefined))?.kind).to.equal('no-backend');
      expect(write.phase).to.equal('idle');
    });
  });
});
