/**
 * The HTTP server of `partner-check serve` (Node's own http module, no framework).
 *
 *   GET  /                  the page (zh-TW, or `?lang=en`)
 *   POST /api/session       → `{ token }`, the session token the upload API wants (`X-Session`)
 *   POST /api/check         the body is one file; header `X-Filename` is its encodeURIComponent
 *                           name, `X-Session` the token; `?lang=zh-TW|en`. → 200 CheckResponse
 *                           JSON (also for a file that cannot be read: its report says why) · 400 ·
 *                           403 bad session · 408 body too slow · 413 too large · 429/503 busy
 *   GET  /download/:id      an annotated or fixed copy, generated schedule or JSON report (10 minutes)
 *   GET  /healthz           `{ "ok": true }` for a reverse proxy's health check
 *
 * Every request first passes the doors (serve/doors.ts): a foreign Host or Origin gets 403 before
 * its body is read. Every upload goes to a fresh folder inside the server's one temp root, is
 * read by the same guarded reader worker as the CLI, and the folder is removed before the answer
 * is sent (and on every error path; the root is swept at start-up and on close).
 * Downloads live in memory only (DownloadStore). At most `concurrency` checks run at once; the
 * rest wait in a bounded queue. Uploads over the limit get 413 while the rest of the body is
 * drained (up to a cap), so the client reads the answer and the connection stays usable.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CAMPAIGN, type Campaign, type Lang } from '../../rules/index.js';
import { taipeiToday } from '../args.js';
import type { ReadWorkbookOptions } from '../read/guarded.js';
import { checkUpload, displayNameOf, holdUploadPool } from './check.js';
import { clientAddress, contentDisposition, sendError, sendJson, setBaseHeaders } from './http.js';
import type { ServerErrorKey } from './strings.js';
import { BusyError, Limiter } from './limiter.js';
import { allowedHostNames, checkDoors, ClientCounter, Sessions, TempRoot } from './doors.js';
import { buildPage, type Page } from './page.js';
import { DEFAULT_TTL_MS, DownloadStore, type Download } from './store.js';
import type { CheckResponse, DownloadLink } from './types.js';

export interface ServeOptions {
  /** Default 127.0.0.1 (this machine only). */
  readonly host?: string;
  /** Default 8080; 0 picks a free port. */
  readonly port?: number;
  /** Size limit of one upload in bytes. Default 10 MiB. */
  readonly maxUploadBytes?: number;
  /** Default language of the page (and of checks that do not ask for one). */
  readonly lang?: Lang;
  /** A fixed "today" (`YYYY-MM-DD`); otherwise today in Asia/Taipei at each check. */
  readonly today?: string;
  /** The clock (epoch ms) for the default today. */
  readonly now?: () => number;
  readonly campaign?: Campaign;
  /** Checks running at once. Default: the CPU count, clamped to 2…4. */
  readonly concurrency?: number;
  /** Checks waiting for a slot before the server answers 503. Default 64. */
  readonly maxQueue?: number;
  /** Uploads being received, waiting or checked at once before the server answers 503. Default 64. */
  readonly maxInFlight?: number;
  /** How long downloads stay available. Default 10 minutes. */
  readonly downloadTtlMs?: number;
  readonly maxDownloads?: number;
  readonly maxDownloadBytes?: number;
  /** One line per request (default: stderr). */
  readonly log?: (line: string) => void;
  /** Name of the server's temporary folder under os.tmpdir() (a trailing `-` is dropped). */
  readonly tmpPrefix?: string;
  /** Host names answered besides the listen address (`--allow-host`, e.g. the proxy's public name). */
  readonly allowHosts?: readonly string[];
  /** Uploads one client address may have in progress (receiving, waiting or being checked). Default 32, half of maxInFlight. */
  readonly maxUploadsPerClient?: number;
  /** An upload body must arrive within this long. Default 120 s. */
  readonly bodyTimeoutMs?: number;
  /** …and never pause longer than this between chunks. Default 15 s. */
  readonly bodyIdleMs?: number;
  /** Limits of the reader worker. */
  readonly read?: ReadWorkbookOptions;
}

