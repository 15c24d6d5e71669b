/**
 * Zip parts of the generated .xlsx files: read them (with the validator's zip reader) to
 * post-process what exceljs writes (note box sizes) and for tests to compare two workbooks part by
 * part, and write them back deterministically (fixed entry times, fixed compression): the same
 * parts always give the same bytes. Deflated entries, no zip64 — all an .xlsx from exceljs needs.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { memorySource } from '../validator/ooxml/byte-source.js';
import { readZipDirectory, readZipEntry } from '../validator/ooxml/zip.js';

export interface ZipEntry {
  readonly name: string;
  readonly data: Uint8Array;
}

/** Generated workbooks are small; refuse to inflate any part beyond this. */
const MAX_PART_BYTES = 64 * 1024 * 1024;

/** Reads every entry of a zip archive, in central-directory order (validator/read/zip.ts does the parsing). */
export function readZip(zip: Uint8Array): ZipEntry[] {
  const src = memorySource(zip);
  const dir = readZipDirectory(src);
  if (!dir || !dir.complete) throw new Error('not a complete zip archive');
  return dir.entries.map((e) => ({ name: e.name, data: new Uint8Array(readZipEntry(src, e, MAX_PART_BYTES)) }));
}

/** DOS time and date of 2026-01-01 00:00:00, stamped on every entry. */
const DOS_TIME = 0;
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;

/** Writes a zip archive (deflated entries, fixed timestamps): the same entries give the same bytes. */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = encoder.encode(e.name);
    const compressed = new Uint8Array(deflateRawSync(e.data, { level: 9 }));
    const crc = crc32(e.data);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true); // version needed
    lv.setUint16(6, 0x0800, true); // UTF-8 names
    lv.setUint16(8, 8, true); // deflate
    lv.setUint16(10, DOS_TIME, true);
    lv.setUint16(12, DOS_DATE, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, compressed.length, true);
    lv.setUint32(22, e.data.length, true);
    lv.setUint16(26, name.length, true);
    lv.setUint16(28, 0, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true); // version made by (MS-DOS, 2.0)
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, 8, true);
    cv.setUint16(12, DOS_TIME, true);
    cv.setUint16(14, DOS_DATE, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, compressed.length, true);
    cv.setUint32(24, e.data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, compressed);
    centrals.push(central);
    offset += local.length + compressed.length;
  }
  const centralSize = centrals.reduce((s, c) => s + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + 22);
  let p = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}
