/**
 * Names of the copies the tool writes next to each other (`--annotate DIR`: `<name>.checked.xlsx`;
 * the fixed copies of `--fix`: `<name>.fixed.xlsx`): unique in the batch, never an input's
 * path, and at most 255 bytes (the file-system limit of ext4, APFS, NTFS) — a long name is
 * shortened, not refused with ENAMETOOLONG.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { fitName, resolveOutput, OutputError, type FileIdentity } from './index.js';

export { fitName, MAX_NAME_BYTES } from './index.js';

/** File names the tool itself writes; a folder scan skips them (they are our outputs, not forms). */
export const OWN_COPY = /\.(checked|fixed)\.xlsx$/i;

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

/**
 * Whether `file` is a report this tool wrote (its first 4 KB name partner-check: the text
 * report's title, the JSON report's `"tool"`, the JUnit and HTML reports' headers). A folder scan
 * skips the `--out` file only then — an .xlsx or .csv of a brand named by `--out` stays an input,
 * and is then refused as an output.
 */
export function isOwnReport(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    const fd = openSync(file, 'r');
    try {
      const head = Buffer.alloc(4096);
      const n = readSync(fd, head, 0, head.length, 0);
      return head.subarray(0, n).toString('latin1').includes('partner-check');
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}
