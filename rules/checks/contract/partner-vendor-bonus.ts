import { defineRule, msg } from '../../engine/rule.js';
import { partnerContractTest, percentText } from '../../derive/contracts.js';
import { cleanPercent } from '../../values/percent.js';

/**
 * `contract/partner-vendor-bonus`: on a partner-plan contract LINE購物 funds the points, so the
 * vendor bonus is 0% (the deck's examples: 2% base, 10% front, vendor 0%). Anything else means the
 * brand pays for what the plan gives it for free.
 */
export default defineRule({
  meta: {
    id: 'contract/partner-vendor-bonus',
    defaultSeverity: 'warning',
    scope: 'contracts',
    requires: ['contracts'],
    docs: msg('夥伴互利合約的廠商自行加碼% 不是 0%（點數由 LINE購物支付）。', 'A partner-plan contract has a vendor bonus other than 0% (LINE Shopping funds the points).'),
    messages: {
      default: msg('夥伴互利合約的點數由 LINE購物全數支付，廠商自行加碼% 應為 0%，這裡是 {vendor}。', 'LINE Shopping funds the points of partner-plan contracts, so the vendor bonus should be 0%; this one is {vendor}.'),
    },
    hasSuggestion: true,
  },
  check(ctx) {
    const isPartnerContract = partnerContractTest(ctx);
    for (const sheet of ctx.sheets('contracts')) for (let ri = 0, sheetRows = sheet.rows; ri < sheetRows.length; ri++) {
      const row = sheetRows[ri]!;
      const vendor = row.values.vendorBonus;
      if (vendor === undefined || cleanPercent(vendor) === 0 || !isPartnerContract(row)) continue;
      ctx.report({ sheet, row, key: 'vendorBonus', data: { vendor: percentText(vendor) }, suggestion: { value: '0%', label: msg('改為 {value}', 'Use {value}') } });
    }
  },
});
