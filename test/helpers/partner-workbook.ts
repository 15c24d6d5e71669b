/**
 * The LibreOffice fixture `partner-workbook.xlsx` (`../shared/fixtures/libreoffice`, beside the repo) rebuilt by hand,
 * cell by cell, in the rules' model: the values exceljs reads from it (rich text joined, date cells
 * as Taipei wall-clock values, percents as fractions formatted `0%`, amounts `#,##0`), each with the
 * number format the file gives it. test/checks/contract/fixture-partner-workbook.test.ts checks the
 * 加碼合約 and 鋪底合約 tabs against the real file; the rule tests on the fixture use these tabs.
 */
import { makeCell, type Cell, type CellValue, type Table } from '../../rules/index.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dateCell } from './tables.js';

/** Where the real workbook is. */
export const PARTNER_WORKBOOK_XLSX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'fixtures', 'libreoffice', 'partner-workbook.xlsx');

/** A cell with a number format, placed later by `sheet` (its address is filled in there). */
interface Formatted {
  readonly formatted: CellValue;
  readonly format: string;
}
type Spec = CellValue | Formatted;

const DT = 'yyyy/m/d hh:mm:ss';
const pct = (fraction: number): Formatted => ({ formatted: fraction, format: '0%' });
const num = (n: number): Formatted => ({ formatted: n, format: '#,##0' });
const at = (y: number, m: number, d: number, h = 0, mi = 0, s = 0): Formatted => ({ formatted: dateCell(y, m, d, h, mi, s), format: DT });
const day = (y: number, m: number, d: number): Formatted => ({ formatted: dateCell(y, m, d), format: 'yyyy/m/d' });

function isFormatted(v: Spec): v is Formatted {
  return typeof v === 'object' && v !== null && 'formatted' in v;
}

function sheet(name: string, rows: readonly (readonly Spec[])[]): Table {
  return {
    name,
    rows: rows.map((row) => row.map((v): Cell | null => (v === null ? null : isFormatted(v) ? makeCell(v.formatted, undefined, v.format) : makeCell(v)))),
  };
}

const enrollment = sheet('報名表', [
  ['品牌名稱', '商店代碼', '聯絡信箱', '品類', '方案', '報名時間', '官網/社群曝光', '環狀數據', '任選日', '原CPS%', '鋪底回饋%', '預估月業績', '形象圖'],
  ['好日子食品', 'goodday_food', 'mkt@goodday.example.com', '美食保健', '季方案', at(2026, 3, 20, 10), '是', '是', '4/1、4/14、4/22、4/28、4/29、4/30、5/5、5/12、5/19、5/26、5/27、5/28、6/2、6/9、6/16、6/23、6/24、6/30', pct(0.08), pct(0.02), num(1_200_000), 'goodday.jpg'],
  ['花漾美妝', 'bloom_beauty', 'bloom@example.com.tw', '美妝保養', '5月單月方案', at(2026, 4, 21, 17, 30), '是', '否', '5/8(五), 5/14, 5/21, 5/22', pct(0.09), pct(0.02), num(300_000), null],
  ['居家好物', 'home-goods', 'ops@homegoods.example.com, boss@homegoods.example.com', '居家生活', '6月單月方案', at(2026, 5, 20, 9), '否', '是', '115/6/3, 115/6/10, 115/6/17', pct(0.07), null, num(500_000), 'https://example.com/home.png'],
  ['潮流服飾', 'trend wear', 'trend@@example.com', '流行服飾配件', '4月單月方案', day(2026, 3, 25), '是', '是', null, num(10), null, null, null],
  ['好日子食品', 'goodday_food', 'mkt@goodday.example.com', '美食保健', '6月單月方案', at(2026, 5, 1, 9), '是', '否', '6/4', pct(0.08), null, null, null],
  ['小農市集', 'farm_market', 'hi@farm.example.com', '美食保健', '5月單月方案', day(2026, 4, 10), '否', '否', '5/13', '８％', null, num(80_000), null],
  ['晨光咖啡', 'morning_cafe', 'cafe@example.com', '美食保健', '季方案', at(2026, 3, 23, 23), 'V', null, '4/2, 4/16, 4/30, 5/7, 5/21, 5/28, 6/4, 6/11, 6/18', pct(0.16), pct(0.02), num(250_000), null],
]);

