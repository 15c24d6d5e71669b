import { defineRule, msg } from '../../engine/rule.js';
import { partnerContractTest, percentText, rowsWithBase } from '../../derive/contracts.js';
import { cleanPercent } from '../../values/percent.js';

/**
 * `contract/cps-changed`: outside the partner plan a bonus contract keeps the base CPS ("CPS不需
 * 異動，特別專案活動除外"); a higher CPS is allowed but almost always a mistake that costs the
 * brand commission. A lower CPS is `contract/cps-below-base` (an error), not reported twice.
 */
export default defineRule({
  meta: {
    id: 'contract/cps-changed',
    defaultSeverity: 'warning',
    scope: 'contracts',
    requires: ['contracts', 'base-contracts'],
    docs: msg('非夥伴互利合約的 CPS 與鋪底合約不同（CPS 不需異動，特別專案活動除外）。', 'A non-partner contract changes the base CPS ("no CPS change except for special projects").'),
    messages: {
      default: msg(
        '這不是夥伴互利合約，CPS 卻是 {cps}，與鋪底合約的 {baseCps} 不同；一般加碼活動 CPS 不需異動（特別專案活動除外）。',
        'This is not a partner-plan contract, yet its CPS is {cps} instead of the base {baseCps}; normal bonus contracts keep the CPS (special projects aside).',
      ),
    },
    hasSuggestion: true,
  },
  check(ctx) {
    const isPartner = partnerContractTest(ctx);
    for (const { sheet, row, base } of rowsWithBase(ctx)) {
      const v = row.values;
      if (v.cps === undefined || base.cps === undefined || cleanPercent(v.cps) <= cleanPercent(base.cps)) continue;
      if (isPartner(row)) continue;
      const value = percentText(base.cps);
      ctx.report({ sheet, row, key: 'cps', data: { cps: percentText(v.cps), baseCps: value }, suggestion: { value, label: msg('改回鋪底合約的 {value}', "Back to the base contract's {value}") } });
    }
  },
});
