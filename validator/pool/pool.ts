/**
 * A reusable pool of worker threads (one per core by default, `--jobs N`). Each task runs in an
 * idle worker under a V8 heap limit and a timeout; the worker answers with a small result (a
 * file's report, never its model). A worker that runs out of memory, crashes or overruns its
 * timeout is terminated and replaced, and that one task resolves with the caller's failure
 * value; the queue goes on. Workers stay alive between tasks, so the rules and readers load once
 * per worker, not once per file.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { DEFAULT_MAX_OLD_GENERATION_MB, newPoolWorker, takePrestartedWorker } from './prestart.js';

export interface PoolOptions {
  /** Workers (default: one per core). */
  readonly size?: number;
  /** Each worker's V8 old-generation limit (default 1024 MB). */
  readonly maxOldGenerationSizeMb?: number;
}

/** Why a task did not produce a result. */
export interface TaskFailure {
  readonly kind: 'timeout' | 'out-of-memory' | 'crash';
  readonly detail: string;
}

interface Pending<Req, Res> {
  readonly request: Req;
  readonly timeoutMs: number;
  readonly onFailure: (failure: TaskFailure) => Res;
  readonly resolve: (value: Res) => void;
}

interface Slot {
  worker: Worker;
  busy: boolean;
  stderrTail: string;
}

export function defaultPoolSize(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

export class WorkerPool<Req, Res> {
  private readonly slots: Slot[] = [];
  private readonly queue: Array<Pending<Req, Res>> = [];
  private readonly size: number;
  private closed = false;

  constructor(
    private readonly file: URL,
    private readonly opts: PoolOptions = {},
  ) {
    this.size = Math.max(1, Math.floor(opts.size ?? defaultPoolSize()));
  }

  /** Runs one task; never rejects (a failed worker gives `onFailure(…)`). */
  run(request: Req, timeoutMs: number, onFailure: (failure: TaskFailure) => Res): Promise<Res> {
    if (this.closed) return Promise.resolve(onFailure({ kind: 'crash', detail: 'the worker pool is closed' }));
    return new Promise<Res>((resolve) => {
      this.queue.push({ request, timeoutMs, onFailure, resolve });
      this.dispatch();
    });
  }

  /** Terminates every worker (pending tasks fail). */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.resolve(p.onFailure({ kind: 'crash', detail: 'the worker pool is closed' }));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot) {
        if (this.slots.length >= this.size) return;
        slot = this.spawn();
      }
      this.start(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    const maxOld = this.opts.maxOldGenerationSizeMb ?? DEFAULT_MAX_OLD_GENERATION_MB;
    const worker = takePrestartedWorker(this.file, maxOld) ?? newPoolWorker(this.file, maxOld);
    const slot: Slot = { worker, busy: false, stderrTail: '' };
    worker.stdout.resume();
    worker.stderr.setEncoding('utf8');
    worker.stderr.on('data', (chunk: string) => {
      slot.stderrTail = (slot.stderrTail + chunk).slice(-2000);
    });
    // A worker's 'error' may come after its 'exit' (or after the task settled): always listen, so
    // it never becomes an uncaught exception of this process. An idle worker that exits is forgotten.
    worker.on('error', () => {});
    worker.on('exit', () => {
      if (!slot.busy) this.discard(slot);
    });
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, task: Pending<Req, Res>): void {
    slot.busy = true;
    slot.stderrTail = '';
    const { worker } = slot;
    worker.ref();
    let settled = false;
    const cleanup = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const fail = (failure: TaskFailure) => {
      if (settled) return;
      settled = true;
      cleanup();
      this.discard(slot);
      const tail = slot.stderrTail.trim();
      task.resolve(task.onFailure(tail ? { ...failure, detail: `${failure.detail}; stderr: ${tail}` } : failure));
      this.dispatch();
    };
    const onMessage = (result: Res) => {
      if (settled) return;
      settled = true;
      cleanup();
      slot.busy = false;
      worker.unref();
      task.resolve(result);
      this.dispatch();
    };
    const onError = (err: Error & { code?: string }) =>
      fail(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'out-of-memory', detail: `out of memory: ${err.message}` } : { kind: 'crash', detail: `${err.name}: ${err.message}` });
    const onExit = (code: number) => fail({ kind: 'crash', detail: `worker exited with code ${code} before answering` });
    const timer = setTimeout(() => fail({ kind: 'timeout', detail: `took longer than ${task.timeoutMs} ms` }), task.timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(task.request);
  }

  private discard(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    void slot.worker.terminate();
  }
}

/**
 * A bundled worker script: next to this module when bundled (dist/validator/cli.mjs → name.mjs),
 * else (TS sources under vitest or tsx) `<repoRoot>/dist/validator/name.mjs`.
 */
export function bundledWorker(name: string, from: string = import.meta.url): URL {
  const sibling = new URL(`./${name}.mjs`, from);
  if (sibling.protocol === 'file:' && existsSync(fileURLToPath(sibling))) return sibling;
  const repoRoot = path.resolve(path.dirname(fileURLToPath(from)), '..', '..');
  const built = path.join(repoRoot, 'dist', 'validator', `${name}.mjs`);
  if (!existsSync(built)) {
    throw new Error(`partner-check: the worker ${built} is missing; run \`node scripts/build.mjs validator\` first`);
  }
  return pathToFileURL(built);
}
