import { defineRule, msg } from '../../engine/rule.js';

/**
 * `ring/no-oa-binding`: ring-data sends need the shop's OA binding (夥伴帳號設定); a shop with sends
 * but no row on the OA串接 tab is reported once, on its first send. Only when an OA串接 tab is
 * present (otherwise the binding may simply live elsewhere).
 */
export default defineRule({
  meta: {
    id: 'ring/no-oa-binding',
    defaultSeverity: 'warning',
    scope: 'ring',
    requires: ['ring-data', 'oa-binding'],
    docs: msg('有環狀數據發送的商店沒有 OA 串接資料。', 'A shop with ring-data sends has no OA binding row.'),
    messages: {
      default: msg('商店「{shopId}」有環狀數據發送，但 OA串接 分頁沒有它的綁定資料；發送前須先完成 OA 串接。', 'Shop "{shopId}" has ring-data sends but no row on the OA binding tab; the OA must be bound before any send.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const bound = new Set<string>();
    for (const { row } of ctx.rows('oa-binding')) if (row.values.shopId !== undefined) bound.add(row.values.shopId);
    const reported = new Set<string>();
    for (const { sheet, row } of ctx.rows('ring-data')) {
      const shopId = row.values.shopId;
      if (shopId === undefined || bound.has(shopId) || reported.has(shopId)) continue;
      reported.add(shopId);
      ctx.report({ sheet, row, key: 'shopId', data: { shopId } });
    }
  },
});
