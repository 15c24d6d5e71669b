/**
 * Package patching: a copy of an OOXML package (.xlsx) in which only the parts we change are
 * inflated, edited and deflated again. Every other ZIP entry is copied as it is stored — its
 * compressed bytes, CRC and sizes straight from the input — so a 1 GiB picture or a hostile
 * theme part costs a block copy, never an inflate, and never sits in memory: the output is a
 * list of pieces (new bytes, or a byte range of the input) written out block by block.
 *
 * API (kept small on purpose, for the lead to fold into the OOXML package module):
 *   openPackage(src)            → the entries and a bounded `read(name)` of one part
 *   patchPackage(pkg, patch)    → the output as pieces: `size`, `chunks()`, `bytes()`
 * where `patch` maps part names to new bytes or to a function of the old bytes, and lists parts
 * to add. Names are ZIP entry names (`xl/worksheets/sheet1.xml`, no leading slash).
 */
import { crc32, deflateRawSync } from 'node:zlib';
import type { ByteSource } from './byte-source.js';
import { entryDataStart, readZipDirectory, readZipEntry, type ZipEntry } from './zip.js';

/** A part we edit is XML of a sheet, styles or comments: refuse to inflate one beyond this. */
export const MAX_PATCHED_PART_BYTES = 256 * 1024 * 1024;

export type PartEdit = Uint8Array | ((current: Uint8Array) => Uint8Array);

export interface PackagePatch {
  /** Existing parts to replace (new bytes, or a function of the current bytes). */
  readonly edits?: ReadonlyMap<string, PartEdit>;
  /** New parts, appended after the existing ones in the given order. */
  readonly added?: ReadonlyMap<string, Uint8Array>;
}

export interface PackageReader {
  readonly src: ByteSource;
  readonly entries: readonly ZipEntry[];
  has(name: string): boolean;
  /** A part's uncompressed bytes; throws beyond `maxBytes` (default MAX_PATCHED_PART_BYTES). */
  read(name: string, maxBytes?: number): Uint8Array;
  /** A part as UTF-8 text, or undefined when absent. */
  text(name: string, maxBytes?: number): string | undefined;
}

export interface PatchedPackage {
  readonly size: number;
  /** The output, block by block (input ranges read in 1 MiB blocks). */
  chunks(): Iterable<Uint8Array>;
  /** The whole output in memory (for small files: the upload page, tests). */
  bytes(): Uint8Array;
}

const utf8 = new TextDecoder('utf-8');

export function openPackage(src: ByteSource): PackageReader {
  const dir = readZipDirectory(src);
  if (!dir || !dir.complete) throw new Error('zip: not a complete ZIP archive');
  const byName = new Map(dir.entries.map((e) => [e.name, e]));
  const read = (name: string, maxBytes = MAX_PATCHED_PART_BYTES) => {
    const entry = byName.get(name);
    if (!entry) throw new Error(`zip: no part ${name}`);
    return readZipEntry(src, entry, maxBytes);
  };
  return {
    src,
    entries: dir.entries,
    has: (name) => byName.has(name),
    read,
    text: (name, maxBytes) => (byName.has(name) ? utf8.decode(read(name, maxBytes)) : undefined),
  };
}

/** A piece of the output: bytes we made, or a range of the input copied as it is. */
type Piece = Uint8Array | { readonly offset: number; readonly length: number };

const SIG_DESCRIPTOR = 0x08074b50;
const FLAG_DESCRIPTOR = 0x08;
const FLAG_UTF8 = 0x0800;
/** DOS time and date stamped on parts we write: 2026-01-01 00:00:00 (deterministic output). */
const DOS_TIME = 0;
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;
const BLOCK = 1024 * 1024;

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

interface Written {
  readonly name: Uint8Array;
  readonly method: number;
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly offset: number;
}

function header(sig: number, w: Written, central: boolean): Uint8Array {
  const fixed = central ? 46 : 30;
  const out = new Uint8Array(fixed + w.name.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, sig, true);
  let p = 4;
  if (central) (v.setUint16(p, 20, true), (p += 2)); // version made by
  v.setUint16(p, 20, true); // version needed
  v.setUint16(p + 2, FLAG_UTF8, true);
  v.setUint16(p + 4, w.method, true);
  v.setUint16(p + 6, w.time, true);
  v.setUint16(p + 8, w.date, true);
  v.setUint32(p + 10, w.crc, true);
  v.setUint32(p + 14, w.compressedSize, true);
  v.setUint32(p + 18, w.uncompressedSize, true);
  v.setUint16(p + 22, w.name.length, true);
  if (central) v.setUint32(42, w.offset, true);
  out.set(w.name, fixed);
  return out;
}

