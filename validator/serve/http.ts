/**
 * HTTP details of `partner-check serve`: security headers, JSON and error answers, the
 * Content-Disposition of downloads (RFC 6266 with an RFC 5987 `filename*` for CJK names).
 */
import type { ServerResponse } from 'node:http';
import type { Message } from '../../rules/index.js';
import { fill, SERVER_ERRORS, type ServerErrorKey } from './strings.js';

/** Headers every answer carries. */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/** The CSP of everything that is not the page: nothing may load or run. */
export const STRICT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function setBaseHeaders(res: ServerResponse, csp: string = STRICT_CSP): void {
  for (const [k, v] of Object.entries(BASE_HEADERS)) res.setHeader(k, v);
  res.setHeader('Content-Security-Policy', csp);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  if (res.headersSent) {
    res.end();
    return;
  }
  setBaseHeaders(res);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(bytes.byteLength), ...extra });
  res.end(bytes);
}

/** A bilingual error message with its placeholders filled. */
export function errorMessage(key: ServerErrorKey, data: Readonly<Record<string, string | number>> = {}): Message {
  const m = SERVER_ERRORS[key];
  return { 'zh-TW': fill(m['zh-TW'], data), en: fill(m.en, data) };
}

/** `{ ok: false, error: { code, message: { zh-TW, en } } }`. */
export function sendError(res: ServerResponse, status: number, key: ServerErrorKey, data: Readonly<Record<string, string | number>> = {}, extra: Record<string, string> = {}): void {
  sendJson(res, status, { ok: false, error: { code: key, message: errorMessage(key, data) } }, extra);
}

/**
 * `attachment; filename="ascii"; filename*=UTF-8''percent-encoded`: the ASCII fallback keeps
 * letters, digits and `._-()` (others become `_`), the RFC 5987 form keeps the real name.
 * Path separators, quotes and control characters never reach the header.
 * @example contentDisposition('報名表.checked.xlsx')
 *   === `attachment; filename="___.checked.xlsx"; filename*=UTF-8''%E5%A0%B1%E5%90%8D%E8%A1%A8.checked.xlsx`
 */
export function contentDisposition(name: string): string {
  const clean = name.replace(/[\u0000-\u001F\u007F"\\/]/g, '_').trim() || 'download';
  const ascii = clean.replace(/[^A-Za-z0-9._\-() ]/g, '_').replace(/^\.+/, '_') || 'download';
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The client's address for the log (behind a proxy this is the proxy). */
export function clientAddress(res: ServerResponse): string {
  return res.req?.socket.remoteAddress ?? '-';
}
