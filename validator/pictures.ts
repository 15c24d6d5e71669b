/**
 * Pictures named in sheets (SPEC §4.9), read at the edge so the rules stay pure: for every file an
 * image column names (形象圖, 廣告圖片, 商品圖片), the real format, pixel size and byte size come from
 * the file's own header, read by `image-size` (pure JavaScript, no native module; it recognises
 * JPEG, PNG, GIF, WebP and more by their signatures, never by the name). The facts go to the rules
 * as data (`validateWorkbook(…, { pictures })`).
 *
 * Where a file is looked for: beside the workbook, then under each `--assets DIR` (the path as
 * written, then its base name), or — on the upload page — among the files dropped together with
 * the workbook (by base name). A name that escapes its folder (`../x.jpg`, an absolute path) is
 * never read. A web address is never fetched: it stays "not at hand" (`asset/not-checked`).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import type { imageSize as ImageSize } from 'image-size';
import { lazyModule } from './lazy-module.js';
import { isWebAddress, type PictureFact, type WorkbookAnalysis } from '../rules/index.js';

/** Loaded when a picture is first measured (most workbooks name none); 7 MB of RSS per thread. */
const imageSizeModule = lazyModule<{ imageSize: typeof ImageSize }>('image-size');

/** Bytes read from a picture: its header and what follows, enough for JPEG markers after large EXIF blocks. */
const READ_LIMIT = 4 * 1024 * 1024;

export interface PictureSources {
  /** The workbook's own folder (CLI). */
  readonly besideDir?: string;
  /** `--assets` folders, in order. */
  readonly assetDirs?: readonly string[];
  /** Files dropped together with the workbook (upload page): base name → path on disk. */
  readonly dropped?: ReadonlyMap<string, string>;
}

/** The non-blank texts of every picture cell of the analysed workbook (web addresses included; the rules tell them apart). */
export function pictureNames(analysis: WorkbookAnalysis): string[] {
  const names = new Set<string>();
  for (const sheet of analysis.sheets) {
    const keys = [...sheet.columns.values()].filter((b) => b.def.picture).map((b) => b.def.key);
    if (keys.length === 0) continue;
    for (const row of sheet.rows) {
      for (const key of keys) {
        const text = (row.values as Record<string, unknown>)[key];
        if (typeof text === 'string' && text.trim() !== '') names.add(text.trim());
      }
    }
  }
  return [...names].sort();
}

/** `dir/name` when it stays inside `dir`; undefined for `../`, absolute paths and drive letters. */
function inside(dir: string, name: string): string | undefined {
  if (path.isAbsolute(name) || /^[a-zA-Z]:/.test(name)) return undefined;
  const root = path.resolve(dir);
  const full = path.resolve(root, name);
  const rel = path.relative(root, full);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return full;
}

/** Candidate paths for a picture name, in lookup order. */
export function candidatePaths(name: string, sources: PictureSources): string[] {
  const rel = name.replace(/\\/g, '/');
  const base = path.posix.basename(rel);
  const out: string[] = [];
  const add = (p: string | undefined) => {
    if (p !== undefined && !out.includes(p)) out.push(p);
  };
  if (sources.dropped) {
    add(sources.dropped.get(base));
    const lower = base.toLowerCase();
    for (const [k, p] of sources.dropped) if (k.toLowerCase() === lower) add(p);
  }
  if (sources.besideDir !== undefined) add(inside(sources.besideDir, rel));
  for (const dir of sources.assetDirs ?? []) {
    add(inside(dir, rel));
    add(inside(dir, base));
  }
  return out;
}

/**
 * What a file's header says, or undefined when there is no regular file at `file`. Never throws:
 * a file that is no picture image-size knows is `{ unreadable: true }`.
 * @example readPictureFact('card.jpg') → { format: 'jpg', width: 501, height: 816, bytes: 182044 }
 */
export function readPictureFact(file: string): PictureFact | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return undefined;
    const length = Math.min(st.size, READ_LIMIT);
    const buf = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const n = readSync(fd, buf, read, length - read, read);
      if (n === 0) break;
      read += n;
    }
    try {
      const size = imageSizeModule().imageSize(new Uint8Array(buf.buffer, buf.byteOffset, read));
      if (!size.type || !(size.width > 0) || !(size.height > 0)) return { unreadable: true, bytes: st.size };
      return { format: size.type, width: size.width, height: size.height, bytes: st.size };
    } catch {
      return { unreadable: true, bytes: st.size };
    }
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** The facts of every picture the workbook names that is at hand. */
export function readPictures(analysis: WorkbookAnalysis, sources: PictureSources): Map<string, PictureFact> {
  const facts = new Map<string, PictureFact>();
  for (const name of pictureNames(analysis)) {
    if (isWebAddress(name)) continue;
    for (const file of candidatePaths(name, sources)) {
      const fact = readPictureFact(file);
      if (fact) {
        facts.set(name, fact);
        break;
      }
    }
  }
  return facts;
}
