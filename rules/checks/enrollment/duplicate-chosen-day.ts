import { defineRule, msg } from '../../engine/rule.js';
import { enrollmentsOf } from '../../derive/enrollments.js';
import { isoDate } from '../../time/civil.js';

/** `enrollment/duplicate-chosen-day`: the same date is chosen twice. */
export default defineRule({
  meta: {
    id: 'enrollment/duplicate-chosen-day',
    defaultSeverity: 'error',
    scope: 'enrollment',
    requires: ['enrollment'],
    docs: msg('同一天重複列為任選日。', 'The same date is chosen twice.'),
    messages: { default: msg('任選日「{text}」與「{first}」是同一天（{date}），請改選其他日期。', 'Chosen day "{text}" is the same date as "{first}" ({date}); pick another day.') },
    hasSuggestion: false,
  },
  check(ctx) {
    for (const e of enrollmentsOf(ctx)) {
      const seen = new Map<number, string>();
      for (const item of e.chosenDays) {
        const first = seen.get(item.day);
        if (first !== undefined) ctx.report({ sheet: e.sheet, row: e.row, key: 'chosenDays', data: { text: item.text, first, date: isoDate(item.day) } });
        else seen.set(item.day, item.text);
      }
    }
  },
});
