/**
 * Writes: a status change and a discard, each in one transaction that
 * 1. claims the idempotency key (a unique row per reseller and key: a replay on any instance
 *    waits for the first to commit, then answers its stored answer; a key reused for another
 *    request is `422 validation`),
 * 2. checks the version and the transition in code, then
 * 3. writes with `UPDATE … WHERE id = $1 AND version = $2` (`DELETE` likewise): no row means the
 *    version changed meanwhile, a `412` with the current version.
 * The database enforces transitions and "never back to DRAFT" too (server/migrations): a
 * trigger refusing one is answered `422 invalid-transition`. A failed write stores nothing.
 */
import { BackendError } from '../../../src/core/errors.js';
import { allowedTargets, canTransition } from '../../../src/core/status.js';
import { acceptReason } from '../../../src/core/reason-refusal.js';
import { reasonRequired } from '../../../src/core/status-reason.js';
import type { Invoice, InvoiceStatus, StatusChange } from '../../../src/core/types.js';
import type { Database, Queryable } from '../db/database.js';
import { sqlState } from '../db/database.js';
import { INVOICE_COLUMNS, toInvoice, versionNumber, versionTag } from '../db/invoice-rows.js';
import type { InvoiceRow } from '../db/invoice-rows.js';
import type { Principal } from '../tokens.js';
import { findInvoice } from './read.js';
import { notFound, requireOperator } from './scope.js';

/** What a write answered, as stored for its idempotency key. */
export interface WriteAnswer {
  status: 200 | 204;
  body: Invoice | null;
}

export interface StatusChangeRequest {
  invoiceId: string;
  to: InvoiceStatus;
  notify: boolean;
  /** Why (issue 25: the reason for a VOID); kept in the history entry. */
  reason?: string | undefined;
  expectedVersion: string;
  idempotencyKey: string;
}

export interface DiscardRequest {
  invoiceId: string;
  expectedVersion: string;
  idempotencyKey: string;
}

function conflict(currentVersion: number): BackendError {
  return new BackendError('conflict', 'The invoice was changed by someone else.', {
    status: 412,
    currentVersion: versionTag(currentVersion),
  });
}

function invalidTransition(row: Pick<InvoiceRow, 'status' | 'allowed_targets'>, message: string) {
  return new BackendError('invalid-transition', message, {
    status: 422,
    allowedTargets: allowedTargets(row.status, row.allowed_targets),
  });
}

/**
 * A reason (issue 25) by the library's rule (`acceptReason`, src/core/reason-refusal.ts, as
 * MemoryBackend): at most REASON_MAX characters, and required for a VOID when the invoice says
 * `voidReasonRequired`; otherwise `422 validation` naming `reason`.
 */
function checkReason(row: InvoiceRow, to: InvoiceStatus, reason: string | undefined): void {
  const voidReasonRequired =
    (row.body as { voidReasonRequired?: unknown }).voidReasonRequired === true;
  acceptReason(reason, reasonRequired({ voidReasonRequired }, to));
}

/**
 * Claims `key` for this request; resolves with the stored answer when the key was used
 * already (by this request: a replay), `null` when this transaction now owns it.
 */
