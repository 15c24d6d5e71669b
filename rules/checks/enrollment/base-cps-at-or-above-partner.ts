import { defineRule, msg } from '../../engine/rule.js';

/** `enrollment/base-cps-at-or-above-partner`: current CPS ≥ the partner CPS (15%): the plan raises nothing. */
export default defineRule({
  meta: {
    id: 'enrollment/base-cps-at-or-above-partner',
    defaultSeverity: 'warning',
    scope: 'enrollment',
    requires: ['enrollment'],
    docs: msg('原 CPS 已達或高於夥伴互利的 15%。', 'The current CPS is already at or above the partner CPS.'),
    messages: {
      default: msg('原 CPS {cps}% 已達或高於夥伴互利的 {partner}%，請確認原 CPS 是否填錯。', 'The current CPS {cps}% is already at or above the partner {partner}%; check the value.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const partner = ctx.campaign.config.partnerCps;
    for (const { sheet, row } of ctx.rows('enrollment')) {
      const cps = row.values.baseCps;
      if (cps !== undefined && cps >= partner) ctx.report({ sheet, row, key: 'baseCps', data: { cps, partner } });
    }
  },
});
