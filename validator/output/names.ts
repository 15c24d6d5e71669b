/**
 * Names of the copies the tool writes next to each other (`--annotate DIR`: `<name>.checked.xlsx`;
 * the fixed copies of `--fix`: `<name>.fixed.xlsx`): unique in the batch, never an input's
 * path, and at most 255 bytes (the file-system limit of ext4, APFS, NTFS) — a long name is
 * shortened, not refused with ENAMETOOLONG.
 */
import path from 'node:path';
import { resolveOutput, OutputError, type FileIdentity } from './index.js';

/** File names the tool itself writes; a folder scan skips them (they are our outputs, not forms). */
export const OWN_COPY = /\.(checked|fixed)\.xlsx$/i;

/** The file-system limit of one name, in UTF-8 bytes. */
export const MAX_NAME_BYTES = 255;

/** `base` cut (by whole characters) so that `base + tail` fits in `max` UTF-8 bytes. */
export function fitName(base: string, tail: string, max = MAX_NAME_BYTES): string {
  const room = max - Buffer.byteLength(tail, 'utf8');
  if (Buffer.byteLength(base, 'utf8') <= room) return base + tail;
  let out = '';
  let used = 0;
  for (const ch of base) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (used + n > room - 3) break; // room for the ellipsis "…" (3 bytes)
    out += ch;
    used += n;
  }
  return `${out}…${tail}`;
}

/**
 * The name of `inputPath`'s copy in `dir`: `<base><suffix>`, then `<base> (2)<suffix>` … when
 * the name is taken in this batch (`taken`, lower-cased) or is an input itself.
 * @example copyName('forms/報名表.csv', 'out', '.checked.xlsx', new Set(), []) === '報名表.checked.xlsx'
 */
export function copyName(inputPath: string, dir: string, suffix: string, taken: Set<string>, inputs: readonly FileIdentity[]): string {
  const base = path.basename(inputPath, path.extname(inputPath));
  for (let n = 1; ; n++) {
    const name = fitName(base, `${n === 1 ? '' : ` (${n})`}${suffix}`);
    if (taken.has(name.toLowerCase())) continue;
    if (isInput(path.join(dir, name), inputs)) continue;
    taken.add(name.toLowerCase());
    return name;
  }
}

function isInput(target: string, inputs: readonly FileIdentity[]): boolean {
  try {
    resolveOutput(target, inputs);
    return false;
  } catch (e) {
    // a folder of that name cannot take the copy either
    return e instanceof OutputError && (e.key === 'err.outIsInput' || e.key === 'err.outIsDir');
  }
}
