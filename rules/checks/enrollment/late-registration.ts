import { defineRule, msg } from '../../engine/rule.js';
import { formatWall } from '../../time/civil.js';
import { enrollmentsOf } from '../../derive/enrollments.js';

/** `enrollment/late-registration`: submittedAt is after the plan's registration deadline. */
export default defineRule({
  meta: {
    id: 'enrollment/late-registration',
    defaultSeverity: 'error',
    scope: 'enrollment',
    requires: ['enrollment'],
    docs: msg('報名時間晚於方案的報名截止時間。', "submittedAt is after the plan's deadline."),
    messages: {
      default: msg('{plan}的報名截止時間是 {deadline}，這筆在 {submitted} 報名，已逾期。', 'The {planEn} closed at {deadline}; this form was sent at {submitted}, too late.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    for (const e of enrollmentsOf(ctx)) {
      const at = e.row.values.submittedAt;
      if (!e.plan || at === undefined || at <= e.plan.deadlineWall) continue;
      ctx.report({
        sheet: e.sheet,
        row: e.row,
        key: 'submittedAt',
        data: { plan: e.plan.label, planEn: e.plan.labelEn, deadline: formatWall(e.plan.deadlineWall), submitted: formatWall(at) },
      });
    }
  },
});
