import { defineRule, msg } from '../../engine/rule.js';
import { isPartnerContract, percentText, samePercent } from '../../derive/contracts.js';

/** `contract/partner-cps`: a partner-plan contract's CPS must be the campaign's (15%). */
export default defineRule({
  meta: {
    id: 'contract/partner-cps',
    defaultSeverity: 'error',
    scope: 'contracts',
    requires: ['contracts'],
    docs: msg('夥伴互利合約的 CPS 不是活動規定的 15%。', "A partner-plan contract's CPS is not the campaign's 15%."),
    messages: {
      default: msg('夥伴互利合約的 CPS 須為 {partnerCps}，這裡是 {cps}。', 'A partner-plan contract needs CPS {partnerCps}; this one has {cps}.'),
    },
    hasSuggestion: true,
  },
  check(ctx) {
    const partnerCps = ctx.campaign.config.partnerCps;
    for (const { sheet, row } of ctx.rows('contracts')) {
      const cps = row.values.cps;
      if (cps === undefined || samePercent(cps, partnerCps) || !isPartnerContract(ctx, row)) continue;
      const value = percentText(partnerCps);
      ctx.report({ sheet, row, key: 'cps', data: { cps: percentText(cps), partnerCps: value }, suggestion: { value, label: msg('改為 {value}', 'Use {value}') } });
    }
  },
});
