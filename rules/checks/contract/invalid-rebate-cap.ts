import { defineRule, msg } from '../../engine/rule.js';

/**
 * Whether a rebate cap is acceptable: -1 (unlimited) or a positive whole number of points.
 * @example isValidRebateCap(-1) === true; isValidRebateCap(200) === true; isValidRebateCap(0) === false; isValidRebateCap(-5) === false
 */
export function isValidRebateCap(cap: number): boolean {
  return cap === -1 || (Number.isInteger(cap) && cap > 0);
}

/**
 * `contract/invalid-rebate-cap`: 返點上限 is -1 (無上限) or a positive integer. The parser already
 * reports non-integers as `cell/invalid-number`; this rule covers 0 and negatives other than -1.
 */
export default defineRule({
  meta: {
    id: 'contract/invalid-rebate-cap',
    defaultSeverity: 'error',
    scope: 'contracts',
    requires: ['contracts'],
    docs: msg('返點上限不是 -1（無上限）也不是正整數。', 'The rebate cap is neither -1 (unlimited) nor a positive whole number.'),
    messages: {
      default: msg('返點上限 {cap} 無效：請填 -1（無上限）或正整數點數。', 'Rebate cap {cap} is invalid: use -1 (unlimited) or a positive whole number of points.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    for (const { sheet, row } of ctx.rows('contracts')) {
      const cap = row.values.rebateCap;
      if (cap === undefined || isValidRebateCap(cap)) continue;
      ctx.report({ sheet, row, key: 'rebateCap', data: { cap } });
    }
  },
});
