import { defineRule, msg } from '../../engine/rule.js';
import { enrolledMonthsByShop } from '../../derive/enrollments.js';
import { gapsIn, mergeDayRanges, neededContracts, partnerRowsByShop, rangeLabel } from '../../derive/partner-coverage.js';
import { monthRange, monthsData, shortDate } from '../../time/civil.js';

/**
 * `partner/missing-day`: every day of every enrolled month needs a partner-plan 活動加碼 contract.
 * Consecutive uncovered days of one month are one violation naming the range, reported on the
 * enrollment row that covers the month, with the contracts to add in the schedule's remark style.
 * Rejected (不通過) contracts cover nothing; drafts (草稿) count as planned (see
 * derive/partner-coverage.ts). Enrollments with an unknown plan have no months and are skipped.
 */
export default defineRule({
  meta: {
    id: 'partner/missing-day',
    defaultSeverity: 'error',
    scope: 'partner',
    requires: ['enrollment', 'contracts'],
    docs: msg('已報名月份中有日子沒有夥伴互利活動加碼合約（連續的缺日合併為一筆）。', 'A day of an enrolled month has no partner-plan campaign-wide contract (consecutive days are one violation).'),
    messages: {
      default: msg('商店「{shopId}」{month} 的 {range}（{days} 天）沒有夥伴互利活動加碼合約；需補上：{contracts}。', 'Shop "{shopId}" has no partner-plan campaign-wide contract for {range} ({days} days) of {monthEn}; add: {contractsEn}.'),
      oneDay: msg('商店「{shopId}」{month} 的 {range} 沒有夥伴互利活動加碼合約；需補上：{contracts}。', 'Shop "{shopId}" has no partner-plan campaign-wide contract for {range} ({monthEn}); add: {contractsEn}.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const rowsByShop = partnerRowsByShop(ctx);
    for (const [shopId, months] of enrolledMonthsByShop(ctx)) {
      // Rows are sorted by first day already, so merging is linear.
      const merged = mergeDayRanges((rowsByShop.get(shopId) ?? []).map((r) => ({ from: r.firstDay, to: r.lastDay })));
      for (const [month, enrollment] of months) {
        const range = monthRange(month);
        if (!range) continue;
        for (const gap of gapsIn(merged, range.first, range.last)) {
          const contracts = neededContracts(ctx, shopId, gap);
          const days = gap.to - gap.from + 1;
          ctx.report({
            sheet: enrollment.sheet,
            row: enrollment.row,
            key: 'shopId',
            messageId: days === 1 ? 'oneDay' : 'default',
            data: { shopId, ...monthsData([month], 'month'), from: shortDate(gap.from), to: shortDate(gap.to), range: rangeLabel(gap.from, gap.to), days, contracts: contracts.join('、'), contractsEn: contracts.join(', ') },
          });
        }
      }
    }
  },
});
