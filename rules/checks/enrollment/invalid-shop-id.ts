import { defineRule, msg } from '../../engine/rule.js';

/** 2–40 of `A-Z a-z 0-9 _ -` (SPEC §4.1). */
export const SHOP_ID_RE = /^[A-Za-z0-9_-]{2,40}$/;

/** A cleaned shop id: spaces become `_`, other characters go. Undefined when nothing valid remains. */
export function cleanShopId(text: string): string | undefined {
  const cleaned = text.normalize('NFKC').trim().replace(/\s+/g, '_').replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40);
  return SHOP_ID_RE.test(cleaned) && cleaned !== text ? cleaned : undefined;
}

/** `enrollment/invalid-shop-id`: the shop id is not 2–40 letters, digits, `_` or `-`. */
export default defineRule({
  meta: {
    id: 'enrollment/invalid-shop-id',
    defaultSeverity: 'error',
    scope: 'enrollment',
    requires: ['enrollment'],
    docs: msg('商店代碼須為 2–40 個英數字、底線或連字號。', 'The shop id must be 2–40 letters, digits, _ or -.'),
    messages: {
      default: msg('商店代碼「{shopId}」格式不對：只能有 2–40 個英文字母、數字、底線（_）或連字號（-）。', 'Shop id "{shopId}" is malformed: use 2–40 letters, digits, _ or -.'),
    },
    hasSuggestion: true,
  },
  check(ctx) {
    for (const { sheet, row } of ctx.rows('enrollment')) {
      const id = row.values.shopId;
      if (id === undefined || SHOP_ID_RE.test(id)) continue;
      const cleaned = cleanShopId(id);
      ctx.report({
        sheet,
        row,
        key: 'shopId',
        data: { shopId: id },
        ...(cleaned ? { suggestion: { value: cleaned, label: msg('改成 {value}', 'Use {value}') } } : {}),
      });
    }
  },
});
