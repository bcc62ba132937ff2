/**
 * Reference server instances as separate processes (`node server/dist/main.js`, built by
 * `npm run build:server`), for the load and fault tests: on a free port of 127.0.0.1, over PGlite
 * in a directory or PostgreSQL at a URL, with the dev token issuer on and one shared
 * `TOKEN_SECRET`, so a token of one instance is good on every other (stateless servers).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from '../postgres/cluster.mjs';

const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const STARTED = /reference server on \w+: (http:\/\/\S+)/;

/** One secret for every instance of a test run. */
export const TOKEN_SECRET = randomBytes(32).toString('hex');

/**
 * Starts an instance; resolves `{ url, root, process, exited, kill(signal) }` once it listens.
 * `url` is the API's base URL with a trailing slash (`http://127.0.0.1:PORT/api/`), `root` the
 * server's origin (the dev issuer is `POST /dev/tokens`). `database`: `{ dataDir }` or `{ url }`;
 * `env`: more environment (e.g. `CONFORMANCE_FIXTURES: '1'`).
 */
export async function startInstance(database, { timeoutMs = 90_000, env: extra = {} } = {}) {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build:server`);
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DEV_TOKENS: '1',
    TOKEN_SECRET,
    ...extra,
  };
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  if ('url' in database) env.DATABASE_URL = database.url;
  else env.DATA_DIR = database.dataDir;
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no start in ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const read = (chunk) => {
      output += chunk;
      const m = STARTED.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(`${m[1].replace(/\/$/, '')}/`);
      }
    };
    child.stdout.setEncoding('utf8').on('data', read);
    child.stderr.setEncoding('utf8').on('data', read);
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
  const root = new URL('/', url).href;
  return {
    url,
    root,
    process: child,
    exited,
    output: () => output,
    /** Sends `signal` (default SIGTERM) and resolves when the process is gone. */
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** A dev token from an instance's issuer: `{ role: 'operator' }` or `{ role: 'customer', customerId }`. */
export async function devToken(instance, request) {
  const response = await fetch(new URL('dev/tokens', instance.root), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  if (!response.ok) throw new Error(`POST /dev/tokens: HTTP ${response.status}`);
  return (await response.json()).token;
}
