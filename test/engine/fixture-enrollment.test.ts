/**
 * The enrollment fixture saved by LibreOffice Calc (and the same rows as Big5, UTF-8 and UTF-16
 * CSV): the exact violations a careful user of the CMS expects, by row and cell.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateWorkbook, type Workbook } from '../../rules/index.js';
import { readXlsxBytes as readXlsxFull } from '../../validator/read/xlsx.js';
import { readCsv } from '../../validator/read/csv.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'fixtures');

/** [row offset from the header, column, rule id, message] with the header on row 1. */
const EXPECTED: [number, string, string, string][] = [
  [2, 'F', 'enrollment/late-registration', '5月單月方案的報名截止時間是 2026/04/21(二) 17:00:00，這筆在 2026/04/21 17:30:00 報名，已逾期；仍可報名6月單月方案（截止 2026/05/21(四) 17:00:00），請改選該方案。'],
  [2, 'I', 'enrollment/chosen-day-on-friday', '任選日「5/8(五)」是週五，週五本來就有 10% 回饋，等於浪費一個任選日；建議改為 5/7。'],
  [2, 'I', 'enrollment/chosen-day-on-friday', '任選日「5/22」是週五，週五本來就有 10% 回饋，等於浪費一個任選日；建議改為 5/23。'],
  [2, 'I', 'enrollment/too-many-chosen-days', '2026 年 5 月 選了 4 個任選日，但依推廣承諾每月可選 3 天：請刪去 1 天。'],
  [2, 'M', 'enrollment/missing-hero-image', '商店「bloom_beauty」沒有提供形象圖；LINE購物 需要一張 800×800 的無字形象圖或白背圖來製作曝光素材。'],
  [4, 'B', 'enrollment/invalid-shop-id', '商店代碼「trend wear」格式不對：只能有 2–40 個英文字母、數字、底線（_）或連字號（-）。'],
  [4, 'C', 'cell/invalid-email', '「聯絡信箱」的「trend@@example.com」不是有效的電子信箱。'],
  [4, 'E', 'enrollment/unknown-plan', '「4月單月方案」不是本次活動的方案；可選：季方案、5月單月方案、6月單月方案。'],
  [4, 'M', 'enrollment/missing-hero-image', '商店「trend wear」沒有提供形象圖；LINE購物 需要一張 800×800 的無字形象圖或白背圖來製作曝光素材。'],
  [5, 'B', 'enrollment/duplicate-shop', '商店「goodday_food」的 2026 年 6 月 已在「{sheet}」第 {first} 列報名過，不可重複報名。'],
  [5, 'I', 'enrollment/unused-chosen-days', '2026 年 6 月 可選 3 個任選日，目前只選了 1 個；未選的天數不能留到下個月。'],
  [5, 'M', 'enrollment/missing-hero-image', '商店「goodday_food」沒有提供形象圖；LINE購物 需要一張 800×800 的無字形象圖或白背圖來製作曝光素材。'],
  [6, 'G', 'enrollment/no-promotion-commitment', '未勾選官網/社群曝光或環狀數據：沒有任選日，只有每日 5% 與週五 10%。'],
  [6, 'I', 'enrollment/too-many-chosen-days', '2026 年 5 月 選了 1 個任選日，但沒有勾選推廣承諾，就沒有任選日：勾選「官網/社群曝光」或「環狀數據」其中一項，每月可選 3 天；兩項都做可選 6 天。否則請清空任選日。'],
  [6, 'M', 'enrollment/missing-hero-image', '商店「farm_market」沒有提供形象圖；LINE購物 需要一張 800×800 的無字形象圖或白背圖來製作曝光素材。'],
  [7, 'J', 'enrollment/base-cps-at-or-above-partner', '原 CPS 16% 已達或高於夥伴互利的 15%，請確認原 CPS 是否填錯。'],
  [7, 'M', 'enrollment/missing-hero-image', '商店「morning_cafe」沒有提供形象圖；LINE購物 需要一張 800×800 的無字形象圖或白背圖來製作曝光素材。'],
];

/** The two hero images the fixture names are not at hand here: the rules alone never read files. */
const NOT_CHECKED = '這個分頁有 2 張圖片（例如「goodday.jpg」），這裡無法讀取圖片檔案，未檢查格式、尺寸與檔案大小。';

function expected(sheet: string, headerRow: number) {
  const first = { sheet, row: headerRow, cell: `M${headerRow}`, ruleId: 'asset/not-checked', message: NOT_CHECKED };
  return [first, ...EXPECTED.map(([offset, col, ruleId, message]) => {
    const row = headerRow + offset;
    return { sheet, row, cell: `${col}${row}`, ruleId, message: message.replace('{sheet}', sheet).replace('{first}', String(headerRow + 1)) };
  })];
}

function check(wb: Workbook) {
  return validateWorkbook(wb, { today: '2026-03-20' });
}

const pick = (r: ReturnType<typeof check>) => r.violations.map((v) => ({ sheet: v.sheet, row: v.row, cell: v.cell, ruleId: v.ruleId, message: v.message }));

describe('enrollment fixtures from real spreadsheet applications', () => {
  it('LibreOffice .xlsx with two title rows: header on row 3', async () => {
    const wb = await readXlsxFull(readFileSync(path.join(fixtures, 'libreoffice', 'enrollment-2026q2.xlsx')));
    const r = check(wb);
    expect(r.sheets).toEqual([{ name: '報名表', kind: 'enrollment', headerRow: 3, rows: 7 }]);
    expect(pick(r)).toEqual(expected('報名表', 3));
  });

  it.each([
    ['enrollment-utf8-bom.csv', 'enrollment-utf8-bom'],
    ['enrollment-big5.csv', 'enrollment-big5'],
    ['enrollment-utf16le.txt', 'enrollment-utf16le'],
  ])('%s gives the same violations (ROC dates, full-width percent, 1.2e+06 GMV)', (file, sheet) => {
    const { workbook } = readCsv(readFileSync(path.join(fixtures, 'csv', file)), file);
    const r = check(workbook);
    expect(r.sheets).toEqual([{ name: sheet, kind: 'enrollment', headerRow: 1, rows: 7 }]);
    expect(pick(r)).toEqual(expected(sheet, 1));
  });

  it('suggestions carry the whole corrected cell', async () => {
    const wb = await readXlsxFull(readFileSync(path.join(fixtures, 'libreoffice', 'enrollment-2026q2.xlsx')));
    const s = check(wb).violations.filter((v) => v.suggestion).map((v) => [v.cell, v.suggestion!.value]);
    expect(s).toEqual([
      // One cell, one suggestion (SPEC §5.3): both Fridays replaced in one value.
      ['I5', '5/7, 5/14, 5/21, 5/23'],
      ['I5', '5/7, 5/14, 5/21, 5/23'],
      ['B7', 'trend_wear'],
    ]);
  });
});
