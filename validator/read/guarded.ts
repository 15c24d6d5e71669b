/**
 * `readWorkbookFile`: the one entry point callers use to read a user's file. It sniffs the
 * file (so only a real .xlsx reaches exceljs and only text reaches the CSV reader), then parses
 * it in a worker thread with a heap limit and a timeout. Whatever the file does to the parser —
 * throw, exhaust memory (ERR_WORKER_OUT_OF_MEMORY), hang — the caller gets `ok: false` with a
 * bilingual reason, never a crash. The input file is only ever opened for reading.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PackageLimits } from '../ooxml/limits';
import type { ReadResult } from './read-job';
import { REASONS } from './reasons';
import { tablesFromData } from './table-data';

/** What the reader worker is asked to do. */
export interface ReadJob {
  readonly filePath: string;
  readonly limits?: PackageLimits;
}

export interface ReadWorkbookOptions {
  /** Give up (and terminate the worker) after this long. Default: `defaultTimeoutMs(file size)`. */
  readonly timeoutMs?: number;
  /** The worker's V8 old-generation heap limit. Default 1024 MB. */
  readonly maxOldGenerationSizeMb?: number;
  /** The reader's limits (validator/ooxml/limits.ts); default DEFAULT_LIMITS. */
  readonly limits?: PackageLimits;
}

/** `ok: true` with the model and the reader used (and a CSV's encoding), or why not. */
export type ReadWorkbookResult = ReadResult;

/**
 * The reader worker's timeout grows with the file: DEFAULT_TIMEOUT_MS plus TIMEOUT_MS_PER_MB for
 * each MB (2^20 bytes) of input, capped at MAX_TIMEOUT_MS (15 min). The reader takes
 * about 0.3–1 s per MB of .xlsx in one thread on the 2-core development container (100k-row
 * CMS export, 8 MB: 2.4–7 s; see docs/performance.md, "Issue 12"), so 3 s/MB leaves a
 * 3–5× margin for a loaded machine: 8 MB → 84 s, an 80 MB 1M-row export → 300 s, 280 MB or
 * more → 15 min. A fixed 60 s made the 1M-row export unreadable only because it was slow.
 *
 * The timeout is not what stops hostile files: the reader's limits (validator/ooxml/limits.ts)
 * refuse absurd merges and too many cells as they stream, and parts no rule needs are never
 * inflated; the worker's heap limit (maxOldGenerationSizeMb) is the backstop. Since
 * the timeout scales with the *compressed* size, a bomb gains almost nothing from it.
 */
export const DEFAULT_TIMEOUT_MS = 60_000;
export const TIMEOUT_MS_PER_MB = 3_000;
export const MAX_TIMEOUT_MS = 15 * 60_000;

/** The default timeout for a file of `bytes` bytes (see DEFAULT_TIMEOUT_MS). */
export function defaultTimeoutMs(bytes: number): number {
  const mb = Number.isFinite(bytes) && bytes > 0 ? bytes / (1024 * 1024) : 0;
  return Math.min(MAX_TIMEOUT_MS, Math.round(DEFAULT_TIMEOUT_MS + TIMEOUT_MS_PER_MB * mb));
}

function fileSizeOrZero(filePath: string): number {
  try {
    return statSync(filePath).size;
  } catch {
    return 0; // the worker reports the missing file
  }
}
export const DEFAULT_MAX_OLD_GENERATION_SIZE_MB = 1024;

/** Reads one file in a reader worker; the worker sniffs, checks the limits and parses, all on one open handle. */
export async function readWorkbookFile(filePath: string, opts: ReadWorkbookOptions = {}): Promise<ReadWorkbookResult> {
  return runReaderWorker({ filePath: path.resolve(filePath), ...(opts.limits ? { limits: opts.limits } : {}) }, opts);
}

/**
 * Runs one read job in a fresh worker under the limits. Exported for tests of the guard itself
 * (a job that bypasses the merge pre-check must still come back as `ok: false`).
 */
export function runReaderWorker(job: ReadJob, opts: Pick<ReadWorkbookOptions, 'timeoutMs' | 'maxOldGenerationSizeMb'> = {}): Promise<ReadWorkbookResult> {
  const timeoutMs = opts.timeoutMs ?? defaultTimeoutMs(fileSizeOrZero(job.filePath));
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
    worker.once('message', (result: ReadWorkbookResult) => finish(result.ok ? { ...result, workbook: tablesFromData(result.workbook) } : result));
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
