/**
 * Just enough ZIP reading to look inside an .xlsx before any spreadsheet library does: list the
 * entry names (to tell a workbook from any other ZIP) and inflate a few small parts (styles,
 * workbook, sheet XML for the merge pre-check). No dependency: the central directory is a
 * simple fixed-layout table and Node's zlib inflates the data.
 */
import { inflateRawSync } from 'node:zlib';
import type { ByteSource } from './byte-source';

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated; anything else is unsupported. */
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

export interface ZipDirectory {
  readonly entries: readonly ZipEntry[];
  /** True when the entries come from a valid central directory (the file is a complete ZIP). */
  readonly complete: boolean;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_ZIP64_END = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
/** Longest comment a ZIP end record can carry, plus the record itself. */
const MAX_END_SEARCH = 0xffff + 22;
/** Central directories of real workbooks are kilobytes; refuse absurd ones instead of allocating. */
const MAX_CENTRAL_DIRECTORY_BYTES = 64 * 1024 * 1024;

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x100000000;

const utf8 = new TextDecoder('utf-8');
/** Entry names without the UTF-8 flag are CP437 in theory; workbook part names are ASCII anyway. */
const decodeName = (bytes: Uint8Array) => utf8.decode(bytes);

/**
 * The archive's entries: from the central directory when it is intact, else (a truncated
 * download) by walking local headers from the start; `null` when neither finds anything.
 */
export function readZipDirectory(src: ByteSource): ZipDirectory | null {
  const central = readCentralDirectory(src);
  if (central) return { entries: central, complete: true };
  const local = scanLocalHeaders(src);
  return local.length ? { entries: local, complete: false } : null;
}

function readCentralDirectory(src: ByteSource): ZipEntry[] | null {
  if (src.size < 22) return null;
  const tailStart = Math.max(0, src.size - MAX_END_SEARCH);
  const tail = src.read(tailStart, src.size - tailStart);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tail, i) === SIG_END) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  let count = u16(tail, end + 10);
  let size = u32(tail, end + 12);
  let offset = u32(tail, end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const zip64 = readZip64End(src, tailStart + end);
    if (!zip64) return null;
    ({ count, size, offset } = zip64);
  }
  if (size > MAX_CENTRAL_DIRECTORY_BYTES || offset + size > src.size) return null;
  const dir = src.read(offset, size);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > dir.length || u32(dir, p) !== SIG_CENTRAL) return null;
    const nameLen = u16(dir, p + 28);
    const extraLen = u16(dir, p + 30);
    const commentLen = u16(dir, p + 32);
    let compressedSize = u32(dir, p + 20);
    let uncompressedSize = u32(dir, p + 24);
    let localHeaderOffset = u32(dir, p + 42);
    const extra = dir.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      // ZIP64 extended information: only the fields that overflowed are present, in this order.
      for (let q = 0; q + 4 <= extra.length; ) {
        const id = u16(extra, q);
        const len = u16(extra, q + 2);
        if (id === 0x0001) {
          let r = q + 4;
          if (uncompressedSize === 0xffffffff) (uncompressedSize = u64(extra, r)), (r += 8);
          if (compressedSize === 0xffffffff) (compressedSize = u64(extra, r)), (r += 8);
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(extra, r);
          break;
        }
        q += 4 + len;
      }
    }
    entries.push({
      name: decodeName(dir.subarray(p + 46, p + 46 + nameLen)),
      method: u16(dir, p + 10),
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function readZip64End(src: ByteSource, endOffset: number): { count: number; size: number; offset: number } | null {
  if (endOffset < 20) return null;
  const locator = src.read(endOffset - 20, 20);
  if (u32(locator, 0) !== SIG_ZIP64_LOCATOR) return null;
  const recordOffset = u64(locator, 8);
  const record = src.read(recordOffset, 56);
  if (record.length < 56 || u32(record, 0) !== SIG_ZIP64_END) return null;
  return { count: u64(record, 32), size: u64(record, 40), offset: u64(record, 48) };
}

/** Walks local file headers from offset 0; stops at the first thing that is not one. */
function scanLocalHeaders(src: ByteSource): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let p = 0;
  while (p + 30 <= src.size && entries.length < 10_000) {
    const h = src.read(p, 30);
    if (u32(h, 0) !== SIG_LOCAL) break;
    const flags = u16(h, 6);
    const nameLen = u16(h, 26);
    const extraLen = u16(h, 28);
    const compressedSize = u32(h, 18);
    entries.push({
      name: decodeName(src.read(p + 30, nameLen)),
      method: u16(h, 8),
      compressedSize,
      uncompressedSize: u32(h, 22),
      localHeaderOffset: p,
    });
    // With a data descriptor (flag bit 3) the size is unknown here; stop after naming the entry.
    if (flags & 0x08) break;
    p += 30 + nameLen + extraLen + compressedSize;
  }
  return entries;
}

/** Offset of an entry's (compressed) data: after its local header, whose lengths may differ from the central one. */
export function entryDataStart(src: ByteSource, entry: ZipEntry): number {
  const header = src.read(entry.localHeaderOffset, 30);
  if (header.length < 30 || u32(header, 0) !== SIG_LOCAL) throw new Error(`zip: bad local header for ${entry.name}`);
  return entry.localHeaderOffset + 30 + u16(header, 26) + u16(header, 28);
}

/**
 * An entry's uncompressed bytes. Throws when the entry would inflate beyond `maxBytes` (a ZIP
 * bomb or a part too large to inspect cheaply) or uses an unsupported compression method.
 */
export function readZipEntry(src: ByteSource, entry: ZipEntry, maxBytes: number): Uint8Array {
  const dataStart = entryDataStart(src, entry);
  if (entry.method === 0) {
    if (entry.compressedSize > maxBytes) throw new RangeError(`zip: ${entry.name} is larger than ${maxBytes} bytes`);
    return src.read(dataStart, entry.compressedSize);
  }
  if (entry.method !== 8) throw new Error(`zip: unsupported compression method ${entry.method} for ${entry.name}`);
  const compressed = src.read(dataStart, entry.compressedSize);
  try {
    return new Uint8Array(inflateRawSync(compressed, { maxOutputLength: maxBytes }));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new RangeError(`zip: ${entry.name} inflates to more than ${maxBytes} bytes`);
    }
    throw err;
  }
}
