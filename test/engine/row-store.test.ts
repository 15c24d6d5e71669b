import { describe, it, expect } from 'vitest';
import { makeCell, tableFromValues } from '../../rules/index.js';
import { parseSheet, rowValues, ROW_MEMBER_NAMES } from '../../rules/sheet/parse.js';
import { kindDef } from '../../rules/columns.js';
import { SHEET_KINDS } from '../../rules/types.js';
import { yearForCampaign } from '../../rules/engine/validate.js';
import { DEFAULT_CAMPAIGN } from '../../rules/campaign/campaign.js';

// Parsed rows keep their values column by column (rules/sheet/parse.ts RowStore): a typed array
// per number and boolean column, an array per other column. These tests pin what a rule reads
// through `row.values`, for every kind of column, blank and unreadable cells, and two tabs at once.
const dates = { yearFor: yearForCampaign(DEFAULT_CAMPAIGN) };
const wall = (y: number, m: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, m - 1, d, h, mi, s);
const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;

const CONTRACT_HEADER = ['商店代碼', '合約類型', '合約備註', '開始時間', '結束時間', 'Product Type Name', '鋪底合約%', '加碼後前台回饋%', '返點上限', 'CPS%', '廠商自行加碼%', '夥伴互利', '審核狀態'];

describe('parsed rows: values read column by column', () => {
  const contracts = tableFromValues('加碼合約', [
    CONTRACT_HEADER,
    ['a', '活動加碼', '5/1_加碼5%', '2026/05/01 00:00:00', '2026/05/01', 'normal', '2%', '5%', '-1', '8%', '3%', '是', '通過'],
    [],
    ['b', '單品加碼', '', 'not a date', '2026/05/02 12:30:00', '3c', 0.015, 0.04, 1000, 0.15, '1%', '', ''],
  ]);
  const sheet = parseSheet(contracts, 'contracts', 0, dates);

  it('gives every bound key its value, undefined where blank or unreadable', () => {
    expect(sheet.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(sheet.rows.map((r) => rowValues(r, sheet))).toEqual([
      { shopId: 'a', contractType: '活動加碼', remark: '5/1_加碼5%', start: wall(2026, 5, 1), end: wall(2026, 5, 1, 23, 59, 59), productType: 'normal', baseRate: 2, frontRate: 5, rebateCap: -1, cps: 8, vendorBonus: 3, partnerPlan: true, status: '通過' },
      // A blank partnerPlan stays undefined (infer, SPEC §4.5); the unreadable start and the blank remark too.
      { shopId: 'b', contractType: '單品加碼', remark: undefined, start: undefined, end: wall(2026, 5, 2, 12, 30), productType: '3c', baseRate: 1.5, frontRate: 4, rebateCap: 1000, cps: 15, vendorBonus: 1, partnerPlan: undefined, status: undefined },
    ]);
    expect([...sheet.rows[1]!.invalid].sort()).toEqual(['remark', 'start']);
    expect(sheet.rows[0]!.invalid.size).toBe(0);
    expect(sheet.issues.map((i) => [i.ruleId, i.row, i.col])).toEqual([
      ['cell/required', 4, 2],
      ['cell/invalid-date', 4, 3],
      // Plain fractions without a percent format are read as percents, with a warning.
      ['cell/ambiguous-percent', 4, 6],
      ['cell/ambiguous-percent', 4, 7],
      ['cell/ambiguous-percent', 4, 9],
    ]);
  });

  it('reads the same through row.values and by key', () => {
    const r = sheet.rows[0]!;
    expect(r.values.start).toBe(wall(2026, 5, 1));
    expect((r.values as Record<string, unknown>)['frontRate']).toBe(5);
    expect(r.values.productId).toBeUndefined(); // not a column of this tab
    expect(r.cells.remark?.text).toBe('5/1_加碼5%');
  });

  it('keeps each tab its own values when several are parsed (one row class for all)', () => {
    const enrollment = tableFromValues('報名表', [
      ['品牌名稱', '商店代碼', '聯絡信箱', '方案', '報名時間', '官網/社群曝光', '環狀數據', '任選日', '原CPS%'],
      ['好日子', 'a', 'x@example.com, y@example.com', '季方案', '2026/03/20', '', '否', '5/8、5/15', '8%'],
    ]);
    const e = parseSheet(enrollment, 'enrollment', 0, dates);
    const again = parseSheet(contracts, 'contracts', 0, dates);
    expect(rowValues(e.rows[0]!, e)).toEqual({
      brandName: '好日子',
      shopId: 'a',
      contactEmail: ['x@example.com', 'y@example.com'],
      plan: '季方案',
      submittedAt: wall(2026, 3, 20),
      // A blank boolean is "no" (SPEC §4.5).
      siteExposure: false,
      ringData: false,
      chosenDays: [
        { day: day(2026, 5, 8), text: '5/8' },
        { day: day(2026, 5, 15), text: '5/15' },
      ],
      baseCps: 8,
    });
    expect(again.rows.map((r) => r.values.shopId)).toEqual(['a', 'b']);
    expect(sheet.rows.map((r) => r.values.shopId)).toEqual(['a', 'b']);
    expect(e.rows[0]!.values.shopId).toBe('a');
    // The same key on two tabs of different kinds reads each tab's own column.
    expect(e.rows[0]!.values.submittedAt).toBe(wall(2026, 3, 20));
    expect(sheet.rows[0]!.values.submittedAt).toBeUndefined();
  });

  it('answers repeated cells of a column from its last one without mixing up different ones', () => {
    // parseRowsInto remembers, per column, the last enum or boolean text and the last number
    // format: alternating spellings, unknown spellings and formats must each read as their own.
    const t = tableFromValues('加碼合約', [
      CONTRACT_HEADER,
      ['a', '活動加碼', 'r', '2026/05/01', '2026/05/01', 'normal', makeCell(0.02, '2%', '0%'), makeCell(0.05, '5%', '0%'), '-1', makeCell(0.08, '8%', '0.0%'), '3%', 'Y', '通過'],
      ['a', 'campaign', 'r', '2026/05/02', '2026/05/02', 'normal', makeCell(2, '2', 'General'), makeCell(0.05, '5%', '0%'), '-1', makeCell(8, '8', 'General'), '3%', '否', 'approved'],
      ['a', '活動加碼', 'r', '2026/05/03', '2026/05/03', 'normal', makeCell(0.02, '2%', '0%'), makeCell(5, '5', '"%"0'), '-1', makeCell(0.08, '8%', '0.0%'), '3%', 'maybe', 'bogus'],
      ['a', '活動加碼', 'r', '2026/05/04', '2026/05/04', 'normal', makeCell(0.02, '2%', '0%'), makeCell(0.05, '5%', '0%'), '-1', makeCell(0.08, '8%', '0.0%'), '3%', 'Y', '通過'],
    ]);
    const p = parseSheet(t, 'contracts', 0, dates);
    const pick = (key: string) => p.rows.map((r) => (r.values as Record<string, unknown>)[key]);
    expect(pick('contractType')).toEqual(['活動加碼', '活動加碼', '活動加碼', '活動加碼']);
    expect(pick('status')).toEqual(['通過', '通過', undefined, '通過']);
    expect(pick('partnerPlan')).toEqual([true, false, undefined, true]);
    expect(pick('baseRate')).toEqual([2, 2, 2, 2]);
    expect(pick('cps')).toEqual([8, 8, 8, 8]);
    // '"%"0' shows a literal percent sign: not a percent format, so 5 is 5 percent points.
    expect(pick('frontRate')).toEqual([5, 5, 5, 5]);
    expect(p.issues.map((i) => [i.ruleId, i.row, i.col])).toEqual([
      ['cell/invalid-enum', 4, 11],
      ['cell/invalid-enum', 4, 12],
    ]);
  });

  it('has no column key that clashes with a row member (row, values, cells, invalid)', () => {
    const keys = SHEET_KINDS.flatMap((k) => kindDef(k).columns.map((c) => c.key));
    expect(keys.filter((k) => ROW_MEMBER_NAMES.includes(k))).toEqual([]);
    expect(ROW_MEMBER_NAMES).toEqual(['row', 'values', 'cells', 'invalid']);
  });
});