/**
 * The patched package. Entries keep their order; edited ones are deflated anew (level 6, fixed
 * time stamp), copied ones keep method, time, CRC and compressed bytes. No ZIP64 is written: an
 * output beyond 4 GiB or 65,535 entries is refused.
 */
export function patchPackage(pkg: PackageReader, patch: PackagePatch): PatchedPackage {
  const encoder = new TextEncoder();
  const pieces: Piece[] = [];
  const written: Written[] = [];
  let offset = 0;
  const push = (p: Piece) => {
    pieces.push(p);
    offset += p instanceof Uint8Array ? p.length : p.length;
  };
  const addNew = (name: string, data: Uint8Array) => {
    const compressed = new Uint8Array(deflateRawSync(data, { level: 6 }));
    const w: Written = { name: encoder.encode(name), method: 8, time: DOS_TIME, date: DOS_DATE, crc: crc32(data), compressedSize: compressed.length, uncompressedSize: data.length, offset };
    written.push(w);
    push(header(0x04034b50, w, false));
    push(compressed);
  };
  const edits = patch.edits ?? new Map<string, PartEdit>();
  for (const entry of pkg.entries) {
    const edit = edits.get(entry.name);
    if (edit !== undefined) {
      addNew(entry.name, edit instanceof Uint8Array ? edit : edit(pkg.read(entry.name)));
      continue;
    }
    const local = pkg.src.read(entry.localHeaderOffset, 30);
    if (local.length < 30 || u32(local, 0) !== 0x04034b50) throw new Error(`zip: bad local header for ${entry.name}`);
    const flags = u16(local, 6);
    const dataStart = entryDataStart(pkg.src, entry);
    let crc = u32(local, 14);
    if (flags & FLAG_DESCRIPTOR) {
      const d = pkg.src.read(dataStart + entry.compressedSize, 8);
      crc = u32(d, 0) === SIG_DESCRIPTOR ? u32(d, 4) : u32(d, 0);
    }
    if (entry.compressedSize >= 0xffffffff || entry.uncompressedSize >= 0xffffffff) throw new RangeError(`zip: ${entry.name} needs ZIP64, which the copy does not write`);
    const w: Written = {
      name: encoder.encode(entry.name),
      method: entry.method,
      time: u16(local, 10),
      date: u16(local, 12),
      crc,
      compressedSize: entry.compressedSize,
      uncompressedSize: entry.uncompressedSize,
      offset,
    };
    written.push(w);
    push(header(0x04034b50, w, false));
    if (entry.compressedSize > 0) push({ offset: dataStart, length: entry.compressedSize });
  }
  for (const [name, data] of patch.added ?? new Map<string, Uint8Array>()) {
    if (pkg.has(name)) throw new Error(`zip: part ${name} exists already`);
    addNew(name, data);
  }
  const centralStart = offset;
  for (const w of written) push(header(0x02014b50, w, true));
  const centralSize = offset - centralStart;
  if (written.length > 0xffff || offset > 0xfffffff0) throw new RangeError('zip: the copy would need ZIP64');
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, written.length, true);
  ev.setUint16(10, written.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, centralStart, true);
  push(end);
  const size = offset;
  function* chunks(): Iterable<Uint8Array> {
    for (const p of pieces) {
      if (p instanceof Uint8Array) {
        yield p;
        continue;
      }
      for (let o = 0; o < p.length; o += BLOCK) {
        const n = Math.min(BLOCK, p.length - o);
        const block = pkg.src.read(p.offset + o, n);
        if (block.length !== n) throw new Error('zip: the input changed or ended while it was copied');
        yield block;
      }
    }
  }
  return {
    size,
    chunks,
    bytes() {
      const out = new Uint8Array(size);
      let p = 0;
      for (const c of chunks()) {
        out.set(c, p);
        p += c.length;
      }
      return out;
    },
  };
}
