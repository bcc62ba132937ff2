/**
 * RowSource on its own: a fake host (no element, no grid), the fake adapter of the table's
 * tests, and a view the test moves by hand (source-fixture.ts).
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../../support/wait.js';
import { BackendError } from '../../../src/core/errors.js';
import { RowSource } from '../../../src/components/invoice-table/row-source.js';
import { summary } from './helpers.js';
import {
  FakeHost,
  RecordingBackend,
  answer,
  callAt,
  fail,
  ids,
  offsets,
  setup,
} from './source-fixture.js';

describe('RowSource', () => {
  describe('paging', () => {
    it('is idle until loaded, then asks for the first page', async () => {
      const { backend, source } = setup();
      expect(source.phase).to.equal('idle');
      expect(source.load()).to.equal(true);
      expect(source.phase).to.equal('loading');
      expect(backend.listCalls).to.have.length(1);
      expect(backend.lastQuery).to.include({ offset: 0, limit: 100, audience: 'operator' });
      await answer(backend, 0);
      expect(source.phase).to.equal('ready');
      expect(source.total).to.equal(1000);
      expect(ids(source, 0, 1)).to.deep.equal(['s0', 's1']);
      expect(ids(source, 99, 100)).to.deep.equal(['s99', null]);
    });

    it('does not ask again for the query it shows', async () => {
      const { backend, source } = setup();
      source.load();
      await answer(backend, 0);
      expect(source.load()).to.equal(false);
      expect(backend.listCalls).to.have.length(1);
    });

    it('starts again when the page size or the adapter changes', async () => {
      const { backend, state, source } = setup();
      source.load();
      await answer(backend, 0);
      state.pageSize = 50;
      expect(source.load()).to.equal(true);
      expect(backend.lastQuery.limit).to.equal(50);
    });

    it('asks for nothing without a query', () => {
      const { backend, state, source } = setup();
      state.query = null;
      expect(source.load()).to.equal(false);
      expect(source.phase).to.equal('idle');
      expect(backend.listCalls).to.have.length(0);
    });

    it('fetches the pages the view needs, each once', async () => {
      const { backend, state, source, host } = setup();
      source.load();
      await answer(backend, 0);
      state.view = { first: 180, last: 320 };
      source.moved();
      expect(offsets(backend)).to.deep.equal([0, 100, 200, 300]);
      for (const offset of [100, 200, 300]) await answer(backend, offset);
      expect(ids(source, 180, 181)).to.deep.equal(['s180', 's181']);
      expect(ids(source, 399, 400)).to.deep.equal(['s399', null]);
      const updates = host.updates;
      source.moved();
      expect(offsets(backend)).to.have.length(4);
      expect(host.updates).to.equal(updates);
    });

    it('waits while a request is out, then fetches what the view needs', async () => {
      const { backend, state, source } = setup();
      source.load();
      await answer(backend, 0);
      state.view = { first: 150, last: 170 };
      source.moved();
      expect(offsets(backend)).to.deep.equal([0, 100]);
      state.view = { first: 165, last: 205 }; // a slow scroll, page 1 still out
      source.moved();
      expect(offsets(backend)).to.deep.equal([0, 100]);
      await waitUntil(() => offsets(backend).includes(200), 'page 2 asked once things settle');
      expect(backend.pending[callAt(backend, 100)]!.signal!.aborted).to.equal(false);
    });

    it('waits for a fling to settle, and aborts the pages it left behind', async () => {
      const { backend, state, source } = setup();
      source.load();
      await answer(backend, 0);
      state.view = { first: 250, last: 270 };
      source.moved();
      expect(offsets(backend)).to.deep.equal([0, 200]);
      const left = backend.pending[callAt(backend, 200)]!;
      state.view = { first: 650, last: 670 }; // far past the rows just held: a fling
      source.moved();
      expect(left.signal!.aborted).to.equal(true);
      expect(offsets(backend)).to.deep.equal([0, 200]);
      await waitUntil(() => offsets(backend).includes(600), 'the page in view once it settles');
      expect(offsets(backend)).to.deep.equal([0, 200, 600]);
      await answer(backend, 600);
      expect(ids(source, 650, 650)).to.deep.equal(['s650']);
    });

    it('never asks for a negative or fractional page', async () => {
      const { backend, state, source } = setup();
      source.load();
      await answer(backend, 0);
      state.view = { first: -40, last: Number.NaN };
      source.moved();
      state.view = { first: 0.5, last: 3.5 };
      source.moved();
      expect(offsets(backend)).to.deep.equal([0]);
    });
  });

  describe('queries', () => {
    it('aborts the requests of the query it replaces', async () => {
      const { backend, state, source } = setup();
      source.load();
      await answer(backend, 0);
      state.view = { first: 100, last: 120 };
      source.moved();
      const old = backend.pending[callAt(backend, 100)]!;
      state.query = { audience: 'operator', text: '1' };
      expect(source.load()).to.equal(true);
      expect(old.signal!.aborted).to.equal(true);
      expect(source.phase).to.equal('loading');
      expect(source.total).to.equal(0);
      expect(source.cachedPages).to.deep.equal([]);
      expect(backend.lastQuery).to.include({ offset: 0, text: '1' });
    });

    it('never shows the answer of an older query, whatever the order', async () => {
      const { backend, state, source } = setup();
      backend.synthetic = 0;
      backend.invoices = [
        summary({ id: 'open', status: 'OPEN' }),
        summary({ id: 'void', status: 'VOID' }),
      ];
      state.query = { audience: 'operator', statuses: ['OPEN'] };
      source.load();
      state.query = { audience: 'operator', statuses: ['VOID'] };
      source.load();
      await answer(backend, 0); // the newer query answers first
      expect(ids(source)).to.deep.equal(['void']);
      backend.resolveList(0); // the older one last
      await backend.answers[0];
      expect(ids(source)).to.deep.equal(['void']);
      expect(source.total).to.equal(1);
    });

    it('aborts everything when the host disconnects, and loads again after', async () => {
      const { backend, source } = setup();
      source.load();
      source.hostDisconnected();
      expect(backend.pending[0]!.signal!.aborted).to.equal(true);
      await answer(backend, 0);
      expect(source.phase).to.equal('loading');
      expect(source.total).to.equal(0);
      expect(source.cachedPages).to.deep.equal([]);
      expect(source.load()).to.equal(true);
      expect(backend.listCalls).to.have.length(2);
    });

    it('asks the host to update when it connects again', () => {
      const { host, source } = setup();
      source.load();
      source.hostDisconnected();
      const updates = host.updates;
      source.hostConnected();
      expect(host.updates).to.equal(updates + 1);
    });
  });

  describe('the customer audience', () => {
    /** Ten invoices, drafts at 1 and 5, four to a page. */
    function withDrafts() {
      const env = setup(4);
      env.backend.synthetic = 0;
      env.backend.leakDrafts = true; // an adapter that returns drafts anyway
      env.backend.invoices = Array.from({ length: 10 }, (_, i) =>
        summary({ id: `i${i}`, status: i === 1 || i === 5 ? 'DRAFT' : 'OPEN' }),
      );
      env.state.query = { audience: 'customer' };
      return env;
    }

    it('drops drafts, and the rows after them move up', async () => {
      const { backend, state, source } = withDrafts();
      source.load();
      await answer(backend, 0);
      expect(source.total).to.equal(9);
      expect(ids(source, 0, 3)).to.deep.equal(['i0', 'i2', 'i3', null]);
      state.view = { first: 0, last: 8 };
      source.moved();
      expect(offsets(backend)).to.deep.equal([0, 4, 8]);
      await answer(backend, 8); // a later page first: placed after what is known so far
      await answer(backend, 4);
      expect(source.total).to.equal(8);
      expect(ids(source)).to.deep.equal(['i0', 'i2', 'i3', 'i4', 'i6', 'i7', 'i8', 'i9']);
    });

    it('maps a row to its page counting the drafts dropped before it', async () => {
      const { backend, state, source } = withDrafts();
      source.load();
      await answer(backend, 0);
      // Row 7 is the 8th visible row: the 9th invoice (one draft dropped), on page 2.
      state.view = { first: 7, last: 8 };
      source.moved();
      expect(offsets(backend)).to.deep.equal([0, 8]);
      await answer(backend, 8);
      expect(ids(source, 7, 8)).to.deep.equal(['i8', 'i9']);
    });

    it('keeps drafts for the operator', async () => {
      const { backend, state, source } = withDrafts();
      state.query = { audience: 'operator' };
      source.load();
      await answer(backend, 0);
      expect(source.total).to.equal(10);
      expect(ids(source, 0, 1)).to.deep.equal(['i0', 'i1']);
    });

    it('tells the host the rows it keeps', async () => {
      const seen: string[] = [];
      const backend = new RecordingBackend([
        summary({ id: 'd', status: 'DRAFT' }),
        summary({ id: 'o', status: 'OPEN' }),
      ]);
      const source = new RowSource(new FakeHost(), {
        backend: () => backend,
        query: () => ({ audience: 'customer' }),
        pageSize: () => 10,
        view: () => ({ first: 0, last: -1 }),
        onRows: (rows) => seen.push(...rows.map((r) => r.id)),
      });
      source.load();
      await backend.answers[0];
      expect(seen).to.deep.equal(['o']);
    });
  });

  describe('errors', () => {
    it('fails the whole query when the first page fails, and retries it', async () => {
      const { backend, host, source } = setup();
      source.load();
      const error = new BackendError('server', 'boom');
      await fail(backend, 0, error);
      expect(source.phase).to.equal('error');
      expect(source.error).to.equal(error);
      expect(source.pageFailed).to.equal(false);
      const updates = host.updates;
      source.retry();
      expect(host.updates).to.be.greaterThan(updates);
      // The host's next update loads the same query again.
      expect(source.load()).to.equal(true);
      expect(source.phase).to.equal('loading');
      expect(source.error).to.equal(undefined);
      expect(offsets(backend)).to.deep.equal([0, 0]);
      await answer(backend, 0);
      expect(source.phase).to.equal('ready');
      expect(source.total).to.equal(1000);
    });

    it('keeps the rows when a later page fails, and retries only the pages that failed', async () => {
      const { backend, state, host, source } = setup();
      source.load();
      await answer(backend, 0);
      state.view = { first: 150, last: 350 };
      source.moved();
      expect(offsets(backend)).to.deep.equal([0, 100, 200, 300]);
      await answer(backend, 100);
      const updates = host.updates;
      await fail(backend, 200, new BackendError('network', 'offline'));
      expect(source.pageFailed).to.equal(true);
      expect(source.phase).to.equal('ready');
      expect(host.updates).to.be.greaterThan(updates);
      await answer(backend, 300);
      expect(ids(source, 199, 200)).to.deep.equal(['s199', null]);
      source.retry();
      expect(source.pageFailed).to.equal(false);
      expect(offsets(backend)).to.deep.equal([0, 100, 200, 300, 200]);
      expect(source.load()).to.equal(false); // not the whole query
      await answer(backend, 200);
      expect(ids(source, 199, 200)).to.deep.equal(['s199', 's200']);
    });

    it('ignores the failure of a page it aborted', async () => {
      const { backend, state, source } = setup();
      source.load();
      await answer(backend, 0);
      state.view = { first: 250, last: 270 };
      source.moved();
      state.view = { first: 850, last: 870 };
      source.moved();
      await fail(backend, 200, new BackendError('aborted', 'aborted'));
      expect(source.pageFailed).to.equal(false);
      expect(source.phase).to.equal('ready');
    });

    it('ignores the failure of an older query', async () => {
      const { backend, state, source } = setup();
      source.load();
      state.query = { audience: 'operator', text: '2' };
      source.load();
      backend.pending[0]!.reject(new BackendError('server', 'late')); // the older query's
      await backend.answers[0];
      expect(source.phase).to.equal('loading');
      expect(source.error).to.equal(undefined);
    });
  });
});
