import { defineRule, msg } from '../../engine/rule.js';

/** `oa/invalid-channel-id`: a Messaging API Channel ID is exactly 10 digits. */
export default defineRule({
  meta: {
    id: 'oa/invalid-channel-id',
    defaultSeverity: 'error',
    scope: 'oa',
    requires: ['oa-binding'],
    docs: msg('Channel ID 不是 10 位數字。', 'The Channel ID is not exactly 10 digits.'),
    messages: {
      default: msg('Channel ID「{value}」不是 10 位數字；請從 LINE Official Account Manager > 設定 > Messaging API 複製。', 'The Channel ID "{value}" is not 10 digits; copy it from LINE Official Account Manager > Settings > Messaging API.'),
    },
    hasSuggestion: true,
  },
  check(ctx) {
    for (const { sheet, row } of ctx.rows('oa-binding')) {
      const id = row.values.channelId;
      if (id === undefined || /^\d{10}$/.test(id)) continue;
      const digits = id.normalize('NFKC').replace(/[\s-]/g, '');
      ctx.report({
        sheet,
        row,
        key: 'channelId',
        data: { value: id },
        ...(/^\d{10}$/.test(digits) ? { suggestion: { value: digits, label: msg('改成 {value}', 'Use {value}') } } : {}),
      });
    }
  },
});
