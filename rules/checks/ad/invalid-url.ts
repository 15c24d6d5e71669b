import { defineRule, msg } from '../../engine/rule.js';
import { httpUrl } from '../../derive/urls.js';

/**
 * `ad/invalid-url`: the ad URL is not an absolute http(s) URL (parsed with the WHATWG URL parser).
 * When adding `https://` makes it one (`buy.line.me/u/shop`), that is suggested.
 */
export default defineRule({
  meta: {
    id: 'ad/invalid-url',
    defaultSeverity: 'error',
    scope: 'ad',
    requires: ['ad-materials'],
    docs: msg('廣告網址不是完整的 http(s) 網址。', 'The ad URL is not an absolute http(s) URL.'),
    messages: {
      default: msg('廣告網址「{url}」不是完整的 http(s) 網址（須以 https:// 開頭）。', 'The ad URL "{url}" is not an absolute http(s) URL (it must start with https://).'),
    },
    hasSuggestion: true,
  },
  check(ctx) {
    for (const { sheet, row } of ctx.rows('ad-materials')) {
      const url = row.values.url;
      if (url === undefined || httpUrl(url)) continue;
      const fixed = `https://${url.trim().replace(/^\/+/, '')}`;
      const candidate = !/^[a-z][a-z0-9+.-]*:/i.test(url.trim()) ? httpUrl(fixed) : undefined;
      ctx.report({
        sheet,
        row,
        key: 'url',
        data: { url },
        ...(candidate && candidate.hostname.includes('.') ? { suggestion: { value: fixed, label: msg('加上 https://', 'Add https://') } } : {}),
      });
    }
  },
});
