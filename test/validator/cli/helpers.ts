/**
 * Helpers of the CLI tests: spawn the built CLI (`node bin/partner-check.mjs`, built by
 * `npm run build` before vitest runs), temporary folders, workbooks written with exceljs, hashes.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { jpegFile } from '../../../templates/images.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const FIXTURES = path.resolve(REPO_ROOT, '..', 'shared', 'fixtures');
export const BIN = path.join(REPO_ROOT, 'bin', 'partner-check.mjs');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `partner-check ARGS…` in a child process (no TTY, so no colours or progress bar). */
export function runCli(args: readonly string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: opts.cwd ?? REPO_ROOT, env: { ...process.env, NO_COLOR: '', ...opts.env }, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (err, stdout, stderr) => {
        if (err && typeof (err as { code?: unknown }).code !== 'number') return reject(err);
        resolve({ code: err ? Number((err as { code?: number }).code) : 0, stdout, stderr });
      },
    );
  });
}

/**
 * Runs `main(argv)` in this process with captured output (no TTY) and a fixed clock
 * (2026-03-20 10:00 in Taipei): for the many cheap cases (help, usage errors, calendar, cost) that
 * need no separate process.
 */
export async function runMain(args: readonly string[], opts: { tty?: boolean; columns?: number; env?: Record<string, string> } = {}): Promise<CliRun> {
  const { main } = await import('../../../validator/cli');
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (t: string) => (stdout += t), isTTY: opts.tty ?? false, columns: opts.columns ?? 80 },
    stderr: { write: (t: string) => (stderr += t), isTTY: opts.tty ?? false, columns: opts.columns ?? 80 },
    env: opts.env ?? {},
    now: () => Date.UTC(2026, 2, 20, 2, 0, 0),
  });
  return { code, stdout, stderr };
}

/** A fresh temporary folder; `cleanup()` removes it. */
export function tempDir(prefix = 'partner-check-cli-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export type SheetRows = readonly (readonly (string | number | boolean | Date | null)[])[];

/** Hero pictures of the clean enrollment; writeWorkbook puts an 800×800 JPEG of each beside a workbook naming it. */
export const CLEAN_HEROES: readonly string[] = ['goodday-hero.jpg', 'cafe-hero.jpg'];

/** Writes an .xlsx with the given tabs (plain values; strings stay strings), and any CLEAN_HEROES it names beside it. */
export async function writeWorkbook(file: string, sheets: Readonly<Record<string, SheetRows>>): Promise<void> {
  const book = new ExcelJS.Workbook();
  const heroes = new Set<string>();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = book.addWorksheet(name);
    for (const row of rows) {
      ws.addRow([...row]);
      for (const v of row) if (typeof v === 'string' && CLEAN_HEROES.includes(v)) heroes.add(v);
    }
  }
  await book.xlsx.writeFile(file);
  for (const h of heroes) writeFileSync(path.join(path.dirname(file), h), jpegFile(800, 800));
}

export const ENROLLMENT_HEADER = ['品牌名稱', '商店代碼', '聯絡信箱', '品類', '方案', '報名時間', '官網/社群曝光', '環狀數據', '任選日', '原CPS%', '鋪底回饋%', '預估月業績', '形象圖'];

/** A clean enrollment tab: two shops, no problem as of 2026-03-20. */
export const CLEAN_ENROLLMENT: SheetRows = [
  ENROLLMENT_HEADER,
  ['好日子食品', 'goodday_food', 'mkt@goodday.example.com', '美食保健', '季方案', '2026/3/20 10:00', '是', '否', '4/1、4/14、4/22、5/5、5/12、5/19、6/2、6/9、6/16', '8%', '2%', 1200000, 'goodday-hero.jpg'],
  ['晨光咖啡', 'morning_cafe', 'hi@cafe.example.com', '美食保健', '6月單月方案', '2026/5/1 10:00', '是', '是', '6/2、6/3、6/9、6/10、6/16、6/17', '6%', '', 500000, 'cafe-hero.jpg'],
];

export const CONTRACT_HEADER = ['商店代碼', '合約類型', '合約備註', '開始時間', '結束時間', 'Product Type Name', '商品ID', '鋪底合約%', '加碼後前台回饋%', '返點上限', 'CPS%', '廠商自行加碼%', '點數採購單價', '夥伴互利', '送審時間', '審核狀態'];

/** The bytes of a legacy .xls (OLE compound file) header: enough for sniffing to recognise it. */
export function legacyXlsBytes(): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return bytes;
}

/** Opens an .xlsx with exceljs. */
export async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

/** A cell's note as plain text (exceljs gives a string or rich-text runs). */
export function noteText(cell: ExcelJS.Cell): string {
  const note = cell.note as unknown;
  if (typeof note === 'string') return note;
  return ((note as ExcelJS.Comment | undefined)?.texts ?? []).map((t) => t.text).join('');
}
