/**
 * `partner-check validate` on the real LibreOffice-saved fixtures (xlsx and CSV in Big5, UTF-8
 * with BOM, UTF-16LE): every sheet kind is recognised, the JSON report has the SPEC §7 shape and
 * a deterministic order, two runs (under different host time zones) are byte-identical.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli, type CliRun } from './helpers';

const TODAY = ['--today', '2026-03-20'];

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
  sheets: { name: string; kind: string | null; headerRow: number | null; rows: number }[];
  violations: JsonViolation[];
  meta: { encoding?: string };
}

let utc: CliRun;
let la: CliRun;
let textZh: CliRun;
let textEn: CliRun;
let report: { tool: string; version: string; campaign: string; files: JsonFile[]; summary: Record<string, number>; baseline: { contracts: unknown[]; enrollments: unknown[] } };

beforeAll(async () => {
  [utc, la, textZh, textEn] = await Promise.all([
    runCli(['validate', FIXTURES, '--format', 'json', '--record-baseline', ...TODAY], { env: { TZ: 'UTC' } }),
    runCli(['validate', FIXTURES, '--format', 'json', '--record-baseline', ...TODAY], { env: { TZ: 'America/Los_Angeles' } }),
    runCli(['validate', path.join(FIXTURES, 'libreoffice', 'enrollment-2026q2.xlsx'), ...TODAY]),
    runCli(['validate', path.join(FIXTURES, 'libreoffice', 'enrollment-2026q2.xlsx'), ...TODAY, '--lang', 'en']),
  ]);
  report = JSON.parse(utc.stdout);
});

const byName = (name: string) => report.files.find((f) => path.basename(f.path) === name)!;

describe('validate on the real fixtures', () => {
  it('exits 1 (errors found) and prints only the JSON report on stdout', () => {
    expect(utc.code).toBe(1);
    expect(() => JSON.parse(utc.stdout)).not.toThrow();
  });

  it('is byte-identical across runs and host time zones', () => {
    expect(la.code).toBe(utc.code);
    expect(la.stdout).toBe(utc.stdout);
  });

  it('has the SPEC §7 shape', () => {
    expect(report.tool).toBe('partner-check');
    expect(typeof report.version).toBe('string');
    expect(report.campaign).toBe('2026-Q2');
    expect(Object.keys(report).slice(0, 5)).toEqual(['tool', 'version', 'campaign', 'files', 'summary']);
    expect(report.summary).toMatchObject({ files: report.files.length });
    for (const key of ['errors', 'warnings', 'infos'] as const) expect(typeof report.summary[key]).toBe('number');
    for (const f of report.files) {
      expect(Object.keys(f).slice(0, 4)).toEqual(['path', 'error', 'sheets', 'violations']);
      expect(f.error).toBeNull();
      for (const s of f.sheets) {
        expect(typeof s.name).toBe('string');
        expect(typeof s.rows).toBe('number');
        expect(s.headerRow === null || typeof s.headerRow === 'number').toBe(true);
      }
      for (const v of f.violations) {
        expect(Object.keys(v).slice(0, 7)).toEqual(['ruleId', 'severity', 'sheet', 'row', 'column', 'cell', 'message']);
        expect(['error', 'warning', 'info']).toContain(v.severity);
        expect(v.sheet === null || typeof v.sheet === 'string').toBe(true);
        expect(v.row === null || Number.isInteger(v.row)).toBe(true);
        expect(v.column === null || typeof v.column === 'string').toBe(true);
        expect(v.cell === null || /^[A-Z]+\d+$/.test(v.cell)).toBe(true);
        expect(v.message.length).toBeGreaterThan(0);
        if (v.value !== undefined) expect(typeof v.value).toBe('string');
        if (v.suggestion !== undefined) expect(typeof v.suggestion.value).toBe('string');
      }
    }
    const total = report.files.reduce((n, f) => n + f.violations.filter((v) => v.severity === 'error').length, 0);
    expect(report.summary.errors).toBe(total);
  });

  it('orders files by path and violations by sheet, row, column, rule', () => {
    const paths = report.files.map((f) => f.path);
    expect(paths).toEqual([...paths].sort());
    const col = (cell: string | null) => (cell ? cell.replace(/\d+$/, '').split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) : -1);
    for (const f of report.files) {
      const sheetIndex = (name: string | null) => (name === null ? -1 : f.sheets.findIndex((s) => s.name === name));
      const keys = f.violations.map((v) => [sheetIndex(v.sheet), v.row ?? -1, col(v.cell), v.ruleId] as const);
      for (let i = 1; i < keys.length; i++) {
        const [a, b] = [keys[i - 1]!, keys[i]!];
        const cmp = a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0);
        expect(cmp, `${f.path} #${i}`).toBeLessThanOrEqual(0);
      }
    }
  });

  it('recognises every sheet kind, with titles above the header', () => {
    const workbook = byName('partner-workbook.xlsx');
    expect(workbook.sheets.map((s) => [s.name, s.kind])).toEqual([
      ['報名表', 'enrollment'],
      ['加碼合約', 'contracts'],
      ['鋪底合約', 'base-contracts'],
      ['環狀數據', 'ring-data'],
    ]);
    expect(byName('enrollment-2026q2.xlsx').sheets).toEqual([{ name: '報名表', kind: 'enrollment', headerRow: 3, rows: 7 }]);
    const ruleIds = new Set(workbook.violations.map((v) => v.ruleId.split('/')[0]));
    for (const family of ['enrollment', 'contract', 'partner', 'ring']) expect(ruleIds).toContain(family);
  });

  it('reads Big5, UTF-8-BOM and UTF-16LE CSV and says which encoding it used', () => {
    expect(byName('enrollment-big5.csv').meta.encoding).toBe('big5');
    expect(byName('enrollment-utf8-bom.csv').meta.encoding).toBe('utf-8-bom');
    expect(byName('enrollment-utf16le.txt').meta.encoding).toBe('utf-16le');
    const xlsxRules = byName('enrollment-2026q2.xlsx').violations.map((v) => v.ruleId);
    for (const name of ['enrollment-big5.csv', 'enrollment-utf8-bom.csv', 'enrollment-utf16le.txt']) {
      const csv = byName(name);
      expect(csv.sheets[0]).toMatchObject({ kind: 'enrollment', rows: 7 });
      expect(csv.violations.map((v) => v.ruleId)).toEqual(xlsxRules);
      const shop = csv.violations.find((v) => v.ruleId === 'enrollment/invalid-shop-id');
      expect(shop?.value).toBe('trend wear');
    }
  });

  it('writes the baseline section tomorrow’s run compares against', () => {
    expect(Array.isArray(report.baseline.contracts)).toBe(true);
    expect(report.baseline.contracts.length).toBeGreaterThan(0);
    expect(report.baseline.enrollments.length).toBeGreaterThan(0);
  });

  it('prints a text report grouped by file and sheet, zh-TW by default and English with --lang en', () => {
    expect(textZh.code).toBe(1);
    expect(textZh.stdout).toContain('enrollment-2026q2.xlsx');
    expect(textZh.stdout).toContain('報名表 · 標題列第 3 列 · 7 列資料');
    expect(textZh.stdout).toMatch(/F5\s+錯誤/);
    expect(textZh.stdout).toContain('共 1 個檔案：7 個錯誤、9 個警告、2 個提示');
    expect(textZh.stdout).not.toContain('\u001b[');
    expect(textEn.stdout).toContain('1 file: 7 errors, 9 warnings, 2 infos');
    expect(textEn.stdout).toMatch(/F5\s+error/);
    expect(textEn.stdout).toContain('header row 3');
  });
});
