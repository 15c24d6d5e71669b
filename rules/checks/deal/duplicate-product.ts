import { defineRule, msg } from '../../engine/rule.js';
import { dealSubmissions, submissionData } from '../../derive/submissions.js';
import { classifyProductUrl } from '../../derive/urls.js';
import { normalizeCompact } from '../../text/normalize.js';

/**
 * `deal/duplicate-product`: the same product twice in one 爆殺驚喜 submission — the same product page
 * (host and path; query and trailing slash ignored), or for products entered by hand the same name.
 * Reported on the later row, naming the earlier one.
 */
export default defineRule({
  meta: {
    id: 'deal/duplicate-product',
    defaultSeverity: 'warning',
    scope: 'deal',
    requires: ['flash-deals'],
    docs: msg('同一次爆殺驚喜提報中同一商品出現兩次。', 'The same product appears twice in one flash-deal submission.'),
    messages: {
      default: msg('這個商品在同一次提報{batch}已出現在第 {first} 列。', 'This product is already in row {first} of the same submission{batchEn}.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const rules = ctx.campaign.config.urls;
    for (const s of dealSubmissions(ctx)) {
      const seen = new Map<string, number>();
      for (const row of s.rows) {
        const { productUrl, productName } = row.values;
        let key: string | undefined;
        let cellKey = 'productUrl';
        if (productUrl !== undefined && productUrl !== '') {
          const c = classifyProductUrl(productUrl, rules);
          if (c.kind === 'product') key = `u:${c.key}`;
        } else if (productName !== undefined && productName !== '' && !row.invalid.has('productUrl')) {
          key = `n:${normalizeCompact(productName)}`;
          cellKey = 'productName';
        }
        if (key === undefined) continue;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, row.row);
        else ctx.report({ sheet: s.sheet, row, key: cellKey, data: { first, ...submissionData(s) } });
      }
    }
  },
});
