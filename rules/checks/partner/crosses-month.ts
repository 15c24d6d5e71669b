import { defineRule, msg } from '../../engine/rule.js';
import { monthsBetween, partnerGroups, rangeLabel } from '../../derive/partner-coverage.js';
import { groupRowsData } from '../../derive/contracts.js';
import { monthRange, monthsData } from '../../time/civil.js';

/**
 * `partner/crosses-month`: one partner-plan contract spans two (or more) months. Chosen days and
 * enrollments are per month (不可跨月或合併月份使用), and the generated schedule never crosses a
 * month, so such a contract is almost certainly a slip; the message lists the per-month pieces.
 * One violation per contract, on its first row's start cell; rejected contracts are ignored.
 */
export default defineRule({
  meta: {
    id: 'partner/crosses-month',
    defaultSeverity: 'warning',
    scope: 'partner',
    requires: ['enrollment', 'contracts'],
    docs: msg('一張夥伴互利合約跨了月份。', 'One partner contract spans two months.'),
    messages: {
      default: msg('夥伴互利合約 {range} 跨越 {months}；任選日與方案都以月為單位，請依月份拆成：{parts}{rowsNote}。', 'The partner contract {range} spans {monthsEn}; chosen days and plans are per month, so split it into: {partsEn}{rowsNoteEn}.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    for (const { group, days } of partnerGroups(ctx)) {
      const months = monthsBetween(days.from, days.to);
      if (months.length < 2) continue;
      const parts = months.map((key) => {
        const r = monthRange(key)!;
        return rangeLabel(Math.max(days.from, r.first), Math.min(days.to, r.last));
      });
      ctx.report({
        sheet: group.sheet,
        row: group.first,
        key: 'start',
        data: { shopId: group.shopId, range: rangeLabel(days.from, days.to), ...monthsData(months), parts: parts.join('、'), partsEn: parts.join(', '), ...groupRowsData(group) },
      });
    }
  },
});
