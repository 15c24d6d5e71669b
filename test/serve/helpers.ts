/**
 * Helpers of the `partner-check serve` tests: fixture paths, the engine's own answer for a file
 * (read with the same guarded reader, checked with validateWorkbook), hostile files, and a
 * counter of the server's temporary folders.
 */
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { DEFAULT_CAMPAIGN, unreadableFileReport, validateWorkbook, type FileReport, type Lang } from '../../rules/index.js';
import { readWorkbookFile } from '../../validator/read/guarded.js';
import type { CheckResponse, JsonViolation } from '../../validator/serve/types.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = path.resolve(REPO_ROOT, '..', 'shared', 'fixtures');
export const PARTNER_WORKBOOK = path.join(FIXTURES, 'libreoffice', 'partner-workbook.xlsx');
export const ENROLLMENT_Q2 = path.join(FIXTURES, 'libreoffice', 'enrollment-2026q2.xlsx');
export const CSV_FIXTURES = ['enrollment-big5.csv', 'enrollment-utf8-bom.csv', 'enrollment-utf16le.txt'].map((f) => path.join(FIXTURES, 'csv', f));
export const EXAMPLES = ['clean.xlsx', 'mistakes.xlsx'].map((f) => path.join(REPO_ROOT, 'templates', 'examples', f));
export const SCREENSHOT = path.join(REPO_ROOT, 'test', 'screenshots', 'serve.png');
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The fixed "today" of every serve test: results never depend on the clock or on TZ. */
export const TODAY = '2026-03-20';

/** What `partner-check validate` reports for a file (named `name` in the report). */
export async function engineReport(file: string, name: string, lang: Lang = 'zh-TW'): Promise<FileReport> {
  const read = await readWorkbookFile(file);
  if (!read.ok) return unreadableFileReport(name, read.reason, lang);
  return validateWorkbook(read.workbook, { campaign: DEFAULT_CAMPAIGN, today: TODAY, lang, path: name });
}

/** The SPEC §7 fields of a violation, for comparing the engine's and the server's. */
export function violationKey(v: Pick<JsonViolation, 'ruleId' | 'severity' | 'sheet' | 'row' | 'column' | 'cell' | 'message' | 'value' | 'suggestion'>): string {
  return JSON.stringify([v.ruleId, v.severity, v.sheet, v.row, v.column, v.cell, v.message, v.value ?? null, v.suggestion ?? null]);
}

/**
 * A legacy .xls renamed to .xlsx: the OLE compound-file signature `D0 CF 11 E0 A1 B1 1A E1`, a
 * 512-byte header and a directory with a root entry and a "Workbook" stream (what Excel 97-2003
 * writes), the rest zeros.
 */
export function legacyXlsBytes(): Buffer {
  const bytes = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes, 0);
  const entry = (offset: number, name: string, type: number) => {
    bytes.write(name, offset, 'utf16le');
    bytes.writeUInt16LE((name.length + 1) * 2, offset + 64);
    bytes[offset + 66] = type;
  };
  entry(512, 'Root Entry', 5);
  entry(640, 'Workbook', 2);
  return bytes;
}

export const PAYLOAD = '<img src=x onerror=alert(1)>';
export const SCRIPT_PAYLOAD = '<script>alert(2)</script>';

/** An enrollment whose cells, tab name and file name carry HTML/JS payloads. */
export async function injectionWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('報名表');
  ws.addRow(['品牌名稱', '商店代碼', '聯絡信箱', '品類', '方案', '報名時間', '官網/社群曝光', '環狀數據', '任選日', '原CPS%', '鋪底回饋%', '預估月業績']);
  ws.addRow([PAYLOAD, 'x_shop', `${SCRIPT_PAYLOAD}@example.com`, '美食保健', '季方案', '2026/3/20 10:00', '是', '否', '4/1、4/14、4/22', '8%', '2%', 100000]);
  const extra = book.addWorksheet(PAYLOAD);
  extra.addRow([SCRIPT_PAYLOAD, PAYLOAD]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Upload folders inside the server's temp folder `os.tmpdir()/<prefix without its trailing ->`. */
export function tempEntries(prefix: string): string[] {
  try {
    return readdirSync(path.join(os.tmpdir(), prefix.replace(/-+$/, '')));
  } catch {
    return [];
  }
}

const tokens = new Map<string, string>();

/** A session token of the server at `baseUrl` (what the page gets from POST /api/session), cached. */
export async function sessionToken(baseUrl: string): Promise<string> {
  let token = tokens.get(baseUrl);
  if (token === undefined) {
    const res = await fetch(`${baseUrl}/api/session`, { method: 'POST' });
    token = ((await res.json()) as { token: string }).token;
    tokens.set(baseUrl, token);
  }
  return token;
}

/** Uploads a file the way the page does. */
export async function upload(baseUrl: string, name: string, bytes: Uint8Array, opts: { lang?: Lang } = {}): Promise<{ status: number; body: CheckResponse | { ok: false; error: { code: string; message: Record<Lang, string> } } }> {
  const res = await fetch(`${baseUrl}/api/check${opts.lang ? `?lang=${opts.lang}` : ''}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', 'X-Filename': encodeURIComponent(name), 'X-Session': await sessionToken(baseUrl) },
    body: new Blob([new Uint8Array(bytes)]),
  });
  return { status: res.status, body: (await res.json()) as never };
}

/** A unique temp-folder prefix for one test file's server (test files run in parallel). */
export function testPrefix(tag: string): string {
  return `partner-check-serve-test-${tag}-${process.pid}-`;
}
