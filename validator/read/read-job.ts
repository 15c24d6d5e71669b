/**
 * One file read, as the worker runs it: choose the reader (CSV; full xlsx; streaming xlsx for
 * large files or many merges), run it, and turn failures into a bilingual reason. Kept apart
 * from worker.ts so it can be exercised in-process too.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Workbook } from '../../rules/model';
import { memorySource } from './byte-source';
import { readCsv } from './csv';
import { precheckMerges } from './merge-precheck';
import { absurdMergeReason, REASONS, type ReadFailureReason } from './reasons';
import { MalformedWorkbookError } from './table-builder';
import type { TextEncodingName } from './text-decode';
import { readXlsxFull } from './xlsx-full';
import { readXlsxStream } from './xlsx-stream';

export type ReaderName = 'full' | 'stream' | 'csv';

export interface ReadJob {
  readonly filePath: string;
  /** What sniffing found; only readable kinds reach a reader. */
  readonly kind: 'xlsx' | 'csv';
  readonly streamThresholdBytes: number;
  /**
   * Skip the merge pre-check and always use the full reader for small files. Only for tests
   * of the worker's own guard (memory limit, timeout) against a merge bomb.
   */
  readonly unguardedFullReader?: boolean;
}

export type ReadResult =
  | {
      readonly ok: true;
      readonly workbook: Workbook;
      readonly encoding?: TextEncodingName;
      readonly reader: ReaderName;
    }
  | { readonly ok: false; readonly reason: ReadFailureReason; readonly detail?: string };

export async function runReadJob(job: ReadJob): Promise<ReadResult> {
  try {
    if (job.kind === 'csv') {
      const { workbook, encoding } = readCsv(await readFile(job.filePath), job.filePath);
      return { ok: true, workbook, encoding, reader: 'csv' };
    }
    const { size } = await stat(job.filePath);
    if (size > job.streamThresholdBytes) {
      return { ok: true, workbook: await readXlsxStream(job.filePath), reader: 'stream' };
    }
    const bytes = await readFile(job.filePath);
    if (!job.unguardedFullReader) {
      const check = await precheckMerges(memorySource(bytes));
      if (check.verdict === 'reject') {
        return {
          ok: false,
          reason: absurdMergeReason(check.sheet, check.range, check.cells),
          detail: `merged range ${check.range} covers ${check.cells} cells`,
        };
      }
      if (check.verdict === 'stream') {
        return { ok: true, workbook: await readXlsxStream(job.filePath), reader: 'stream' };
      }
    }
    return { ok: true, workbook: await readXlsxFull(bytes), reader: 'full' };
  } catch (err) {
    return { ok: false, reason: reasonForError(err, job.kind), detail: describeError(err) };
  }
}

/** A reader's exception → what to tell the user. */
export function reasonForError(err: unknown, kind: 'xlsx' | 'csv'): ReadFailureReason {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'EPERM') return REASONS.fileNotFound;
  if (err instanceof MalformedWorkbookError) return REASONS.corruptXlsx;
  // Allocation failures that V8 reports as exceptions rather than by killing the worker.
  if (err instanceof RangeError && /array length|maximum size|heap|allocation|too large/i.test(err.message)) {
    return REASONS.tooLargeOrMalformed;
  }
  return kind === 'xlsx' ? REASONS.corruptXlsx : REASONS.tooLargeOrMalformed;
}

export function describeError(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}