/** One 加碼合約 row as the fixture has it (product type normal, point price 1.2, no product id). */
const contract = (shop: string, type: string, remark: string, start: Formatted, end: Formatted, base: number, front: number, cap: number, cps: number, vendor: number, partner: string, submitted: Formatted, status: string): Spec[] => [
  shop, type, remark, start, end, 'normal', null, pct(base), pct(front), num(cap), pct(cps), pct(vendor), num(1.2), partner, submitted, status,
];
const gd = (remark: string, from: number, to: number, front: number, over: { cps?: number; vendor?: number; submitted?: Formatted } = {}) =>
  contract('goodday_food', '活動加碼', remark, at(2026, 5, from), at(2026, 5, to, 23, 59, 59), 0.02, front, -1, over.cps ?? 0.15, over.vendor ?? 0, '是', over.submitted ?? at(2026, 4, 24, 15), '待審核');

const contracts = sheet('加碼合約', [
  ['商店代碼', '合約類型', '合約備註', '開始時間', '結束時間', 'Product Type Name', '商品ID', '鋪底合約%', '加碼後前台回饋%', '返點上限', 'CPS%', '廠商自行加碼%', '點數採購單價', '夥伴互利', '送審時間', '審核狀態'],
  gd('5/1_加碼10%', 1, 1, 0.1),
  gd('5/2-5/4_加碼5%', 2, 4, 0.05),
  gd('5/4_加碼5%', 4, 4, 0.05),
  gd('5/5_加碼10%', 5, 5, 0.1),
  gd('5/6-5/7_加碼5%', 6, 7, 0.05),
  gd('5/8_加碼5%', 8, 8, 0.05),
  gd('5/9-5/11_加碼5%', 9, 11, 0.05, { cps: 0.12 }),
  gd('5/12_加碼10% 🎉', 12, 12, 0.1),
  gd('5/13-5/14_加碼5%', 13, 14, 0.05),
  gd('5/15_加碼10%', 15, 15, 0.1),
  gd('5/16-5/18_加碼5%', 16, 18, 0.05),
  gd('5/19_加碼10%', 19, 19, 0.1, { vendor: 0.03 }),
  gd('5/20-5/21_加碼5%', 20, 21, 0.05),
  gd('5/22_加碼10%', 22, 22, 0.1),
  gd('5/23-5/25_加碼5%', 23, 25, 0.05),
  gd('5/26-5/29_加碼10%', 26, 29, 0.1, { submitted: at(2026, 5, 22, 18) }),
  contract('bloom_beauty', '活動加碼', '5/14_8%(基礎2%+店家支付6%)', at(2026, 5, 14), at(2026, 5, 14, 23, 59, 59), 0.02, 0.08, -1, 0.08, 0.06, '否', at(2026, 5, 8, 11), '通過'),
  contract('bloom_beauty', '活動加碼', '5/20_5%(基礎2%+店家支付3%)', at(2026, 5, 20), at(2026, 5, 20, 23, 59, 59), 0.02, 0.05, -1, 0.08, 0.02, '否', at(2026, 5, 18, 11), '草稿'),
  contract('bloom_beauty', '單品加碼', '5/21 單品', at(2026, 5, 21), at(2026, 5, 21, 23, 59, 59), 0.02, 0.2, 200, 0.08, 0.18, '否', at(2026, 5, 12, 11), '待審核'),
]);

const baseContracts = sheet('鋪底合約', [
  ['商店代碼', 'Product Type Name', '鋪底合約%', 'CPS%', '點數採購單價', '開始時間', '結束時間'],
  ['goodday_food', 'normal', pct(0.02), pct(0.08), num(1.2), at(2026, 1, 1), at(2026, 12, 31, 23, 59, 59)],
  ['bloom_beauty', 'normal', pct(0.02), pct(0.08), num(1.2), at(2026, 1, 1), at(2026, 6, 30, 23, 59, 59)],
  ['bloom_beauty', '3c', pct(0.01), pct(0.01), num(1), at(2026, 7, 1), at(2026, 12, 31, 23, 59, 59)],
]);

const ringData = sheet('環狀數據', [
  ['商店代碼', '發送日期', '發送時間', '發送受眾', '發送人數上限', '排除買家', '排除近期發送受眾', '需求提出時間'],
  ['goodday_food', day(2026, 5, 12), '20:00', '通發型', num(100_000), '近3個月', '是', at(2026, 5, 6, 10)],
  ['goodday_food', day(2026, 5, 27), '20:30', '通發型', num(100_000), '近3個月', '是', at(2026, 5, 25, 10)],
  ['home-goods', day(2026, 6, 10), null, '自訂受眾', num(0), '近1個月', '否', at(2026, 6, 1, 10)],
]);

/** The four tabs of partner-workbook.xlsx, in the file's order: 報名表, 加碼合約, 鋪底合約, 環狀數據. */
export const PARTNER_WORKBOOK_TABS: { readonly enrollment: Table; readonly contracts: Table; readonly baseContracts: Table; readonly ringData: Table } = {
  enrollment,
  contracts,
  baseContracts,
  ringData,
};
