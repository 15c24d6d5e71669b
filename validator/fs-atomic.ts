/**
 * Atomic file output, kept for the modules that write one file by path (annotate.ts, templates):
 * it is `writeOutput` of validator/output/ (symlinks followed, devices and FIFOs written in place,
 * folders refused, regular files replaced atomically through a temporary file of ours).
 */
import { writeOutput } from './output/index.js';

export { tempPathFor } from './output/index.js';

/**
 * Writes `data` (text, bytes, or blocks of bytes) to `target` atomically; creates missing parent directories.
 * @example writeFileAtomic('/var/reports/2026-05-01.json', json)
 */
export function writeFileAtomic(target: string, data: string | Uint8Array | Iterable<Uint8Array>): void {
  writeOutput(target, data);
}
