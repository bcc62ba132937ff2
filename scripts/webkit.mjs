// WebKit as the node-side checks drive it: WebKitGTK's MiniBrowser through WebKitWebDriver
// (Debian's webkit2gtk-driver, libwebkit2gtk-4.1-0) on an X display of its own (Xvfb). Shared by
// scripts/test-webkit.mjs (the browser suite) and test/package/host-drivers.mjs (the consumer
// matrix). `webkitProcesses()` starts the processes and stops every one it started.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const DRIVER_PATH = process.env.WEBKITWEBDRIVER_PATH || '/usr/bin/WebKitWebDriver';
export const XVFB_PATH = process.env.XVFB_PATH || '/usr/bin/Xvfb';

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
export const MINIBROWSER_PATH = process.env.MINIBROWSER_PATH || findMiniBrowser();

/** The binaries that are missing, each with its Debian package (empty when all are there). */
export function missingWebkit() {
  return [
    [DRIVER_PATH, 'webkit2gtk-driver'],
    [XVFB_PATH, 'xvfb'],
    [MINIBROWSER_PATH, 'libwebkit2gtk-4.1-0'],
  ].filter(([path]) => !existsSync(path));
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
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

/**
 * A set of processes: `start` (each child leads its own process group, so stopping it stops
 * what it spawned: MiniBrowser), `startXvfb`, `startDriver`, and `cleanup`, which stops them all
 * in reverse order (every caller waits for the same, single cleanup).
 */
export function webkitProcesses() {
  const children = [];
  let cleaning;

  function start(command, args, options = {}) {
    const child = spawn(command, args, { detached: true, ...options });
    children.push(child);
    return child;
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

  /** Starts Xvfb on the first free display; resolves with ":N". */
  function startXvfb() {
    return new Promise((resolve, reject) => {
      const xvfb = start(
        XVFB_PATH,
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

  /** Starts WebKitWebDriver on `display` and a free port; resolves with the port once it answers. */
  async function startDriver(display) {
    const port = await freePort();
    const verbose = Boolean(process.env.WEBKIT_DRIVER_LOG);
    const driver = start(DRIVER_PATH, [`--port=${port}`], {
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
      if (exited(driver)) {
        throw new Error(`WebKitWebDriver exited (${driver.exitCode}):\n${stderr}`);
      }
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

  return {
    start,
    startXvfb,
    startDriver,
    cleanup: () => (cleaning ??= stopAll()),
  };
}
