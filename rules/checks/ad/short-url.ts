import { defineRule, msg } from '../../engine/rule.js';
import { hostIn, httpUrl } from '../../derive/urls.js';

/** `ad/short-url`: the ad URL's host is a URL shortener (禁用短網址; campaign `urls.shortenerHosts`). */
export default defineRule({
  meta: {
    id: 'ad/short-url',
    defaultSeverity: 'error',
    scope: 'ad',
    requires: ['ad-materials'],
    docs: msg('廣告網址是短網址（禁用短網址）。', 'The ad URL is a short URL (short URLs are not allowed).'),
    messages: {
      default: msg('廣告網址使用短網址服務 {host}；廣告素材禁用短網址，請填原始網址。', 'The ad URL uses the URL shortener {host}; short URLs are not allowed, give the full address.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const hosts = ctx.campaign.config.urls.shortenerHosts;
    for (const { sheet, row } of ctx.rows('ad-materials')) {
      const url = row.values.url === undefined ? undefined : httpUrl(row.values.url);
      if (!url || !hostIn(url.hostname, hosts)) continue;
      ctx.report({ sheet, row, key: 'url', data: { host: url.hostname } });
    }
  },
});
