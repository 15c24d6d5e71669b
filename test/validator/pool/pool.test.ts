/**
 * The worker pool (validator/pool/pool.ts): workers are reused; a task whose worker runs out of
 * memory, crashes or overruns its timeout resolves with the failure value, its worker is replaced,
 * and the queue goes on.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkerPool, type TaskFailure } from '../../../validator/pool/pool';
import { prestartPoolWorker, takePrestartedWorker } from '../../../validator/pool/prestart';

let dir: string;
let workerUrl: URL;
let quitterUrl: URL;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'partner-check-pool-'));
  const file = path.join(dir, 'worker.mjs');
  writeFileSync(
    file,
    `import { parentPort, threadId } from 'node:worker_threads';
parentPort.on('message', (m) => {
  if (m === 'oom') { const keep = []; for (;;) keep.push(new Array(1e6).fill(keep.length)); }
  if (m === 'hang') { for (;;) {} }
  if (m === 'exit') process.exit(3);
  parentPort.postMessage({ echo: m, threadId });
});
`,
  );
  workerUrl = pathToFileURL(file);
  const quitter = path.join(dir, 'quitter.mjs');
  writeFileSync(quitter, 'process.exit(0);\n');
  quitterUrl = pathToFileURL(quitter);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Res = { echo?: unknown; threadId?: number; failed?: TaskFailure['kind'] };
const failed = (f: TaskFailure): Res => ({ failed: f.kind });

describe('WorkerPool', () => {
  it('reuses its workers across tasks, keeping at most `size` of them', async () => {
    const pool = new WorkerPool<unknown, Res>(workerUrl, { size: 2 });
    try {
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => pool.run(i, 10_000, failed)));
      expect(results.map((r) => r.echo)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(new Set(results.map((r) => r.threadId)).size).toBeLessThanOrEqual(2);
    } finally {
      await pool.close();
    }
  });

  it('replaces a worker that runs out of memory, crashes or times out; the other tasks still run', async () => {
    const pool = new WorkerPool<unknown, Res>(workerUrl, { size: 1, maxOldGenerationSizeMb: 32 });
    try {
      const results = await Promise.all([pool.run('a', 20_000, failed), pool.run('oom', 20_000, failed), pool.run('exit', 20_000, failed), pool.run('hang', 500, failed), pool.run('b', 20_000, failed)]);
      expect(results.map((r) => r.echo ?? r.failed)).toEqual(['a', 'out-of-memory', 'crash', 'timeout', 'b']);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('adopts the worker prestarted for its script and heap limit, and only that one', async () => {
    const waiting = prestartPoolWorker(workerUrl, 96);
    expect(prestartPoolWorker(workerUrl, 96)).toBe(waiting); // one waits per script and limit
    const other = prestartPoolWorker(workerUrl, 128);
    const pool = new WorkerPool<unknown, Res>(workerUrl, { size: 1, maxOldGenerationSizeMb: 96 });
    try {
      const [r] = await Promise.all([pool.run('x', 20_000, failed)]);
      expect(r).toEqual({ echo: 'x', threadId: waiting.threadId });
      expect(takePrestartedWorker(workerUrl, 96)).toBeUndefined(); // taken by the pool
      expect(takePrestartedWorker(workerUrl, 128)).toBe(other); // another limit: left waiting
    } finally {
      await pool.close();
      await other.terminate();
    }
  });

  it('does not adopt a prestarted worker that has exited: it starts a fresh one', async () => {
    const quitter = prestartPoolWorker(quitterUrl, 96);
    await new Promise((resolve) => quitter.once('exit', resolve));
    expect(takePrestartedWorker(quitterUrl, 96)).toBeUndefined();
    const dead = prestartPoolWorker(workerUrl, 64);
    const deadId = dead.threadId;
    await dead.terminate();
    const pool = new WorkerPool<unknown, Res>(workerUrl, { size: 1, maxOldGenerationSizeMb: 64 });
    try {
      const r = await pool.run('y', 20_000, failed);
      expect(r.echo).toBe('y');
      expect(r.threadId).not.toBe(deadId);
    } finally {
      await pool.close();
    }
  });
});
