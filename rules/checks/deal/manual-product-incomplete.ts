import { defineRule, msg } from '../../engine/rule.js';

/**
 * `deal/manual-product-incomplete`: a row without a product URL is a product entered by hand
 * (自行新增商品, for hidden or pre-order shops) and needs its name and its picture; each missing
 * cell is one violation.
 */
export default defineRule({
  meta: {
    id: 'deal/manual-product-incomplete',
    defaultSeverity: 'error',
    scope: 'deal',
    requires: ['flash-deals'],
    docs: msg('沒有商品連結（自行新增商品）的列缺少商品名稱或商品圖片。', 'A row without a product URL (a product entered by hand) lacks its name or picture.'),
    messages: {
      default: msg('沒有商品連結的列是自行新增商品，必須填寫商品名稱。', 'A row without a product URL is a product entered by hand: it needs a product name.'),
      image: msg('沒有商品連結的列是自行新增商品，必須提供商品圖片。', 'A row without a product URL is a product entered by hand: it needs a product picture.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    for (const { sheet, row } of ctx.rows('flash-deals')) {
      const v = row.values;
      if ((v.productUrl !== undefined && v.productUrl !== '') || row.invalid.has('productUrl')) continue;
      if ((v.productName ?? '') === '' && !row.invalid.has('productName')) ctx.report({ sheet, row, key: 'productName' });
      if ((v.image ?? '') === '' && !row.invalid.has('image')) ctx.report({ sheet, row, key: 'image', messageId: 'image' });
    }
  },
});
