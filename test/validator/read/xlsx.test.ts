import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Cell, Table, Workbook } from '../../../rules/model';
import ExcelJS from 'exceljs';
import { builtinIdOf, ZH_TW_FORMAT_CODES } from '../../../validator/read/number-formats';
import { readXlsxBytes as readXlsxFull, readXlsxFile } from '../../../validator/read/xlsx';
import { builtinDateFormatsXlsx, FIXTURES, makeTempDir, quirksXlsx, writeTemp } from './helpers/fixtures';
import { buildXlsx, si } from './helpers/xlsx-builder';

const wall = (y: number, m: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, m - 1, d, h, mi, s);

function cellAt(table: Table, address: string): Cell | null | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return table.rows[Number(m[2]) - 1]?.[col - 1];
}

function table(wb: Workbook, name: string): Table {
  const t = wb.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name} in ${wb.tables.map((x) => x.name).join(', ')}`);
  return t;
}

/** The file read from disk and from its bytes; they must agree exactly (the same reader, two byte sources). */
async function readBoth(file: string): Promise<Workbook> {
  const full = await readXlsxFull(readFileSync(file));
  const stream = (await readXlsxFile(file)).workbook;
  expect(stream).toEqual(full);
  return full;
}

let temp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  temp = makeTempDir();
});
afterAll(() => temp.cleanup());

describe('the xlsx reader on the LibreOffice fixtures', () => {
  it('enrollment-2026q2.xlsx: the expected cells, the same from disk and from bytes', async () => {
    const wb = await readBoth(FIXTURES.enrollmentXlsx);
    expect(wb.tables.map((t) => t.name)).toEqual(['報名表']);
    const t = table(wb, '報名表');
    // Two title rows (rich text, joined), the header on row 3.
    expect(cellAt(t, 'A1')?.value).toBe('LINE購物 夥伴互利計劃 報名表（2026 Q2）');
    expect(cellAt(t, 'A2')?.value).toBe('填寫說明：日期請填 2026/5/8 或 5/8；任選日以頓號分隔');
    expect(t.rows[0]).toHaveLength(1);
    expect(t.rows[2].map((c) => c?.value)).toEqual([
      '品牌名稱', '商店代碼', '聯絡信箱', '品類', '方案', '報名時間', '官網/社群曝光', '環狀數據', '任選日', '原CPS%', '鋪底回饋%', '預估月業績', '形象圖',
    ]);
    // A rich-text header cell ("官網" + bold "/" + "社群曝光") arrives as one string.
    expect(cellAt(t, 'G3')).toEqual({ value: '官網/社群曝光', text: '官網/社群曝光', format: 'General' });
    expect(cellAt(t, 'F4')).toEqual({
      value: { type: 'date', wall: wall(2026, 3, 20, 10, 0, 0) },
      text: '2026/3/20 10:00:00',
      format: 'yyyy/m/d\\ hh:mm:ss', // the code as LibreOffice wrote it (exceljs dropped the escape)
    });
    expect(cellAt(t, 'J4')).toEqual({ value: 0.08, text: '8%', format: '0%' });
    expect(cellAt(t, 'L4')).toEqual({ value: 1200000, text: '1,200,000', format: '#,##0' });
    // A date without time (yyyy/m/d) and a full-width percent typed as text.
    expect(cellAt(t, 'F7')).toMatchObject({ value: { type: 'date', wall: wall(2026, 3, 25) }, text: '2026/3/25', format: 'yyyy/m/d' });
    expect(cellAt(t, 'I4')?.value).toBe('4/1、4/14、4/22、4/28、4/29、4/30、5/5、5/12、5/19、5/26、5/27、5/28、6/2、6/9、6/16、6/23、6/24、6/30');
    expect(cellAt(t, 'I5')?.value).toBe('5/8(五), 5/14, 5/21, 5/22');
    // Empty cells are null, and rows end at their last value.
    expect(cellAt(t, 'K6')).toBeNull();
    expect(t.rows[4]).toHaveLength(12);
    expect(t.rows).toHaveLength(10);
    // A cell is its content only (its place is its index), and equal cells are one shared object.
    const byContent = new Map<string, Cell>();
    let shared = 0;
    for (const row of t.rows) {
      for (const c of row) {
        if (!c) continue;
        expect(Object.keys(c).sort()).toEqual(c.format === undefined ? ['text', 'value'] : ['format', 'text', 'value']);
        const key = JSON.stringify([c.value, c.text, c.format]);
        const first = byContent.get(key);
        if (first) {
          expect(c).toBe(first);
          shared++;
        } else byContent.set(key, c);
      }
    }
    expect(shared).toBeGreaterThan(10);
  });

  it('partner-workbook.xlsx: four tabs in tab order', async () => {
    const wb = await readBoth(FIXTURES.partnerWorkbookXlsx);
    expect(wb.tables.map((t) => t.name)).toEqual(['報名表', '加碼合約', '鋪底合約', '環狀數據']);
    for (const t of wb.tables) expect(t.rows.length).toBeGreaterThan(1);
  });
});

describe('zh-TW built-in date formats (numFmtId without a format code)', () => {
  it('come back as dates with format #<id>', async () => {
    const file = writeTemp(temp.dir, 'builtin-dates.xlsx', builtinDateFormatsXlsx());
    const t = table(await readBoth(file), '報名表');
    expect(cellAt(t, 'A2')).toEqual({ value: { type: 'date', wall: wall(2026, 3, 20, 10) }, text: '115/3/20', format: '#27' });
    expect(cellAt(t, 'B2')).toEqual({ value: { type: 'date', wall: wall(2026, 3, 20) }, text: '2026年3月20日', format: '#31' });
    expect(cellAt(t, 'C2')).toEqual({ value: { type: 'date', wall: wall(1899, 12, 30, 10) }, text: '10時00分00秒', format: '#33' });
    // A built-in id that exceljs does know keeps exceljs's code.
    expect(cellAt(t, 'D2')).toMatchObject({ value: { type: 'date', wall: wall(2026, 3, 20) }, format: 'mm-dd-yy' });
    // A formula's cached result is judged with the cell's format too.
    expect(cellAt(t, 'E2')).toMatchObject({ value: { type: 'date', wall: wall(2026, 3, 21, 10) }, format: '#27' });
  });

  it('uses the 1904 date system when the workbook says so', async () => {
    const bytes = buildXlsx({
      date1904: true,
      cellXfNumFmtIds: [0, 27, 14],
      sheets: [{ name: 'S', sheetData: '<row r="1"><c r="A1" s="1"><v>44639</v></c><c r="B1" s="2"><v>44639</v></c></row>' }],
    });
    const t = table(await readBoth(writeTemp(temp.dir, 'date1904.xlsx', bytes)), 'S');
    expect(cellAt(t, 'A1')?.value).toEqual({ type: 'date', wall: wall(2026, 3, 20) });
    expect(cellAt(t, 'B1')?.value).toEqual({ type: 'date', wall: wall(2026, 3, 20) });
  });
});

describe('cell conversion', () => {
  it('rich text, inline strings, formulas, errors, booleans and merges', async () => {
    const wb = await readBoth(writeTemp(temp.dir, 'quirks.xlsx', quirksXlsx()));
    expect(wb.tables.map((t) => t.name)).toEqual(['加碼合約', '空白']);
    const t = table(wb, '加碼合約');
    expect(cellAt(t, 'A1')?.value).toBe('master');
    expect(cellAt(t, 'B1')).toBeNull(); // merged into A1: the value lives only in the master
    expect(cellAt(t, 'C1')?.value).toBe('4/1、4/14');
    expect(cellAt(t, 'D1')?.value).toBe('inline');
    expect(cellAt(t, 'E1')?.value).toBe('line1\r\nline2');
    expect(t.rows[0]).toHaveLength(5); // F1 is an empty shared string: the row ends at E1
    expect(cellAt(t, 'A2')).toEqual({ value: { type: 'error', error: '#N/A' }, text: '#N/A' });
    expect(cellAt(t, 'B2')).toEqual({ value: true, text: 'TRUE' });
    expect(cellAt(t, 'C2')?.value).toBe('ab');
    expect(cellAt(t, 'D2')).toEqual({ value: { type: 'date', wall: wall(2026, 5, 8) }, text: '2026/5/8', format: 'yyyy/m/d' });
    expect(cellAt(t, 'E2')).toEqual({ value: 0.15, text: '15%', format: '0%' });
    expect(cellAt(t, 'E3')).toEqual({ value: 0.15, text: '15%', format: '0%' }); // shared formula
    expect(cellAt(t, 'F2')).toBeNull(); // a formula never calculated has no value
    expect(cellAt(t, 'A3')?.value).toEqual({ type: 'error', error: '#REF!' });
    expect(cellAt(t, 'B3')?.value).toBe(false);
    expect(cellAt(t, 'C3')).toEqual({ value: 1234567.5, text: '1,234,568', format: '#,##0' });
    expect(table(wb, '空白').rows).toEqual([]);
  });

  it('places cells by their reference, leaving gaps as null and empty rows as []', async () => {
    const bytes = buildXlsx({
      sharedStrings: [si('x')],
      sheets: [{ name: 'S', sheetData: '<row r="2"><c r="C2" t="s"><v>0</v></c></row><row r="4"><c r="A4"><v>7</v></c></row>' }],
    });
    const t = table(await readBoth(writeTemp(temp.dir, 'gaps.xlsx', bytes)), 'S');
    expect(t.rows.map((r) => r.map((c) => c?.value ?? null))).toEqual([[], [null, null, 'x'], [], [7]]);
  });

  it('finds sheets whose relationship target is absolute, in tab order', async () => {
    const bytes = buildXlsx({
      sharedStrings: [si('a'), si('b')],
      sheets: [
        { name: '第二', sheetData: '<row r="1"><c r="A1" t="s"><v>1</v></c></row>', path: 'xl/worksheets/sheet2.xml' },
        { name: '第一', sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', path: 'xl/worksheets/sheet1.xml' },
      ],
    });
    const wb = await readBoth(writeTemp(temp.dir, 'order.xlsx', bytes));
    expect(wb.tables.map((t) => [t.name, t.rows[0][0]?.value])).toEqual([
      ['第二', 'b'],
      ['第一', 'a'],
    ]);
  });
});

describe('copies written by exceljs (annotated copies)', () => {
  it('lose zh-TW built-in date formats unless the writer restores them from ZH_TW_FORMAT_CODES', async () => {
    const source = builtinDateFormatsXlsx();
    const model = await readXlsxFull(source);
    const copy = async (restore: boolean) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(source) as unknown as ExcelJS.Buffer);
      if (restore) {
        model.tables[0].rows.forEach((row, r) =>
          row.forEach((c, j) => {
            const id = builtinIdOf(c?.format);
            if (c && id !== null) wb.worksheets[0].getCell(r + 1, j + 1).numFmt = ZH_TW_FORMAT_CODES[id];
          }),
        );
      }
      return readXlsxFull(new Uint8Array(await wb.xlsx.writeBuffer()));
    };
    const lost = table(await copy(false), '報名表');
    expect(cellAt(lost, 'A2')).toEqual({ value: 46101.416666666664, text: '46101.41667' });
    const kept = table(await copy(true), '報名表');
    expect(cellAt(kept, 'A2')?.value).toEqual({ type: 'date', wall: wall(2026, 3, 20, 10) });
    expect(cellAt(kept, 'A2')?.format).toBe('[$-404]e/m/d');
    expect(cellAt(kept, 'B2')?.value).toEqual({ type: 'date', wall: wall(2026, 3, 20) });
  });
});

describe('host time zone', () => {
  it('does not change any date (TZ switched at run time)', async () => {
    const original = process.env.TZ;
    const baseline = await readXlsxFull(readFileSync(FIXTURES.enrollmentXlsx));
    try {
      for (const tz of ['America/Los_Angeles', 'Asia/Taipei', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = tz;
        // Precondition: the switch is real, so this test could fail.
        if (tz !== 'UTC') expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).not.toBe(0);
        expect(await readXlsxFull(readFileSync(FIXTURES.enrollmentXlsx))).toEqual(baseline);
        expect((await readXlsxFile(FIXTURES.enrollmentXlsx)).workbook).toEqual(baseline);
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
    expect(cellAt(table(baseline, '報名表'), 'F4')?.value).toEqual({ type: 'date', wall: wall(2026, 3, 20, 10) });
  });
});
