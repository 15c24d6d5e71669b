/**
 * Short-lived, in-memory downloads (annotated copy, generated schedule, JSON report) of
 * `partner-check serve`. Nothing is written to disk: an entry lives for `ttlMs` (default
 * 10 minutes), and the store is bounded by count and bytes — the oldest entries go first. Ids are
 * 128-bit random (base64url), so a download link is as hard to guess as a session token.
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
  /** The clock (epoch ms); tests pass a fake one. */
  readonly now?: () => number;
}

interface Entry extends Download {
  readonly expires: number;
}

export const DEFAULT_TTL_MS = 10 * 60_000;
export const DEFAULT_MAX_ENTRIES = 600;
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

/** Download ids: 22 base64url characters. */
export const DOWNLOAD_ID = /^[A-Za-z0-9_-]{22}$/;

export class DownloadStore {
  readonly ttlMs: number;
  readonly maxEntries: number;
  readonly maxBytes: number;
  private readonly now: () => number;
  /** Insertion order = age order (Map iterates in insertion order). */
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(opts: DownloadStoreOptions = {}) {
    this.ttlMs = opts.ttlMs ?? DEFAULT_TTL_MS;
    this.maxEntries = opts.maxEntries ?? DEFAULT_MAX_ENTRIES;
    this.maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    this.now = opts.now ?? Date.now;
    // Expired entries are dropped even when nobody uploads or downloads any more.
    this.timer = setInterval(() => this.sweep(), Math.min(60_000, Math.max(1_000, this.ttlMs))).unref();
  }

  /** Stores a download and returns its id; evicts expired, then oldest entries to stay in bounds. */
  put(item: Download): string {
    this.sweep();
    const id = randomBytes(16).toString('base64url');
    this.entries.set(id, { ...item, expires: this.now() + this.ttlMs });
    this.bytes += item.bytes.byteLength;
    for (const [oldId, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      if (oldId === id) break; // never evict what was just stored (one file larger than maxBytes still downloads once)
      this.delete(oldId, entry);
    }
    return id;
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
