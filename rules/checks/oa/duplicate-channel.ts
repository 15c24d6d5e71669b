import { defineRule, msg } from '../../engine/rule.js';

/**
 * `oa/duplicate-channel`: two shops bind the same Channel ID (one OA can push for one shop only).
 * Reported on the later row, naming the earlier shop and row; one shop listed twice with the same
 * channel is not this rule.
 */
export default defineRule({
  meta: {
    id: 'oa/duplicate-channel',
    defaultSeverity: 'error',
    scope: 'oa',
    requires: ['oa-binding'],
    docs: msg('兩個商店綁定同一個 Channel ID。', 'Two shops bind the same Channel ID.'),
    messages: {
      default: msg('Channel ID {channelId} 已由商店「{otherShop}」在第 {otherRow} 列綁定；一個官方帳號只能串接一個商店。', 'Channel ID {channelId} is already bound by shop "{otherShop}" in row {otherRow}; one OA binds one shop.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const first = new Map<string, { shopId: string; row: number }>();
    for (const { sheet, row } of ctx.rows('oa-binding')) {
      const { channelId, shopId } = row.values;
      if (channelId === undefined || shopId === undefined) continue;
      const prev = first.get(channelId);
      if (!prev) first.set(channelId, { shopId, row: row.row });
      else if (prev.shopId !== shopId) ctx.report({ sheet, row, key: 'channelId', data: { channelId, otherShop: prev.shopId, otherRow: prev.row } });
    }
  },
});
