/**
 * `readWorkbookFile`: the one entry point callers use to read a user's file. It sniffs the
 * file (so only a real .xlsx reaches exceljs and only text reaches the CSV reader), then parses
 * it in a worker thread with a heap limit and a timeout. Whatever the file does to the parser —
 * throw, exhaust memory (ERR_WORKER_OUT_OF_MEMORY), hang — the caller gets `ok: false` with a
 * bilingual reason, never a crash. The input file is only ever opened for reading.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReadJob, ReadResult } from './read-job';
import { REASONS } from './reasons';
import { sniffPath } from './sniff';
import { STREAM_THRESHOLD_BYTES } from './stream-threshold';

export interface ReadWorkbookOptions {
  /** Give up (and terminate the worker) after this long. Default 60 s. */
  readonly timeoutMs?: number;
  /** The worker's V8 old-generation heap limit. Default 1024 MB. */
  readonly maxOldGenerationSizeMb?: number;
  /** xlsx files larger than this use the streaming reader. Default STREAM_THRESHOLD_BYTES. */
  readonly streamThresholdBytes?: number;
}

/** `ok: true` with the model and the reader used (and a CSV's encoding), or why not. */
export type ReadWorkbookResult = ReadResult;

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_OLD_GENERATION_SIZE_MB = 1024;

export async function readWorkbookFile(filePath: string, opts: ReadWorkbookOptions = {}): Promise<ReadWorkbookResult> {
  let sniffed;
  try {
    sniffed = sniffPath(filePath);
  } catch (err) {
    return { ok: false, reason: REASONS.fileNotFound, detail: err instanceof Error ? err.message : String(err) };
  }
  if (!sniffed.readable) return { ok: false, reason: sniffed.reason, detail: `file content is ${sniffed.kind}` };
  return runReaderWorker(
    { filePath: path.resolve(filePath), kind: sniffed.kind, streamThresholdBytes: opts.streamThresholdBytes ?? STREAM_THRESHOLD_BYTES },
    opts,
  );
}

/**
 * Runs one read job in a fresh worker under the limits. Exported for tests of the guard itself
 * (a job that bypasses the merge pre-check must still come back as `ok: false`).
 */
export function runReaderWorker(job: ReadJob, opts: Pick<ReadWorkbookOptions, 'timeoutMs' | 'maxOldGenerationSizeMb'> = {}): Promise<ReadWorkbookResult> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise((resolve) => {
    let settled = false;
    const worker = new Worker(workerFile(), {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: opts.maxOldGenerationSizeMb ?? DEFAULT_MAX_OLD_GENERATION_SIZE_MB },
      // Piped, not inherited: a crashing parser must not write into the caller's stdout (JSON reports).
      stdout: true,
      stderr: true,
    });
    // The worker prints nothing in normal operation; keep the tail of a crash's stderr as detail.
    let stderrTail = '';
    const withStderr = (detail: string) => (stderrTail.trim() ? `${detail}; stderr: ${stderrTail.trim()}` : detail);
    const finish = (result: ReadWorkbookResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
      void worker.terminate();
    };
    const timer = setTimeout(() => {
      finish({ ok: false, reason: REASONS.timedOut, detail: `reading took longer than ${timeoutMs} ms` });
    }, timeoutMs);
    worker.stdout.resume();
    worker.stderr.setEncoding('utf8');
    worker.stderr.on('data', (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-2000);
    });
    worker.once('message', (result: ReadWorkbookResult) => finish(result));
    worker.once('error', (err: Error & { code?: string }) => {
      finish({
        ok: false,
        reason: REASONS.tooLargeOrMalformed,
        detail: withStderr(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `out of memory: ${err.message}` : `${err.name}: ${err.message}`),
      });
    });
    worker.once('exit', (code) => {
      finish({ ok: false, reason: REASONS.tooLargeOrMalformed, detail: withStderr(`reader worker exited with code ${code} before answering`) });
    });
  });
}

/**
 * The bundled worker: next to this module when bundled (dist/validator/cli.mjs → worker.mjs),
 * else (TS sources under vitest or tsx) `<repoRoot>/dist/validator/worker.mjs`.
 */
export function workerFile(): URL {
  const sibling = new URL('./worker.mjs', import.meta.url);
  if (sibling.protocol === 'file:' && existsSync(fileURLToPath(sibling))) return sibling;
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const built = path.join(repoRoot, 'dist', 'validator', 'worker.mjs');
  if (!existsSync(built)) {
    throw new Error(`partner-check: the reader worker ${built} is missing; run \`node scripts/build.mjs validator\` first`);
  }
  return pathToFileURL(built);
}
