/**
 * What a principal may see, as SQL and as rules. The credential decides, never the query: a
 * customer token sees only its own customer's non-draft invoices (the `audience` parameter is
 * overridden), an operator token only its reseller's customers.
 */
import { BackendError } from '../../../src/core/errors.js';
import type { Audience } from '../../../src/core/types.js';
import type { Principal } from '../tokens.js';

/** A WHERE fragment and its parameters, numbered from `$1`. */
export class Where {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];

  /** Adds a condition; `?` in it stands for the next parameter. */
  add(condition: string, ...values: unknown[]): this {
    let sql = condition;
    for (const value of values) {
      this.params.push(value);
      sql = sql.replace('?', `$${this.params.length}`);
    }
    this.parts.push(sql);
    return this;
  }

  /** Adds a parameter without a condition; answers its placeholder. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  get sql(): string {
    return this.parts.length ? this.parts.join(' AND ') : 'TRUE';
  }
}

/** The audience a principal reads with: a customer always reads as the customer. */
export function audienceOf(principal: Principal, asked: Audience | undefined): Audience {
  return principal.role === 'customer' ? 'customer' : (asked ?? 'operator');
}

/** Restricts invoices to what the principal may see with the audience. */
export function scopeInvoices(where: Where, principal: Principal, audience: Audience): Where {
  if (principal.role === 'customer') where.add('customer_id = ?', principal.customerId);
  else where.add('reseller_id = ?', principal.resellerId);
  if (audience === 'customer') where.add(`status <> 'DRAFT'`);
  return where;
}

/** Restricts customers to what the principal may see. */
export function scopeCustomers(where: Where, principal: Principal): Where {
  if (principal.role === 'customer') where.add('id = ?', principal.customerId);
  else where.add('reseller_id = ?', principal.resellerId);
  return where;
}

/** Writes are the operator's: a customer token is `403`. */
export function requireOperator(principal: Principal): void {
  if (principal.role !== 'operator') {
    throw new BackendError('forbidden', 'Only an operator can change invoices.', { status: 403 });
  }
}

export function notFound(what: string): BackendError {
  return new BackendError('not-found', `${what} was not found.`, { status: 404 });
}
