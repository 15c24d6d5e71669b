/**
 * A cheap look at the merged ranges of every sheet before exceljs's full reader runs.
 * exceljs materialises every cell of a merged range (and checks each new merge against all
 * earlier ones), so a ~1.6 KB file with `<mergeCell ref="A3:XFD1048576"/>` makes it allocate
 * gigabytes and abort the process. This scan streams each sheet's XML through zlib, looking
 * only at `<mergeCell ref>`, in constant memory, and decides:
 * - `full`: merges are harmless for the full reader;
 * - `stream`: many or large merges: read with the streaming reader, which never expands them;
 * - `reject`: a merge no real form has (millions of cells): a clear "malformed file" reason.
 * The same scan looks at `<dataValidation sqref>`: exceljs's full reader creates a validation
 * entry for every cell of its range, so a whole-sheet or whole-column validation (common in
 * hand-made forms) would take minutes; such sheets go to the streaming reader, which ignores
 * validations (the rules never need them).
 * The worker's memory limit and timeout remain the backstop for anything this misses.
 */
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import type { ByteSource } from './byte-source';
import { worksheetNamesByPart } from './ooxml-parts';
import { decodeRange } from './table-builder';
import { entryDataStart, readZipDirectory, type ZipEntry } from './zip';

/**
 * One merged range larger than this (16 whole columns) is malformed, not a form's layout.
 * Many smaller merges adding up to more are only sent to the streaming reader, which handles
 * any number of merges at the cost of the cells that exist.
 */
export const ABSURD_MERGED_CELLS = 16 * 1_048_576;
/** The full reader creates a cell object per merged cell; beyond this, use the streaming reader. */
export const FULL_READER_MAX_MERGED_CELLS = 200_000;
/** The full reader compares each merge with all earlier ones (quadratic); beyond this, stream. */
export const FULL_READER_MAX_MERGES = 5_000;
/** Cells covered by data validations beyond which the full reader is too slow; stream instead. */
export const FULL_READER_MAX_VALIDATED_CELLS = 200_000;
/** Stop inflating a sheet for the scan beyond this; such a sheet goes to the streaming reader. */
const MAX_SCANNED_SHEET_BYTES = 512 * 1024 * 1024;

export type MergeVerdict =
  | { readonly verdict: 'full' }
  | { readonly verdict: 'stream'; readonly why: string }
  | { readonly verdict: 'reject'; readonly sheet: string; readonly range: string; readonly cells: number };

export async function precheckMerges(src: ByteSource): Promise<MergeVerdict> {
  const dir = readZipDirectory(src);
  if (!dir) return { verdict: 'full' }; // sniffing already vetted the archive; let the reader report
  const names = worksheetNamesByPart(src, dir.entries);
  let mergedCells = 0;
  let merges = 0;
  let stream: string | null = null;
  for (const entry of dir.entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) continue;
    const scan = await scanSheetMerges(src, entry);
    if (scan.largest && scan.largest.cells > ABSURD_MERGED_CELLS) {
      return { verdict: 'reject', sheet: names.get(entry.name) ?? entry.name, range: scan.largest.ref, cells: scan.largest.cells };
    }
    if (scan.truncated) stream ??= `${entry.name} is larger than ${MAX_SCANNED_SHEET_BYTES} bytes`;
    mergedCells += scan.mergedCells;
    merges += scan.merges;
    if (scan.validatedCells > FULL_READER_MAX_VALIDATED_CELLS) stream ??= `${names.get(entry.name) ?? entry.name}: data validations over ${scan.validatedCells} cells`;
  }
  if (mergedCells > FULL_READER_MAX_MERGED_CELLS) stream ??= `${mergedCells} merged cells`;
  if (merges > FULL_READER_MAX_MERGES) stream ??= `${merges} merged ranges`;
  return stream ? { verdict: 'stream', why: stream } : { verdict: 'full' };
}

