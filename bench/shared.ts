/**
 * Timing helpers shared by the benchmark pages. Everything runs in the page; `bench/run.mjs`
 * calls the functions each page puts on `window.bench` and collects plain JSON.
 *
 * "Painted" means: the first frame whose rendering includes the change has been produced by
 * the main thread. We poll the condition at the start of every frame (in requestAnimationFrame,
 * before style, layout and paint); once it holds, a message posted from that callback runs as
 * the next task, i.e. right after that frame's style/layout/paint. `nextFrame` is the classic
 * double-rAF time (the start of the following frame), kept for comparison.
 */

export interface Painted {
  /** performance.now() right after the frame that shows the change was rendered. */
  paint: number;
  /** performance.now() at the start of the frame after it (double requestAnimationFrame). */
  nextFrame: number;
  /** Frames polled until the condition held. */
  frames: number;
}

/** Resolves after the rendering of the frame in which `condition()` first holds. */
export function paintedWhen(condition: () => boolean, timeoutMs = 30_000): Promise<Painted> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let frames = 0;
    const check = (): void => {
      frames++;
      let ok = false;
      try {
        ok = condition();
      } catch {
        ok = false;
      }
      if (ok) {
        const channel = new MessageChannel();
        let paint = 0;
        channel.port1.onmessage = () => {
          paint = performance.now();
          channel.port1.close();
        };
        channel.port2.postMessage(0);
        requestAnimationFrame(() => {
          resolve({ paint: paint || performance.now(), nextFrame: performance.now(), frames });
        });
        return;
      }
      if (performance.now() - started > timeoutMs) {
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for the condition.`));
        return;
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/** Resolves after `count` frames. */
export async function frames(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((r) => requestAnimationFrame(r));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Collects garbage when the browser was started with --js-flags=--expose-gc. */
export async function collectGarbage(): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  await sleep(20);
}

// ---- long tasks ------------------------------------------------------------------------------

const longTasks: PerformanceEntry[] = [];
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry);
  }).observe({ type: 'longtask', buffered: true });
} catch {
  // No Long Tasks API: the heartbeat below still gives an estimate.
}

/** Long tasks (≥ 50 ms, PerformanceObserver `longtask`) overlapping [from, to]. */
export function longTasksBetween(from: number, to: number): number[] {
  return longTasks
    .filter((e) => e.startTime < to && e.startTime + e.duration > from)
    .map((e) => Math.round(e.duration));
}

/**
 * A setTimeout(0) heartbeat: the largest gap between two beats bounds the longest main-thread
 * task (plus rendering) while it runs, also below the 50 ms the Long Tasks API reports.
 */
export function heartbeat(): { stop(): number } {
  let last = performance.now();
  let max = 0;
  let running = true;
  const beat = (): void => {
    const now = performance.now();
    max = Math.max(max, now - last);
    last = now;
    if (running) setTimeout(beat, 0);
  };
  setTimeout(beat, 0);
  return {
    stop() {
      running = false;
      const now = performance.now();
      return Math.max(max, now - last);
    },
  };
}

// ---- statistics ------------------------------------------------------------------------------

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const rank = Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length)));
  return s[rank - 1];
}

/** Frame intervals of requestAnimationFrame while `step(i)` runs once per frame. */
export function frameIntervals(
  count: number,
  step: (i: number) => void,
  maxMs = 60_000,
): Promise<{ intervals: number[]; work: number[]; completed: boolean }> {
  return new Promise((resolve) => {
    const stamps: number[] = [];
    const work: number[] = [];
    const begin = performance.now();
    let i = 0;
    const tick = (stamp: number): void => {
      stamps.push(stamp);
      if (i >= count || performance.now() - begin > maxMs) {
        const intervals = stamps.slice(1).map((t, k) => t - stamps[k]);
        resolve({ intervals, work, completed: i >= count });
        return;
      }
      const started = performance.now();
      step(i++);
      // Main-thread time from this callback to the end of the frame's rendering.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        work.push(performance.now() - started);
        channel.port1.close();
      };
      channel.port2.postMessage(0);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Frame-interval statistics, in ms. `missed` counts intervals over 20 ms (a vsync missed). */
export function frameStats(intervals: readonly number[]) {
  return {
    frames: intervals.length,
    p50: round(percentile(intervals, 50), 2),
    p95: round(percentile(intervals, 95), 2),
    p99: round(percentile(intervals, 99), 2),
    max: round(Math.max(...intervals), 2),
    missed: intervals.filter((v) => v > 20).length,
  };
}

declare global {
  interface Window {
    bench: Record<string, (...args: never[]) => unknown>;
    benchReady?: boolean;
  }
}

/** Puts a page's benchmark functions on `window.bench` for `bench/run.mjs`. */
export function expose(api: Record<string, (...args: never[]) => unknown>): void {
  window.bench = api;
  window.benchReady = true;
}
