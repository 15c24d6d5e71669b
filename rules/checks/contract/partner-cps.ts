import { defineRule, msg } from '../../engine/rule.js';
import { expectedPartnerCpsReader, partnerContractTest, percentText, samePercent } from '../../derive/contracts.js';

/**
 * `contract/partner-cps`: a partner-plan contract's CPS must be max(15%, base CPS) (SPEC §3: the
 * CMS never lets CPS go below the base contract's, so a shop at 16% keeps 16%). The base CPS is
 * the covering base contract's, else the enrollment's 原CPS%.
 */
export default defineRule({
  meta: {
    id: 'contract/partner-cps',
    defaultSeverity: 'error',
    scope: 'contracts',
    requires: ['contracts'],
    docs: msg('夥伴互利合約的 CPS 不是 15% 與鋪底 CPS 中較高者。', "A partner-plan contract's CPS is not the higher of 15% and the base CPS."),
    messages: {
      default: msg('夥伴互利合約的 CPS 須為 {partnerCps}，這裡是 {cps}。', 'A partner-plan contract needs CPS {partnerCps}; this one has {cps}.'),
    },
    hasSuggestion: true,
  },
  check(ctx) {
    const expectedPartnerCps = expectedPartnerCpsReader(ctx);
    const isPartnerContract = partnerContractTest(ctx);
    for (const sheet of ctx.sheets('contracts')) for (let ri = 0, sheetRows = sheet.rows; ri < sheetRows.length; ri++) {
      const row = sheetRows[ri]!;
      const cps = row.values.cps;
      if (cps === undefined) continue;
      const expected = expectedPartnerCps(row);
      if (samePercent(cps, expected) || !isPartnerContract(row)) continue;
      const value = percentText(expected);
      ctx.report({ sheet, row, key: 'cps', data: { cps: percentText(cps), partnerCps: value }, suggestion: { value, label: msg('改為 {value}', 'Use {value}') } });
    }
  },
});
