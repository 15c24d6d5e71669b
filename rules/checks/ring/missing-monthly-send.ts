import { defineRule, msg } from '../../engine/rule.js';
import { enrolledMonthsByShop } from '../../derive/enrollments.js';
import { monthKeyOfDay, monthsData } from '../../time/civil.js';

/**
 * `ring/missing-monthly-send`: a shop that committed to ring data (報名表 環狀數據 = 是) earns its
 * extra chosen days by sending every enrolled month, so each such month needs at least one row on
 * the ring-data tab. Any row with the shop and a readable send date counts as that month's send,
 * even when another ring rule flags it (those problems are reported on their own). The month is
 * judged against the enrollment that covers it, once per shop and month.
 */
export default defineRule({
  meta: {
    id: 'ring/missing-monthly-send',
    defaultSeverity: 'warning',
    scope: 'ring',
    requires: ['ring-data', 'enrollment'],
    docs: msg('承諾發送環狀數據的商店，某個報名月份沒有任何發送。', 'A shop that committed to ring data has no send in one of its enrolled months.'),
    messages: {
      default: msg('商店「{shopId}」報名時承諾每月發送環狀數據，但 {month} 沒有任何發送。', 'Shop "{shopId}" committed to a monthly ring-data push but has no send in {monthEn}.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const sentMonths = new Set<string>();
    for (const { row } of ctx.rows('ring-data')) {
      const { shopId, sendDate } = row.values;
      if (shopId !== undefined && sendDate !== undefined) sentMonths.add(`${shopId}|${monthKeyOfDay(sendDate)}`);
    }
    for (const [shopId, months] of enrolledMonthsByShop(ctx)) {
      for (const [month, e] of months) {
        if (!e.ringData || e.row.invalid.has('ringData')) continue;
        if (!sentMonths.has(`${shopId}|${month}`)) ctx.report({ sheet: e.sheet, row: e.row, key: 'ringData', data: { shopId, ...monthsData([month], 'month') } });
      }
    }
  },
});
