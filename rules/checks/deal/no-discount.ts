import { defineRule, msg } from '../../engine/rule.js';

/**
 * `deal/no-discount`: the promo price is not below the web price, so the front end shows no
 * markdown (如低於網路價，則以商品優惠價顯示).
 */
export default defineRule({
  meta: {
    id: 'deal/no-discount',
    defaultSeverity: 'warning',
    scope: 'deal',
    requires: ['flash-deals'],
    docs: msg('商品優惠價不低於網路價，前台不會顯示優惠。', 'The promo price is not below the web price, so no markdown shows.'),
    messages: {
      default: msg('商品優惠價 NT${promo} 不低於網路價 NT${web}，前台不會顯示優惠價。', 'The promo price NT${promo} is not below the web price NT${web}; the front end shows no markdown.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    for (const { sheet, row } of ctx.rows('flash-deals')) {
      const { webPrice, promoPrice } = row.values;
      if (webPrice === undefined || promoPrice === undefined || promoPrice < webPrice) continue;
      ctx.report({ sheet, row, key: 'promoPrice', data: { promo: promoPrice, web: webPrice } });
    }
  },
});
