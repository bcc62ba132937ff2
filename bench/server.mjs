#!/usr/bin/env node
/**
 * `npm run bench:server`: the reference server at 1,000,000 invoices on a real PostgreSQL
 * (docs/PERFORMANCE.md, "Reference server at 1,000,000 invoices"). Not part of `npm test`.
 *
 * 1. A throwaway cluster (server/test/postgres/cluster.mjs), the server's migrations, then
 *    bench/server-seed.sql: 1,000,000 invoices by generate_series (the indexes dropped while
 *    inserting and built again after, then ANALYZE).
 * 2. The server in this process on 127.0.0.1 (server/dist, built when stale), an operator token of
 *    reseller-1 (909,080 invoices in scope) and a customer token.
 * 3. Over HTTP, each listing: the default, each filter, each sort in both directions, each for
 *    the first page and a deep page (offset 100,000, or the last page when fewer), timed end to
 *    end (one warm-up, then `--runs` runs, median and max).
 * 4. With PostgreSQL's auto_explain on, each request once more: the plans of the server's own
 *    queries (the count and the page), EXPLAIN ANALYZE, from the server log.
 *
 * Writes bench-results/server-1m.json and bench-results/server-1m.md (the table and the plans).
 * Options: --runs=N (default 3), --rows=N (default 1,000,000; the seed's generate_series).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startPostgres } from '../server/test/postgres/cluster.mjs';
import { ensureServerBuilt } from '../scripts/start.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const RUNS = Number(args.runs ?? 3);
const ROWS = Number(args.rows ?? 1_000_000);
const DEEP = 100_000;
const LIMIT = 50;

const elapsed = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

ensureServerBuilt();
const server = await import(pathToFileURL(join(root, 'server/dist/index.js')).href);

console.log('Starting PostgreSQL…');
const postgres = await startPostgres({
  settings: {
    shared_buffers: '256MB',
    work_mem: '16MB',
    maintenance_work_mem: '256MB',
    max_wal_size: '4GB',
    // Loaded in every session, off (log_min_duration -1) until the plans are asked for below;
    // those settings go through ALTER SYSTEM, which a command-line setting would override.
    session_preload_libraries: 'auto_explain',
  },
});
const logFile = join(postgres.dir, 'postgres.log');
const db = await server.openDatabase({ url: postgres.url });
let api;
try {
  await server.migrate(db);
  const indexes = await db.query(
    `SELECT indexname, indexdef FROM pg_indexes
     WHERE tablename = 'invoices' AND indexname NOT LIKE '%_pkey'`,
  );
  let t = process.hrtime.bigint();
  for (const { indexname } of indexes.rows) await db.exec(`DROP INDEX ${indexname}`);
  const seedSql = readFileSync(join(root, 'bench/server-seed.sql'), 'utf8').replace(
    'generate_series(1, 1000000)',
    `generate_series(1, ${ROWS})`,
  );
  console.log(`Seeding ${ROWS.toLocaleString('en')} invoices…`);
  await db.exec(seedSql);
  const seedMs = elapsed(t);
  t = process.hrtime.bigint();
  for (const { indexdef } of indexes.rows) await db.exec(indexdef);
  await db.exec('VACUUM ANALYZE');
  const indexMs = elapsed(t);
  const size = (await db.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS s`))
    .rows[0].s;
  console.log(
    `Seeded in ${(seedMs / 1000).toFixed(1)} s, indexed in ${(indexMs / 1000).toFixed(1)} s (${size}).`,
  );

  const tokens = server.createTokens();
  api = server.createServer({ db, tokens });
  const { url } = await api.listen(0, '127.0.0.1');
  const base = `${url}/`;
  const operator = tokens.issue({ role: 'operator', resellerId: 'reseller-1' });
  const customer = tokens.issue({
    role: 'customer',
    resellerId: 'reseller-1',
    customerId: 'bc-17',
  });

  const get = async (token, path) => {
    const start = process.hrtime.bigint();
    const response = await fetch(new URL(path, base), {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = await response.json();
    const ms = elapsed(start);
    if (response.status !== 200)
      throw new Error(`${path}: HTTP ${response.status} ${JSON.stringify(body)}`);
    return { ms, body };
  };

  const SORTS = ['documentId', 'customer', 'provider', 'period', 'status', 'total', 'generatedAt'];
  const cases = [
    { name: 'default (period, newest first)', query: '' },
    { name: 'filter: customer', query: 'customerId=bc-17' },
    { name: 'filter: period (3 months)', query: 'from=2025-01&to=2025-03' },
    { name: 'filter: status OPEN', query: 'status=OPEN' },
    { name: 'filter: status DRAFT', query: 'status=DRAFT' },
    { name: 'filter: provider', query: 'provider=aws' },
    { name: 'filter: document text', query: 'q=0012345' },
    { name: 'filter: customer + period', query: 'customerId=bc-17&from=2024-01&to=2024-12' },
    ...SORTS.flatMap((key) => [
      { name: `sort: ${key} ↑`, query: `sort=${key}` },
      { name: `sort: ${key} ↓`, query: `sort=-${key}` },
    ]),
    { name: 'customer token: default', query: '', token: customer },
  ];

  const results = [];
  const pathOf = (c, offset) =>
    `invoices?${[c.query, `offset=${offset}`, `limit=${LIMIT}`].filter(Boolean).join('&')}`;
  for (const c of cases) {
    const token = c.token ?? operator;
    const first = await get(token, pathOf(c, 0));
    const total = first.body.total;
    const deepOffset = Math.max(0, Math.min(DEEP, total - LIMIT));
    for (const [page, offset] of [
      ['first', 0],
      ['deep', deepOffset],
    ]) {
      if (page === 'deep' && offset === 0) continue;
      await get(token, pathOf(c, offset));
      const times = [];
      for (let i = 0; i < RUNS; i++) times.push((await get(token, pathOf(c, offset))).ms);
      results.push({
        name: c.name,
        page,
        offset,
        total,
        medianMs: median(times),
        maxMs: Math.max(...times),
        path: pathOf(c, offset),
        token: c.token ? 'customer' : 'operator',
      });
      console.log(
        `${c.name.padEnd(34)} ${page.padEnd(5)} offset ${String(offset).padStart(7)} of ${String(total).padStart(7)}: ${median(times).toFixed(1)} ms`,
      );
    }
  }

  // The plans: auto_explain logs every statement of the server with EXPLAIN ANALYZE.
  for (const setting of [
    'auto_explain.log_min_duration = 0',
    'auto_explain.log_analyze = on',
    'auto_explain.log_buffers = on',
  ])
    await db.exec(`ALTER SYSTEM SET ${setting}`);
  await db.exec('SELECT pg_reload_conf()');
  await new Promise((resolve) => setTimeout(resolve, 500)); // the reload reaches the backends
  for (const r of results) {
    const before = statSync(logFile).size;
    await get(r.token === 'customer' ? customer : operator, r.path);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the log is written
    const text = (await readFile(logFile, 'utf8')).slice(before);
    r.plans = text
      .split(/^.*LOG:\s+duration: /m)
      .slice(1)
      .map((chunk) => {
        const [head, ...lines] = chunk.split('\n');
        const ms = Number.parseFloat(head);
        // The query text runs over several lines, up to the plan's first node.
        const planAt = lines.findIndex((l) => /\(cost=/.test(l));
        const query = lines
          .slice(0, planAt)
          .join(' ')
          .replace(/^\s*Query Text:\s*/, '')
          .replace(/\s+/g, ' ');
        const nodes = lines
          .slice(planAt)
          .filter((l) => /\(cost=/.test(l))
          .map((l) =>
            l
              .replace(/\s+\(cost=.*$/, '')
              .replace(/^\s*(->\s*)?/, '')
              .trim(),
          );
        return { ms, query, nodes };
      })
      .filter((p) => /FROM invoices/i.test(p.query))
      .map((p) => ({
        ...p,
        query: p.query.replace(/jsonb_build_object\(.*\) AS summary/, '… AS summary'),
      }));
  }

  const report = { rows: ROWS, seedMs, indexMs, size, runs: RUNS, limit: LIMIT, results };
  await mkdir(join(root, 'bench-results'), { recursive: true });
  await writeFile(
    join(root, 'bench-results/server-1m.json'),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  const md = [
    `Seeded ${ROWS.toLocaleString('en')} invoices in ${(seedMs / 1000).toFixed(0)} s, indexed in ${(indexMs / 1000).toFixed(0)} s; database ${size}.`,
    '',
    '| listing | page | offset | matching | median ms | max ms | plan (count; page) |',
    '| --- | --- | ---: | ---: | ---: | ---: | --- |',
    ...results.map((r) => {
      const plan = (r.plans ?? [])
        .map((p) => `${p.nodes.slice(0, 3).join(' → ')} (${p.ms.toFixed(0)} ms)`)
        .join('; ');
      return `| ${r.name} | ${r.page} | ${r.offset} | ${r.total} | ${r.medianMs.toFixed(0)} | ${r.maxMs.toFixed(0)} | ${plan} |`;
    }),
  ].join('\n');
  await writeFile(join(root, 'bench-results/server-1m.md'), `${md}\n`);
  console.log(`\n${md}\n\nWritten to bench-results/server-1m.json and server-1m.md.`);
} finally {
  await api?.close();
  await db.close();
  await postgres.stop();
}
