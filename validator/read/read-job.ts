/**
 * One file read, as a worker runs it: the file is opened once, and that one handle serves
 * sniffing (head bytes, the ZIP central directory), the limits and the parse (the .xlsx reader or
 * the CSV reader). Failures become a bilingual reason. Kept apart from the worker so it can be
 * exercised in-process too.
 */
import type { Workbook } from '../../rules/model';
import { openFileSource } from '../ooxml/byte-source';
import { DEFAULT_LIMITS, LimitError, type PackageLimits } from '../ooxml/limits';
import { OoxmlPackage, PackageError } from '../ooxml/package';
import { XmlError } from '../ooxml/xml';
import { readCsv } from './csv';
import { absurdMergeReason, REASONS, type ReadFailureReason } from './reasons';
import { sniffSource } from './sniff';
import { MalformedWorkbookError } from './table-builder';
import type { TextEncodingName } from './text-decode';
import { MissingPartError, readXlsxPackage, type WorkbookFacts } from './xlsx';

export type ReaderName = 'xlsx' | 'csv';

export interface ReadOptions {
  readonly limits?: PackageLimits;
}

export type ReadResult =
  | {
      readonly ok: true;
      readonly workbook: Workbook;
      readonly encoding?: TextEncodingName;
      readonly reader: ReaderName;
      /** For .xlsx files: what the annotated copy needs to decide how to copy. */
      readonly facts?: WorkbookFacts & { readonly bytes: number };
    }
  | { readonly ok: false; readonly reason: ReadFailureReason; readonly detail?: string };

/** Reads one file in this thread (the caller runs it in a worker for isolation). */
export async function readFileOnce(filePath: string, opts: ReadOptions = {}): Promise<ReadResult> {
  let src;
  try {
    src = openFileSource(filePath);
  } catch (err) {
    return { ok: false, reason: REASONS.fileNotFound, detail: describeError(err) };
  }
  const pkg = OoxmlPackage.fromSource(src, opts.limits ?? DEFAULT_LIMITS);
  let kind: 'xlsx' | 'csv' = 'xlsx';
  try {
    const sniffed = sniffSource(src, filePath, () => pkg.directory);
    if (!sniffed.readable) return { ok: false, reason: sniffed.reason, detail: `file content is ${sniffed.kind}` };
    if (sniffed.kind === 'csv') {
      kind = 'csv';
      const bytes = src.read(0, src.size);
      const { workbook, encoding } = readCsv(bytes, filePath);
      return { ok: true, workbook, encoding, reader: 'csv' };
    }
    const { workbook, facts } = await readXlsxPackage(pkg);
    return { ok: true, workbook, reader: 'xlsx', facts: { ...facts, bytes: src.size } };
  } catch (err) {
    return { ok: false, reason: reasonForError(err, kind), detail: describeError(err) };
  } finally {
    src.close();
  }
}

/** A reader's exception → what to tell the user. */
export function reasonForError(err: unknown, kind: 'xlsx' | 'csv' = 'xlsx'): ReadFailureReason {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'EPERM') return REASONS.fileNotFound;
  if (err instanceof LimitError) {
    if (err.merge) return absurdMergeReason(err.merge.sheet, err.merge.range, err.merge.cells);
    return REASONS.tooLargeOrMalformed;
  }
  if (err instanceof MissingPartError) return REASONS.zipWithoutWorkbook;
  // The CSV reader's row/column limits speak of a CSV, not of an .xlsx.
  if (err instanceof MalformedWorkbookError && kind === 'csv') return REASONS.csvOverLimits;
  if (err instanceof MalformedWorkbookError || err instanceof XmlError || err instanceof PackageError) return REASONS.corruptXlsx;
  // Allocation failures that V8 reports as exceptions rather than by killing the worker.
  if (err instanceof RangeError && /array length|maximum size|heap|allocation|too large|string length/i.test(err.message)) {
    return REASONS.tooLargeOrMalformed;
  }
  return REASONS.corruptXlsx;
}

export function describeError(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}

/**
 * Tab names exceljs (which writes the annotated copies) refuses (its `Worksheet#name` setter
 * throws) or silently changes (longer than 31 characters: truncated). Excel never writes them,
 * but Google Sheets and other tools do (`<script>alert(1)</script>` has a `/`); the reader keeps
 * them exactly, and such a workbook is rebuilt from the model rather than copied.
 */
export function exceljsRefusesTabName(name: string, earlier: ReadonlySet<string> = new Set()): boolean {
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

/** Above this the copy is rebuilt from the model: exceljs's own reader needs ~95 MB of heap per MB. */
export const COPY_MAX_BYTES = 4 * 1024 * 1024;
/** exceljs materialises every merged and every validated cell when it loads a file to copy it. */
export const COPY_MAX_MERGED_CELLS = 200_000;
export const COPY_MAX_MERGES = 5_000;
export const COPY_MAX_VALIDATED_CELLS = 200_000;

/**
 * Whether the annotated copy may load the original with exceljs (keeping layout and formats)
 * rather than rebuild it from the model: small files whose merges, validations and tab names
 * exceljs handles. (The package patcher of the copies issue replaces this.)
 */
export function copyableWithExceljs(result: ReadResult): boolean {
  if (!result.ok || result.reader !== 'xlsx' || !result.facts) return false;
  const f = result.facts;
  if (f.bytes > COPY_MAX_BYTES || f.mergedCells > COPY_MAX_MERGED_CELLS || f.merges > COPY_MAX_MERGES || f.validatedCells > COPY_MAX_VALIDATED_CELLS) return false;
  const seen = new Set<string>();
  for (const t of result.workbook.tables) {
    if (exceljsRefusesTabName(t.name, seen)) return false;
    seen.add(t.name.toLowerCase());
  }
  return true;
}

/** The `reader` annotate.ts expects: `full` copies the original with exceljs, others rebuild. */
export function annotateReader(result: ReadResult): string {
  if (!result.ok) return 'none';
  return copyableWithExceljs(result) ? 'full' : result.reader === 'csv' ? 'csv' : 'stream';
}