async function claimKey(
  tx: Queryable,
  scope: string,
  key: string,
  fingerprint: string,
): Promise<WriteAnswer | null> {
  const claimed = await tx.query(
    `INSERT INTO idempotency_keys (scope, key, fingerprint, status) VALUES ($1, $2, $3, 0)
     ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
    [scope, key, fingerprint],
  );
  if (claimed.rows.length > 0) return null;
  const stored = await tx.query<{ fingerprint: string; status: number; body: Invoice | null }>(
    'SELECT fingerprint, status, body FROM idempotency_keys WHERE scope = $1 AND key = $2',
    [scope, key],
  );
  const row = stored.rows[0];
  if (!row || row.fingerprint !== fingerprint) {
    throw new BackendError(
      'validation',
      'This Idempotency-Key was already used with a different request.',
      { status: 422, field: 'Idempotency-Key' },
    );
  }
  return { status: row.status === 204 ? 204 : 200, body: row.body };
}

async function storeAnswer(tx: Queryable, scope: string, key: string, answer: WriteAnswer) {
  await tx.query(
    'UPDATE idempotency_keys SET status = $3, body = $4 WHERE scope = $1 AND key = $2',
    [scope, key, answer.status, answer.body === null ? null : JSON.stringify(answer.body)],
  );
}

/** A check_violation raised by the database's own rules (migrations: triggers, CHECKs). */
function isRuleViolation(error: unknown): boolean {
  return sqlState(error) === '23514';
}

/** Runs one write: key claimed first, answer stored last, all in one transaction. */
async function idempotentWrite(
  db: Database,
  principal: Principal,
  key: string,
  fingerprint: string,
  apply: (tx: Queryable) => Promise<WriteAnswer>,
): Promise<WriteAnswer> {
  requireOperator(principal);
  const scope = `reseller:${principal.resellerId}`;
  return db.transaction(async (tx) => {
    const replay = await claimKey(tx, scope, key, fingerprint);
    if (replay) return replay;
    const answer = await apply(tx);
    await storeAnswer(tx, scope, key, answer);
    return answer;
  });
}

/** The row to write, or the error a stale or missing one is. */
async function current(tx: Queryable, principal: Principal, invoiceId: string, expected: string) {
  const row = await findInvoice(tx, principal, invoiceId, 'operator');
  if (!row) throw notFound(`Invoice ${invoiceId}`);
  if (versionNumber(expected) !== row.version) throw conflict(row.version);
  return row;
}

/** After a guarded write touched no row: the invoice changed (412) or went away (404). */
async function lostRace(tx: Queryable, principal: Principal, invoiceId: string): Promise<never> {
  const row = await findInvoice(tx, principal, invoiceId, 'operator');
  if (!row) throw notFound(`Invoice ${invoiceId}`);
  throw conflict(row.version);
}

export async function updateStatus(
  db: Database,
  principal: Principal,
  request: StatusChangeRequest,
  actor: string,
): Promise<WriteAnswer> {
  const { invoiceId, to, notify, expectedVersion } = request;
  const reason = request.reason?.trim() || undefined;
  const fingerprint = JSON.stringify([
    'updateStatus',
    invoiceId,
    to,
    notify,
    expectedVersion,
    reason ?? null,
  ]);
  return idempotentWrite(db, principal, request.idempotencyKey, fingerprint, async (tx) => {
    const row = await current(tx, principal, invoiceId, expectedVersion);
    if (!canTransition(row.status, to, row.allowed_targets)) {
      throw invalidTransition(row, `${row.status} -> ${to} is not allowed.`);
    }
    checkReason(row, to, reason);
    const change: StatusChange & { reason?: string } = {
      from: row.status,
      to,
      at: new Date().toISOString(),
      by: actor,
      notified: notify,
      ...(reason !== undefined && { reason }),
    };
    let updated;
    try {
      updated = await tx.query<InvoiceRow>(
        `UPDATE invoices SET status = $3, version = version + 1, history = history || $4::jsonb
         WHERE id = $1 AND version = $2 RETURNING ${INVOICE_COLUMNS}`,
        [invoiceId, row.version, to, JSON.stringify([change])],
      );
    } catch (error) {
      if (isRuleViolation(error))
        throw invalidTransition(row, `${row.status} -> ${to} is refused.`);
      throw error;
    }
    const next = updated.rows[0];
    if (!next) return lostRace(tx, principal, invoiceId);
    return { status: 200, body: toInvoice(next) };
  });
}

export async function discardInvoice(
  db: Database,
  principal: Principal,
  request: DiscardRequest,
): Promise<WriteAnswer> {
  const { invoiceId, expectedVersion } = request;
  const fingerprint = JSON.stringify(['discardInvoice', invoiceId, expectedVersion]);
  return idempotentWrite(db, principal, request.idempotencyKey, fingerprint, async (tx) => {
    const row = await current(tx, principal, invoiceId, expectedVersion);
    if (row.status !== 'DRAFT') {
      throw invalidTransition(row, 'Only a DRAFT invoice can be discarded.');
    }
    let deleted;
    try {
      deleted = await tx.query('DELETE FROM invoices WHERE id = $1 AND version = $2', [
        invoiceId,
        row.version,
      ]);
    } catch (error) {
      if (isRuleViolation(error)) throw invalidTransition(row, 'Only a DRAFT can be discarded.');
      throw error;
    }
    if (deleted.rowCount === 0) return lostRace(tx, principal, invoiceId);
    return { status: 204, body: null };
  });
}

/** The result of one update of a batch: the write's answer, or the error of that update. */
export type BatchResult =
  { invoiceId: string; answer: WriteAnswer } | { invoiceId: string; error: BackendError };

/** The most updates of one batch (docs/openapi.yaml, StatusUpdateBatchRequest). */
export const MAX_BATCH = 500;

/**
 * The batch status change (docs/ADAPTERS.md "Batch status change"): each update is exactly one
 * {@link updateStatus} (its own transaction, version check, transition and reason rules and
 * idempotency key), run in order; an update's refusal is its result, never the call's. Anything
 * else (the database failing) rejects the call: nothing is known then of any update.
 */
export async function updateStatuses(
  db: Database,
  principal: Principal,
  requests: readonly StatusChangeRequest[],
  actor: string,
): Promise<BatchResult[]> {
  requireOperator(principal);
  const results: BatchResult[] = [];
  for (const request of requests) {
    const { invoiceId } = request;
    try {
      results.push({ invoiceId, answer: await updateStatus(db, principal, request, actor) });
    } catch (error) {
      if (!(error instanceof BackendError)) throw error;
      results.push({ invoiceId, error });
    }
  }
  return results;
}
