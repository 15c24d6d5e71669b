import { defineRule, msg } from '../../engine/rule.js';
import { chosenDaysEn, monthData } from './too-many-chosen-days.js';
import { enrollmentsOf, chosenByMonth } from '../../derive/enrollments.js';

/** `enrollment/unused-chosen-days`: an enrolled month has fewer chosen days than allowed (money left on the table). */
export default defineRule({
  meta: {
    id: 'enrollment/unused-chosen-days',
    defaultSeverity: 'warning',
    scope: 'enrollment',
    requires: ['enrollment'],
    docs: msg('已報名的月份任選日少於可選天數。', 'An enrolled month has fewer chosen days than allowed.'),
    messages: {
      default: msg('{monthLabel} 可選 {allowance} 個任選日，目前只選了 {count} 個；未選的天數不能留到下個月。', '{monthLabelEn} allows {allowanceEn} but only {countEn} chosen; unused days do not carry over.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    for (const e of enrollmentsOf(ctx)) {
      if (e.allowance === 0 || e.row.invalid.has('chosenDays')) continue;
      const byMonth = chosenByMonth(e.chosenDays);
      for (const month of e.months) {
        const count = new Set((byMonth.get(month) ?? []).map((i) => i.day)).size;
        if (count < e.allowance) ctx.report({ sheet: e.sheet, row: e.row, key: 'chosenDays', data: { month, ...monthData(month), count, countEn: `${count} ${count === 1 ? 'is' : 'are'}`, allowance: e.allowance, allowanceEn: chosenDaysEn(e.allowance) } });
      }
    }
  },
});
