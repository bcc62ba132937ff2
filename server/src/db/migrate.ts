/**
 * Schema migrations: the numbered SQL files of server/migrations (`001_schema.sql`…), each
 * applied once, in order, in its own transaction, and recorded in `schema_migrations`. An
 * advisory lock keeps two instances starting at once from applying the same file twice.
 */
import { readdir, readFile } from 'node:fs/promises';
import type { Database } from './database.js';

/** server/migrations, next to server/dist where the bundle runs. */
const MIGRATIONS = new URL('../migrations/', import.meta.url);
const LOCK_ID = 240_024;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export async function readMigrations(dir: URL = MIGRATIONS): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d+_[\w-]+\.sql$/.test(f)).sort();
  return Promise.all(
    files.map(async (name) => ({
      version: Number.parseInt(name, 10),
      name,
      sql: await readFile(new URL(name, dir), 'utf8'),
    })),
  );
}

/** Applies the migrations not applied yet; resolves with the names applied now. */
export async function migrate(db: Database): Promise<string[]> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_ID]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  });
  const applied: string[] = [];
  for (const migration of await readMigrations()) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_ID]);
      const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [
        migration.version,
      ]);
      if (seen.rows.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (done) applied.push(migration.name);
  }
  return applied;
}
