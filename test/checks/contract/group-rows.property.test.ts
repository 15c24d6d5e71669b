/**
 * groupContractRows (rules/derive/contracts.ts) groups rows by sorting a hash of (shop, start),
 * joining a row to the previous row's contract when they match; it must give exactly the grouping
 * `groupKey` defines, in order of each group's first row, with each group's product types and
 * latest submittedAt. Random tabs from small pools, so that many rows share a shop and a start
 * but differ in type, remark or end (same hash), and rows of one contract come both together and
 * apart; with 2 bits of hash, rows of different shops and starts collide too.
 */
import { describe, it, expect } from 'vitest';
import { analyseWorkbook, tableFromValues, type CellValue } from '../../../rules/index.js';
import type { ParsedSheet } from '../../../rules/sheet/parse.js';
import { groupContractRows, groupKey, productTypeKey } from '../../../rules/derive/contracts.js';
import { mulberry32 } from '../../../bench/generate.js';


const HEADER = ['商店代碼', '合約類型', '合約備註', '開始時間', '結束時間', 'Product Type Name', '加碼後前台回饋%', '送審時間'];
const SHOPS = ['a', 'b', 'shop_c', '店家D', ''];
const TYPES = ['活動加碼', '單品加碼'];
const STARTS = ['2026/05/01 00:00:00', '2026/05/01 00:00:01', '2026/05/02', '2038/02/01 00:00:00', '1969/12/31 23:59:59', 'not a date'];
const ENDS = ['2026/05/01 23:59:59', '2026/05/02 23:59:59', '2026/05/02'];
const REMARKS = ['', '5/1_加碼5%', '5/1_加碼10%'];
const PRODUCT_TYPES = ['normal', '3c', ' Normal ', ''];
const SUBMITTED = ['', '2026/04/20 10:00:00', '2026/04/25 09:30:00'];

describe('groupContractRows', () => {
  it.each([32, 2])('groups as groupKey does, in first-row order (%i bits of hash)', (hashBits) => {
    for (let seed = 1; seed <= 60; seed++) {
      const next = mulberry32(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
      const rows: CellValue[][] = [HEADER];
      const n = 1 + Math.floor(next() * 300);
      for (let i = 0; i < n; i++) rows.push([pick(SHOPS), pick(TYPES), pick(REMARKS), pick(STARTS), pick(ENDS), pick(PRODUCT_TYPES), '5%', pick(SUBMITTED)]);
      const sheet = analyseWorkbook({ tables: [tableFromValues('加碼合約', rows)] }).sheets.find((s) => s.kind === 'contracts') as ParsedSheet<'contracts'>;
      // The reference: rows by groupKey, groups in order of first row.
      const byKey = new Map<string, number[]>();
      for (const row of sheet.rows) {
        const k = groupKey(row.values);
        if (k === undefined) continue;
        (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(row.row);
      }
      const groups = groupContractRows(sheet, hashBits);
      expect(groups.map((g) => g.rows.map((r) => r.row)), `seed ${seed}`).toEqual([...byKey.values()]);
      for (const g of groups) {
        expect(g.rowCount).toBe(g.rows.length);
        expect(g.first).toBe(g.rows[0]);
        const types: string[] = [];
        for (const r of g.rows) {
          const t = r.values.productType;
          if (t !== undefined && !types.some((x) => productTypeKey(x) === productTypeKey(t))) types.push(t);
        }
        expect(g.productTypes).toEqual(types);
        const submitted = g.rows.map((r) => r.values.submittedAt).filter((x): x is number => x !== undefined);
        expect(g.submittedAt).toBe(submitted.length === 0 ? undefined : Math.max(...submitted));
      }
    }
  });

  it('keeps a product type holding the separator apart from a list of two types', () => {
    // Product type is free text: "a\u0000b" alone is not the list [a, b] of another contract.
    const rows: CellValue[][] = [HEADER, ['S1', '活動加碼', '', STARTS[0]!, ENDS[0]!, 'a', '5%', ''], ['S1', '活動加碼', '', STARTS[0]!, ENDS[0]!, 'b', '5%', ''], ['S2', '活動加碼', '', STARTS[0]!, ENDS[0]!, 'a\u0000b', '5%', '']];
    const sheet = analyseWorkbook({ tables: [tableFromValues('加碼合約', rows)] }).sheets.find((s) => s.kind === 'contracts') as ParsedSheet<'contracts'>;
    expect(groupContractRows(sheet).map((g) => g.productTypes)).toEqual([['a', 'b'], ['a\u0000b']]);
  });
});
