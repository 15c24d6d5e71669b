import { defineRule, msg } from '../../engine/rule.js';

/**
 * `ring/invalid-cap`: the send cap must be a positive whole number. Non-numbers and fractions are
 * already `cell/invalid-number` (the parser leaves no value), so only 0 and negatives remain here.
 */
export default defineRule({
  meta: {
    id: 'ring/invalid-cap',
    defaultSeverity: 'error',
    scope: 'ring',
    requires: ['ring-data'],
    docs: msg('發送人數上限須為正整數。', 'The send cap must be a positive whole number.'),
    messages: {
      default: msg('發送人數上限是 {cap}，須為正整數（至少 1 人）。', 'The send cap is {cap}; it must be a positive whole number (at least 1).'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    for (const { sheet, row } of ctx.rows('ring-data')) {
      const cap = row.values.sendCap;
      if (cap === undefined || cap > 0) continue;
      ctx.report({ sheet, row, key: 'sendCap', data: { cap } });
    }
  },
});
