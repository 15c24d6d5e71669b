/**
 * Names the streams of an OLE compound file (CFB, the `D0 CF 11 E0` container). Both a legacy
 * .xls (a "Workbook" or "Book" BIFF stream) and a password-protected .xlsx ("EncryptionInfo" +
 * "EncryptedPackage") live in this container, and users rename either to .xlsx; telling them
 * apart gives the right advice (save as .xlsx vs. remove the password).
 *
 * Instead of following the FAT chains, this scans every 128-byte slot after the header for
 * something shaped like a directory entry: directory sectors are 128-byte aligned, and the
 * shape check (UTF-16LE name, length, terminator, object type) rejects ordinary data.
 */
import type { ByteSource } from '../ooxml/byte-source';

export const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

const ENTRY_SIZE = 128;
const HEADER_SIZE = 512;
const CHUNK = 1024 * ENTRY_SIZE;
const OBJECT_TYPES = new Set([1, 2, 5]); // storage, stream, root

export function hasCfbSignature(head: Uint8Array): boolean {
  return CFB_SIGNATURE.every((b, i) => head[i] === b);
}

/** The set of directory-entry names found in the compound file. */
export function cfbEntryNames(src: ByteSource): Set<string> {
  const names = new Set<string>();
  for (let base = HEADER_SIZE; base + ENTRY_SIZE <= src.size; base += CHUNK) {
    const chunk = src.read(base, CHUNK);
    for (let p = 0; p + ENTRY_SIZE <= chunk.length; p += ENTRY_SIZE) {
      const name = entryName(chunk, p);
      if (name !== null) names.add(name);
    }
  }
  return names;
}

function entryName(b: Uint8Array, p: number): string | null {
  const nameLength = b[p + 64] | (b[p + 65] << 8); // bytes, including the UTF-16 terminator
  if (nameLength < 4 || nameLength > 64 || nameLength % 2 !== 0) return null;
  if (!OBJECT_TYPES.has(b[p + 66])) return null;
  if (b[p + nameLength - 2] !== 0 || b[p + nameLength - 1] !== 0) return null;
  let name = '';
  for (let i = 0; i < nameLength - 2; i += 2) {
    const code = b[p + i] | (b[p + i + 1] << 8);
    if (code === 0) return null;
    name += String.fromCharCode(code);
  }
  return name;
}
