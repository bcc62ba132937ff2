/**
 * RowSource's page cache: bounded whatever the row count, pages evicted and asked again on
 * return, changes applied to what is held (source-fixture.ts: a fake host, a view moved by
 * hand). The bound is documented in docs/PERFORMANCE.md: 2,000 rows, at least 4 pages, besides
 * the pages in view.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../../support/wait.js';
import type { InvoiceSummary } from '../../../src/core/types.js';
import { loaded, type RowSource } from '../../../src/components/invoice-table/row-source.js';
import { summary } from './helpers.js';
import { answer, ids, offsets, setup } from './source-fixture.js';

type Env = ReturnType<typeof setup>;

/** An adapter that answers at once, over `size` synthetic rows. */
function instant(pageSize: number, size = 100_000): Env {
  const env = setup(pageSize);
  env.backend.manual = false;
  env.backend.synthetic = size;
  return env;
}

async function start({ source }: Env): Promise<void> {
  source.load();
  await waitUntil(() => source.phase === 'ready', 'the first page');
}

/** Shows 21 rows from `first` and waits until they are held. */
async function show({ state, source }: Env, first: number): Promise<void> {
  state.view = { first, last: first + 20 };
  source.moved();
  await waitUntil(
    () => loaded(source.row(first)) && loaded(source.row(first + 20)),
    `rows ${first}–${first + 20}`,
  );
}

function asked(env: Env, offset: number): number {
  return offsets(env.backend).filter((o) => o === offset).length;
}

function documentId(source: RowSource, index: number): string | null {
  const row = source.row(index);
  return loaded(row) ? row.documentId : null;
}

describe('RowSource: the page cache', () => {
  it('holds at most 2,000 rows (20 pages of 100) however far the view goes, the nearest kept', async () => {
    const env = instant(100);
    await start(env);
    let most = 0;
    for (let page = 5; page <= 250; page += 5) {
      await show(env, page * 100 + 10);
      most = Math.max(most, env.source.cachedPages.length);
    }
    expect(most).to.equal(20);
    // The pages nearest the view (page 250) kept, the farthest evicted first (a page where a
    // fling was predicted to stop may be among them: these quick moves are flings).
    const held = env.source.cachedPages;
    expect(held).to.have.length(20);
    expect(held).to.include.members([240, 245, 250]);
    expect(held.every((p) => p >= 150)).to.equal(true);
    expect(documentId(env.source, 510)).to.equal(null);
  });

  it('asks an evicted page again when the view comes back, and shows the same rows', async () => {
    const env = instant(100);
    await start(env);
    await show(env, 510);
    const before = [510, 511, 530].map((i) => documentId(env.source, i));
    expect(before).to.deep.equal(['DOC-000510', 'DOC-000511', 'DOC-000530']);
    for (let page = 10; page <= 150; page += 5) await show(env, page * 100);
    expect(env.source.cachedPages).not.to.include(5);
    expect(asked(env, 500)).to.equal(1);
    await show(env, 510);
    expect(asked(env, 500)).to.equal(2);
    expect([510, 511, 530].map((i) => documentId(env.source, i))).to.deep.equal(before);
  });

  it('asks no page twice while it is in flight', async () => {
    const env = setup(100);
    env.backend.synthetic = 100_000;
    env.source.load();
    await answer(env.backend, 0);
    env.state.view = { first: 510, last: 530 };
    env.source.moved();
    await waitUntil(() => asked(env, 500) === 1, 'page 5 asked');
    for (let i = 1; i <= 5; i++) {
      env.state.view = { first: 510 + i, last: 530 + i }; // a slow scroll, page 5 still out
      env.source.moved();
      env.source.moved();
    }
    env.source.retry(); // nothing failed: nothing asked again
    await answer(env.backend, 500);
    expect(asked(env, 500)).to.equal(1);
    expect(documentId(env.source, 515)).to.equal('DOC-000515');
  });

  it('patches and removes held rows after evictions; an evicted row re-runs the query', async () => {
    const env = instant(100);
    const { source } = env;
    await start(env);
    for (let page = 5; page <= 120; page += 5) await show(env, page * 100);
    await show(env, 5090); // pages 50 and 51
    source.apply({
      invoiceId: 's5095',
      kind: 'updated',
      version: 'v2',
      invoice: summary({ id: 's5095', documentId: 'DOC-NEW', version: 'v2' }) as never,
    });
    expect(documentId(source, 5095)).to.equal('DOC-NEW');
    // A discarded row: the rows after it move up, across the page boundary.
    source.apply({ invoiceId: 's5050', kind: 'discarded' });
    expect(source.total).to.equal(99_999);
    expect(ids(source, 5049, 5051)).to.deep.equal(['s5049', 's5051', 's5052']);
    expect(ids(source, 5098, 5100)).to.deep.equal(['s5099', 's5100', 's5101']);
    // Page 5 was evicted: a change to one of its rows asks for the first page again.
    expect(source.cachedPages).not.to.include(5);
    const firstPages = asked(env, 0);
    source.apply({ invoiceId: 's510', kind: 'updated' });
    expect(asked(env, 0)).to.equal(firstPages + 1);
  });

  it('keeps rows in place when pages whose drafts were dropped are evicted', async () => {
    // 6,000 invoices, drafts at 1 and 1,500, pages of 1,000 (4 pages held at most).
    const env = setup(1000);
    env.backend.manual = false;
    env.backend.synthetic = 0;
    env.backend.invoices = Array.from({ length: 6000 }, (_, i) =>
      summary({ id: `i${i}`, status: i === 1 || i === 1500 ? 'DRAFT' : 'OPEN' }),
    ) as InvoiceSummary[];
    env.state.query = { audience: 'customer' };
    await start(env);
    await show(env, 1200); // page 1: its draft dropped
    expect(env.source.total).to.equal(5998);
    expect(ids(env.source, 998, 999)).to.deep.equal(['i999', 'i1000']);
    for (const first of [2500, 3500, 4500, 5100]) await show(env, first);
    expect(env.source.cachedPages).to.deep.equal([2, 3, 4, 5]);
    // Page 5 starts two rows early (two drafts dropped before it), evicted pages or not.
    expect(ids(env.source, 4998, 4999)).to.deep.equal(['i5000', 'i5001']);
    expect(env.source.total).to.equal(5998);
    await show(env, 990);
    expect(ids(env.source, 998, 999)).to.deep.equal(['i999', 'i1000']);
  });
});
