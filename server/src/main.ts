/**
 * `node server/dist/main.js`: opens the database (PGlite in DATA_DIR, or PostgreSQL at
 * DATABASE_URL), migrates, seeds an empty one, and serves. Environment (server/README.md):
 * PORT (8787), HOST (127.0.0.1), DATA_DIR (server/.data/pglite), DATABASE_URL, TOKEN_SECRET,
 * CONFORMANCE_FIXTURES=1, DEV_TOKENS=1, CORS_ORIGINS (comma-separated), SEED=0 (no seed data).
 */
import { fileURLToPath } from 'node:url';
import { openDatabase } from './db/database.js';
import { migrate } from './db/migrate.js';
import { seed } from './db/seed.js';
import { createServer } from './server.js';

const env = process.env;
const on = (name: string): boolean => env[name] === '1' || env[name] === 'true';

async function main(): Promise<void> {
  const url = env.DATABASE_URL;
  const dataDir = env.DATA_DIR || fileURLToPath(new URL('../.data/pglite', import.meta.url));
  const db = await openDatabase(url ? { url } : { dataDir });
  const applied = await migrate(db);
  if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);
  if (env.SEED !== '0') {
    const seeded = await seed(db);
    if (seeded.invoices) {
      console.log(`seeded ${seeded.invoices} invoices of ${seeded.customers} customers`);
    }
  }
  const server = createServer({
    db,
    conformanceFixtures: on('CONFORMANCE_FIXTURES'),
    devTokens: on('DEV_TOKENS'),
    corsOrigins: (env.CORS_ORIGINS ?? '').split(',').filter(Boolean),
  });
  const address = await server.listen(Number(env.PORT || 8787), env.HOST || '127.0.0.1');
  console.log(
    `invoice-elements reference server on ${url ? 'PostgreSQL' : 'PGlite'}: ${address.url}`,
  );
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
