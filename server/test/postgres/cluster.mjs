/**
 * A throwaway PostgreSQL cluster for the server's tests and benchmarks (issue 24): Debian's
 * `postgresql` package (initdb, pg_ctl) in a temporary directory, on a free port of 127.0.0.1,
 * stopped and removed afterwards. initdb refuses to run as root, so as root every PostgreSQL
 * command runs as the `postgres` user (`runuser`), which owns the directory.
 *
 * PostgreSQL missing, or failing to start, is an error naming the cause: the tests that need it
 * FAIL (they are part of `npm test`; `.ci/run` installs the package). Nothing skips silently.
 */
import { execFile, execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The directory of initdb/pg_ctl: `PG_BIN`, else `pg_config --bindir`, else the newest Debian one. */
export function postgresBinDir() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim());
  } catch {
    // no pg_config on PATH (Debian keeps it in the versioned directory)
  }
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(debian, v, 'bin')));
  }
  const found = candidates.find(
    (dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')),
  );
  if (!found) {
    throw new Error(
      'PostgreSQL is not installed: no initdb/pg_ctl found (PG_BIN, pg_config, /usr/lib/postgresql/*/bin). ' +
        'Install Debian\'s "postgresql" package (.ci/run does) or set PG_BIN.',
    );
  }
  return found;
}

/** A free TCP port on 127.0.0.1 (the OS picks it; PostgreSQL binds it right after). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function postgresUser() {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error(
      'Running as root, and there is no "postgres" user to run PostgreSQL as (initdb refuses root). ' +
        'Install Debian\'s "postgresql" package, which creates it, or run the tests as another user.',
    );
  }
}

/**
 * Starts a cluster; resolves `{ url, port, dir, bin, stop(), createDatabase(name), psql(sql) }`. `url` is a `postgres://` URL of a fresh
 * database (`database`, default "invoices"), user `postgres`, trust authentication on 127.0.0.1
 * only. `stop()` stops the server (immediate) and removes the directory; it is also run if the
 * process exits first. `settings` are extra `-c name=value` server settings.
 */
export async function startPostgres({ database = 'invoices', settings = {} } = {}) {
  const bin = postgresBinDir();
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? postgresUser() : null;
  const dir = mkdtempSync(join(tmpdir(), 'invoice-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'postgres.log');
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chmodSync(dir, 0o700);
  }
  const pg = (tool, args, options = {}) =>
    owner
      ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], options)
      : run(join(bin, tool), args, options);

  let started = false;
  const stop = async () => {
    process.off('exit', stopNow);
    try {
      if (started) await pg('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '60']);
    } finally {
      started = false;
      rmSync(dir, { recursive: true, force: true });
    }
  };
  function stopNow() {
    try {
      if (started) {
        const args = ['stop', '-D', data, '-m', 'immediate', '-w'];
        if (owner) execFileSync('runuser', ['-u', 'postgres', '--', join(bin, 'pg_ctl'), ...args]);
        else execFileSync(join(bin, 'pg_ctl'), args);
      }
    } catch {
      // exiting anyway
    }
    rmSync(dir, { recursive: true, force: true });
  }
  process.on('exit', stopNow);

  try {
    await pg('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    const port = await freePort();
    const options = {
      listen_addresses: '127.0.0.1',
      port: String(port),
      unix_socket_directories: dir,
      // A test cluster: durability of PostgreSQL itself is not what these tests prove (they kill
      // the Node server, not the database), and a busy 2-core machine is slow enough.
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
      max_connections: '100',
      ...settings,
    };
    const o = Object.entries(options)
      .map(([k, v]) => `-c ${k}=${v}`)
      .join(' ');
    await pg('pg_ctl', ['start', '-D', data, '-l', log, '-w', '-t', '120', '-o', o]);
    started = true;
    await pg('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', database]);
    const url = `postgres://postgres@127.0.0.1:${port}/${database}`;
    /** Another fresh database of the cluster; resolves its URL. */
    const createDatabase = async (name) => {
      await pg('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', name]);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    };
    /** Runs SQL with psql; resolves its unaligned, tuples-only output. */
    const psql = async (sql, on = url) =>
      (await pg('psql', [on, '-XAtq', '-v', 'ON_ERROR_STOP=1', '-c', sql])).stdout.trim();
    return { url, port, dir, bin, stop, createDatabase, psql };
  } catch (error) {
    let detail = '';
    try {
      detail = readFileSync(log, 'utf8').slice(-2000);
    } catch {
      // no log yet
    }
    await stop().catch(() => {});
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(
      `PostgreSQL could not be started (${bin}): ${message}${detail ? `\n${detail}` : ''}`,
    );
  }
}
