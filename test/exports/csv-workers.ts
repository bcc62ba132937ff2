/**
 * A CSV worker factory for the export tests (exports/csv-export.ts, `setCsvWorkerFactory`) that
 * counts the workers made and terminated.
 */
import { setCsvWorkerFactory } from '../../src/exports/csv-export.js';

const workerUrl = new URL('../../src/exports/csv.worker.ts', import.meta.url);

/** Installs the counting factory: `made` lists the workers made, `terminated()` counts ends. */
export function countingWorkers(): { made: Worker[]; terminated: () => number } {
  const made: Worker[] = [];
  let terminated = 0;
  setCsvWorkerFactory(() => {
    const w = new Worker(workerUrl, { type: 'module' });
    const terminate = w.terminate.bind(w);
    w.terminate = () => {
      terminated++;
      terminate();
    };
    made.push(w);
    return w;
  });
  return { made, terminated: () => terminated };
}
