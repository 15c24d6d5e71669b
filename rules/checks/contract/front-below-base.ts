import { defineRule, msg } from '../../engine/rule.js';
import { percentText } from '../../derive/contracts.js';
import { cleanPercent } from '../../values/percent.js';

/** `contract/front-below-base`: the front-end rebate after the bonus cannot be below the base rate. */
export default defineRule({
  meta: {
    id: 'contract/front-below-base',
    defaultSeverity: 'error',
    scope: 'contracts',
    requires: ['contracts'],
    docs: msg('加碼後前台回饋% 低於鋪底合約%。', 'The front-end rebate is below the base rate.'),
    messages: {
      default: msg('加碼後前台回饋% 是 {front}，低於鋪底合約% {base}；加碼後的回饋不會比鋪底還低。', 'The front-end rebate {front} is below the base rate {base}; a bonus never lowers the rebate.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    for (const sheet of ctx.sheets('contracts')) for (let ri = 0, sheetRows = sheet.rows; ri < sheetRows.length; ri++) {
      const row = sheetRows[ri]!;
      const { frontRate, baseRate } = row.values;
      if (frontRate === undefined || baseRate === undefined || cleanPercent(frontRate) >= cleanPercent(baseRate)) continue;
      ctx.report({ sheet, row, key: 'frontRate', data: { front: percentText(frontRate), base: percentText(baseRate) } });
    }
  },
});
