/**
 * The one small query interface of the server, with two drivers: PGlite (PostgreSQL compiled to
 * WebAssembly, embedded, data in a directory or in memory; the default) and `pg` (a real
 * PostgreSQL server, when a connection URL is given). Both run the same SQL (server/migrations,
 * server/src/store) with `$1`-style parameters.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';

export type Row = Record<string, unknown>;

export interface QueryResult<T extends Row = Row> {
  rows: T[];
  /** Rows inserted, updated or deleted by the statement. */
  rowCount: number;
}

/** What runs SQL: the database itself, or one transaction of it. */
export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly driver: 'pglite' | 'pg';
  /** Runs `work` in one transaction (READ COMMITTED): committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Where the data lives: `{ dataDir }` for PGlite in a directory, `{ memory: true }` for PGlite in
 * memory (tests), `{ url }` for PostgreSQL (`postgres://user:pass@host:5432/db`).
 */
export type DatabaseOptions = { dataDir: string } | { memory: true } | { url: string };

function pgliteDatabase(db: PGlite): Database {
  const run = async <T extends Row>(
    on: Pick<PGlite, 'query'>,
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<T>> => {
    const result = await on.query<T>(sql, params ? [...params] : []);
    return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
  };
  return {
    driver: 'pglite',
    query: (sql, params) => run(db, sql, params),
    exec: async (sql) => {
      await db.exec(sql);
    },
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          query: (sql, params) => run(tx, sql, params),
          exec: async (sql) => {
            await tx.exec(sql);
          },
        }),
      ),
    close: () => db.close(),
  };
}

function pgDatabase(pool: pg.Pool): Database {
  const run = async <T extends Row>(
    on: pg.Pool | pg.PoolClient,
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<T>> => {
    const result = await on.query<T>(sql, params ? [...params] : []);
    return { rows: result.rows, rowCount: result.rowCount ?? 0 };
  };
  return {
    driver: 'pg',
    query: (sql, params) => run(pool, sql, params),
    exec: async (sql) => {
      await pool.query(sql);
    },
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          query: (sql, params) => run(client, sql, params),
          exec: async (sql) => {
            await client.query(sql);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Opens (creating when needed) the database. Call {@link migrate} before serving. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if ('url' in options) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // A dropped idle connection must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    await pool.query('SELECT 1');
    return pgDatabase(pool);
  }
  const dataDir = 'dataDir' in options ? options.dataDir : undefined;
  // A fresh clone has no server/.data yet: PGlite makes only the last directory of the path.
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { pg_trgm } });
  return pgliteDatabase(db);
}

/** The SQLSTATE of a database error (both drivers set `code`), e.g. `23505` unique violation. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
