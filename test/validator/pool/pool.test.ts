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

let dir: string;
let workerUrl: URL;
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
});
