/**
 * A pool worker started before the CLI bundle is loaded. Loading the CLI bundle and loading the
 * checker in a fresh worker take about 0.3 s each; a `validate` that starts its first worker
 * first runs the two loads side by side on two cores instead of one after the other
 * (bin/partner-check.mjs calls `prestartPoolWorker` for `validate`; `WorkerPool` adopts the
 * worker when it needs its first one). A worker nobody adopts is unreferenced, so it never keeps
 * the process alive (a `validate` refused for a bad option exits as before).
 *
 * The worker is found again through a process-wide registry: this module is bundled twice (the
 * small dist/validator/prestart.mjs and the CLI bundle), so a module-level variable would not be
 * shared.
 */
import { Worker } from 'node:worker_threads';

/** The V8 old-generation limit of a pool worker unless the pool says otherwise. */
export const DEFAULT_MAX_OLD_GENERATION_MB = 1024;

/** A new pool worker for `file` (the one way pool workers are made, so adopted ones are alike). */
export function newPoolWorker(file: URL, maxOldGenerationSizeMb: number = DEFAULT_MAX_OLD_GENERATION_MB): Worker {
  return new Worker(file, {
    // An 8 MB young generation (V8's default is larger). With shared cells most of what a check
    // allocates is short-lived: the 100k-row validate peaks at 243–253 MB instead of 248–261 MB
    // (16 MB) or 313–328 MB (64 MB) at the same CPU time (7.7–8.7 s each, three interleaved runs
    // of each on the loaded machine), and 1,000,000 rows take no longer (95 s CPU vs 99–112 s).
    // Before the cells were shared, 16 MB took a 52,000-shop upload from 393–405 MB to ~353 MB.
    resourceLimits: { maxOldGenerationSizeMb, maxYoungGenerationSizeMb: 8 },
    // Piped, not inherited: a crashing parser must not write into the caller's stdout (JSON reports).
    stdout: true,
    stderr: true,
  });
}

interface Prestarted {
  readonly worker: Worker;
  exited: boolean;
}

const REGISTRY = Symbol.for('partner-check.prestarted-pool-workers');

function registry(): Map<string, Prestarted> {
  const g = globalThis as { [REGISTRY]?: Map<string, Prestarted> };
  return (g[REGISTRY] ??= new Map());
}

const keyOf = (file: URL, maxOldGenerationSizeMb: number) => `${file.href}\u0000${maxOldGenerationSizeMb}`;

/** Starts one worker for a pool of `file` with this heap limit, unless one is already waiting; returns the waiting worker. */
export function prestartPoolWorker(file: URL, maxOldGenerationSizeMb: number = DEFAULT_MAX_OLD_GENERATION_MB): Worker {
  const key = keyOf(file, maxOldGenerationSizeMb);
  const waiting = registry();
  const known = waiting.get(key);
  if (known && !known.exited) return known.worker;
  const entry: Prestarted = { worker: newPoolWorker(file, maxOldGenerationSizeMb), exited: false };
  // Until a pool adopts it: a worker that fails to start is forgotten, never an uncaught error.
  entry.worker.on('error', () => {});
  entry.worker.on('exit', () => {
    entry.exited = true;
  });
  entry.worker.unref();
  waiting.set(key, entry);
  return entry.worker;
}

/** The waiting worker for `file` and this heap limit, taken out of the registry; undefined if none is alive. */
export function takePrestartedWorker(file: URL, maxOldGenerationSizeMb: number): Worker | undefined {
  const key = keyOf(file, maxOldGenerationSizeMb);
  const waiting = registry();
  const entry = waiting.get(key);
  if (!entry) return undefined;
  waiting.delete(key);
  return entry.exited ? undefined : entry.worker;
}
