import { defineRule, msg } from '../../engine/rule.js';
import { enrollmentsOf } from '../../derive/enrollments.js';
import { monthKeyOfDay, monthsData } from '../../time/civil.js';

/** `enrollment/chosen-day-outside-plan`: a chosen day is not in one of the plan's months. */
export default defineRule({
  meta: {
    id: 'enrollment/chosen-day-outside-plan',
    defaultSeverity: 'error',
    scope: 'enrollment',
    requires: ['enrollment'],
    docs: msg('任選日不在方案的月份內。', "A chosen day is not in one of the plan's months."),
    messages: {
      default: msg('任選日「{text}」不在{plan}的月份（{months}）內。', 'Chosen day "{text}" is outside the {planEn} months ({monthsEn}).'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    for (const e of enrollmentsOf(ctx)) {
      if (!e.plan) continue;
      for (const item of e.chosenDays) {
        if (e.months.includes(monthKeyOfDay(item.day))) continue;
        ctx.report({
          sheet: e.sheet,
          row: e.row,
          key: 'chosenDays',
          data: { text: item.text, plan: e.plan.label, planEn: e.plan.labelEn, ...monthsData(e.months) },
        });
      }
    }
  },
});
