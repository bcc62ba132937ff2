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
// Environment: WEBKIT_DRIVER_LOG=1 shows WebKitWebDriver's own output. WEBKITWEBDRIVER_PATH, XVFB_PATH and
// MINIBROWSER_PATH (read by the config) point at other binaries.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const wtrBin = join(dirname(require.resolve('@web/test-runner')), 'bin.js');
const config = 'web-test-runner.webkit.config.js';

const driverPath = process.env.WEBKITWEBDRIVER_PATH || '/usr/bin/WebKitWebDriver';
const xvfbPath = process.env.XVFB_PATH || '/usr/bin/Xvfb';
/** Debian installs MiniBrowser under the multiarch library directory. */
function findMiniBrowser() {
  const fallback = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
  if (existsSync(fallback)) return fallback;
  for (const dir of existsSync('/usr/lib') ? readdirSync('/usr/lib') : []) {
    const candidate = join('/usr/lib', dir, 'webkit2gtk-4.1/MiniBrowser');
    if (existsSync(candidate)) return candidate;
  }
  return fallback;
}
const miniBrowserPath = process.env.MINIBROWSER_PATH || findMiniBrowser();
const shards = Math.max(1, Number(process.env.WEBKIT_SHARDS) || 2);
const wtrArgs = process.argv.slice(2);

const needs = [
  [driverPath, 'webkit2gtk-driver'],
  [xvfbPath, 'xvfb'],
  [miniBrowserPath, 'libwebkit2gtk-4.1-0'],
];
const missing = needs.filter(([path]) => !existsSync(path));
if (missing.length > 0) {
  for (const [path, pkg] of missing)
    console.error(`test-webkit: ${path} not found (Debian package ${pkg})`);
  console.error(`test-webkit: apt-get install ${missing.map(([, pkg]) => pkg).join(' ')}`);
  process.exit(1);
}

/** Processes this script started, stopped in reverse order at the end. */
const children = [];
let cleaning;

function log(message) {
  console.log(`test-webkit: ${message}`);
}

/** Each child leads its own process group, so stopping it stops what it spawned (MiniBrowser). */
function start(command, args, options = {}) {
  const child = spawn(command, args, { detached: true, ...options });
  children.push(child);
  return child;
}

function exited(child) {
  return child.exitCode !== null || child.signalCode !== null;
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Stops every child; every caller waits for the same, single cleanup. */
function cleanup() {
  cleaning ??= stopAll();
  return cleaning;
}

async function stopAll() {
  for (const child of [...children].reverse()) {
    if (child.pid === undefined) continue;
    killGroup(child, 'SIGTERM');
    const deadline = Date.now() + 3000;
    while (!exited(child) && Date.now() < deadline) await sleep(50);
    // The group may outlive its leader (a MiniBrowser or web process still closing).
    killGroup(child, 'SIGKILL');
  }
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Starts Xvfb on the first free display; resolves with ":N". */
function startXvfb() {
  return new Promise((resolve, reject) => {
    const xvfb = start(
      xvfbPath,
      ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    let out = '';
    xvfb.stderr.on('data', (d) => (stderr += d));
    xvfb.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    xvfb.on('error', reject);
    xvfb.on('exit', (code) =>
      reject(new Error(`Xvfb exited (${code}) before it was ready:\n${stderr}`)),
    );
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startDriver(display) {
  const port = await freePort();
  const verbose = Boolean(process.env.WEBKIT_DRIVER_LOG);
  const driver = start(driverPath, [`--port=${port}`], {
    env: {
      // Without a GPU, WebKitGTK's accelerated compositing paints a frame of a long scroller in
      // 100-600 ms under Xvfb; the non-composited mode paints it in one vsync (16 ms).
      WEBKIT_DISABLE_COMPOSITING_MODE: '1',
      ...process.env,
      DISPLAY: display,
    },
    stdio: ['ignore', verbose ? 'inherit' : 'ignore', verbose ? 'inherit' : 'pipe'],
  });
  let stderr = '';
  driver.stderr?.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (exited(driver)) throw new Error(`WebKitWebDriver exited (${driver.exitCode}):\n${stderr}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return port;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`WebKitWebDriver did not answer on port ${port}`);
    await sleep(100);
  }
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
