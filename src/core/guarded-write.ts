/**
 * The guarded write: one confirmed change, sent at most once at a time, carrying the version
 * it was based on and one idempotency key per intent (Retry reuses it), and its outcome sorted
 * into what the user must be told (docs/RULES.md). `<status-updater>` and the viewer's Discard
 * both run on it and build their own messages from the outcome. No Lit (docs/ARCHITECTURE.md).
 */
import { BackendError, noBackendError, toBackendError } from './errors.js';

/** A fresh idempotency key: `crypto.randomUUID()`, with a v4 fallback for older engines. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Every 0 and 1 a random hex digit; 8 the variant (8 to b); 4 the version.
  return '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
    (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (+c / 4)))).toString(16),
  );
}

/**
 * `confirming`: the user is asked; `sending`: the write was begun (its call in flight, or the
 * host's cancelable request being fired); `checking` / `reloading`: a re-read that belongs to it.
 */
export type WritePhase = 'idle' | 'confirming' | 'sending' | 'checking' | 'reloading';

/**
 * How a write failed:
 * - `conflict`: someone else changed the document; the intent is over (keep the message until Reload);
 * - `invalid-transition`: the rules refuse it now; the intent is over (re-read what is allowed);
 * - `outcome-unknown`: sent, but the answer is missing or unreadable: re-read before saying
 *   anything; after a failed re-read it is still unknown, and Retry (same key) is safe;
 * - `no-backend`: no adapter is configured (never a network failure);
 * - `aborted`: the backend reported the call aborted (not by this model: those are dropped);
 * - `failed`: anything else; `error.retryable` says whether Retry may help.
 */
export type WriteFailure =
  'conflict' | 'invalid-transition' | 'outcome-unknown' | 'no-backend' | 'aborted' | 'failed';

/** How a write (or the check after an unknown outcome) ended. */
export type WriteOutcome<R> =
  | { readonly kind: 'success'; readonly result: R }
  /**
   * A check found the change not applied, nobody else wrote, and the backend had answered the
   * write (an unreadable or contradicting answer): it is over. Retry (same key) is safe.
   */
  | { readonly kind: 'not-applied' }
  /**
   * A check found the change not applied (yet), but the write timed out or lost its connection:
   * it may still be applied. Only a later check or Retry (the same key: the backend replays
   * the first answer, or applies it once) can tell.
   */
  | { readonly kind: 'unconfirmed' }
  | { [K in WriteFailure]: { readonly kind: K; readonly error: BackendError } }[WriteFailure];

/** How one backend call of the write ended (never `not-applied` nor `unconfirmed`). */
export type CallOutcome<R> = Exclude<WriteOutcome<R>, { kind: 'not-applied' | 'unconfirmed' }>;

/** The failure kind of a write's error. */
export function classifyWriteError(error: BackendError): WriteFailure {
  const { kind } = error;
  if (kind === 'no-backend' || kind === 'aborted') return kind;
  // A timeout, or an answer that cannot be read, says nothing about what the backend did.
  if (kind === 'timeout' || kind === 'validation' || error.outcomeUnknown) return 'outcome-unknown';
  if (kind === 'conflict' || kind === 'invalid-transition') return kind;
  return 'failed';
}

export interface GuardedWriteOptions<I> {
  /** Whether `next` is the change `held` is (its key is then reused). Default: never. */
  same?: (held: I, next: I) => boolean;
  /** Called after every phase change (a Lit host re-renders). */
  onChange?: () => void;
}

/** A call of the write; `undefined`: there is no backend. */
type Call<T> = ((signal: AbortSignal) => Promise<T>) | undefined;

/**
 * One guarded write of intents of type `I`: `open` (ask), `begin` (confirmed), `run` (one
 * backend call). A late answer after `abort()` / `reset()` is dropped: the calls then resolve
 * `undefined`, as they do when there is nothing to do.
 */
export class GuardedWrite<I extends { readonly expectedVersion: string }> {
  // ECMAScript private names: the minifier shortens them.
  #phase: WritePhase = 'idle';
  #held?: { intent: I; key: string };
  /** The last call of the held intent ended without an answer: it may still be applied. */
  #inFlight = false;
  #controller = new AbortController();
  readonly #options: GuardedWriteOptions<I>;

  constructor(options: GuardedWriteOptions<I> = {}) {
    this.#options = options;
  }

  get phase(): WritePhase {
    return this.#phase;
  }

  /** The intent begun and not over yet: Retry sends it again, with the same key. */
  get intent(): I | undefined {
    return this.#held?.intent;
  }

