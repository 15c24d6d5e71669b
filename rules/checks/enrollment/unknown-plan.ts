import { defineRule, msg } from '../../engine/rule.js';

/** `enrollment/unknown-plan`: the plan is none of the campaign's (e.g. an April-only plan). */
export default defineRule({
  meta: {
    id: 'enrollment/unknown-plan',
    defaultSeverity: 'error',
    scope: 'enrollment',
    requires: ['enrollment'],
    docs: msg('方案不是本次活動的方案之一（例如不存在的4月單月方案）。', 'The plan is none of the campaign\'s (e.g. an April-only plan).'),
    messages: {
      default: msg('「{plan}」不是本次活動的方案；可選：{plans}。', '"{plan}" is not a plan of this campaign; choose one of: {plansEn}.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const plans = ctx.campaign.plans.map((p) => p.label).join('、');
    const plansEn = ctx.campaign.plans.map((p) => `${p.label} (${p.labelEn})`).join(', ');
    for (const { sheet, row } of ctx.rows('enrollment')) {
      const plan = row.values.plan;
      if (plan === undefined || ctx.campaign.findPlan(plan)) continue;
      ctx.report({ sheet, row, key: 'plan', data: { plan, plans, plansEn } });
    }
  },
});
