import { defineRule, msg } from '../../engine/rule.js';
import { capText, readCap } from '../../values/cap.js';

/**
 * `ring/invalid-cap`: the send cap must be a positive whole number. The rule owns every bad value
 * of its column (SPEC §5.5): 0, negatives, 1.5, text; `100,000人` suggests 100000.
 */
export default defineRule({
  meta: {
    id: 'ring/invalid-cap',
    defaultSeverity: 'error',
    scope: 'ring',
    requires: ['ring-data'],
    docs: msg('發送人數上限須為正整數。', 'The send cap must be a positive whole number.'),
    messages: {
      default: msg('發送人數上限是「{cap}」，須為正整數（至少 1 人）。', 'The send cap is "{cap}"; it must be a positive whole number (at least 1).'),
      meant: msg('發送人數上限「{cap}」請只填數字。', 'Write the send cap "{cap}" as a number only.'),
    },
    hasSuggestion: true,
  },
  check(ctx) {
    for (const { sheet, row } of ctx.rows('ring-data')) {
      const cap = row.values.sendCap;
      if (cap !== undefined) {
        if (cap <= 0) ctx.report({ sheet, row, key: 'sendCap', data: { cap } });
        continue;
      }
      const cell = row.cells.sendCap;
      if (!row.invalid.has('sendCap') || !cell || (typeof cell.value === 'object' && cell.value !== null)) continue;
      const text = capText(cell);
      if (text === '') continue;
      const meant = readCap(text, false);
      if (meant !== undefined && meant > 0) ctx.report({ sheet, row, key: 'sendCap', messageId: 'meant', data: { cap: text }, suggestion: { value: String(meant), label: msg('改為 {value}', 'Use {value}') } });
      else ctx.report({ sheet, row, key: 'sendCap', data: { cap: text } });
    }
  },
});
