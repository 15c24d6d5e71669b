/**
 * The one place every command writes a file (SPEC §7 "outputs"): `--out` reports, schedules,
 * calendars, annotated copies.
 *
 * - The target is resolved first: a symbolic link is followed (the link stays, its target gets
 *   the content), a folder is refused with a sentence, a path whose parent cannot be made is
 *   refused at once (`/proc/nope/r.txt` fails in milliseconds instead of spinning in a
 *   recursive mkdir).
 * - A target that is the same file as any input — compared by device and inode, so a folder
 *   member, a symlink, a hardlink and `./x` vs `x` are all caught — is refused (exit 2).
 * - A regular file (or a new one) is written atomically: a temporary file in the target's own
 *   folder, fsynced, renamed over the target. The temporary name is recognisably ours
 *   (`.<name>.partner-check-<pid>-<random>.tmp`); one left behind by a killed run (SIGKILL) is
 *   removed by the next write into that folder once its process is gone, so no half-written file
 *   survives.
 * - A device or FIFO (`--out /dev/null`, `--out /dev/stdout`, a named pipe) is written in place,
 *   never replaced. A FIFO without a reader is waited for a little, then refused with a sentence.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants as FS,
  fstatSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import path from 'node:path';
import type { Lang } from '../../rules/index.js';
import { t, type StringKey } from '../i18n.js';

/** A refused or failed output, rendered at the edge (`t(lang, key, data)`), exit code 2. */
export class OutputError extends Error {
  constructor(
    readonly key: StringKey,
    readonly data: Record<string, string | number>,
    readonly code?: string,
  ) {
    super(`${key} ${JSON.stringify(data)}`);
    this.name = 'OutputError';
  }
}

/** The identity of a file: its device and inode (what hardlinks and symlinks share). */
export interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
  /** The path it was found under (for the message). */
  readonly path: string;
}

/** Identities of the given paths (symlinks followed); paths that do not exist are skipped. */
export function identitiesOf(paths: Iterable<string>): FileIdentity[] {
  const out: FileIdentity[] = [];
  for (const p of paths) {
    try {
      const st = statSync(p);
      out.push({ dev: st.dev, ino: st.ino, path: p });
    } catch {
      // missing inputs are reported by the reader; they cannot be overwritten
    }
  }
  return out;
}

/** The input `st` is, or undefined. */
export function sameFileAs(st: Pick<Stats, 'dev' | 'ino'>, inputs: readonly FileIdentity[]): FileIdentity | undefined {
  return inputs.find((i) => i.dev === st.dev && i.ino === st.ino);
}

export type ResolvedOutput =
  /** A regular file (existing or new) at its real path: written atomically. */
  | { readonly kind: 'file'; readonly path: string; readonly given: string }
  /** A device, FIFO or socket: written in place. */
  | { readonly kind: 'special'; readonly path: string; readonly given: string; readonly fifo: boolean };

const MAX_LINKS = 40;

/**
 * Where writing `target` would really write, after following symbolic links (also a dangling
 * one: its target is created). @throws OutputError (folder, an input, unusable parent)
 */
export function resolveOutput(target: string, inputs: readonly FileIdentity[] = []): ResolvedOutput {
  let p = path.resolve(target);
  for (let hops = 0; ; hops++) {
    let lst: Stats | undefined;
    try {
      lst = lstatSync(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw new OutputError('err.outUnusable', { file: target, reason: code ?? String(e) }, code);
    }
    if (lst?.isSymbolicLink()) {
      if (hops >= MAX_LINKS) throw new OutputError('err.outUnusable', { file: target, reason: 'ELOOP' }, 'ELOOP');
      p = path.resolve(path.dirname(p), readlinkSync(p));
      continue;
    }
    if (lst === undefined) {
      ensureParent(p, target);
      return { kind: 'file', path: p, given: target };
    }
    if (lst.isDirectory()) throw new OutputError('err.outIsDir', { file: target });
    const input = sameFileAs(lst, inputs);
    if (input) throw new OutputError('err.outIsInput', { file: target, input: input.path });
    if (lst.isFile()) {
      ensureParent(p, target);
      return { kind: 'file', path: p, given: target };
    }
    return { kind: 'special', path: p, given: target, fifo: lst.isFIFO() };
  }
}

/**
 * Makes the missing folders above `file` one level at a time (a recursive mkdir spins on some
 * pseudo file systems), refusing at once when an ancestor is not a folder or cannot be written.
 */
function ensureParent(file: string, given: string): void {
  const missing: string[] = [];
  let dir = path.dirname(file);
  for (;;) {
    let st: Stats | undefined;
    try {
      st = statSync(dir);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw new OutputError('err.outUnusable', { file: given, reason: code ?? String(e) }, code);
    }
    if (st) {
      if (!st.isDirectory()) throw new OutputError('err.outUnusable', { file: given, reason: `${dir}: ENOTDIR` }, 'ENOTDIR');
      break;
    }
    missing.push(dir);
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      throw new OutputError('err.outUnusable', { file: given, reason: `${d}: ${code ?? String(e)}` }, code);
    }
  }
}

