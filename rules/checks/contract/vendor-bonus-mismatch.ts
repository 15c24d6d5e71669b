import { defineRule, msg } from '../../engine/rule.js';
import { partnerContractTest, percentText, samePercent } from '../../derive/contracts.js';
import { cleanPercent } from '../../values/percent.js';

/**
 * `contract/vendor-bonus-mismatch`: outside the partner plan the brand pays the bonus itself, so
 * 廠商自行加碼% = 加碼後前台回饋% − 鋪底合約% (the deck: front 8%, base 2% → 6%). Suggests that
 * value. A front rate below the base is `contract/front-below-base` instead.
 */
export default defineRule({
  meta: {
    id: 'contract/vendor-bonus-mismatch',
    defaultSeverity: 'error',
    scope: 'contracts',
    requires: ['contracts'],
    docs: msg('非夥伴互利合約的廠商自行加碼% 不等於 加碼後前台回饋% − 鋪底合約%。', 'Non-partner: the vendor bonus is not front-end rebate − base rate.'),
    messages: {
      default: msg(
        '廠商自行加碼% 應為 加碼後前台回饋% {front} − 鋪底合約% {base} = {expected}，這裡是 {vendor}。',
        'The vendor bonus should be front-end {front} − base {base} = {expected}; this one is {vendor}.',
      ),
    },
    hasSuggestion: true,
  },
  check(ctx) {
    const isPartner = partnerContractTest(ctx);
    for (const sheet of ctx.sheets('contracts')) for (let ri = 0, sheetRows = sheet.rows; ri < sheetRows.length; ri++) {
      const row = sheetRows[ri]!;
      const { frontRate, baseRate, vendorBonus } = row.values;
      if (frontRate === undefined || baseRate === undefined || vendorBonus === undefined) continue;
      const expected = cleanPercent(frontRate - baseRate);
      if (expected < 0 || samePercent(vendorBonus, expected) || isPartner(row)) continue;
      const value = percentText(expected);
      ctx.report({
        sheet,
        row,
        key: 'vendorBonus',
        data: { front: percentText(frontRate), base: percentText(baseRate), expected: value, vendor: percentText(vendorBonus) },
        suggestion: { value, label: msg('改為 {value}', 'Use {value}') },
      });
    }
  },
});
