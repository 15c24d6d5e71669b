import { defineRule, msg } from '../../engine/rule.js';
import { enrollmentsOf } from '../../derive/enrollments.js';
import { deadlineData, formatWall, isoDate, wallOfDay } from '../../time/civil.js';

/**
 * `enrollment/chosen-day-too-soon`: the chosen day's contract deadline (D-3 working days, 23:59:59)
 * is before the enrollment's submittedAt, so its bonus contract cannot be set up in time.
 */
export default defineRule({
  meta: {
    id: 'enrollment/chosen-day-too-soon',
    defaultSeverity: 'error',
    scope: 'enrollment',
    requires: ['enrollment'],
    docs: msg('任選日的加碼合約送審期限（D-3 工作日）早於報名時間，來不及設定。', "The chosen day's D-3 contract deadline is before submittedAt."),
    messages: {
      default: msg('任選日「{text}」的加碼合約最晚須在 {deadline} 前送審，但報名時間是 {submitted}，來不及設定。', 'Chosen day "{text}" needs its contract submitted by {deadlineEn}, but the form was sent at {submitted}: too late.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const lead = ctx.campaign.config.contractLeadWorkingDays;
    for (const e of enrollmentsOf(ctx)) {
      const submitted = e.row.values.submittedAt;
      if (submitted === undefined) continue;
      for (const item of e.chosenDays) {
        const deadline = ctx.deadlineDay(item.day, lead, { sheet: e.sheet, row: e.row, key: 'chosenDays' });
        if (deadline === undefined) continue;
        const deadlineWall = wallOfDay(deadline, 86_399);
        if (deadlineWall < submitted) {
          ctx.report({ sheet: e.sheet, row: e.row, key: 'chosenDays', data: { text: item.text, ...deadlineData(deadlineWall), submitted: formatWall(submitted), date: isoDate(item.day) } });
        }
      }
    }
  },
});
