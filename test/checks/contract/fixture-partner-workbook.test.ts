/**
 * The contracts of /work/shared/fixtures/libreoffice/partner-workbook.xlsx (saved by LibreOffice):
 * its 加碼合約 and 鋪底合約 tabs rebuilt by hand in the model — dates as wall-clock date cells in
 * `yyyy/m/d hh:mm:ss`, percents as fractions in `0%` — checked against the real file cell by cell,
 * and the exact contract violations a careful CMS user expects there:
 *
 * - row 4: 5/4 overlaps row 3's 5/2-5/4 (nothing of it is left outside, so no suggestion);
 * - row 8: a partner contract at CPS 12%;
 * - row 9: a 🎉 in the remark;
 * - row 13: vendor bonus 3% on a partner contract;
 * - row 17: a 5/26 start submitted 5/22 18:00, after the 5/21 23:59:59 deadline;
 * - row 19: a brand-funded draft with vendor 2% for front 5% − base 2% = 3%, and its 5/18 11:00
 *   submission is after the 5/15 deadline of a 5/20 start;
 * - row 20: a 單品加碼 without a product ID.
 */
import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { makeCell, validateWorkbook, type Cell, type CellValue, type Table, type ReportViolation } from '../../../rules/index.js';

const FIXTURE = '/work/shared/fixtures/libreoffice/partner-workbook.xlsx';
const DATE = 'yyyy/m/d hh:mm:ss';
const PCT = '0%';
const INT = '#,##0';

type Spec = CellValue | { readonly v: CellValue; readonly f: string };
const wall = (m: number, d: number, h = 0, mi = 0, s = 0): Spec => ({ v: { type: 'date', wall: Date.UTC(2026, m - 1, d, h, mi, s) }, f: DATE });
const pct = (fraction: number): Spec => ({ v: fraction, f: PCT });
const int = (n: number): Spec => ({ v: n, f: INT });

function table(name: string, rows: readonly (readonly Spec[])[]): Table {
  return {
    name,
    rows: rows.map((row, r) =>
      row.map((spec, c) => {
        if (spec === null) return null;
        return typeof spec === 'object' && 'f' in spec ? makeCell(spec.v, r, c, undefined, spec.f) : makeCell(spec as CellValue, r, c);
      }),
    ),
  };
}

const CONTRACT_HEADERS = ['商店代碼', '合約類型', '合約備註', '開始時間', '結束時間', 'Product Type Name', '商品ID', '鋪底合約%', '加碼後前台回饋%', '返點上限', 'CPS%', '廠商自行加碼%', '點數採購單價', '夥伴互利', '送審時間', '審核狀態'];

/** A goodday_food partner-plan row for May a..b at `front` (a fraction), submitted 4/24 15:00, pending. */
function goodday(remark: string, a: number, b: number, front: number, over: { cps?: number; vendor?: number; submitted?: Spec } = {}): Spec[] {
  return ['goodday_food', '活動加碼', remark, wall(5, a), wall(5, b, 23, 59, 59), 'normal', null, pct(0.02), pct(front), int(-1), pct(over.cps ?? 0.15), pct(over.vendor ?? 0), int(1.2), '是', over.submitted ?? wall(4, 24, 15), '待審核'];
}

/** A bloom_beauty brand-funded row (CPS 8%, base 2%) on May `day`. */
function bloom(type: string, remark: string, day: number, front: number, cap: number, vendor: number, submitted: Spec, status: string): Spec[] {
  return ['bloom_beauty', type, remark, wall(5, day), wall(5, day, 23, 59, 59), 'normal', null, pct(0.02), pct(front), int(cap), pct(0.08), pct(vendor), int(1.2), '否', submitted, status];
}

const contracts = table('加碼合約', [
  CONTRACT_HEADERS,
  goodday('5/1_加碼10%', 1, 1, 0.1),
  goodday('5/2-5/4_加碼5%', 2, 4, 0.05),
  goodday('5/4_加碼5%', 4, 4, 0.05),
  goodday('5/5_加碼10%', 5, 5, 0.1),
  goodday('5/6-5/7_加碼5%', 6, 7, 0.05),
  goodday('5/8_加碼5%', 8, 8, 0.05),
  goodday('5/9-5/11_加碼5%', 9, 11, 0.05, { cps: 0.12 }),
  goodday('5/12_加碼10% 🎉', 12, 12, 0.1),
  goodday('5/13-5/14_加碼5%', 13, 14, 0.05),
  goodday('5/15_加碼10%', 15, 15, 0.1),
  goodday('5/16-5/18_加碼5%', 16, 18, 0.05),
  goodday('5/19_加碼10%', 19, 19, 0.1, { vendor: 0.03 }),
  goodday('5/20-5/21_加碼5%', 20, 21, 0.05),
  goodday('5/22_加碼10%', 22, 22, 0.1),
  goodday('5/23-5/25_加碼5%', 23, 25, 0.05),
  goodday('5/26-5/29_加碼10%', 26, 29, 0.1, { submitted: wall(5, 22, 18) }),
  bloom('活動加碼', '5/14_8%(基礎2%+店家支付6%)', 14, 0.08, -1, 0.06, wall(5, 8, 11), '通過'),
  bloom('活動加碼', '5/20_5%(基礎2%+店家支付3%)', 20, 0.05, -1, 0.02, wall(5, 18, 11), '草稿'),
  bloom('單品加碼', '5/21 單品', 21, 0.2, 200, 0.18, wall(5, 12, 11), '待審核'),
]);

