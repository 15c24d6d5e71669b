import { defineRule, msg } from '../../engine/rule.js';

/** `ad/url-too-long`: the ad URL has more characters than the CMS field takes (512). */
export default defineRule({
  meta: {
    id: 'ad/url-too-long',
    defaultSeverity: 'error',
    scope: 'ad',
    requires: ['ad-materials'],
    docs: msg('廣告網址超過 512 字元。', 'The ad URL is longer than 512 characters.'),
    messages: {
      default: msg('廣告網址有 {length} 個字元，超過上限 {max} 字元。', 'The ad URL has {length} characters, more than the limit of {max}.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const max = ctx.campaign.config.adMaterial.maxUrlLength;
    for (const { sheet, row } of ctx.rows('ad-materials')) {
      const url = row.values.url;
      if (url === undefined || url.length <= max) continue;
      ctx.report({ sheet, row, key: 'url', data: { length: url.length, max } });
    }
  },
});
