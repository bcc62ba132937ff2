// The conformance command (`npx invoice-elements-conformance`, issue 23), BUILT
// (dist/testing/conformance-cli.js, the package's `bin`), run as a host would run it against a
// real HTTP server on 127.0.0.1 (test/support/contract-server.mjs: the package's msw handlers
// over a MemoryBackend, with the test-fixture endpoints). It passes against the server as it
// is; each broken variant (one broken rule each) makes it fail, exit code 1, naming the rule.
// Runs under Node after the build: `npm run build && node --test test/node/conformance-cli.test.mjs`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startContractServer } from '../support/contract-server.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
const bin = path.join(root, pkg.bin['invoice-elements-conformance']);
const TOKEN = 'operator-secret-token';

/** Runs the built command; resolves with its exit code and output (never rejects on exit 1). */
function conformance(args) {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { timeout: 240_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') reject(error);
        else resolve({ code: error ? error.code : 0, stdout, stderr });
      },
    );
  });
}

/** The report's lines `FAIL  <id>: <rule>` as [id, rule] pairs. */
const failures = (stdout) =>
  [...stdout.matchAll(/^FAIL {2}(\S+): (.*)$/gm)].map(([, id, rule]) => [id, rule]);

/** Starts a server, runs the command against it, closes the server. */
async function against(serverOptions, extraArgs = []) {
  const server = await startContractServer({ token: TOKEN, ...serverOptions });
  try {
    // A generous time limit per check: the machine may be busy (docs/CONTRIBUTING.md).
    const run = await conformance([
      server.baseUrl,
      '--token',
      TOKEN,
      '--timeout',
      '60000',
      ...extraArgs,
    ]);
    return { ...run, server };
  } finally {
    await server.close();
  }
}

