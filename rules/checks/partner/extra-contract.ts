import { defineRule, msg } from '../../engine/rule.js';
import { enrolledMonthsByShop } from '../../derive/enrollments.js';
import { mergeDayRanges, monthsBetween, partnerGroups, rangeLabel, type DayRange } from '../../derive/partner-coverage.js';
import { groupRowsData } from '../../derive/contracts.js';
import { monthRange, monthsData } from '../../time/civil.js';

/**
 * The parts of [from, to] that fall in months not in `enrolled`, merged into ranges. Walks months,
 * not days. @example outsideRanges(4/28, 5/3, {'2026-05'}) → [{from: 4/28, to: 4/30}]
 */
export function outsideRanges(from: number, to: number, enrolled: ReadonlySet<string> | ReadonlyMap<string, unknown>): DayRange[] {
  const parts: DayRange[] = [];
  for (const key of monthsBetween(from, to)) {
    if (enrolled.has(key)) continue;
    const r = monthRange(key)!;
    parts.push({ from: Math.max(from, r.first), to: Math.min(to, r.last) });
  }
  return mergeDayRanges(parts);
}

/**
 * `partner/extra-contract`: a partner-plan 活動加碼 contract lies (partly) outside the shop's
 * enrolled months, or its shop has no enrollment with a known plan. LINE購物 funds partner rebates
 * only while a shop is enrolled, so the extra days would cost the brand or be refused. One
 * violation per contract (reported on its first row); rejected contracts are ignored, drafts count.
 */
export default defineRule({
  meta: {
    id: 'partner/extra-contract',
    defaultSeverity: 'warning',
    scope: 'partner',
    requires: ['enrollment', 'contracts'],
    docs: msg('夥伴互利合約落在商店報名月份之外，或商店沒有報名。', "A partner contract lies outside the shop's enrolled months, or the shop is not enrolled."),
    messages: {
      default: msg('夥伴互利合約的 {ranges} 不在商店「{shopId}」的報名月份（{months}）內{rowsNote}。', 'The partner contract covers {rangesEn}, outside the enrolled months of shop "{shopId}" ({monthsEn}){rowsNoteEn}.'),
      notEnrolled: msg('商店「{shopId}」沒有有效的夥伴互利報名（報名表中沒有此商店或方案不明），不能設定夥伴互利合約{rowsNote}。', 'Shop "{shopId}" has no valid partner-plan enrollment (absent from the enrollment tab or with an unknown plan), so it cannot have partner contracts{rowsNoteEn}.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const enrolled = enrolledMonthsByShop(ctx);
    for (const { group, days } of partnerGroups(ctx)) {
      const months = enrolled.get(group.shopId);
      const rowsData = groupRowsData(group);
      if (!months) {
        ctx.report({ sheet: group.sheet, row: group.first, key: 'shopId', messageId: 'notEnrolled', data: { shopId: group.shopId, ...rowsData } });
        continue;
      }
      const outside = outsideRanges(days.from, days.to, months);
      if (outside.length === 0) continue;
      const labels = outside.map((r) => rangeLabel(r.from, r.to));
      const monthKeys = [...months.keys()].sort();
      ctx.report({
        sheet: group.sheet,
        row: group.first,
        key: 'start',
        data: { shopId: group.shopId, ranges: labels.join('、'), rangesEn: labels.join(', '), ...monthsData(monthKeys), ...rowsData },
      });
    }
  },
});