/** `.<name>.partner-check-<pid>-<hex>.tmp`: the temporary names of atomic writes. */
const TEMP_NAME = /^\.(.+)\.partner-check-(\d+)-[0-9a-f]{8}\.tmp$/;

/** The file-system limit of one name, in UTF-8 bytes (ext4, APFS, NTFS). */
export const MAX_NAME_BYTES = 255;

/** `base` cut (by whole characters, marked with `…`) so that `base + tail` fits in `max` UTF-8 bytes. */
export function fitName(base: string, tail: string, max = MAX_NAME_BYTES): string {
  const room = max - Buffer.byteLength(tail, 'utf8');
  if (Buffer.byteLength(base, 'utf8') <= room) return base + tail;
  let out = '';
  let used = 0;
  for (const ch of base) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (used + n > room - 3) break; // room for the ellipsis (3 bytes)
    out += ch;
    used += n;
  }
  return `${out}…${tail}`;
}

/**
 * The temporary name used for `target`: hidden, recognisably ours, unique per process and call,
 * and within the name limit however long the target's name is.
 */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${fitName(path.basename(target), `.partner-check-${process.pid}-${randomBytes(4).toString('hex')}.tmp`, MAX_NAME_BYTES - 1)}`);
}

/** Whether process `pid` still runs (this one always does); owners of temp names are checked with it. */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporary files of atomic writes in `dir` whose process is gone (a run killed with
 * SIGKILL mid-write). Another live run's temporary files are left alone. Returns what it removed.
 */
export function removeStaleTemps(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || processAlive(Number(m[2]))) continue;
    try {
      rmSync(path.join(dir, name), { force: true });
      removed.push(name);
    } catch {
      // not ours to fight over
    }
  }
  return removed;
}

/** How long a FIFO without a reader is waited for before the write is refused. */
export const FIFO_WAIT_MS = 5_000;

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function writeAll(fd: number, bytes: Uint8Array, deadline: number): void {
  let offset = 0;
  while (offset < bytes.byteLength) {
    try {
      offset += writeSync(fd, bytes, offset, bytes.byteLength - offset);
    } catch (e) {
      // A FIFO opened non-blocking: the reader is slower than we are.
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN' || Date.now() > deadline) throw e;
      sleep(5);
    }
  }
}

function writeSpecial(out: Extract<ResolvedOutput, { kind: 'special' }>, blocks: Iterable<Uint8Array>): void {
  let fd: number | undefined;
  const flags = FS.O_WRONLY | (out.fifo ? FS.O_NONBLOCK : 0);
  const openBy = Date.now() + FIFO_WAIT_MS;
  while (fd === undefined) {
    try {
      fd = openSync(out.path, flags);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // ENXIO: a FIFO nobody reads (yet).
      if (code === 'ENXIO' && out.fifo && Date.now() < openBy) {
        sleep(20);
        continue;
      }
      if (code === 'ENXIO' && out.fifo) throw new OutputError('err.outFifoNoReader', { file: out.given, seconds: FIFO_WAIT_MS / 1000 }, code);
      throw e;
    }
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new OutputError('err.outIsDir', { file: out.given });
    // A slow reader gets up to a minute per write before the write is given up.
    const deadline = Date.now() + 60_000;
    for (const bytes of blocks) writeAll(fd, bytes, deadline);
  } finally {
    closeSync(fd);
  }
}

function writeRegular(target: string, blocks: Iterable<Uint8Array>): void {
  removeStaleTemps(path.dirname(target));
  const temp = tempPathFor(target);
  let fd: number | undefined;
  try {
    let mode = 0o644;
    try {
      mode = statSync(target).mode & 0o777;
    } catch {
      // a new file
    }
    fd = openSync(temp, 'wx', mode);
    // A large output (an annotated copy with big pictures) comes block by block.
    for (const bytes of blocks) writeAll(fd, bytes, Number.POSITIVE_INFINITY);
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

/**
 * Writes `data` to `target` the safe way (see the module comment).
 * @throws OutputError for a refused target; the file system's error for a failed write
 * @example writeOutput('reports/2026-05-01.json', json, identitiesOf(inputs))
 */
export function writeOutput(target: string | ResolvedOutput, data: string | Uint8Array | Iterable<Uint8Array>, inputs: readonly FileIdentity[] = []): ResolvedOutput {
  const out = typeof target === 'string' ? resolveOutput(target, inputs) : target;
  const blocks: Iterable<Uint8Array> = typeof data === 'string' ? [Buffer.from(data, 'utf8')] : data instanceof Uint8Array ? [data] : data;
  if (out.kind === 'special') writeSpecial(out, blocks);
  else writeRegular(out.path, blocks);
  return out;
}

/** The sentence for a failed output: a refused target says why, a failed write gives the errno. */
export function writeFailure(lang: Lang, file: string, e: unknown): string {
  if (e instanceof OutputError) return t(lang, e.key, e.data);
  return t(lang, 'err.write', { file, reason: e instanceof Error ? ((e as NodeJS.ErrnoException).code ?? e.message) : String(e) });
}
