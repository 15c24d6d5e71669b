import { defineRule, msg } from '../../engine/rule.js';
import { CAMPAIGN_BONUS, contractGroupsOf, countsAsLive, groupRowsData, rangeText, type ContractGroup } from '../../derive/contracts.js';
import { dayOfWall, formatWall, wallOfDay } from '../../time/civil.js';
import { appendAll } from '../../engine/append-all.js';

export interface Overlap {
  /** The contract reported: it starts no earlier than `earlier`. */
  readonly later: ContractGroup;
  /** Among the contracts starting before or with `later`, the one that ends last. */
  readonly earlier: ContractGroup;
}

/**
 * The overlaps among one shop's contracts, by a sweep over them sorted by start (then end, then
 * position) that keeps the contract ending last so far: O(n log n). Each contract overlapping any
 * earlier one appears once, paired with the earlier contract that reaches furthest.
 * @example overlapsOf([5/2–5/4, 5/4]) → [{ later: 5/4, earlier: 5/2–5/4 }]
 */
export function overlapsOf(groups: readonly ContractGroup[], order: (g: ContractGroup) => number): Overlap[] {
  const sorted = [...groups].sort((a, b) => a.start - b.start || a.end - b.end || order(a) - order(b));
  const out: Overlap[] = [];
  let reach: ContractGroup | undefined;
  for (const g of sorted) {
    if (reach && g.start <= reach.end) out.push({ later: g, earlier: reach });
    if (!reach || g.end > reach.end) reach = g;
  }
  return out;
}

/**
 * `contract/overlap`: two 活動加碼 contracts of one shop overlap in time (the deck: with 12/1-12/5
 * in place, 12/4 cannot be submitted again). 不通過 and 草稿 contracts do not count. Reported on
 * the later contract's start cell, naming the earlier one; suggests starting on the next whole day
 * after the earlier one ends when that still leaves a period.
 */
/** More than a sheet's rows (Excel's 1,048,576): tab index × this + row orders contracts. */
const ROWS_PER_SHEET = 2_097_152;

export default defineRule({
  meta: {
    id: 'contract/overlap',
    defaultSeverity: 'error',
    scope: 'contracts',
    requires: ['contracts'],
    docs: msg('同一商店的活動加碼合約時間重疊（不通過與草稿不計）。', 'Two campaign-wide contracts of one shop overlap in time (rejected and draft ones aside).'),
    messages: {
      default: msg(
        '這份活動加碼合約（{range}）與「{otherSheet}」第 {otherRows} 列的合約（{otherRange}）時間重疊，同一商店的活動加碼合約不可重疊{rowsNote}。',
        'This campaign-wide contract ({range}) overlaps the one at "{otherSheet}" row {otherRowsEn} ({otherRange}); a shop\'s campaign-wide contracts must not overlap{rowsNoteEn}.',
      ),
    },
    hasSuggestion: true,
  },
  check(ctx) {
    const all = contractGroupsOf(ctx);
    // A contract's place in workbook order (its tab, then its first row: the order of `all`),
    // computed rather than held in a map of every contract.
    const sheetIndex = new Map(ctx.sheets('contracts').map((sheet, i) => [sheet, i] as const));
    const position = (g: ContractGroup) => sheetIndex.get(g.sheet)! * ROWS_PER_SHEET + g.first.row;
    const byShop = new Map<string, ContractGroup[]>();
    for (let i = 0; i < all.length; i++) {
      const g = all[i]!;
      if (g.contractType !== CAMPAIGN_BONUS || !countsAsLive(g.status) || g.end <= g.start) continue;
      const list = byShop.get(g.shopId);
      if (list) list.push(g);
      else byShop.set(g.shopId, [g]);
    }
    const found: Overlap[] = [];
    for (const groups of byShop.values()) appendAll(found, overlapsOf(groups, position));
    // Report in sheet order, so a long list reads top to bottom.
    found.sort((a, b) => position(a.later) - position(b.later));
    for (const { later, earlier } of found) {
      const otherRows = earlier.rows.map((r) => r.row);
      // 活動加碼 contracts run whole days: the next whole day after the earlier contract ends (which
      // also satisfies contract/not-whole-day on the same cell, SPEC §5.3).
      const newStart = wallOfDay(dayOfWall(earlier.end) + 1);
      const data = {
        range: rangeText(later.start, later.end),
        otherSheet: earlier.sheet.name,
        otherRows: otherRows.join('、'),
        otherRowsEn: otherRows.join(', '),
        otherRange: rangeText(earlier.start, earlier.end),
        ...groupRowsData(later),
      };
      if (newStart <= later.end) {
        const range = rangeText(newStart, later.end);
        ctx.report({ sheet: later.sheet, row: later.first, key: 'start', data, suggestion: { value: formatWall(newStart), label: msg(`把期間改為 ${range}`, `Change the period to ${range}`) } });
      } else {
        ctx.report({ sheet: later.sheet, row: later.first, key: 'start', data });
      }
    }
  },
});
