import { defineRule, msg } from '../../engine/rule.js';
import { dealSubmissions, submissionData } from '../../derive/submissions.js';

/**
 * `deal/too-many-products`: one 爆殺驚喜 submission holds more than 5 products (一次最多5筆; campaign
 * `flashDeals.maxProductsPerSubmission`). Reported once per submission, on the first row over the
 * limit.
 */
export default defineRule({
  meta: {
    id: 'deal/too-many-products',
    defaultSeverity: 'error',
    scope: 'deal',
    requires: ['flash-deals'],
    docs: msg('一次爆殺驚喜提報超過 5 筆商品。', 'One flash-deal submission holds more than 5 products.'),
    messages: {
      default: msg('商店「{shopId}」這次提報{batch}有 {count} 筆商品，一次最多 {max} 筆；從這一列起請分到下一批。', 'Shop "{shopId}" submits {count} products at once{batchEn}; at most {max} are allowed, move this row and the ones after it to another batch.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const max = ctx.campaign.config.flashDeals.maxProductsPerSubmission;
    for (const s of dealSubmissions(ctx)) {
      if (s.rows.length <= max) continue;
      ctx.report({ sheet: s.sheet, row: s.rows[max]!, key: 'productUrl', data: { shopId: s.shopId, count: s.rows.length, max, ...submissionData(s) } });
    }
  },
});
