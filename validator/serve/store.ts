/**
 * Short-lived, in-memory downloads (annotated copy, generated schedule, JSON report) of
 * `partner-check serve`. Nothing is written to disk: an entry lives for `ttlMs` (default
 * 10 minutes), and the store is bounded by count and bytes. Entries belong to the session that
 * made them: a session over its own quota loses its own oldest entries, and when the whole store
 * is full the session holding the most bytes gives way — so one client's flood of uploads never
 * evicts another's download links. Ids are 128-bit random (base64url), so a download link is as
 * hard to guess as a session token.
 */
import { randomBytes } from 'node:crypto';

export interface Download {
  readonly bytes: Uint8Array;
  /** The file name offered to the browser (Content-Disposition). */
  readonly name: string;
  readonly contentType: string;
}

export interface DownloadStoreOptions {
  readonly ttlMs?: number;
  readonly maxEntries?: number;
  readonly maxBytes?: number;
  /** Entries and bytes one session may hold (default 200 entries — a check makes about ten — and 64 MB). */
  readonly maxEntriesPerSession?: number;
  readonly maxBytesPerSession?: number;
  /** The clock (epoch ms); tests pass a fake one. */
  readonly now?: () => number;
}

interface Entry extends Download {
  readonly expires: number;
  readonly session: string;
}

export const DEFAULT_TTL_MS = 10 * 60_000;
export const DEFAULT_MAX_ENTRIES = 2000;
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;
export const DEFAULT_MAX_ENTRIES_PER_SESSION = 200;
export const DEFAULT_MAX_BYTES_PER_SESSION = 64 * 1024 * 1024;

/** Download ids: 22 base64url characters. */
export const DOWNLOAD_ID = /^[A-Za-z0-9_-]{22}$/;

export class DownloadStore {
  readonly ttlMs: number;
  readonly maxEntries: number;
  readonly maxBytes: number;
  readonly maxEntriesPerSession: number;
  readonly maxBytesPerSession: number;
  private readonly now: () => number;
  /** Insertion order = age order (Map iterates in insertion order). */
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(opts: DownloadStoreOptions = {}) {
    this.ttlMs = opts.ttlMs ?? DEFAULT_TTL_MS;
    this.maxEntries = opts.maxEntries ?? DEFAULT_MAX_ENTRIES;
    this.maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    this.maxEntriesPerSession = opts.maxEntriesPerSession ?? DEFAULT_MAX_ENTRIES_PER_SESSION;
    this.maxBytesPerSession = opts.maxBytesPerSession ?? DEFAULT_MAX_BYTES_PER_SESSION;
    this.now = opts.now ?? Date.now;
    // Expired entries are dropped even when nobody uploads or downloads any more.
    this.timer = setInterval(() => this.sweep(), Math.min(60_000, Math.max(1_000, this.ttlMs))).unref();
  }

  /**
   * Stores a download of `session` and returns its id; evicts expired entries, then the
   * session's own oldest beyond its quota, then (store full) the oldest of the session holding
   * the most bytes. What was just stored is never evicted.
   */
  put(item: Download, session = ''): string {
    this.sweep();
    const id = randomBytes(16).toString('base64url');
    this.entries.set(id, { ...item, expires: this.now() + this.ttlMs, session });
    this.bytes += item.bytes.byteLength;
    const own = this.usage(session);
    for (const [oldId, entry] of this.entries) {
      if (own.count <= this.maxEntriesPerSession && own.bytes <= this.maxBytesPerSession) break;
      if (oldId === id) break;
      if (entry.session !== session) continue;
      own.count--;
      own.bytes -= entry.bytes.byteLength;
      this.delete(oldId, entry);
    }
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const heaviest = this.heaviestSession();
      let evicted = false;
      for (const [oldId, entry] of this.entries) {
        if (oldId === id || entry.session !== heaviest) continue;
        this.delete(oldId, entry);
        evicted = true;
        break;
      }
      if (!evicted) break; // only the new entry is left of that session
    }
    return id;
  }

  private usage(session: string): { count: number; bytes: number } {
    const u = { count: 0, bytes: 0 };
    for (const e of this.entries.values()) {
      if (e.session !== session) continue;
      u.count++;
      u.bytes += e.bytes.byteLength;
    }
    return u;
  }

  private heaviestSession(): string {
    const bytes = new Map<string, number>();
    for (const e of this.entries.values()) bytes.set(e.session, (bytes.get(e.session) ?? 0) + e.bytes.byteLength + 1);
    let best = '';
    let most = -1;
    for (const [sess, b] of bytes) if (b > most) [best, most] = [sess, b];
    return best;
  }

  get(id: string): Download | undefined {
    if (!DOWNLOAD_ID.test(id)) return undefined;
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.delete(id, entry);
      return undefined;
    }
    return entry;
  }

  /** Drops expired entries. */
  sweep(): void {
    const now = this.now();
    for (const [id, entry] of this.entries) if (entry.expires <= now) this.delete(id, entry);
  }

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  /** Forgets everything and stops the sweeper. */
  clear(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.entries.clear();
    this.bytes = 0;
  }

  private delete(id: string, entry: Entry): void {
    this.entries.delete(id);
    this.bytes -= entry.bytes.byteLength;
  }
}
