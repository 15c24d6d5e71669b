import { defineRule, msg } from '../../engine/rule.js';
import { percentText } from '../../derive/contracts.js';
import { cleanPercent } from '../../values/percent.js';

/**
 * `contract/funding-negative`: the CMS requires (CPS + 廠商自行加碼%) − 加碼後前台回饋% ≥ 0: the
 * commission plus the brand's own bonus must pay for the rebate shoppers see.
 */
export default defineRule({
  meta: {
    id: 'contract/funding-negative',
    defaultSeverity: 'error',
    scope: 'contracts',
    requires: ['contracts'],
    docs: msg('（CPS + 廠商自行加碼%）− 加碼後前台回饋% 小於 0。', '(CPS + vendor bonus) − front-end rebate is below 0.'),
    messages: {
      default: msg(
        '（CPS {cps} + 廠商自行加碼 {vendor}）− 加碼後前台回饋 {front} = {funding}，不可小於 0。',
        '(CPS {cps} + vendor bonus {vendor}) − front-end rebate {front} = {funding}, which must not be below 0.',
      ),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    for (const sheet of ctx.sheets('contracts')) for (let ri = 0, sheetRows = sheet.rows; ri < sheetRows.length; ri++) {
      const row = sheetRows[ri]!;
      const { cps, vendorBonus, frontRate } = row.values;
      if (cps === undefined || vendorBonus === undefined || frontRate === undefined) continue;
      const funding = cleanPercent(cps + vendorBonus - frontRate);
      if (funding >= 0) continue;
      ctx.report({ sheet, row, key: 'vendorBonus', data: { cps: percentText(cps), vendor: percentText(vendorBonus), front: percentText(frontRate), funding: percentText(funding) } });
    }
  },
});
