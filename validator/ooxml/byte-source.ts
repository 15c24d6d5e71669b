/**
 * Random access to a file's bytes without loading it whole. Sniffing looks at a file's head and
 * at the ZIP central directory near its end; for a 200 MB workbook that is a few kilobytes, so
 * the caller's memory never holds the file.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes from `offset` (fewer at the end of the file). */
  read(offset: number, length: number): Uint8Array;
}

export function memorySource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: (offset, length) => bytes.subarray(Math.max(0, offset), Math.min(bytes.length, offset + length)),
  };
}

/** A source backed by an open file descriptor; call `close()` when done. */
export function openFileSource(filePath: string): ByteSource & { close(): void } {
  const fd = openSync(filePath, 'r');
  const size = fstatSync(fd).size;
  return {
    size,
    read(offset, length) {
      const start = Math.max(0, offset);
      const n = Math.max(0, Math.min(length, size - start));
      const buf = Buffer.alloc(n);
      let done = 0;
      while (done < n) {
        const got = readSync(fd, buf, done, n - done, start + done);
        if (got === 0) break;
        done += got;
      }
      return new Uint8Array(buf.buffer, buf.byteOffset, done);
    },
    close: () => closeSync(fd),
  };
}
