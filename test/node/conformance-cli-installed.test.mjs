// The conformance command as a host gets it: the packed tarball installed into a host project
// (test/hosts/conformance-host/, test/package/host-harness.mjs), run through the
// `node_modules/.bin/invoice-elements-conformance` link npm made from package.json `bin` (so
// the shebang, the file mode and the installed dependencies, ajv among them, are what run),
// against a real HTTP server of the contract on 127.0.0.1 (test/support/contract-server.mjs).
// Runs under Node after the build: `npm run build && node --test test/node/conformance-cli-installed.test.mjs`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { hostApp } from '../package/host-harness.mjs';
import { startContractServer } from '../support/contract-server.mjs';

const TOKEN = 'installed-operator-token';
let host;
let server;

before(async () => {
  host = hostApp('conformance-host');
  server = await startContractServer({ token: TOKEN, customerTokens: true });
});

after(async () => {
  await server?.close();
  host?.remove();
});

test('the installed bin checks a live server: audience and versions pass, the report is written', async () => {
  const bin = path.join(host.app, 'node_modules/.bin/invoice-elements-conformance');
  assert.ok(existsSync(bin), 'npm linked the bin');
  const json = path.join(host.app, 'report.json');
  const { code, stdout, stderr } = await new Promise((resolve, reject) => {
    // The link itself is executed: its shebang picks node.
    execFile(
      bin,
      [server.baseUrl, '--token', TOKEN, '--only', 'audience,versions', '--json', json],
      { cwd: host.app, timeout: 240_000 },
      (error, out, err) => {
        if (error && typeof error.code !== 'number') reject(error);
        else resolve({ code: error ? error.code : 0, stdout: out, stderr: err });
      },
    );
  });
  assert.equal(code, 0, stdout + stderr);
  assert.match(stdout, /^PASS {2}audience\.list-has-no-draft: /m);
  assert.match(stdout, /^PASS {2}versions\.stale-update-conflict: /m);
  assert.match(stdout, /^PASS {2}command\.contract: /m);
  assert.doesNotMatch(stdout, /^PASS {2}(filters|sort)\./m, '--only kept the others out');
  const report = JSON.parse(await readFile(json, 'utf8'));
  assert.equal(report.failed, 0);
  assert.ok(report.results.every((r) => /^(audience|versions|command)\./.test(r.id)));
});