// Two servers at a time: each run is a few seconds of the kit's checks over HTTP.
describe('npx invoice-elements-conformance against a real HTTP server', { concurrency: 2 }, () => {
  let dir;
  before(async () => {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`npm run build\` first.`);
    dir = await mkdtemp(path.join(tmpdir(), 'conformance-cli-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('passes against a server that keeps the contract, and cleans up', async () => {
    const json = path.join(dir, 'report.json');
    const { code, stdout, stderr, server } = await against({ customerTokens: true }, [
      '--json',
      json,
    ]);
    assert.deepEqual(failures(stdout), [], stdout + stderr);
    assert.equal(code, 0, stdout + stderr);
    assert.match(stdout, /^RESULT: the server conforms/m);
    assert.match(stdout, /Fixture endpoints: yes/);
    assert.match(stdout, /Customer tokens: {2}from POST \/conformance\/tokens/);
    assert.match(stdout, /^PASS {2}command\.contract: /m);
    assert.match(stdout, /^PASS {2}command\.cleanup: /m);
    assert.match(stdout, /^PASS {2}audience\.list-has-no-draft: /m);
    // The fault checks cannot run over a live server, and say so.
    assert.match(stdout, /^SKIP {2}faults\.\S+: /m);
    assert.match(stdout, /cannot be made to fail on purpose/);
    assert.ok(!stdout.includes(TOKEN), 'the token is not printed');
    // Every request went to 127.0.0.1, and what the run created is gone.
    assert.deepEqual([...new Set(server.hosts)], [new URL(server.baseUrl).host]);
    assert.deepEqual(server.memory.invoiceIds(), []);
    // The JSON report says the same as the text.
    const report = JSON.parse(await readFile(json, 'utf8'));
    assert.equal(report.failed, 0);
    assert.ok(report.passed > 4, `${report.passed} checks passed`);
    assert.equal(report.results.length, report.passed + report.failed + report.skipped);
    assert.equal(report.fixtureEndpoints, true);
    assert.ok(!JSON.stringify(report).includes(TOKEN), 'the token is not in the JSON report');
  });

  test('without the token the server refuses, and the run fails to start (exit 2)', async () => {
    const server = await startContractServer({ token: TOKEN });
    try {
      const { code, stderr } = await conformance([server.baseUrl]);
      assert.equal(code, 2);
      assert.match(stderr, /answered 401/);
    } finally {
      await server.close();
    }
  });

  test('a server without the fixture endpoints: read-only checks, the others skipped with the reason', async () => {
    const { code, stdout, stderr } = await against({ broken: 'no-fixtures' });
    assert.equal(code, 0, stdout + stderr);
    assert.match(stdout, /Fixture endpoints: no/);
    assert.match(stdout, /^SKIP {2}command\.fixture: /m);
    assert.match(
      stdout,
      /answered 404\), so this check, which needs invoices of its own, was not run/,
    );
    assert.match(stdout, /^PASS {2}command\.contract: /m);
    // The command's own read-only checks ran on the server's data.
    for (const id of [
      'existing.pages',
      'existing.invoice-by-id',
      'existing.customer-sees-no-draft',
    ]) {
      assert.match(stdout, new RegExp(`^PASS {2}${id.replace('.', '\\.')}: `, 'm'), id);
    }
  });

  test('a server without the fixture endpoints that shows drafts to the customer fails the read-only check', async () => {
    const { code, stdout, stderr } = await against({ broken: ['no-fixtures', 'audience-ignored'] });
    assert.equal(code, 1, stdout + stderr);
    assert.deepEqual(
      failures(stdout).map(([id]) => id),
      ['existing.customer-sees-no-draft'],
      stdout,
    );
    assert.match(stdout, /the customer audience was listed the draft/);
  });

  test('customer tokens given for other customers than the checks use: those checks skipped, with the reason', async () => {
    const { code, stdout, stderr } = await against({}, [
      '--customer-token',
      'cus-1=customer.cus-1',
      '--only',
      'audience',
    ]);
    assert.equal(code, 0, stdout + stderr);
    assert.match(stdout, /Customer tokens: {2}given with --customer-token/);
    assert.match(stdout, /^SKIP {2}audience\.list-has-no-draft: /m);
    assert.match(stdout, /No customer token for "[^"]+" \(give --customer-token [^=]+=TOKEN/);
    assert.doesNotMatch(stdout, /NotCheckableError|\[not checkable/);
  });

  // One broken rule per server; [variant, the failing check's id, what the report must say].
  const broken = [
    [
      'missing-field',
      /^command\.contract$/,
      /listInvoices body\/items\/0 must have required property 'version' \(schema #\/components\/schemas\/InvoiceSummary\/required\)/,
    ],
    ['undocumented-status', /^command\.contract$/, /status 202 is not documented for updateStatus/],
    ['drafts-to-customer', /audience/, /draft/i],
    ['ignore-if-match', /version|conflict/, /If-Match|if-match/],
    [
      'redirect-elsewhere',
      /^command\.origin$/,
      /redirected \d+ request\(s\) to another origin, e\.g\. http:\/\/127\.0\.0\.1:\d+\/api\/invoices\S* → http:\/\/localhost:\d+\/api\/invoices/,
    ],
  ];
  for (const [variant, id, says] of broken) {
    test(`fails against a server that breaks a rule: ${variant}`, async () => {
      const { code, stdout, stderr, server } = await against({
        customerTokens: true,
        broken: variant,
      });
      assert.equal(code, 1, stdout + stderr);
      assert.match(stdout, /^RESULT: FAILED$/m);
      const failed = failures(stdout);
      assert.ok(
        failed.some(([checkId]) => id.test(checkId)),
        `a failed check matching ${id}: ${JSON.stringify(failed)}`,
      );
      assert.match(stdout, says);
      // Nothing was sent anywhere else (the redirect's target is this server under `localhost`).
      assert.deepEqual([...new Set(server.hosts)], [new URL(server.baseUrl).host]);
    });
  }

  test('--help prints the usage; a bad option is exit 2', async () => {
    const help = await conformance(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: invoice-elements-conformance <baseUrl>/);
    for (const option of ['--token', '--customer-token', '--only', '--json', '--timeout']) {
      assert.ok(help.stdout.includes(option), option);
    }
    const bad = await conformance(['http://127.0.0.1:9/api', '--nope']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Unknown option --nope/);
  });
});