  #set(phase: WritePhase): void {
    this.#phase = phase;
    this.#options.onChange?.();
  }

  /** Asks the user (from `idle` only). */
  open(): void {
    if (this.#phase === 'idle') this.#set('confirming');
  }

  /** Back to `idle` without a write: the question was closed, or the host vetoed the intent. */
  cancel(): void {
    this.#set('idle');
  }

  /**
   * The user confirmed `intent`: it is held with a new key, or the held one when it is the same
   * change. Ignored (false) while a write or re-read is under way: one call per confirmation.
   */
  begin(intent: I): boolean {
    const held = this.#held;
    if (this.#phase !== 'idle' && this.#phase !== 'confirming') return false;
    const same = held && this.#options.same?.(held.intent, intent);
    this.#held = { intent, key: same ? held.key : newIdempotencyKey() };
    this.#set('sending');
    return true;
  }

  /**
   * Sends the held intent (`send` undefined: no backend). Success, a conflict and an invalid
   * transition end the intent; any other failure keeps it, and its key, for Retry. An answer
   * that `shows` says does not show the change is `outcome-unknown` (re-read, then say what is
   * true).
   */
  async run<R>(
    send: ((intent: I, key: string, signal: AbortSignal) => Promise<R>) | undefined,
    shows?: (result: R, intent: I) => boolean,
  ): Promise<CallOutcome<R> | undefined> {
    const held = this.#held;
    if (!held) return undefined;
    let outcome = await this.#call('sending', send && ((s) => send(held.intent, held.key, s)));
    if (outcome?.kind === 'success' && shows && !shows(outcome.result, held.intent)) {
      // An answer that does not show the change asked for (a 200 in the old status).
      const error = new BackendError('validation', 'Contradicted.', { outcomeUnknown: true });
      outcome = { kind: 'outcome-unknown', error };
    }
    const kind = outcome?.kind;
    // Not an answer (a timeout, a lost connection): the backend may apply the write later.
    this.#inFlight = kind === 'outcome-unknown' && outcome?.error.kind !== 'validation';
    if (kind === 'success' || kind === 'conflict' || kind === 'invalid-transition') this.forget();
    return outcome;
  }

  /**
   * After `outcome-unknown`: re-reads (`null`: the document is gone). `applied(fresh)` means
   * success; else the version the intent was based on means `not-applied` when the backend had
   * answered, `unconfirmed` when the write may still be in flight (a timeout, a lost
   * connection); another version is a `conflict`; a failed re-read is still `outcome-unknown`.
   */
  async check<R extends { readonly version: string } | null>(
    read: Call<R>,
    applied: (fresh: R, intent: I) => boolean,
  ): Promise<WriteOutcome<R> | undefined> {
    const held = this.#held;
    const outcome = await this.#call('checking', read);
    if (!outcome || !held) return undefined;
    if (outcome.kind !== 'success') return { kind: 'outcome-unknown', error: outcome.error };
    const fresh = outcome.result;
    const done = applied(fresh, held.intent);
    if (!done && fresh?.version === held.intent.expectedVersion) {
      return { kind: this.#inFlight ? 'unconfirmed' : 'not-applied' };
    }
    this.forget();
    return done
      ? outcome
      : { kind: 'conflict', error: new BackendError('conflict', 'Changed meanwhile.') };
  }

  /** A re-read in phase `reloading` (Reload after a conflict, a refreshed list). */
  reload<R>(read: Call<R>): Promise<CallOutcome<R> | undefined> {
    return this.#call('reloading', read);
  }

  /** The intent is over: the next `begin` gets a new key. */
  forget(): void {
    this.#held = undefined;
  }

  /** Drops the call in flight (its answer is ignored); keeps the intent and an open question. */
  abort(): void {
    this.#controller.abort();
    this.#controller = new AbortController();
    if (this.#phase !== 'confirming') this.#set('idle');
  }

  /** Forgets everything (another document is shown). */
  reset(): void {
    this.abort();
    this.forget();
    this.#set('idle');
  }

  /** One call in `phase`, back to `idle` after it; `undefined` when it was dropped. */
  async #call<T>(phase: WritePhase, fn: Call<T>): Promise<CallOutcome<T> | undefined> {
    const { signal } = this.#controller;
    let outcome: CallOutcome<T>;
    this.#set(phase);
    try {
      if (!fn) throw noBackendError();
      outcome = { kind: 'success', result: await fn(signal) };
    } catch (e) {
      const error = toBackendError(e);
      outcome = { kind: classifyWriteError(error), error } as CallOutcome<T>;
    }
    if (signal.aborted) return undefined;
    this.#set('idle');
    return outcome;
  }
}
