/**
 * RowSource on its own, for its tests: a fake host (no element, no grid), the fake adapter of
 * the table's tests, and a view the test moves by hand.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CallOptions } from '../../../src/core/backend.js';
import type { InvoiceQuery, InvoiceSummary, Page } from '../../../src/core/types.js';
import { RowSource, loaded } from '../../../src/components/invoice-table/row-source.js';
import { FakeBackend } from './helpers.js';

export class FakeHost implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  updates = 0;
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {}
  requestUpdate(): void {
    this.updates++;
  }
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }
}

/** Keeps each answer's promise, so a test can wait until the source has seen it. */
export class RecordingBackend extends FakeBackend {
  readonly answers: Promise<unknown>[] = [];
  override listInvoices(
    query: InvoiceQuery,
    options: CallOptions = {},
  ): Promise<Page<InvoiceSummary>> {
    const answer = super.listInvoices(query, options);
    this.answers.push(answer.catch(() => undefined));
    return answer;
  }
}

export function setup(pageSize = 100) {
  const backend = new RecordingBackend();
  backend.manual = true;
  backend.synthetic = 1000;
  const state = {
    query: { audience: 'operator' } as InvoiceQuery | null,
    pageSize,
    view: { first: 0, last: -1 },
  };
  const host = new FakeHost();
  const source = new RowSource(host, {
    backend: () => backend,
    query: () => state.query,
    pageSize: () => state.pageSize,
    view: () => state.view,
  });
  return { backend, state, host, source };
}

/** Offsets asked of the adapter, in order. */
export function offsets(backend: FakeBackend): (number | undefined)[] {
  return backend.listCalls.map((c) => c.query.offset);
}

/** The index of the pending call for an offset (the last one asked). */
export function callAt(backend: FakeBackend, offset: number): number {
  const i = backend.pending.map((p) => p.query.offset).lastIndexOf(offset);
  if (i < 0) throw new Error(`no request for offset ${offset}`);
  return i;
}

export async function answer(backend: RecordingBackend, offset: number): Promise<void> {
  const i = callAt(backend, offset);
  backend.resolveList(i);
  await backend.answers[i];
}

export async function fail(
  backend: RecordingBackend,
  offset: number,
  error: unknown,
): Promise<void> {
  const i = callAt(backend, offset);
  backend.pending[i]!.reject(error);
  await backend.answers[i];
}

export function ids(source: RowSource, from = 0, to = source.total - 1): (string | null)[] {
  const out: (string | null)[] = [];
  for (let i = from; i <= to; i++) {
    const row = source.row(i);
    out.push(loaded(row) ? row.id : null);
  }
  return out;
}
