import { defineRule, msg } from '../../engine/rule.js';
import { capText, readCap } from '../../values/cap.js';

/**
 * Whether a rebate cap is acceptable: -1 (unlimited) or a positive whole number of points.
 * @example isValidRebateCap(-1) === true; isValidRebateCap(200) === true; isValidRebateCap(0) === false; isValidRebateCap(-5) === false
 */
export function isValidRebateCap(cap: number): boolean {
  return cap === -1 || (Number.isInteger(cap) && cap > 0);
}

/**
 * `contract/invalid-rebate-cap`: 返點上限 is -1 (無上限) or a positive integer. The rule owns every
 * bad value of its column (the parser leaves them to it, SPEC §5.3): 0, -5, 1.5, `無上限`, `200點`.
 * Where the text says what was meant it suggests it: `無上限`/`不限`/`-1 點` → -1, `200點` → 200.
 */
export default defineRule({
  meta: {
    id: 'contract/invalid-rebate-cap',
    defaultSeverity: 'error',
    scope: 'contracts',
    requires: ['contracts'],
    docs: msg('返點上限不是 -1（無上限）也不是正整數。', 'The rebate cap is neither -1 (unlimited) nor a positive whole number.'),
    messages: {
      default: msg('返點上限「{cap}」無效：請填 -1（無上限）或正整數點數。', 'Rebate cap "{cap}" is invalid: use -1 (unlimited) or a positive whole number of points.'),
      meant: msg('返點上限「{cap}」不是 CMS 接受的格式：請只填數字，-1 代表無上限，或正整數點數。', 'Rebate cap "{cap}" is not a form the CMS accepts: write a number only, -1 for unlimited or a positive whole number of points.'),
    },
    hasSuggestion: true,
  },
  check(ctx) {
    for (const sheet of ctx.sheets('contracts')) for (let ri = 0, sheetRows = sheet.rows; ri < sheetRows.length; ri++) {
      const row = sheetRows[ri]!;
      const cap = row.values.rebateCap;
      if (cap !== undefined) {
        if (!isValidRebateCap(cap)) ctx.report({ sheet, row, key: 'rebateCap', data: { cap } });
        continue;
      }
      const cell = row.cells.rebateCap;
      if (!row.invalid.has('rebateCap') || !cell || (typeof cell.value === 'object' && cell.value !== null)) continue;
      const text = capText(cell);
      if (text === '') continue;
      const meant = readCap(text, true);
      if (meant !== undefined && isValidRebateCap(meant)) {
        ctx.report({ sheet, row, key: 'rebateCap', messageId: 'meant', data: { cap: text }, suggestion: { value: String(meant), label: msg('改為 {value}', 'Use {value}') } });
      } else {
        ctx.report({ sheet, row, key: 'rebateCap', data: { cap: text } });
      }
    }
  },
});
