#!/usr/bin/env node
// Keeps the machine's cores busy for a bounded time, to run the browser suites as they run on a
// loaded CI machine (issue 19): one spinning worker thread per core, stopped after a hard time
// limit, on Ctrl-C, or when the command given after `--` ends.
//
//   node scripts/busy.mjs                          spin every core for 15 minutes
//   node scripts/busy.mjs --minutes 30 --workers 2
//   node scripts/busy.mjs -- npx wtr --static-logging   spin while the command runs (its exit code)
//
// The spinners run at normal priority: they compete with the browsers for every core. The load
// average (1, 5, 15 min) is printed every minute and at the end; note it with the run's results.
import { spawn } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';

const args = process.argv.slice(2);
const dashDash = args.indexOf('--');
const own = dashDash === -1 ? args : args.slice(0, dashDash);
const command = dashDash === -1 ? [] : args.slice(dashDash + 1);

function option(name, fallback) {
  const i = own.indexOf(`--${name}`);
  if (i === -1) return fallback;
  const value = Number(own[i + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} wants a positive number`);
  return value;
}

const minutes = option('minutes', 15);
const workers = Math.round(option('workers', availableParallelism()));
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

// Each worker spins, checking the clock now and then, and ends by itself at the deadline even
// if this process were killed without a chance to stop it.
const deadline = Date.now() + minutes * 60_000;
const spinner = `
  const { workerData } = require('node:worker_threads');
  let x = 0;
  while (Date.now() < workerData.deadline) {
    for (let i = 0; i < 1e6; i++) x = (x * 31 + i) | 0;
  }
`;
const threads = Array.from(
  { length: workers },
  () => new Worker(spinner, { eval: true, workerData: { deadline } }),
);
console.error(
  `busy: ${workers} spinning threads for at most ${minutes} min (load average ${load()})`,
);
const ticker = setInterval(() => console.error(`busy: load average ${load()}`), 60_000);

let child;
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  clearInterval(ticker);
  clearTimeout(limit);
  await Promise.all(threads.map((t) => t.terminate()));
  console.error(`busy: stopped (load average ${load()})`);
  process.exit(code);
}

const limit = setTimeout(() => {
  console.error(`busy: time limit of ${minutes} min reached`);
  if (child) child.kill('SIGTERM');
  void stop(child ? 124 : 0);
}, minutes * 60_000);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child) child.kill(signal);
    void stop(130);
  });
}

if (command.length > 0) {
  child = spawn(command[0], command.slice(1), { stdio: 'inherit' });
  child.on('exit', (code, signal) => void stop(code ?? (signal ? 1 : 0)));
  child.on('error', (error) => {
    console.error(`busy: ${error.message}`);
    void stop(1);
  });
}
