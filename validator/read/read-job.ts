/**
 * One file read, as the worker runs it: choose the reader (CSV; full xlsx; streaming xlsx for
 * large files or many merges), run it, and turn failures into a bilingual reason. Kept apart
 * from worker.ts so it can be exercised in-process too.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Workbook } from '../../rules/model';
import { memorySource, type ByteSource } from './byte-source';
import { readCsv } from './csv';
import { precheckMerges } from './merge-precheck';
import { worksheetNamesByPart } from './ooxml-parts';
import { absurdMergeReason, REASONS, type ReadFailureReason } from './reasons';
import { MalformedWorkbookError } from './table-builder';
import type { TextEncodingName } from './text-decode';
import { readXlsxFull } from './xlsx-full';
import { readXlsxStream } from './xlsx-stream';
import { readZipDirectory } from './zip';

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
      if (hasTabNameFullReaderRefuses(memorySource(bytes))) {
        return { ok: true, workbook: await readXlsxStream(job.filePath), reader: 'stream' };
      }
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
    try {
      return { ok: true, workbook: await readXlsxFull(bytes), reader: 'full' };
    } catch (err) {
      // A tab name the pre-check did not see (e.g. an unusual workbook.xml): the streaming
      // reader never validates names, so it reads the file and keeps the name exactly.
      if (!isTabNameRefusal(err)) throw err;
      return { ok: true, workbook: await readXlsxStream(job.filePath), reader: 'stream' };
    }
  } catch (err) {
    return { ok: false, reason: reasonForError(err, job.kind), detail: describeError(err) };
  }
}

/** A reader's exception → what to tell the user. */
export function reasonForError(err: unknown, kind: 'xlsx' | 'csv'): ReadFailureReason {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'EPERM') return REASONS.fileNotFound;
  if (err instanceof MalformedWorkbookError) return kind === 'csv' ? REASONS.csvOverLimits : REASONS.corruptXlsx;
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

/**
 * Tab names exceljs's full reader refuses (its `Worksheet#name` setter throws) or silently
 * changes (longer than 31 characters: truncated). Excel never writes them, but Google Sheets and
 * other tools do (`<script>alert(1)</script>` has a `/`); the streaming reader keeps them exactly.
 */
export function fullReaderRefusesTabName(name: string, earlier: ReadonlySet<string> = new Set()): boolean {
  return (
    name === '' ||
    name === 'History' ||
    /[*?:/\\[\]]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.length > 31 ||
    earlier.has(name.toLowerCase())
  );
}

/** Whether any tab of the package has a name the full reader would refuse or change. */
function hasTabNameFullReaderRefuses(src: ByteSource): boolean {
  const dir = readZipDirectory(src);
  if (!dir) return false; // let the reader report the damage
  let names: Map<string, string>;
  try {
    names = worksheetNamesByPart(src, dir.entries);
  } catch {
    return false; // unreadable parts: the full reader gives the real error
  }
  const seen = new Set<string>();
  for (const name of names.values()) {
    if (fullReaderRefusesTabName(name, seen)) return true;
    seen.add(name.toLowerCase());
  }
  return false;
}

/** exceljs's errors for a tab name (exceljs 4.4 `lib/doc/worksheet.js`, `set name`). */
function isTabNameRefusal(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return /^Worksheet name .* cannot include|^The name "History" is protected|^The first or last character of worksheet name|^Worksheet name already exists|^The name can't be empty/s.test(
    err.message,
  );
}
