/**
 * Annotated (`--annotate`) and fixed (`--fix`) copies are the user's package, patched: for the
 * LibreOffice fixtures, the examples and the workbooks scripts/make-annotate-fixtures.py writes
 * with openpyxl and XlsxWriter (zh-TW formats 27–36, ROC formats, times, data validations, a
 * chart, frozen panes, defined names, user comments):
 * - every part but styles, the marked sheets, comments/VML, rels, workbook.xml and
 *   [Content_Types].xml is byte-identical, even in its compressed form;
 * - LibreOffice shows the same values on every original tab (CSV per tab);
 * - re-checking a copy gives the input's violations and nothing from 檢查結果;
 * - exceljs and the project's reader read every copy (LibreOffice converts it without a repair);
 * - a fixed copy of mistakes.xlsx holds exactly its safe changes, each listed in 檢查結果.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../../../templates/zip';
import { openPackage } from '../../../validator/ooxml/patch';
import { requireTool } from '../../../scripts/test-tools.mjs';
import { memorySource } from '../../../validator/ooxml/byte-source';
import { entryDataStart } from '../../../validator/ooxml/zip';
import { packageSheetParts } from '../../../validator/annotate-package';
import { FIXTURES, noteText, openWorkbook as open, REPO_ROOT, runCli, tempDir } from './helpers';

const INPUTS: Record<string, string> = {
  'lo-enrollment': path.join(FIXTURES, 'libreoffice', 'enrollment-2026q2.xlsx'),
  'lo-partner': path.join(FIXTURES, 'libreoffice', 'partner-workbook.xlsx'),
  clean: path.join(REPO_ROOT, 'templates', 'examples', 'clean.xlsx'),
  mistakes: path.join(REPO_ROOT, 'templates', 'examples', 'mistakes.xlsx'),
  openpyxl: path.join(REPO_ROOT, 'test', 'fixtures', 'annotate', 'openpyxl.xlsx'),
  xlsxwriter: path.join(REPO_ROOT, 'test', 'fixtures', 'annotate', 'xlsxwriter.xlsx'),
};
const KEYS = Object.keys(INPUTS);
const TODAY = '2026-03-20';
const SOFFICE_TIMEOUT_MS = 240_000;

interface JsonViolation {
  ruleId: string;
  severity: string;
  sheet: string | null;
  row: number | null;
  column: string | null;
  cell: string | null;
  message: string;
  value?: string;
  suggestion?: { value: string; label?: string };
}
interface JsonFile {
  path: string;
  error: string | null;
  violations: JsonViolation[];
  meta: { fixes?: number };
}

const tmp = tempDir('partner-check-copies-');
const dirs = { in: path.join(tmp.dir, 'in'), ann: path.join(tmp.dir, 'ann'), fix: path.join(tmp.dir, 'fix'), lo: path.join(tmp.dir, 'lo'), csv: path.join(tmp.dir, 'csv') };
const reports: Record<'input' | 'ann' | 'fix', Map<string, JsonFile>> = { input: new Map(), ann: new Map(), fix: new Map() };
const stderr: Record<string, string> = {};
let conversion: { code: number | null; output: string };

const copyOf = (kind: 'ann' | 'fix', key: string) => path.join(dirs[kind], `${key}.${kind === 'ann' ? 'checked' : 'fixed'}.xlsx`);

async function check(dir: string, extra: string[], into: Map<string, JsonFile>, label: string): Promise<void> {
  // A folder scan skips the tool's own copies (*.checked.xlsx, *.fixed.xlsx); named one by one they are checked.
  const files = readdirSync(dir).sort().map((f) => path.join(dir, f));
  const run = await runCli(['validate', ...files, '--format', 'json', '--today', TODAY, '--quiet', ...extra]);
  stderr[label] = run.stderr;
  for (const f of (JSON.parse(run.stdout) as { files: JsonFile[] }).files) into.set(path.basename(f.path).replace(/\.(checked|fixed)?\.?xlsx$/, ''), f);
}

function soffice(files: string[]): Promise<{ code: number | null; output: string }> {
  const profile = pathToFileURL(path.join(tmp.dir, 'profile')).href;
  // 44,34,76: comma-separated, double-quoted, UTF-8; token 12 = -1: every tab to its own file.
  const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
  return new Promise((resolve, reject) => {
    const child = spawn(requireTool('soffice'), [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', dirs.csv, ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += String(d)));
    child.stderr.on('data', (d) => (output += String(d)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`soffice did not finish:\n${output}`));
    }, SOFFICE_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

beforeAll(async () => {
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  for (const [key, file] of Object.entries(INPUTS)) copyFileSync(file, path.join(dirs.in, `${key}.xlsx`));
  await check(dirs.in, ['--annotate', dirs.ann, '--fix', dirs.fix], reports.input, 'input');
  await check(dirs.ann, [], reports.ann, 'ann');
  await check(dirs.fix, [], reports.fix, 'fix');
  const lo: string[] = [];
  for (const key of KEYS) {
    for (const [suffix, file] of [['in', path.join(dirs.in, `${key}.xlsx`)], ['ann', copyOf('ann', key)], ['fix', copyOf('fix', key)]] as const) {
      const target = path.join(dirs.lo, `${key}-${suffix}.xlsx`);
      copyFileSync(file, target);
      lo.push(target);
    }
  }
  conversion = await soffice(lo);
}, SOFFICE_TIMEOUT_MS + 120_000);

afterAll(() => tmp.cleanup());

/** The entries of an .xlsx: inflated bytes and the stored (compressed) bytes. */
function entries(file: string): Map<string, { data: Uint8Array; stored: Uint8Array; method: number }> {
  const bytes = new Uint8Array(readFileSync(file));
  const src = memorySource(bytes);
  const pkg = openPackage(src);
  const inflated = new Map(readZip(bytes).map((e) => [e.name, e.data]));
  return new Map(
    pkg.entries.map((e) => {
      const start = entryDataStart(src, e);
      return [e.name, { data: inflated.get(e.name)!, stored: bytes.slice(start, start + e.compressedSize), method: e.method }];
    }),
  );
}