export interface RunningServer {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly server: http.Server;
  readonly store: DownloadStore;
  readonly limiter: Limiter;
  /** The server's temporary folder (each upload's own folder lives inside). */
  readonly tempDir: string;
  /** Stops accepting, ends open connections, forgets every download, removes its temp files. */
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_MAX_UPLOAD_MB = 10;
export const TMP_PREFIX = 'partner-check-serve-';
export const DEFAULT_BODY_TIMEOUT_MS = 120_000;
export const DEFAULT_BODY_IDLE_MS = 15_000;

/** Bytes of a rejected upload the server still reads (and discards) so the client sees the answer. */
function drainCap(limit: number): number {
  return Math.max(4 * limit, 64 * 1024 * 1024);
}

function defaultConcurrency(): number {
  const cpus = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(2, Math.min(4, cpus));
}

interface Context {
  readonly opts: ServeOptions;
  readonly limit: number;
  readonly lang: Lang;
  readonly campaign: Campaign;
  readonly store: DownloadStore;
  readonly limiter: Limiter;
  /** The page in a language for a check date (built once per day and language). */
  readonly page: (lang: Lang, today: string) => Page;
  readonly log: (line: string) => void;
  readonly temp: TempRoot;
  readonly allowed: ReadonlySet<string>;
  readonly sessions: Sessions;
  readonly clients: ClientCounter;
  inFlight: number;
}

/** Builds the request handler (and its state) without listening: `startServer` uses it. */
export function createServeHandler(opts: ServeOptions = {}) {
  const limit = opts.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_MB * 1024 * 1024;
  const lang = opts.lang ?? 'zh-TW';
  const campaign = opts.campaign ?? DEFAULT_CAMPAIGN;
  const ttlMs = opts.downloadTtlMs ?? DEFAULT_TTL_MS;
  const store = new DownloadStore({ ttlMs, maxEntries: opts.maxDownloads, maxBytes: opts.maxDownloadBytes });
  const limiter = new Limiter(opts.concurrency ?? defaultConcurrency(), opts.maxQueue ?? 64);
  const pageOpts = { campaign, maxUploadBytes: limit, ttlMs };
  const pageCache = new Map<string, Page>();
  const page = (l: Lang, today: string): Page => {
    const key = `${l}|${today}`;
    let p = pageCache.get(key);
    if (!p) {
      // The date changes once a day: keep only the current day's pages.
      if (pageCache.size >= 4) pageCache.clear();
      pageCache.set(key, (p = buildPage({ ...pageOpts, lang: l, today })));
    }
    return p;
  };
  const ctx: Context = {
    opts,
    limit,
    lang,
    campaign,
    store,
    limiter,
    page,
    log: opts.log ?? ((line) => process.stderr.write(`${line}\n`)),
    temp: new TempRoot((opts.tmpPrefix ?? TMP_PREFIX).replace(/-+$/, '')),
    allowed: allowedHostNames(opts.host ?? DEFAULT_HOST, opts.allowHosts ?? []),
    sessions: new Sessions(Math.max(ttlMs, 60 * 60_000)),
    clients: new ClientCounter(opts.maxUploadsPerClient ?? 32),
    inFlight: 0,
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const started = performance.now();
    res.once('close', () => logRequest(ctx, req, res, started));
    const doors = checkDoors(req, ctx.allowed);
    if (!doors.ok) {
      // Not one byte of the body is read: answer, then cut the connection.
      sendError(res, 403, doors.key, {}, { Connection: 'close' });
      res.once('finish', () => req.socket.destroySoon?.() ?? req.socket.end());
      return;
    }
    route(ctx, req, res).catch((e: unknown) => {
      ctx.log(`partner-check serve: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      if (res.headersSent) res.destroy();
      else void refuse(ctx, req, res, 500, 'internal');
    });
  };

  /** `Expect: 100-continue`: refuse an announced oversized body before it is sent. */
  const checkContinue = (req: IncomingMessage, res: ServerResponse): void => {
    if (!checkDoors(req, ctx.allowed).ok) {
      handle(req, res); // 403, and the body is never asked for
      return;
    }
    if (declaredLength(req) > limit) {
      // The client waits for "100 Continue" before sending the body: answer now and close.
      const started = performance.now();
      res.once('close', () => logRequest(ctx, req, res, started));
      sendError(res, 413, 'tooLarge', { mb: Math.round((limit / (1024 * 1024)) * 100) / 100 }, { Connection: 'close' });
      return;
    }
    res.writeContinue();
    handle(req, res);
  };

  return { handle, checkContinue, store, limiter, limit, temp: ctx.temp };
}

export async function startServer(opts: ServeOptions = {}): Promise<RunningServer> {
  const { handle, checkContinue, store, limiter, temp } = createServeHandler(opts);
  const server = http.createServer(handle);
  // A whole request (headers and body) must arrive in time; receiveBody enforces its own limits too.
  server.requestTimeout = (opts.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS) + 10_000;
  const onExit = () => temp.removeOwn();
  process.once('exit', onExit);
  const releasePool = holdUploadPool();
  server.on('checkContinue', checkContinue);
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  const host = opts.host ?? DEFAULT_HOST;
  await new Promise<void>((resolve, reject) => {
    const onError = (e: Error) => {
      store.clear();
      process.off('exit', onExit);
      temp.removeOwn();
      void releasePool();
      reject(e);
    };
    server.once('error', onError);
    server.listen(opts.port ?? DEFAULT_PORT, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  // The URL to print: a wildcard address is reached through loopback; IPv6 goes in brackets.
  const urlHost = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    host,
    port,
    server,
    store,
    limiter,
    tempDir: temp.dir,
    close: () =>
      new Promise<void>((resolve) => {
        store.clear();
        server.close(() => {
          temp.removeOwn();
          process.off('exit', onExit);
          void releasePool().then(resolve, resolve);
        });
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 1000).unref();
      }),
  };
}

// ------------------------------------------------------------------------------------ routing

async function route(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://localhost');
  } catch {
    return refuse(ctx, req, res, 400, 'notFound');
  }
  const method = req.method ?? 'GET';
  const p = url.pathname;
  if (p === '/' || p === '/index.html') {
    if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(ctx, req, res, 'GET, HEAD');
    const lang = langParam(url) ?? ctx.lang;
    // The page shows the same check date the server's checks use (Asia/Taipei, not the browser's clock).
    return sendPage(res, ctx.page(lang, checkDate(ctx)), method === 'HEAD');
  }
  if (p === '/api/session') {
    if (method !== 'POST') return methodNotAllowed(ctx, req, res, 'POST');
    return sendJson(res, 200, { token: ctx.sessions.create() });
  }
  if (p === '/api/check') {
    if (method !== 'POST') return methodNotAllowed(ctx, req, res, 'POST');
    return handleCheck(ctx, req, res, url);
  }
  if (p.startsWith('/download/')) {
    if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(ctx, req, res, 'GET, HEAD');
    return sendDownload(ctx, res, p.slice('/download/'.length), method === 'HEAD');
  }
  if (p === '/healthz') {
    if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(ctx, req, res, 'GET, HEAD');
    return sendJson(res, 200, { ok: true });
  }
  if (p === '/favicon.ico') {
    setBaseHeaders(res);
    res.writeHead(204);
    res.end();
    return;
  }
  return refuse(ctx, req, res, 404, 'notFound');
}

/** The check date: `--today`, or today in Asia/Taipei on the server's clock. */
function checkDate(ctx: Context): string {
  return ctx.opts.today ?? taipeiToday((ctx.opts.now ?? Date.now)());
}

function methodNotAllowed(ctx: Context, req: IncomingMessage, res: ServerResponse, allow: string): Promise<void> {
  return refuse(ctx, req, res, 405, 'methodNotAllowed', { Allow: allow });
}

function langParam(url: URL): Lang | undefined {
  const v = url.searchParams.get('lang');
  if (v === null) return undefined;
  const l = v.toLowerCase();
  return l === 'en' ? 'en' : l === 'zh-tw' || l === 'zh' ? 'zh-TW' : undefined;
}

function sendPage(res: ServerResponse, page: Page, head: boolean): void {
  const bytes = Buffer.from(page.html, 'utf8');
  setBaseHeaders(res, page.csp);
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(bytes.byteLength) });
  res.end(head ? undefined : bytes);
}

function sendDownload(ctx: Context, res: ServerResponse, id: string, head: boolean): void {
  const item = ctx.store.get(id);
  if (!item) return sendError(res, 404, 'downloadGone');
  setBaseHeaders(res);
  res.writeHead(200, {
    'Content-Type': item.contentType,
    'Content-Length': String(item.bytes.byteLength),
    'Content-Disposition': contentDisposition(item.name),
  });
  res.end(head ? undefined : item.bytes);
}

// ------------------------------------------------------------------------------------ uploads

function declaredLength(req: IncomingMessage): number {
  const raw = req.headers['content-length'];
  if (raw === undefined) return -1;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : -1;
}

/**
 * Reads and discards what is left of a request body. Resolves `drained` once it has ended,
 * `over-cap` as soon as more than `cap` bytes arrived (the caller answers and closes), or
 * `aborted` when the client went away.
 */
function drainBody(req: IncomingMessage, cap: number): Promise<'drained' | 'over-cap' | 'aborted'> {
  if (req.readableEnded || req.complete) return Promise.resolve('drained');
  if (req.destroyed) return Promise.resolve('aborted');
  if (declaredLength(req) > cap) {
    // Not worth reading: answer at once and cut the connection.
    req.pause();
    return Promise.resolve('over-cap');
  }
  return new Promise((resolve) => {
    let seen = 0;
    const done = (r: 'drained' | 'over-cap' | 'aborted') => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      if (r === 'over-cap') req.pause();
      resolve(r);
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > cap) done('over-cap');
    };
    const onEnd = () => done('drained');
    const onClose = () => done(req.complete ? 'drained' : 'aborted');
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
    req.on('error', () => {});
    req.resume();
  });
}

/**
 * Answers a request whose body is not wanted (too large, busy, bad request). The rest of the body
 * is read and discarded first, so the client — still sending — reliably reads the answer; a body
 * beyond the drain cap is cut off right after the answer. The connection is closed afterwards.
 */
async function refuse(ctx: Context, req: IncomingMessage, res: ServerResponse, status: number, key: ServerErrorKey, extra: Record<string, string> = {}): Promise<void> {
  const drained = await drainBody(req, drainCap(ctx.limit));
  if (drained === 'aborted' || res.destroyed) {
    res.destroy();
    return;
  }
  const mb = Math.round((ctx.limit / (1024 * 1024)) * 100) / 100;
  sendError(res, status, key, { mb, max: MAX_PICTURES }, { Connection: 'close', ...extra });
  if (drained === 'over-cap') res.once('finish', () => req.socket.destroySoon?.() ?? req.socket.end());
}

function rejectUpload(ctx: Context, req: IncomingMessage, res: ServerResponse, status: number, key: 'tooLarge' | 'busy' | 'missingFilename' | 'badLang' | 'badPictures'): Promise<void> {
  return refuse(ctx, req, res, status, key, status === 503 ? { 'Retry-After': '5' } : {});
}

/** Pictures one upload may carry along (the workbook's hero, ad and product images). */
export const MAX_PICTURES = 40;

/**
 * The `X-Pictures` header: the pictures sent after the workbook in the same body, as
 * encodeURIComponent JSON `[[name, bytes], …]`; each at most the upload limit, together at most
 * four times it. Undefined when the header is malformed or over those limits.
 */
export function parsePicturesHeader(raw: string | string[] | undefined, limit: number): { name: string; bytes: number }[] | undefined {
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (v === undefined || v.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeURIComponent(v));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length > MAX_PICTURES) return undefined;
  const out: { name: string; bytes: number }[] = [];
  let total = 0;
  for (const p of parsed) {
    if (!Array.isArray(p) || p.length !== 2 || typeof p[0] !== 'string' || !Number.isSafeInteger(p[1]) || p[1] < 0 || p[1] > limit) return undefined;
    total += p[1];
    out.push({ name: displayNameOf(p[0]), bytes: p[1] });
  }
  return total <= 4 * limit ? out : undefined;
}

/** Cuts the received body into the workbook (what is left at the start) and the pictures (at its end, in order). */
async function splitBody(bundle: string, workbookPath: string, pictures: readonly { name: string; bytes: number }[], dir: string, total: number): Promise<[string, string][]> {
  const picBytes = pictures.reduce((n, p) => n + p.bytes, 0);
  const out: [string, string][] = [];
  const copy = (start: number, bytes: number, to: string) =>
    bytes === 0
      ? writeFile(to, new Uint8Array(0), { flag: 'wx', mode: 0o600 })
      : pipeline(createReadStream(bundle, { start, end: start + bytes - 1 }), createWriteStream(to, { flags: 'wx', mode: 0o600 }));
  await copy(0, total - picBytes, workbookPath);
  await mkdir(path.join(dir, 'pictures'));
  let at = total - picBytes;
  for (const [i, p] of pictures.entries()) {
    // On disk by number (the name is only matched, never used as a path).
    const file = path.join(dir, 'pictures', String(i));
    await copy(at, p.bytes, file);
    out.push([p.name, file]);
    at += p.bytes;
  }
  await rm(bundle, { force: true });
  return out;
}

type Received = { readonly kind: 'ok'; readonly bytes: number } | { readonly kind: 'too-large' } | { readonly kind: 'aborted' } | { readonly kind: 'timeout' };

/**
 * Streams the body to `file`, stopping at `limit` bytes, or when the body stalls (`idleMs`
 * without a byte) or takes longer than `totalMs`. Never buffers the whole upload.
 */
function receiveBody(req: IncomingMessage, file: string, limit: number, totalMs: number, idleMs: number): Promise<Received> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
    let bytes = 0;
    let settled = false;
    const timedOut = () => {
      req.pause();
      out.destroy();
      settle({ kind: 'timeout' });
    };
    const total = setTimeout(timedOut, totalMs);
    let idle = setTimeout(timedOut, idleMs);
    const cleanup = () => {
      clearTimeout(total);
      clearTimeout(idle);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      req.off('error', onClose);
    };
    const settle = (r: Received | Error) => {
      if (settled) return;
      settled = true;
      cleanup();
      if (r instanceof Error) reject(r);
      else resolve(r);
    };
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      clearTimeout(idle);
      idle = setTimeout(timedOut, idleMs);
      if (bytes > limit) {
        req.pause();
        out.destroy();
        settle({ kind: 'too-large' });
        return;
      }
      if (!out.write(chunk)) {
        req.pause();
        out.once('drain', () => req.resume());
      }
    };
    const onEnd = () => {
      out.end(() => settle({ kind: 'ok', bytes }));
    };
    const onClose = () => {
      if (req.complete) return;
      out.destroy();
      settle({ kind: 'aborted' });
    };
    out.on('error', (e) => {
      // Destroying the file stream on a too-large or aborted upload can still report the
      // writes it dropped; by then the request belongs to whoever drains it: leave it alone.
      if (settled) return;
      req.pause();
      settle(e);
    });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
    req.on('error', onClose);
  });
}

/**
 * The upload's file name on disk: the display name (already without folders and control
 * characters), without characters Windows refuses, and at most 200 UTF-8 bytes (extension kept).
 */
export function diskNameOf(displayName: string): string {
  let name = process.platform === 'win32' ? displayName.replace(/[<>:"|?*]/g, '_').replace(/[. ]+$/, '') || 'upload' : displayName;
  if (Buffer.byteLength(name, 'utf8') <= 200) return name;
  const ext = path.extname(name).slice(0, 16);
  let base = name.slice(0, name.length - path.extname(name).length);
  while (Buffer.byteLength(base + ext, 'utf8') > 200) base = Array.from(base).slice(0, -1).join('');
  name = base + ext;
  return name;
}

/**
 * The `X-Filename` header: percent-encoded UTF-8 (what the page sends). A raw UTF-8 name (what
 * `curl -H "X-Filename: 報名表.xlsx"` sends) arrives as Latin-1 characters and is decoded too.
 */
export function decodeFilename(raw: string | string[] | undefined): string | undefined {
  let v = Array.isArray(raw) ? raw[0] : raw;
  if (v === undefined || v.trim() === '') return undefined;
  if (/[\u0080-\u00ff]/.test(v) && !/[^\u0000-\u00ff]/.test(v)) {
    const utf8 = Buffer.from(v, 'latin1').toString('utf8');
    if (!utf8.includes('\uFFFD')) v = utf8;
  }
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

/** Answers without reading the body (403 session, 429 per-client limit) and closes the connection. */
function refuseUnread(res: ServerResponse, req: IncomingMessage, status: number, key: ServerErrorKey, extra: Record<string, string> = {}): void {
  sendError(res, status, key, {}, { Connection: 'close', ...extra });
  res.once('finish', () => req.socket.destroySoon?.() ?? req.socket.end());
}

async function handleCheck(ctx: Context, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (!ctx.sessions.touch(req.headers['x-session'])) return refuseUnread(res, req, 403, 'badSession');
  const client = req.socket.remoteAddress ?? '-';
  // One client's stalled or parallel uploads take its own slots, never everyone's.
  if (!ctx.clients.acquire(client)) return refuseUnread(res, req, 429, 'clientBusy', { 'Retry-After': '5' });
  const session = req.headers['x-session'] as string;
  ctx.inFlight++;
  let dir: string | undefined;
  try {
    if (ctx.inFlight > (ctx.opts.maxInFlight ?? 64)) return await rejectUpload(ctx, req, res, 503, 'busy');
    const lang = url.searchParams.has('lang') ? langParam(url) : ctx.lang;
    if (!lang) return await rejectUpload(ctx, req, res, 400, 'badLang');
    const rawName = decodeFilename(req.headers['x-filename']);
    if (rawName === undefined) return await rejectUpload(ctx, req, res, 400, 'missingFilename');
    const pictureList = parsePicturesHeader(req.headers['x-pictures'], ctx.limit);
    if (pictureList === undefined) return await rejectUpload(ctx, req, res, 400, 'badPictures');
    const picBytes = pictureList.reduce((n, p) => n + p.bytes, 0);
    const bodyLimit = ctx.limit + picBytes;
    if (declaredLength(req) > bodyLimit) return await rejectUpload(ctx, req, res, 413, 'tooLarge');

    const displayName = displayNameOf(rawName);
    dir = ctx.temp.make();
    // The upload keeps its own name (a CSV's table is named after its file), in a folder of its
    // own so it can never collide with the outputs written next to it.
    await mkdir(path.join(dir, 'in'));
    const filePath = path.join(dir, 'in', diskNameOf(displayName));
    // With pictures along, the body is received whole first, then cut into its files.
    const bodyPath = pictureList.length > 0 ? path.join(dir, 'body') : filePath;
    const received = await receiveBody(req, bodyPath, bodyLimit, ctx.opts.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS, ctx.opts.bodyIdleMs ?? DEFAULT_BODY_IDLE_MS);
    if (received.kind === 'ok' && (received.bytes < picBytes || received.bytes - picBytes > ctx.limit)) {
      await removeDir(dir);
      dir = undefined;
      return sendError(res, received.bytes < picBytes ? 400 : 413, received.bytes < picBytes ? 'badPictures' : 'tooLarge', { mb: Math.round((ctx.limit / (1024 * 1024)) * 100) / 100, max: MAX_PICTURES });
    }
    const pictures = received.kind === 'ok' && pictureList.length > 0 ? await splitBody(bodyPath, filePath, pictureList, dir, received.bytes) : [];
    if (received.kind !== 'ok') {
      // Nothing of a refused upload stays on disk, not even while the rest of it is drained.
      await removeDir(dir);
      dir = undefined;
      if (received.kind === 'too-large') return await rejectUpload(ctx, req, res, 413, 'tooLarge');
      if (received.kind === 'timeout') return refuseUnread(res, req, 408, 'timeout');
      res.destroy();
      return;
    }

    const today = checkDate(ctx);
    let outcome;
    try {
      const workDir = dir;
      outcome = await ctx.limiter.run(() => checkUpload({ filePath, displayName, workDir, pictures }, { campaign: ctx.campaign, today, lang, read: ctx.opts.read }));
    } catch (e) {
      await removeDir(dir);
      dir = undefined;
      if (e instanceof BusyError) return await rejectUpload(ctx, req, res, 503, 'busy');
      throw e;
    }
    // Nothing of the upload stays on disk: the folder goes before the answer.
    await removeDir(dir);
    dir = undefined;

    const link = (d: Download): DownloadLink => {
      const id = ctx.store.put(d, session);
      return { id, url: `/download/${id}`, name: d.name, bytes: d.bytes.byteLength };
    };
    const body: CheckResponse = {
      ok: true,
      lang,
      file: { name: displayName, bytes: received.bytes - picBytes },
      report: outcome.report,
      unreadable: outcome.unreadable,
      shops: outcome.shops,
      today,
      ringMails: outcome.ringMails.map((m) => ({ ...m, eml: m.eml ? link(m.eml) : null })),
      ringSkipped: outcome.ringSkipped,
      deadlineCount: outcome.deadlineCount,
      pictures: { sent: pictures.length, used: outcome.picturesUsed },
      charts: outcome.charts,
      shopsTotal: outcome.shopsTotal,
      downloads: {
        annotated: outcome.annotated ? link(outcome.annotated) : null,
        fixed: outcome.fixed ? link(outcome.fixed) : null,
        schedule: outcome.schedule ? link(outcome.schedule) : null,
        json: link(outcome.json),
        html: link(outcome.html),
        junit: link(outcome.junit),
        ics: outcome.ics ? link(outcome.ics) : null,
        deadlinesCsv: outcome.deadlinesCsv ? link(outcome.deadlinesCsv) : null,
      },
      annotateError: outcome.annotateError,
    };
    if (res.destroyed) return;
    sendJson(res, 200, body);
  } finally {
    ctx.inFlight--;
    ctx.clients.release(client);
    if (dir !== undefined) await removeDir(dir);
  }
}

async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 3 });
}

// ------------------------------------------------------------------------------------ logging

function logRequest(ctx: Context, req: IncomingMessage, res: ServerResponse, started: number): void {
  let p = (req.url ?? '/').split('?')[0]!;
  // Download ids are capabilities: keep them out of logs.
  if (p.startsWith('/download/')) p = `/download/${p.slice('/download/'.length, '/download/'.length + 4)}…`;
  p = p.replace(/[\u0000-\u001F\u007F\s]/g, '?').slice(0, 200);
  const status = res.headersSent ? String(res.statusCode) : 'aborted';
  const length = res.getHeader('content-length');
  const ms = Math.round(performance.now() - started);
  ctx.log(`${new Date().toISOString()} ${clientAddress(res)} ${req.method ?? '-'} ${p} ${status} ${length ?? '-'}B ${ms}ms`);
}
