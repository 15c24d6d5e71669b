import { defineRule, msg } from '../../engine/rule.js';
import { deadlineData, formatWall } from '../../time/civil.js';
import { enrollmentsOf } from '../../derive/enrollments.js';

/**
 * `enrollment/late-registration`: submittedAt is after the plan's registration deadline. The
 * message names the next plan still open at that time (e.g. 6月單月方案 for a late 5月 form).
 */
export default defineRule({
  meta: {
    id: 'enrollment/late-registration',
    defaultSeverity: 'error',
    scope: 'enrollment',
    requires: ['enrollment'],
    docs: msg('報名時間晚於方案的報名截止時間。', "submittedAt is after the plan's deadline."),
    messages: {
      default: msg('{plan}的報名截止時間是 {deadline}，這筆在 {submitted} 報名，已逾期。', 'The {planEn} closed at {deadlineEn}; this form was sent at {submitted}, too late.'),
      nextOpen: msg(
        '{plan}的報名截止時間是 {deadline}，這筆在 {submitted} 報名，已逾期；仍可報名{next}（截止 {nextDeadline}），請改選該方案。',
        'The {planEn} closed at {deadlineEn}; this form was sent at {submitted}, too late. The {nextEn} is still open (until {nextDeadlineEn}): choose it instead.',
      ),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    for (const e of enrollmentsOf(ctx)) {
      const at = e.row.values.submittedAt;
      if (!e.plan || at === undefined || at <= e.plan.deadlineWall) continue;
      const data = { plan: e.plan.label, planEn: e.plan.labelEn, ...deadlineData(e.plan.deadlineWall), submitted: formatWall(at) };
      // The plan whose deadline is the next one still open at the submission time.
      const next = [...ctx.campaign.plans].filter((p) => p.deadlineWall >= at).sort((a, b) => a.deadlineWall - b.deadlineWall)[0];
      if (next) ctx.report({ sheet: e.sheet, row: e.row, key: 'submittedAt', messageId: 'nextOpen', data: { ...data, next: next.label, nextEn: next.labelEn, ...deadlineData(next.deadlineWall, 'nextDeadline') } });
      else ctx.report({ sheet: e.sheet, row: e.row, key: 'submittedAt', data });
    }
  },
});
