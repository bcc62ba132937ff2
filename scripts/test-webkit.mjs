#!/usr/bin/env node
// Runs the browser suite in WebKit (issue 19): starts an X display (Xvfb), then WebKitWebDriver
// (Debian's webkit2gtk-driver) on a free port, then web-test-runner with
// web-test-runner.webkit.config.js, which drives WebKitGTK's MiniBrowser through that driver.
// Everything it started is stopped when the run ends, passes or fails, or is interrupted.
//
//   npm run test:webkit                                        the whole suite
//   npm run test:webkit -- --files test/core/money.test.ts    one file (any wtr option passes on)
//
// The whole suite runs in 2 shards: 2 web-test-runner processes, each with its own Xvfb,
// WebKitWebDriver and MiniBrowser (a driver holds one session at a time), over half the files
// each; their output is printed shard by shard. WEBKIT_SHARDS=N sets the number (1: one
// process, live output). A run given --files is never sharded.
// The launch code (Xvfb, WebKitWebDriver, stopping them) is scripts/webkit.mjs.
// Environment: WEBKIT_DRIVER_LOG=1 shows WebKitWebDriver's own output. WEBKITWEBDRIVER_PATH, XVFB_PATH and
// MINIBROWSER_PATH (read by the config) point at other binaries.
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MINIBROWSER_PATH, freePort, missingWebkit, webkitProcesses } from './webkit.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const wtrBin = join(dirname(require.resolve('@web/test-runner')), 'bin.js');
const config = 'web-test-runner.webkit.config.js';

const miniBrowserPath = MINIBROWSER_PATH;
const shards = Math.max(1, Number(process.env.WEBKIT_SHARDS) || 2);
const wtrArgs = process.argv.slice(2);

const missing = missingWebkit();
if (missing.length > 0) {
  for (const [path, pkg] of missing)
    console.error(`test-webkit: ${path} not found (Debian package ${pkg})`);
  console.error(`test-webkit: apt-get install ${missing.map(([, pkg]) => pkg).join(' ')}`);
  process.exit(1);
}

/** Processes this script started (Xvfb, WebKitWebDriver, web-test-runner: scripts/webkit.mjs). */
const { start, startXvfb, startDriver, cleanup } = webkitProcesses();

function log(message) {
  console.log(`test-webkit: ${message}`);
}

/** The suite's files (the main config's default glob), split round-robin over the shards. */
function shardFiles() {
  const testDir = join(root, 'test');
  const files = readdirSync(testDir, { recursive: true })
    .map((f) => join(testDir, f))
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => relative(root, f))
    .sort();
  const groups = Array.from({ length: shards }, () => []);
  files.forEach((f, i) => groups[i % shards].push(f));
  return groups.filter((g) => g.length > 0);
}

/**
 * Runs web-test-runner against one driver. With `label`, its output is kept and printed whole
 * when it ends (shards would interleave their lines); resolves with its exit code and output.
 */
async function runWtr(port, display, { env = {}, label } = {}) {
  // Each run's test server on a port of its own: shards started together would otherwise race
  // for web-test-runner's default port (8000) with each other and with any other run.
  const serverPort = wtrArgs.includes('--port') ? [] : ['--port', String(await freePort())];
  return new Promise((resolve) => {
    const wtr = start(
      process.execPath,
      [wtrBin, '--config', config, '--static-logging', ...serverPort, ...wtrArgs],
      {
        cwd: root,
        env: {
          ...process.env,
          ...env,
          DISPLAY: display,
          WEBKIT_WEBDRIVER_PORT: String(port),
          MINIBROWSER_PATH: miniBrowserPath,
        },
        stdio: label ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      },
    );
    let output = '';
    wtr.stdout?.on('data', (d) => (output += d));
    wtr.stderr?.on('data', (d) => (output += d));
    wtr.on('exit', (code, signal) => {
      if (label) process.stdout.write(`\n===== ${label} =====\n${output}\n`);
      resolve({ code: code ?? (signal ? 1 : 0), output });
    });
  });
}

/** The last "N passed, N failed[, N skipped]" of a run's output, as numbers. */
function counts(output) {
  const plain = output.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g'), '');
  const all = [...plain.matchAll(/(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/g)];
  const last = all.at(-1);
  return last ? [Number(last[1]), Number(last[2]), Number(last[3] ?? 0)] : [0, 0, 0];
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, async () => {
    log(`${signal}: stopping`);
    await cleanup();
    process.exit(130);
  });
}

let exitCode = 1;
const t0 = Date.now();
try {
  const sharded = shards > 1 && !wtrArgs.some((a) => a === '--files' || a.startsWith('--files='));
  if (sharded) {
    // Each shard has its own display, driver and MiniBrowser, so no window takes another's focus.
    const groups = shardFiles();
    const displays = [];
    while (displays.length < groups.length) displays.push(await startXvfb());
    const ports = await Promise.all(displays.map((display) => startDriver(display)));
    log(
      `${groups.length} shards: ` +
        groups.map((g, i) => `${g.length} files on ${displays[i]}, port ${ports[i]}`).join('; '),
    );
    const runs = await Promise.all(
      groups.map((files, i) =>
        runWtr(ports[i], displays[i], {
          env: { WTR_FILES: files.join(',') },
          label: `WebKit shard ${i + 1}/${groups.length}`,
        }),
      ),
    );
    exitCode = runs.find((r) => r.code !== 0)?.code ?? 0;
    const [passed, failed, skipped] = runs
      .map((r) => counts(r.output))
      .reduce((a, b) => a.map((n, i) => n + b[i]));
    log(`all shards: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  } else {
    const display = await startXvfb();
    const port = await startDriver(display);
    log(`Xvfb on ${display}; WebKitWebDriver on port ${port}`);
    exitCode = (await runWtr(port, display)).code;
  }
} catch (error) {
  console.error(`test-webkit: ${error instanceof Error ? error.message : error}`);
  exitCode = 1;
} finally {
  await cleanup();
}
log(`finished in ${((Date.now() - t0) / 1000).toFixed(1)} s, exit code ${exitCode}`);
process.exit(exitCode);
