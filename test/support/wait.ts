/**
 * Waiting for events, not for time (issue 19): a test that races a fixed delay against a
 * request or a render fails when the machine is busy. These helpers wait for the event itself.
 * See docs/CONTRIBUTING.md, "Testing on a busy machine".
 */
import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

/** How long a wait for an event may take before the test fails (open-wc's default is 1 s). */
export const EVENT_TIMEOUT_MS = 5000;

/**
 * open-wc's `waitUntil` with a deadline a busy machine does not reach: the wait ends with the
 * event; the deadline only bounds how long a failing test takes (1 s, open-wc's default, is
 * shorter than a dynamic import plus a worker on a loaded 2-core machine).
 */
export function waitUntil(
  predicate: () => unknown,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<unknown> {
  return openWcWaitUntil(predicate, message, { timeout: EVENT_TIMEOUT_MS, ...options });
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

/** A promise with its resolve and reject, for a handler or a stub to say "it happened". */
export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * A task boundary, not a delay: resolves once the current task and its microtasks are done and
 * the tasks already queued before it had their turn (a timer of 0 ms).
 */
export function nextTask(): Promise<void> {
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
}

export interface LongTaskWatch {
  /** Stops watching; resolves with the durations of the long tasks that started while watched. */
  stop(): Promise<number[]>;
}

/**
 * Watches the page's long tasks from a new task on: the task that called it (which may have
 * built a 100,000-line invoice) does not count. Only Chromium has 'longtask' entries.
 */
export async function watchLongTasks(): Promise<LongTaskWatch> {
  await nextTask();
  const since = performance.now();
  const durations: number[] = [];
  const keep = (entries: PerformanceEntryList): void => {
    for (const entry of entries) if (entry.startTime >= since) durations.push(entry.duration);
  };
  const observer = new PerformanceObserver((list) => keep(list.getEntries()));
  observer.observe({ type: 'longtask' });
  return {
    async stop() {
      // The entry of the task that just ended is queued at its end: after a task boundary it
      // is in the observer's buffer, delivered or not (takeRecords takes the rest).
      await nextTask();
      keep(observer.takeRecords());
      observer.disconnect();
      return durations;
    },
  };
}

/** The rejection of a promise (fails the test when it resolves). */
export async function rejection<E = Error>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    return error as E;
  }
  throw new Error('Expected a rejection, got a result.');
}
