/**
 * The doors of `partner-check serve`: which requests it answers at all, and what one client may
 * hold.
 *
 * - **Host** (DNS rebinding): a request is answered only when its `Host` names the address the
 *   server listens on (for a loopback or wildcard bind also `localhost`, `127.0.0.1`, `[::1]`), or
 *   a name given with `--allow-host`. Any other Host gets 403 before the body is read.
 * - **Origin** (cross-site requests): when a request carries `Origin`, it must be the page's own
 *   origin (the request's own Host, http or https); `Origin: null` (sandboxed frames, file: pages,
 *   some redirects) is refused too.
 * - **Sessions**: the upload API wants a token (`X-Session`) that the page gets from
 *   `POST /api/session`; a cross-site page can neither ask for one (Origin) nor read it (no CORS).
 *   Downloads belong to the session that made them (DownloadStore quotas per session).
 * - **Per-client limits**: uploads in progress per client address; bodies that stall are dropped.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { processAlive } from '../output/index.js';

/** The host names (lower case, IPv6 without brackets) a server bound to `bindHost` answers for. */
export function allowedHostNames(bindHost: string, extra: readonly string[] = []): Set<string> {
  const names = new Set<string>(extra.map(normalizeHostName));
  const h = normalizeHostName(bindHost);
  names.add(h);
  const loopback = h === '127.0.0.1' || h === 'localhost' || h === '::1' || h.startsWith('127.');
  const wildcard = h === '0.0.0.0' || h === '::';
  if (loopback || wildcard) for (const n of ['localhost', '127.0.0.1', '::1']) names.add(n);
  if (wildcard) {
    // Every address of this machine's interfaces reaches it.
    for (const list of Object.values(os.networkInterfaces())) for (const i of list ?? []) names.add(normalizeHostName(i.address));
  }
  return names;
}

function normalizeHostName(h: string): string {
  return h.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}

/** `host[:port]` of a Host header → its host name (IPv6 unbracketed), or null when malformed. */
export function hostNameOf(hostHeader: string): string | null {
  const v = hostHeader.trim().toLowerCase();
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::(\d{1,5}))?$/.exec(v);
  return m ? normalizeHostName(m[1]!) : null;
}

export type DoorVerdict = { readonly ok: true } | { readonly ok: false; readonly key: 'foreignHost' | 'foreignOrigin' };

/** Whether to answer `req` at all (see the module comment). */
export function checkDoors(req: IncomingMessage, allowed: ReadonlySet<string>): DoorVerdict {
  const host = req.headers.host;
  const name = host === undefined ? null : hostNameOf(host);
  if (name === null || !allowed.has(name)) return { ok: false, key: 'foreignHost' };
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let url: URL | undefined;
    try {
      url = origin === 'null' ? undefined : new URL(origin);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.host.toLowerCase() !== host!.trim().toLowerCase()) {
      return { ok: false, key: 'foreignOrigin' };
    }
  }
  return { ok: true };
}

/** Session tokens of the upload API: random 128-bit, forgotten after `ttlMs` without use. */
export class Sessions {
  private readonly tokens = new Map<string, number>();
  constructor(
    readonly ttlMs: number,
    readonly maxSessions = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  create(): string {
    this.sweep();
    const token = randomBytes(16).toString('base64url');
    this.tokens.set(token, this.now() + this.ttlMs);
    // Bounded: the oldest sessions go first.
    for (const old of this.tokens.keys()) {
      if (this.tokens.size <= this.maxSessions) break;
      this.tokens.delete(old);
    }
    return token;
  }

  /** Whether `token` is a live session; using it extends its life. */
  touch(token: string | string[] | undefined): token is string {
    if (typeof token !== 'string') return false;
    const expires = this.tokens.get(token);
    if (expires === undefined) return false;
    if (expires <= this.now()) {
      this.tokens.delete(token);
      return false;
    }
    this.tokens.delete(token);
    this.tokens.set(token, this.now() + this.ttlMs);
    return true;
  }

  sweep(): void {
    const now = this.now();
    for (const [t, exp] of this.tokens) if (exp <= now) this.tokens.delete(t);
  }

  get size(): number {
    return this.tokens.size;
  }
}

/** Uploads in progress per client address. */
export class ClientCounter {
  private readonly counts = new Map<string, number>();
  constructor(readonly maxPerClient: number) {}

  /** Takes a slot for `client`; false when it already holds `maxPerClient`. */
  acquire(client: string): boolean {
    const n = this.counts.get(client) ?? 0;
    if (n >= this.maxPerClient) return false;
    this.counts.set(client, n + 1);
    return true;
  }

  release(client: string): void {
    const n = (this.counts.get(client) ?? 1) - 1;
    if (n <= 0) this.counts.delete(client);
    else this.counts.set(client, n);
  }

  of(client: string): number {
    return this.counts.get(client) ?? 0;
  }
}

/**
 * The one folder of a server's temporary files: `os.tmpdir()/<name>/`, each upload in a
 * `<pid>-XXXXXX` folder inside. Folders of processes that are gone (a server killed with
 * SIGKILL) are removed when a server starts; the server removes its own on close, on exit and
 * on SIGINT/SIGTERM (runServe).
 */
export class TempRoot {
  readonly dir: string;
  constructor(name: string, base = os.tmpdir()) {
    this.dir = path.join(base, name);
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    this.removeStale();
  }

  /** A fresh private folder for one upload. */
  make(): string {
    // Another server of this machine may have removed the shared root when it closed (see removeOwn).
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    return mkdtempSync(path.join(this.dir, `${process.pid}-`));
  }

  /** Removes folders of processes that no longer run. */
  removeStale(): void {
    for (const name of this.entries()) {
      const pid = Number(/^(\d+)-/.exec(name)?.[1] ?? NaN);
      if (!Number.isInteger(pid) || !processAlive(pid)) rmSync(path.join(this.dir, name), { recursive: true, force: true });
    }
  }

  /** Removes this process's folders (synchronously: also usable in an `exit` handler). */
  removeOwn(): void {
    for (const name of this.entries()) {
      if (!name.startsWith(`${process.pid}-`)) continue;
      try {
        rmSync(path.join(this.dir, name), { recursive: true, force: true, maxRetries: 3 });
      } catch {
        // A check still writing into its folder while the server closes (ENOTEMPTY): that
        // request removes its own folder when it ends, and the next start sweeps the rest.
      }
    }
    // The shared root too, when no other server has folders in it: a stopped server leaves nothing.
    try {
      rmdirSync(this.dir);
    } catch {
      // not empty (another server's uploads, or a check still writing) or already gone
    }
  }

  entries(): string[] {
    try {
      return readdirSync(this.dir);
    } catch {
      return [];
    }
  }
}
