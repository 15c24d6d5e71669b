/**
 * Atomic file output: the content goes to a temporary file in the target's own directory (so
 * the rename never crosses file systems), is flushed, then renamed over the target. A reader of
 * the target (a cron job picking up last night's report) sees the old file or the new one,
 * never half of one; a failed write leaves no temporary file behind.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/** The temporary name used for `target`: hidden, unique per process and call. */
export function tempPathFor(target: string): string {
  const dir = path.dirname(target);
  const base = path.basename(target);
  return path.join(dir, `.${base}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Writes `data` (text, bytes, or blocks of bytes) to `target` atomically; creates missing parent directories.
 * @example writeFileAtomic('/var/reports/2026-05-01.json', json)
 */
export function writeFileAtomic(target: string, data: string | Uint8Array | Iterable<Uint8Array>): void {
  mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const temp = tempPathFor(path.resolve(target));
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o644);
    // A large output (an annotated copy of a workbook with big pictures) comes block by block.
    const blocks: Iterable<Uint8Array> = typeof data === 'string' ? [Buffer.from(data, 'utf8')] : data instanceof Uint8Array ? [data] : data;
    for (const bytes of blocks) {
      let offset = 0;
      while (offset < bytes.byteLength) offset += writeSync(fd, bytes, offset, bytes.byteLength - offset);
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already failing; the original error matters
      }
    }
    rmSync(temp, { force: true });
    throw e;
  }
}