interface SheetMergeScan {
  readonly merges: number;
  readonly mergedCells: number;
  readonly largest: { readonly ref: string; readonly cells: number } | null;
  readonly validatedCells: number;
  readonly truncated: boolean;
}

const MERGE_REF = /<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([^"']+)["']/g;
const VALIDATION_SQREF = /<(?:[\w.-]+:)?dataValidation\b[^>]*?\bsqref\s*=\s*["']([^"']+)["']/g;

/** Cells covered by a space-separated list of ranges (`A2:A2000 C2:C2000`); whole columns count in full. */
export function sqrefCells(sqref: string): number {
  let cells = 0;
  for (const part of sqref.trim().split(/\s+/)) {
    const whole = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i.exec(part);
    const ref = whole ? `${whole[1]}1:${whole[2]}1048576` : part.replace(/\$/g, '');
    const range = decodeRange(ref.includes(':') ? ref : `${ref}:${ref}`);
    if (range) cells += (range.bottom - range.top + 1) * (range.right - range.left + 1);
  }
  return cells;
}
/** Bytes kept between chunks so an element split across chunks is seen whole. */
const CARRY = 1024;
const READ_CHUNK = 1024 * 1024;

async function scanSheetMerges(src: ByteSource, entry: ZipEntry): Promise<SheetMergeScan> {
  let merges = 0;
  let mergedCells = 0;
  let largest: { ref: string; cells: number } | null = null;
  let validatedCells = 0;
  let carry = '';
  let seen = 0;
  let truncated = false;

  const consume = (text: string, final: boolean) => {
    const buf = carry + text;
    let consumedTo = 0;
    MERGE_REF.lastIndex = 0;
    for (let m = MERGE_REF.exec(buf); m; m = MERGE_REF.exec(buf)) {
      if (!final && m.index >= buf.length - CARRY) break;
      consumedTo = m.index + m[0].length;
      const range = decodeRange(m[1]);
      if (!range) continue;
      const cells = (range.bottom - range.top + 1) * (range.right - range.left + 1);
      merges++;
      mergedCells += cells;
      if (!largest || cells > largest.cells) largest = { ref: m[1], cells };
    }
    VALIDATION_SQREF.lastIndex = 0;
    for (let m = VALIDATION_SQREF.exec(buf); m; m = VALIDATION_SQREF.exec(buf)) {
      if (!final && m.index >= buf.length - CARRY) break;
      consumedTo = Math.max(consumedTo, m.index + m[0].length);
      validatedCells += sqrefCells(m[1]!);
    }
    // Counted elements end at or before consumedTo, so the carry never holds one twice.
    carry = final ? '' : buf.slice(Math.max(consumedTo, buf.length - CARRY));
  };

  for await (const chunk of inflatedChunks(src, entry)) {
    seen += chunk.length;
    consume(chunk.toString('latin1'), false);
    if (seen > MAX_SCANNED_SHEET_BYTES) {
      truncated = true;
      break;
    }
  }
  consume('', true);
  return { merges, mergedCells, largest, validatedCells, truncated };
}

/** The entry's uncompressed bytes, chunk by chunk (stored or deflated). */
async function* inflatedChunks(src: ByteSource, entry: ZipEntry): AsyncGenerator<Buffer> {
  const dataStart = entryDataStart(src, entry);
  const compressed = async function* () {
    for (let p = 0; p < entry.compressedSize; p += READ_CHUNK) {
      const piece = src.read(dataStart + p, Math.min(READ_CHUNK, entry.compressedSize - p));
      yield Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    }
  };
  if (entry.method === 0) {
    yield* compressed();
    return;
  }
  if (entry.method !== 8) return;
  const source = Readable.from(compressed());
  const inflater = createInflateRaw();
  source.on('error', (err) => inflater.destroy(err));
  source.pipe(inflater);
  try {
    for await (const chunk of inflater) yield chunk as Buffer;
  } finally {
    source.destroy();
    inflater.destroy();
  }
}
