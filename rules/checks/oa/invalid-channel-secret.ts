import { defineRule, msg } from '../../engine/rule.js';
import { maskSecret } from '../../engine/secrets.js';

/**
 * `oa/invalid-channel-secret`: a channel secret is exactly 32 hexadecimal characters. The message
 * names only the masked value (first 4 … last 4), never the secret itself (SPEC §4.8).
 */
export default defineRule({
  meta: {
    id: 'oa/invalid-channel-secret',
    defaultSeverity: 'error',
    scope: 'oa',
    requires: ['oa-binding'],
    docs: msg('Channel secret 不是 32 個十六進位字元（訊息只顯示遮蔽後的值）。', 'The channel secret is not 32 hexadecimal characters (the message shows only the masked value).'),
    messages: {
      default: msg('Channel secret（{masked}，{length} 個字元）不是 32 個十六進位字元（0–9、a–f）；請重新從 Messaging API 頁面複製。', 'The channel secret ({masked}, {length} characters) is not 32 hexadecimal characters (0–9, a–f); copy it again from the Messaging API page.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    for (const { sheet, row } of ctx.rows('oa-binding')) {
      const secret = row.values.channelSecret;
      if (secret === undefined || /^[0-9a-f]{32}$/i.test(secret)) continue;
      ctx.report({ sheet, row, key: 'channelSecret', data: { masked: maskSecret(secret), length: [...secret].length } });
    }
  },
});