function markedParts(key: string): Set<string> {
  const bytes = new Uint8Array(readFileSync(INPUTS[key]!));
  const src = memorySource(bytes);
  const byPart = packageSheetParts(openPackage(src));
  const marked = new Set(reports.input.get(key)!.violations.filter((v) => v.cell !== null).map((v) => v.sheet));
  return new Set([...byPart].filter(([, name]) => marked.has(name)).map(([part]) => part));
}

/** Parts a copy may change: styles, marked sheets, comments/VML, rels, workbook.xml, [Content_Types].xml. */
function mayChange(name: string, marked: ReadonlySet<string>): boolean {
  return name === 'xl/styles.xml' || name === 'xl/workbook.xml' || name === '[Content_Types].xml' || name.endsWith('.rels') || /comments?\d*\.xml$/.test(name) || name.endsWith('.vml') || marked.has(name);
}

const key = (v: JsonViolation) => JSON.stringify([v.ruleId, v.severity, v.sheet, v.row, v.column, v.cell, v.message, v.value ?? null, v.suggestion ?? null]);

function csvTabs(prefix: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dirs.csv)) if (name.startsWith(`${prefix}-`)) out.set(name.slice(prefix.length + 1, -'.csv'.length), readFileSync(path.join(dirs.csv, name), 'utf8'));
  return out;
}


