/**
 * One export run in a worker, as the page sees it (the CSV and PDF exports share it): the
 * worker path is given up — and the main thread then makes the file — when the worker errs
 * after starting, a message cannot be read, the request cannot be sent, or it says nothing for
 * `firstMessageTimeoutMs()`. An abort rejects with the export's AbortError; a refusal rejects
 * with an `ExportRefusedError` (the main thread would refuse as well). No Lit here.
 */
import { WorkerFailure, describe, firstMessageTimeoutMs } from './trusted-worker.js';

/** The last word of a worker that failed: the same in both protocols. */
export interface WorkerErrorMessage {
  type: 'error';
  message: string;
  /** The invoice may not be exported (e.g. a draft for the customer): no fallback. */
  refused: boolean;
}

/** What a worker posts for an error it caught (worker side). */
export function workerErrorMessage(error: unknown): WorkerErrorMessage {
  return {
    type: 'error',
    refused: error instanceof Error && error.name === 'ExportRefusedError',
    message: error instanceof Error ? error.message : String(error),
  };
}

/** The URLs a worker fetched (its Resource Timing), reported with its file (worker side). */
export function fetchedResources(): string[] {
  return performance.getEntriesByType('resource').map((e) => e.name);
}

/** The run, as its handlers see it. */
export interface WorkerSession<R> {
  /** The worker made the file. */
  done(result: R): void;
  /** The worker path is given up: the main thread makes the file. */
  fail(reason: string): void;
  /** Whether the run is over (done, given up, aborted or refused). */
  readonly settled: boolean;
}

export interface WorkerRunOptions {
  /** `CSV` or `PDF`, for the reasons given. */
  label: string;
  signal: AbortSignal | undefined;
  abortError: () => DOMException;
  /** Called once when the run ends, however it ends. */
  onSettle?: () => void;
}

/**
 * Supervises `worker` for one run: `start` sends the request (a throw or rejection gives up,
 * e.g. a DataCloneError), `onMessage` handles every message but the final error.
 */
export function superviseWorker<M extends { type: string }, R>(
  worker: Worker,
  options: WorkerRunOptions,
  onMessage: (message: Exclude<M, WorkerErrorMessage>, session: WorkerSession<R>) => void,
  start: (session: WorkerSession<R>) => void | Promise<void>,
): Promise<R | WorkerFailure> {
  const { label, signal } = options;
  return new Promise((resolve, reject) => {
    let settled = false;
    const wait = firstMessageTimeoutMs();
    const silence = setTimeout(
      () => session.fail(`The ${label} worker did not answer within ${wait} ms.`),
      wait,
    );
    const finish = (): boolean => {
      if (settled) return false;
      settled = true;
      clearTimeout(silence);
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
      options.onSettle?.();
      return true;
    };
    const onAbort = (): void => {
      if (finish()) reject(options.abortError());
    };
    const session: WorkerSession<R> = {
      done: (result) => {
        if (finish()) resolve(result);
      },
      fail: (reason) => {
        if (finish()) resolve(new WorkerFailure(reason));
      },
      get settled() {
        return settled;
      },
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('message', (event: MessageEvent<M | WorkerErrorMessage>) => {
      if (settled) return;
      clearTimeout(silence);
      const message = event.data;
      if (message.type !== 'error') {
        onMessage(message as Exclude<M, WorkerErrorMessage>, session);
      } else if ((message as WorkerErrorMessage).refused) {
        finish();
        const error = new Error((message as WorkerErrorMessage).message);
        error.name = 'ExportRefusedError';
        reject(error);
      } else {
        session.fail(`The ${label} worker failed: ${(message as WorkerErrorMessage).message}`);
      }
    });
    worker.addEventListener('messageerror', () =>
      session.fail(`A ${label} worker message could not be read.`),
    );
    // The script or an import of it did not load (404, CSP, no module workers), or it threw.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      session.fail(`The ${label} worker failed: ${describe(event)}`);
    });
    const sent = (error: unknown): void =>
      session.fail(`The invoice could not be sent to the ${label} worker: ${describe(error)}`);
    try {
      void Promise.resolve(start(session)).catch(sent);
    } catch (error) {
      sent(error);
    }
  });
}
