import { defineRule, msg } from '../../engine/rule.js';
import { enrollmentsOf, chosenByMonth } from '../../derive/enrollments.js';

/** `enrollment/too-many-chosen-days`: a month has more chosen days than its allowance (0/3/6). */
export default defineRule({
  meta: {
    id: 'enrollment/too-many-chosen-days',
    defaultSeverity: 'error',
    scope: 'enrollment',
    requires: ['enrollment'],
    docs: msg('某月的任選日超過可選天數（0／3／6 天）。', 'A month has more chosen days than allowed (0/3/6).'),
    messages: {
      default: msg('{month} 選了 {count} 個任選日，但依推廣承諾每月最多 {allowance} 天。', '{month} has {count} chosen days, but the promotion commitment allows {allowance} a month.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    for (const e of enrollmentsOf(ctx)) {
      if (e.row.invalid.has('siteExposure') || e.row.invalid.has('ringData')) continue;
      for (const [month, items] of chosenByMonth(e.chosenDays)) {
        const distinct = new Set(items.map((i) => i.day)).size;
        if (distinct > e.allowance) ctx.report({ sheet: e.sheet, row: e.row, key: 'chosenDays', data: { month, count: distinct, allowance: e.allowance } });
      }
    }
  },
});
