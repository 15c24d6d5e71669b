import { defineRule, msg } from '../../engine/rule.js';
import { percentText, rowsWithBase, samePercent } from '../../derive/contracts.js';

/**
 * `contract/base-rate-mismatch`: a row's 鋪底合約% must equal the base rate of the base contract
 * of its shop and product type in force at its start (the CMS fills it in; a different number
 * means the vendor bonus and the funding are computed from a wrong base). Suggests the base rate.
 */
export default defineRule({
  meta: {
    id: 'contract/base-rate-mismatch',
    defaultSeverity: 'error',
    scope: 'contracts',
    requires: ['contracts', 'base-contracts'],
    docs: msg('鋪底合約% 與涵蓋期間的鋪底合約不同。', 'The base rate differs from the covering base contract.'),
    messages: {
      default: msg(
        '鋪底合約% 是 {rate}，但「{baseSheet}」第 {baseRow} 列的 {productType} 鋪底合約是 {baseRate}。',
        'The base rate is {rate}, but the {productType} base contract at "{baseSheet}" row {baseRow} says {baseRate}.',
      ),
    },
    hasSuggestion: true,
  },
  check(ctx) {
    for (const { sheet, row, base } of rowsWithBase(ctx)) {
      const v = row.values;
      if (v.baseRate === undefined || base.baseRate === undefined || samePercent(base.baseRate, v.baseRate)) continue;
      const value = percentText(base.baseRate);
      ctx.report({
        sheet,
        row,
        key: 'baseRate',
        data: { rate: percentText(v.baseRate), baseRate: value, baseSheet: base.sheet.name, baseRow: base.row.row, productType: base.productType },
        suggestion: { value, label: msg('改為鋪底合約的 {value}', "Use the base contract's {value}") },
      });
    }
  },
});