const baseContracts = table('鋪底合約', [
  ['商店代碼', 'Product Type Name', '鋪底合約%', 'CPS%', '點數採購單價', '開始時間', '結束時間'],
  ['goodday_food', 'normal', pct(0.02), pct(0.08), int(1.2), wall(1, 1), { v: { type: 'date', wall: Date.UTC(2026, 11, 31, 23, 59, 59) }, f: DATE }],
  ['bloom_beauty', 'normal', pct(0.02), pct(0.08), int(1.2), wall(1, 1), wall(6, 30, 23, 59, 59)],
  ['bloom_beauty', '3c', pct(0.01), pct(0.01), int(1), wall(7, 1), { v: { type: 'date', wall: Date.UTC(2026, 11, 31, 23, 59, 59) }, f: DATE }],
]);

/**
 * An exceljs value in the model: LibreOffice date cells come back as Dates whose UTC fields hold
 * the wall-clock reading; rich text is joined.
 */
function modelValue(raw: unknown): CellValue {
  if (raw instanceof Date) return { type: 'date', wall: raw.getTime() };
  if (raw && typeof raw === 'object' && 'richText' in raw) return (raw as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
  return (raw ?? null) as CellValue;
}

/** What a careful CMS user expects (ruleId, row, cell, suggestion), in report order. */
const EXPECTED = [
  ['contract/overlap', 4, 'D4', undefined],
  ['contract/partner-cps', 8, 'K8', '15%'],
  ['contract/remark-special-chars', 9, 'C9', '5/12_加碼10%'],
  ['contract/partner-vendor-bonus', 13, 'L13', '0%'],
  ['contract/late-submission', 17, 'O17', undefined],
  ['contract/vendor-bonus-mismatch', 19, 'L19', '3%'],
  ['contract/late-submission', 19, 'O19', undefined],
  ['contract/missing-product-id', 20, 'G20', undefined],
] as const;

const contractViolations = (tables: Table[], today = '2026-03-20'): ReportViolation[] =>
  validateWorkbook({ tables }, { today }).violations.filter((v) => v.ruleId.startsWith('contract/'));

describe('partner-workbook.xlsx contracts', () => {
  it('the hand-built tabs hold the same values and formats as the LibreOffice file', async () => {
    expect(existsSync(FIXTURE)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(FIXTURE);
    for (const built of [contracts, baseContracts]) {
      const ws = wb.getWorksheet(built.name)!;
      expect(ws.rowCount).toBe(built.rows.length);
      built.rows.forEach((row, r) => {
        row.forEach((cell, c) => {
          const real = ws.getRow(r + 1).getCell(c + 1);
          const value = modelValue(real.value);
          expect(value, `${built.name}!${real.address}`).toEqual(cell?.value ?? null);
          if (cell && (typeof cell.value === 'number' || (typeof cell.value === 'object' && cell.value !== null))) expect(real.numFmt, `${built.name}!${real.address} format`).toBe(cell.format);
        });
      });
    }
  });

  it('reports exactly the expected contract violations', () => {
    const got = contractViolations([contracts, baseContracts]);
    expect(got.map((v) => [v.ruleId, v.row, v.cell, v.suggestion?.value])).toEqual(EXPECTED.map((e) => [...e]));
  });

  it('names the earlier contract and the deadlines', () => {
    const got = contractViolations([contracts, baseContracts]);
    expect(got[0]!.data).toMatchObject({ otherRows: '3', otherRange: '2026/05/02 00:00:00 ~ 2026/05/04 23:59:59' });
    expect(got[4]!.data).toMatchObject({ deadline: '2026/05/21 23:59:59', submitted: '2026/05/22 18:00:00' });
    expect(got[6]!.data).toMatchObject({ deadline: '2026/05/15 23:59:59', submitted: '2026/05/18 11:00:00' });
    expect(got.map((v) => v.severity)).toEqual(['error', 'error', 'error', 'warning', 'error', 'error', 'error', 'error']);
  });

  it('does not depend on "today" (every row has a submission time)', () => {
    const strip = (vs: ReportViolation[]) => vs.map((v) => [v.ruleId, v.row, v.cell, v.message]);
    expect(strip(contractViolations([contracts, baseContracts], '2026-06-30'))).toEqual(strip(contractViolations([contracts, baseContracts])));
  });

  it('gives the same contract violations for the whole real workbook (enrollment and ring tabs included)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(FIXTURE);
    const tables: Table[] = wb.worksheets.map((ws) => {
      const rows: (Cell | null)[][] = [];
      ws.eachRow({ includeEmpty: true }, (row, r) => {
        const out: (Cell | null)[] = [];
        row.eachCell({ includeEmpty: true }, (c, ci) => {
          const value = modelValue(c.value);
          out[ci - 1] = value === null ? null : makeCell(value, r - 1, ci - 1, undefined, c.numFmt);
        });
        rows[r - 1] = out;
      });
      return { name: ws.name, rows };
    });
    const got = contractViolations(tables);
    expect(got.map((v) => [v.ruleId, v.row, v.cell, v.suggestion?.value])).toEqual(EXPECTED.map((e) => [...e]));
  });
});
