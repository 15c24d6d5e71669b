import { defineRule, msg } from '../../engine/rule.js';
import { partnerContractTest, percentText, rowsWithBase } from '../../derive/contracts.js';
import { cleanPercent } from '../../values/percent.js';

/**
 * `contract/cps-below-base`: the CMS refuses to save a contract whose CPS is lower than the base
 * contract's ("不能低於導購鋪底合約的值"). Suggests the base CPS, or on a partner-plan contract the
 * plan's CPS when that is higher (so it agrees with `contract/partner-cps`).
 */
export default defineRule({
  meta: {
    id: 'contract/cps-below-base',
    defaultSeverity: 'error',
    scope: 'contracts',
    requires: ['contracts', 'base-contracts'],
    docs: msg('CPS 低於鋪底合約的 CPS（後台無法儲存）。', "CPS is below the base contract's CPS (the CMS refuses to save)."),
    messages: {
      default: msg(
        'CPS 是 {cps}，低於「{baseSheet}」第 {baseRow} 列鋪底合約的 {baseCps}；CPS 只能往上調，後台無法儲存。',
        'CPS {cps} is below {baseCps} of the base contract at "{baseSheet}" row {baseRow}; CPS may only go up, and the CMS will not save it.',
      ),
    },
    hasSuggestion: true,
  },
  check(ctx) {
    const isPartner = partnerContractTest(ctx);
    for (const { sheet, row, base } of rowsWithBase(ctx)) {
      const v = row.values;
      if (v.cps === undefined || base.cps === undefined || cleanPercent(v.cps) >= cleanPercent(base.cps)) continue;
      const target = isPartner(row) ? Math.max(base.cps, ctx.campaign.config.partnerCps) : base.cps;
      ctx.report({
        sheet,
        row,
        key: 'cps',
        data: { cps: percentText(v.cps), baseCps: percentText(base.cps), baseSheet: base.sheet.name, baseRow: base.row.row },
        suggestion: { value: percentText(target), label: msg('改為 {value}', 'Use {value}') },
      });
    }
  },
});
