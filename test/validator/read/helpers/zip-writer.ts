/**
 * A minimal ZIP writer for test fixtures: stored or deflated entries, no ZIP64. Tests build
 * small, deliberately odd .xlsx files byte by byte (a merge bomb, a built-in date format id,
 * a zip without a workbook) without committing binaries and without a zip dependency.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntryInput {
  readonly name: string;
  readonly data: string | Uint8Array;
  /** Store instead of deflate (default: deflate). */
  readonly store?: boolean;
  /** Already deflated data (`data` is then ignored): for entries too large to hold inflated. */
  readonly deflated?: { readonly body: Uint8Array; readonly size: number; readonly crc: number };
}

/** Builds a ZIP archive holding the entries in order. */
export function writeZip(entries: readonly ZipEntryInput[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const raw = entry.deflated ? Buffer.alloc(0) : typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data);
    const method = entry.store && !entry.deflated ? 0 : 8;
    const body = entry.deflated ? Buffer.from(entry.deflated.body) : entry.store ? raw : deflateRawSync(raw);
    const crc = entry.deflated ? entry.deflated.crc : crc32(raw);
    const rawLength = entry.deflated ? entry.deflated.size : raw.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(rawLength, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(rawLength, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, ...centrals, end]));
}
