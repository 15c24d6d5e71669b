/**
 * Files written by other software (issue 12): openpyxl (with whole-column dropdowns), XlsxWriter
 * (formulas with cached results, errors, booleans, rich text), Gnumeric (pretty-printed XML),
 * LibreOffice (a 1904 workbook; ROC date formats) and SheetJS (`cellDates: true`: ISO `t="d"`
 * cells). `scripts/writer-fixtures/` writes them and records what each writer was told to write
 * (test/fixtures/writers/expected.json); every cell must come back as exactly that, and 20 reads
 * of one file must give 20 byte-identical JSON reports.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { a1, type CellValue, type Workbook } from '../../../rules/model';
import { buildReport, validateWorkbook } from '../../../rules/index';
import { formatJson } from '../../../validator/format/json';
import type { CliReport } from '../../../validator/format/types';
import { readFileOnce } from '../../../validator/read/read-job';
import { repoRoot } from './helpers/fixtures';

const DIR = path.join(repoRoot, 'test', 'fixtures', 'writers');
type Expected = string | number | boolean | { date: string } | { error: string };
const EXPECTED = JSON.parse(readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as Record<string, Record<string, Record<string, Expected>>>;

function modelValue(e: Expected): CellValue {
  if (typeof e !== 'object') return e;
  if ('error' in e) return { type: 'error', error: e.error };
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)$/.exec(e.date)!;
  return { type: 'date', wall: Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) };
}

function cellsOf(wb: Workbook): Record<string, Record<string, CellValue>> {
  const out: Record<string, Record<string, CellValue>> = {};
  for (const t of wb.tables) {
    const cells: Record<string, CellValue> = {};
    t.rows.forEach((row, r) => row.forEach((c, j) => {
      if (c) cells[a1(r, j)] = c.value;
    }));
    out[t.name] = cells;
  }
  return out;
}

async function jsonReport(file: string): Promise<string> {
  const read = await readFileOnce(file);
  if (!read.ok) throw new Error(read.detail);
  const checked = validateWorkbook(read.workbook, { today: '2026-04-01', path: path.basename(file) });
  return formatJson(buildReport('2026Q2', [checked]) as CliReport, { lang: 'zh-TW' } as never);
}

describe('files from other writers', () => {
  it('covers every writer the issue names', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(['gnumeric.xlsx', 'libreoffice-1904.xlsx', 'libreoffice-roc.xlsx', 'openpyxl.xlsx', 'sheetjs.xlsx', 'xlsxwriter.xlsx']);
  });

  for (const [file, tabs] of Object.entries(EXPECTED)) {
    it(`${file}: every cell is what the writer was told to write`, async () => {
      const read = await readFileOnce(path.join(DIR, file));
      expect(read.ok, read.ok ? '' : read.detail).toBe(true);
      if (!read.ok) return;
      const want = Object.fromEntries(Object.entries(tabs).map(([tab, cells]) => [tab, Object.fromEntries(Object.entries(cells).map(([a, v]) => [a, modelValue(v)]))]));
      expect(cellsOf(read.workbook)).toEqual(want);
    });

    it(`${file}: 20 reads give 20 byte-identical JSON reports`, async () => {
      const first = await jsonReport(path.join(DIR, file));
      for (let i = 1; i < 20; i++) expect(await jsonReport(path.join(DIR, file))).toBe(first);
    });
  }

  it('shows ROC dates in the ROC calendar and keeps Gnumeric strings without indentation', async () => {
    const roc = await readFileOnce(path.join(DIR, 'libreoffice-roc.xlsx'));
    expect(roc.ok && roc.workbook.tables[0].rows[1][1]).toEqual({ value: modelValue({ date: '2026-05-08T00:00:00' }), text: '115/5/8', format: '[$-404]e/m/d' });
    const gnumeric = await readFileOnce(path.join(DIR, 'gnumeric.xlsx'));
    expect(gnumeric.ok && gnumeric.workbook.tables[0].rows[1][2]?.value).toBe('方案A');
  });
});
