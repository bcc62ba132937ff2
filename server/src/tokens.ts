/**
 * Bearer tokens that carry role and scope, signed with HMAC-SHA256 (node:crypto):
 * `base64url(claims JSON) "." base64url(signature)`. An operator token names its reseller and
 * sees that reseller's customers; a customer token names one customer and sees only that
 * customer's non-draft invoices, whatever the request asks.
 *
 * `issue` is the DEV-ONLY issuer of the demo and the tests. In production, tokens come from the
 * host's own identity provider (server/README.md, "Production").
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type Claims =
  | { role: 'operator'; sub: string; resellerId: string; exp: number }
  | { role: 'customer'; sub: string; resellerId: string; customerId: string; exp: number };

/** Who is asking, once the token is verified. */
export type Principal = Claims extends infer C
  ? C extends Claims
    ? Omit<C, 'exp'>
    : never
  : never;

export type IssueRequest =
  | { role: 'operator'; resellerId: string; sub?: string; ttlSeconds?: number }
  | { role: 'customer'; resellerId: string; customerId: string; sub?: string; ttlSeconds?: number };

export interface TokenService {
  /** Signs a token (dev-only issuer). `ttlSeconds` default 8 hours; negative makes it expired. */
  issue(request: IssueRequest): string;
  /** The principal of a valid token, or `null` (malformed, bad signature, expired, wrong shape). */
  verify(token: string): Principal | null;
}

export interface TokenOptions {
  /** The HMAC secret (at least 32 bytes). Default: `TOKEN_SECRET`, or random at start. */
  secret?: string | Uint8Array;
  /** The clock, in milliseconds (tests). */
  now?: () => number;
}

const DEFAULT_TTL_SECONDS = 8 * 60 * 60;

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 200;
}

function claimsOf(value: unknown): Claims | null {
  if (typeof value !== 'object' || value === null) return null;
  const c = value as Record<string, unknown>;
  if (!isId(c.sub) || !isId(c.resellerId) || typeof c.exp !== 'number') return null;
  if (c.role === 'operator') {
    return { role: 'operator', sub: c.sub, resellerId: c.resellerId, exp: c.exp };
  }
  if (c.role === 'customer' && isId(c.customerId)) {
    return {
      role: 'customer',
      sub: c.sub,
      resellerId: c.resellerId,
      customerId: c.customerId,
      exp: c.exp,
    };
  }
  return null;
}

export function createTokens(options: TokenOptions = {}): TokenService {
  const fromEnv = process.env.TOKEN_SECRET;
  const secret = options.secret ?? (fromEnv ? fromEnv : randomBytes(32));
  if ((typeof secret === 'string' ? Buffer.byteLength(secret) : secret.length) < 32) {
    throw new RangeError('The token secret must be at least 32 bytes.');
  }
  const now = options.now ?? Date.now;
  const sign = (payload: string): Buffer => createHmac('sha256', secret).update(payload).digest();

  return {
    issue(request) {
      const exp = Math.floor(now() / 1000) + (request.ttlSeconds ?? DEFAULT_TTL_SECONDS);
      const claims: Claims =
        request.role === 'operator'
          ? {
              role: 'operator',
              sub: request.sub ?? `operator@${request.resellerId}`,
              resellerId: request.resellerId,
              exp,
            }
          : {
              role: 'customer',
              sub: request.sub ?? `customer@${request.customerId}`,
              resellerId: request.resellerId,
              customerId: request.customerId,
              exp,
            };
      const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
      return `${payload}.${sign(payload).toString('base64url')}`;
    },
    verify(token) {
      const m = /^([A-Za-z0-9_-]{1,4096})\.([A-Za-z0-9_-]{43})$/.exec(token);
      if (!m) return null;
      const [, payload, signature] = m as unknown as [string, string, string];
      const given = Buffer.from(signature, 'base64url');
      const expected = sign(payload);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      let claims: Claims | null;
      try {
        claims = claimsOf(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
      } catch {
        return null;
      }
      if (!claims || claims.exp * 1000 <= now()) return null;
      const principal: Record<string, unknown> = { ...claims };
      delete principal.exp;
      return principal as Principal;
    },
  };
}
