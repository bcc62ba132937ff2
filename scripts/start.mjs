#!/usr/bin/env node
/**
 * `npm start`: the demo over the reference server (issue 24, README "Reference server").
 *
 * 1. Builds the server (`npm run build:server`) when server/dist is missing or older than its
 *    sources, so it works in a fresh clone after `npm ci`.
 * 2. Starts the server in this process on 127.0.0.1 and a free port, over embedded PGlite with its
 *    data in `DATA_DIR` (default `server/.data/pglite`, git-ignored, the server CLI's too: not
 *    both at once, PGlite is one process's database; migrated, and seeded relative to today on
 *    the first run), or over PostgreSQL when `DATABASE_URL` is set.
 * 3. Starts the demo page (vite's dev server over demo/) on `HOST`:`PORT` (default
 *    localhost:5173, the next free port if taken), proxying `/api/*` to the server, answering
 *    `/demo-session.json` with dev tokens (the operator of the demo reseller, and the README's
 *    customer `cus-1`), and marking the page so it uses them (demo/backend.ts).
 * 4. Prints the URL. Ctrl-C (SIGINT/SIGTERM) closes both and the database.
 *
 * The dev tokens come from the server's dev-only issuer; nothing here is for production.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SERVER_ENTRY = join(root, 'server/dist/index.js');
const API_PREFIX = '/api';
const SESSION_PATH = '/demo-session.json';
/** The dev tokens' lifetime; the page asks for new ones before they expire. */
const TOKEN_TTL_SECONDS = 8 * 60 * 60;

/** The newest modification time under `dir` (0 when it does not exist). */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) time = Math.max(time, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return time;
}

/** Builds the server when its build is missing or older than its sources (or the library's). */
export function ensureServerBuilt({ log = console.log } = {}) {
  const built = existsSync(SERVER_ENTRY) ? statSync(SERVER_ENTRY).mtimeMs : 0;
  const sources = Math.max(
    newest(join(root, 'server/src')),
    newest(join(root, 'server/migrations')),
    newest(join(root, 'src/core')),
    newest(join(root, 'src/adapters/memory')),
  );
  if (built >= sources) return;
  log('Building the reference server (npm run build:server)…');
  execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: root, stdio: 'inherit' });
}

/**
 * Starts the server and the demo page; resolves `{ url, apiUrl, close() }`. Options default to
 * the environment: `PORT`, `HOST`, `DATA_DIR`, `DATABASE_URL`.
 */
export async function startDemo({
  port = Number(process.env.PORT ?? 5173),
  host = process.env.HOST ?? 'localhost',
  dataDir = resolve(root, process.env.DATA_DIR ?? 'server/.data/pglite'),
  databaseUrl = process.env.DATABASE_URL,
  strictPort = process.env.PORT !== undefined,
  log = console.log,
} = {}) {
  ensureServerBuilt({ log });
  const server = await import(pathToFileURL(SERVER_ENTRY).href);
  const { createServer: createViteServer } = await import('vite');

  const db = await server.openDatabase(databaseUrl ? { url: databaseUrl } : { dataDir });
  let api;
  let vite;
  try {
    await server.migrate(db);
    const seeded = await server.seed(db, { today: new Date() });
    if (seeded.invoices > 0) log(`Seeded ${seeded.invoices} invoices (relative to today).`);

    const tokens = server.createTokens();
    api = server.createServer({ db, tokens });
    // The server's routes are under /api (its default base path), as the page's.
    const { port: apiPort, url: apiUrl } = await api.listen(0, '127.0.0.1');
    const apiTarget = `http://127.0.0.1:${apiPort}`;

    const resellerId = server.RESELLERS[0].id;
    const customerId = server.README_CUSTOMER;
    const session = () => ({
      apiBaseUrl: `.${API_PREFIX}/`,
      customerId,
      tokens: {
        operator: tokens.issue({ role: 'operator', resellerId, ttlSeconds: TOKEN_TTL_SECONDS }),
        customer: tokens.issue({
          role: 'customer',
          resellerId,
          customerId,
          ttlSeconds: TOKEN_TTL_SECONDS,
        }),
      },
      expiresAt: Date.now() + TOKEN_TTL_SECONDS * 1000,
    });

    /** The page's link to the server: the session URL in a meta element, and its answer. */
    const serverSession = {
      name: 'invoice-demo-session',
      transformIndexHtml: () => [
        {
          tag: 'meta',
          attrs: { name: 'invoice-demo-session', content: `.${SESSION_PATH}` },
          injectTo: 'head',
        },
      ],
      configureServer(dev) {
        dev.middlewares.use(SESSION_PATH, (_req, res) => {
          res.setHeader('content-type', 'application/json; charset=utf-8');
          res.setHeader('cache-control', 'no-store');
          res.end(JSON.stringify(session()));
        });
      },
    };

    vite = await createViteServer({
      configFile: join(root, 'demo/vite.config.ts'),
      clearScreen: false,
      logLevel: 'warn',
      plugins: [serverSession],
      server: {
        host,
        port,
        strictPort,
        proxy: {
          [API_PREFIX]: {
            target: apiTarget,
            changeOrigin: true,
          },
        },
      },
    });
    await vite.listen();
    const url = vite.resolvedUrls?.local[0] ?? `http://${host}:${vite.config.server.port}/`;
    const where = databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${dataDir}`;
    log(`Demo: ${url}  (operator view; ?view=customer for the customer's)`);
    log(`Reference server: ${apiUrl}, data in ${where}`);

    let closing;
    const close = () =>
      (closing ??= (async () => {
        await vite.close();
        await api.close();
        await db.close();
      })());
    return { url, apiUrl, close };
  } catch (error) {
    await vite?.close().catch(() => {});
    await api?.close().catch(() => {});
    await db.close().catch(() => {});
    throw error;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const demo = await startDemo();
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      demo.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}
