import { describe, it, expect } from 'vitest';
import { tableFromValues, type Cell, type Table } from '../../rules/index.js';
import { parseSheet, reparseRows, rowValues, type ParsedSheet } from '../../rules/sheet/parse.js';
import { yearForCampaign } from '../../rules/engine/validate.js';
import { DEFAULT_CAMPAIGN } from '../../rules/campaign/campaign.js';
import { ymdFromDay } from '../../rules/time/civil.js';

const dates = { yearFor: yearForCampaign(DEFAULT_CAMPAIGN) };
const HEADER = ['商店代碼', '合約類型', '合約備註', '開始時間', '結束時間', 'Product Type Name', '鋪底合約%', '加碼後前台回饋%', '返點上限', 'CPS%', '廠商自行加碼%'];
const row = (shop: string, start: string, rate: string): string[] => [shop, '活動加碼', '5/1_加碼5%', start, '2026/05/01 23:59:59', 'normal', '2%', rate, '-1', '8%', '3%'];

/** The parsed sheet as plain data (cells by key through the row view, issues, values). */
function plain(p: ParsedSheet) {
  return {
    rows: p.rows.map((r) => ({ row: r.row, values: rowValues(r, p), invalid: [...r.invalid], cells: [...p.columns.keys()].map((k) => r.cells[k]?.text ?? null) })),
    issues: p.issues,
    headerRow: p.headerRow,
  };
}

function edit(t: Table, edits: readonly { r: number; c: number; text: string }[]): { table: Table; changed: Set<number> } {
  const rows = t.rows.slice();
  const changed = new Set<number>();
  for (const { r, c, text } of edits) {
    const cells = (rows[r] ?? []).slice() as (Cell | null | undefined)[];
    cells[c] = { value: text, text };
    rows[r] = cells;
    changed.add(r);
  }
  return { table: { name: t.name, rows }, changed };
}

describe('reparseRows: only the edited rows parsed again, equal to a full parse', () => {
  const table = tableFromValues('加碼合約', [['title'], HEADER, row('a', '2026/05/01 00:00:00', '5%'), [], row('b', 'not a date', '5%'), row('c', '2026/05/01 00:00:00', 'x%')]);
  const base = parseSheet(table, 'contracts', 1, dates);

  it('has the issues the edits remove and add, in row order', () => {
    expect(base.issues.map((i) => [i.ruleId, i.row])).toEqual([['cell/invalid-date', 5], ['cell/invalid-percent', 6]]);
    const { table: edited, changed } = edit(table, [
      { r: 4, c: 3, text: '2026/05/01 00:00:00' },
      { r: 2, c: 7, text: 'bad%' },
      { r: 3, c: 0, text: 'd' },
    ]);
    const again = reparseRows(base, edited, changed, dates);
    expect(plain(again)).toEqual(plain(parseSheet(edited, 'contracts', 1, dates)));
    expect(again.issues.map((i) => [i.ruleId, i.row])).toEqual([['cell/invalid-percent', 3], ['cell/required', 4], ['cell/required', 4], ['cell/required', 4], ['cell/required', 4], ['cell/required', 4], ['cell/required', 4], ['cell/required', 4], ['cell/required', 4], ['cell/required', 4], ['cell/required', 4], ['cell/invalid-percent', 6]]);
    expect(again.rows.map((r) => r.row)).toEqual([3, 4, 5, 6]);
    expect(again.table).toBe(edited);
  });

  it('row cells read through to the row and enumerate the bound keys (for…in)', () => {
    const r = base.rows[0]!;
    expect(r.cells.shopId?.text).toBe('a');
    expect(r.cells.frontRate?.text).toBe('5%');
    const keys: string[] = [];
    for (const k in r.cells) keys.push(k);
    expect(keys).toEqual(['shopId', 'contractType', 'remark', 'start', 'end', 'productType', 'baseRate', 'frontRate', 'rebateCap', 'cps', 'vendorBonus']);
  });
});

describe('ymdFromDay by arithmetic equals Date', () => {
  it('over 1700–2300 and at the edges', () => {
    let differ = 0;
    for (let day = -98_000; day <= 120_000; day++) {
      const t = new Date(day * 86_400_000);
      const got = ymdFromDay(day);
      if (got.y !== t.getUTCFullYear() || got.m !== t.getUTCMonth() + 1 || got.d !== t.getUTCDate()) differ++;
    }
    expect(differ).toBe(0);
    expect(ymdFromDay(20_581)).toEqual({ y: 2026, m: 5, d: 8 });
    expect(ymdFromDay(-1)).toEqual({ y: 1969, m: 12, d: 31 });
    expect(ymdFromDay(20_581.75)).toEqual({ y: 2026, m: 5, d: 8 });
    expect(ymdFromDay(100_000_001)).toEqual({ y: NaN, m: NaN, d: NaN });
  });
});