describe('annotated copies', () => {
  it('every input was checked and copied', () => {
    expect([...reports.input.keys()].sort()).toEqual([...KEYS].sort());
    for (const k of KEYS) {
      expect(reports.input.get(k)!.error, k).toBeNull();
      expect(existsSync(copyOf('ann', k)), k).toBe(true);
      expect(existsSync(copyOf('fix', k)), k).toBe(true);
    }
    expect(stderr.input).toBe('');
  });

  for (const k of KEYS) {
    it(`${k}: every part the marks do not need is copied as stored`, () => {
      const before = entries(INPUTS[k]!);
      const after = entries(copyOf('ann', k));
      const marked = markedParts(k);
      for (const [name, e] of before) {
        const copy = after.get(name);
        expect(copy, name).toBeDefined();
        if (mayChange(name, marked)) continue;
        expect(Buffer.compare(Buffer.from(copy!.data), Buffer.from(e.data)), `${name} inflated`).toBe(0);
        expect(copy!.method, name).toBe(e.method);
        expect(Buffer.compare(Buffer.from(copy!.stored), Buffer.from(e.stored)), `${name} stored bytes`).toBe(0);
      }
      const added = [...after.keys()].filter((n) => !before.has(n));
      // One new worksheet (檢查結果), plus comments, VML and rels where the marked tabs had none.
      expect(added.filter((n) => n.startsWith('xl/worksheets/sheet'))).toHaveLength(1);
      for (const n of added) expect(n, n).toMatch(/^xl\/(worksheets\/sheet\d+\.xml|comments\d+\.xml|drawings\/vmlDrawing\d+\.vml|worksheets\/_rels\/sheet\d+\.xml\.rels)$/);
    });

    it(`${k}: LibreOffice converts input and copies and shows the same values on every original tab`, () => {
      expect(conversion.code, conversion.output).toBe(0);
      const input = csvTabs(`${k}-in`);
      const annotated = csvTabs(`${k}-ann`);
      expect(input.size).toBeGreaterThan(0);
      expect([...annotated.keys()].sort()).toEqual([...input.keys(), '檢查結果'].sort());
      for (const [tab, csv] of input) expect(annotated.get(tab), `${k} ${tab}`).toBe(csv);
    });

    it(`${k}: re-checking the annotated copy gives exactly the input's violations`, () => {
      const input = reports.input.get(k)!;
      const copy = reports.ann.get(k)!;
      expect(copy.error).toBeNull();
      expect(copy.violations.map(key)).toEqual(input.violations.map(key));
      expect(copy.violations.some((v) => v.sheet === '檢查結果')).toBe(false);
    });

    it(`${k}: exceljs reads both copies; 檢查結果 comes first and lists every violation`, async () => {
      const violations = reports.input.get(k)!.violations;
      const book = await open(copyOf('ann', k));
      const summary = book.worksheets[0]!;
      expect(summary.name).toBe('檢查結果');
      expect(summary.getRow(2).getCell(1).value).toBe('工作表');
      violations.forEach((v, i) => {
        const row = summary.getRow(3 + i);
        expect(row.getCell(5).value).toBe(v.ruleId);
        expect(row.getCell(6).value).toBe(v.message);
        if (v.cell) expect((row.getCell(2).value as ExcelJS.CellFormulaValue).formula).toBe(`HYPERLINK("#'${v.sheet}'!${v.cell}","${v.cell}")`);
      });
      const fixed = await open(copyOf('fix', k));
      expect(fixed.worksheets[0]!.name).toBe('檢查結果');
      expect(fixed.worksheets.map((w) => w.name).slice(1)).toEqual(book.worksheets.map((w) => w.name).slice(1));
    });
  }

  it('the re-checks of the copies print nothing on stderr (no reader warnings)', () => {
    expect(stderr.ann).toBe('');
    expect(stderr.fix).toBe('');
  });

  it('a user comment on a marked cell keeps its text with the note below; other comments stay as they were', async () => {
    const book = await open(copyOf('ann', 'xlsxwriter'));
    const sheet = book.getWorksheet('報名表')!;
    const b3 = noteText(sheet.getCell('B3'));
    expect(b3.startsWith('品牌說 ID 會再確認（使用者自己的註解）\n\n[錯誤] 商店代碼「morning cafe」格式不對')).toBe(true);
    expect(b3).toContain('(enrollment/invalid-shop-id)');
    expect(noteText(sheet.getCell('A2'))).toBe('老客戶');
    const c3 = noteText(sheet.getCell('C3'));
    expect(c3).toBe('[錯誤] 「聯絡信箱」的「hi@cafe」不是有效的電子信箱。\n(cell/invalid-email)');
  });

  it('a marked cell keeps its own number format (zh-TW built-in and ROC formats included) and gains the fill', async () => {
    const input = await open(INPUTS.xlsxwriter!);
    const copy = await open(copyOf('ann', 'xlsxwriter'));
    for (const [tab, address, fill] of [
      ['報名表', 'F3', 'FFFFC7CE'],
      ['報名表', 'J4', 'FFFFEB9C'],
      ['環狀數據', 'C3', 'FFFFC7CE'],
    ] as const) {
      const before = input.getWorksheet(tab)!.getCell(address);
      const after = copy.getWorksheet(tab)!.getCell(address);
      expect(after.numFmt, `${tab}!${address}`).toBe(before.numFmt);
      expect(after.value, `${tab}!${address}`).toEqual(before.value);
      expect((after.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(fill);
    }
    expect(copy.getWorksheet('報名表')!.getCell('F3').numFmt).toBe('[$-zh-TW]e/m/d hh:mm;@');
  });
});

/** mistakes.xlsx: the changes the fixed copy holds (rows the CMS lets the user edit, one per cell). */
const MISTAKES_FIXES = [
  ['加碼合約', 'L24', 'contract/partner-vendor-bonus', '8%', '0%'],
  ['加碼合約', 'K25', 'contract/partner-cps', '8%', '15%'],
  ['加碼合約', 'H85', 'contract/base-rate-mismatch', '2%', '1%'],
  ['加碼合約', 'E135', 'contract/not-whole-day', '2026/6/22 23:59:00', '2026/06/22 23:59:59'],
  ['環狀數據', 'C3', 'ring/invalid-time', '20:30', '20:00'],
  ['環狀數據', 'D4', 'ring/audience', '自訂受眾', '通發型'],
  ['環狀數據', 'F7', 'ring/exclude-buyers-window', '近1個月', '近3個月'],
];

describe('--fix', () => {
  it('mistakes.xlsx: 檢查結果 lists every applied change (cell, before, after, rule)', async () => {
    expect(reports.input.get('mistakes')!.meta.fixes).toBe(MISTAKES_FIXES.length);
    const summary = (await open(copyOf('fix', 'mistakes'))).worksheets[0]!;
    expect(summary.getCell('A1').value).toBe('mistakes.xlsx — 已套用 7 項修正（檢查日 2026-03-20）；其餘問題沒有可安全套用的建議，請參考標註檔。');
    expect([1, 2, 3, 4, 5, 6].map((c) => summary.getRow(2).getCell(c).value)).toEqual(['工作表', '儲存格', '欄位', '規則', '修正前', '修正後']);
    const listed = [];
    for (let r = 3; r <= summary.rowCount; r++) {
      const row = summary.getRow(r);
      listed.push([row.getCell(1).value, (row.getCell(2).value as ExcelJS.CellFormulaValue).result, row.getCell(4).value, row.getCell(5).value, row.getCell(6).value]);
    }
    expect(listed).toEqual(MISTAKES_FIXES);
  });

  it('mistakes.xlsx: re-checking the fixed copy leaves exactly the violations no change was applied for', () => {
    const fixed = new Set(MISTAKES_FIXES.map(([sheet, cell, rule]) => `${sheet}|${cell}|${rule}`));
    const expected = reports.input.get('mistakes')!.violations.filter((v) => !fixed.has(`${v.sheet}|${v.cell}|${v.ruleId}`));
    expect(expected).toHaveLength(reports.input.get('mistakes')!.violations.length - MISTAKES_FIXES.length);
    expect(reports.fix.get('mistakes')!.violations.map(key)).toEqual(expected.map(key));
  });

  it('mistakes.xlsx: a fixed cell holds the value in its own type; pending and approved rows are left alone', async () => {
    const input = await open(INPUTS.mistakes!);
    const book = await open(copyOf('fix', 'mistakes'));
    const contracts = book.getWorksheet('加碼合約')!;
    expect(contracts.getCell('L24').value).toBe(0);
    expect(contracts.getCell('K25').value).toBe(0.15);
    expect(contracts.getCell('K25').numFmt).toBe(input.getWorksheet('加碼合約')!.getCell('K25').numFmt);
    expect((contracts.getCell('E135').value as Date).toISOString()).toBe('2026-06-22T23:59:59.000Z');
    expect((book.getWorksheet('環狀數據')!.getCell('C3').value as Date).toISOString()).toBe('1899-12-30T20:00:00.000Z');
    // Rows the CMS no longer lets the user edit (待審核 / 通過): the engine gives no suggestion
    // there (SPEC §5.3, issue 13), so nothing is applied and the cells stay the user's.
    const locked = reports.input.get('mistakes')!.violations.filter((v) => v.sheet === '加碼合約' && ['C11', 'D15', 'I18'].includes(v.cell!));
    expect([...new Set(locked.map((v) => v.cell))].sort()).toEqual(['C11', 'D15', 'I18']);
    for (const v of locked) {
      expect(v.suggestion, `${v.cell} ${v.ruleId}`).toBeUndefined();
      const row = Number(v.cell!.replace(/^[A-Z]+/, ''));
      expect(String(contracts.getCell(`P${row}`).value)).toMatch(/^(待審核|通過)$/);
      expect(contracts.getCell(v.cell!).value).toEqual(input.getWorksheet('加碼合約')!.getCell(v.cell!).value);
    }
  });

  it('openpyxl.xlsx: the draft row is fixed, the pending row is not', async () => {
    const book = await open(copyOf('fix', 'openpyxl'));
    const sheet = book.getWorksheet('加碼合約')!;
    expect(sheet.getCell('K3').value).toBe(0.15);
    expect(sheet.getCell('L3').value).toBe(0);
    expect(sheet.getCell('L4').value).toBe(0.02);
    const left = reports.fix.get('openpyxl')!.violations.map((v) => `${v.cell} ${v.ruleId}`);
    expect(left).toContain('L4 contract/partner-vendor-bonus');
    expect(left).not.toContain('K3 contract/partner-cps');
    expect(left).not.toContain('L3 contract/partner-vendor-bonus');
  });
});
