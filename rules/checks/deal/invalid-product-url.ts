import { defineRule, msg } from '../../engine/rule.js';
import { classifyProductUrl } from '../../derive/urls.js';

/**
 * `deal/invalid-product-url`: a 爆殺驚喜 link must be a buy.line.me product page: not a short URL, a
 * search page, a category or 館別 page, another LINE購物 page or another site (campaign `urls`).
 * A blank link is a product entered by hand (see `deal/manual-product-incomplete`).
 */
export default defineRule({
  meta: {
    id: 'deal/invalid-product-url',
    defaultSeverity: 'error',
    scope: 'deal',
    requires: ['flash-deals'],
    docs: msg('爆殺驚喜的商品連結不是 LINE購物 商品頁（短網址、搜尋頁、分類/館別頁或其他網站）。', 'A flash-deal link is not a LINE Shopping product page (a short URL, a search, category or 館別 page, or another site).'),
    messages: {
      default: msg('「{url}」不是完整的網址；請貼上 LINE購物 站內的商品頁網址。', '"{url}" is not a full URL; paste the LINE Shopping product-page URL.'),
      short: msg('商品連結是短網址（{host}）；爆殺驚喜只接受 LINE購物 站內的商品頁網址。', 'The product link is a short URL ({host}); flash deals take only LINE Shopping product-page URLs.'),
      search: msg('商品連結是搜尋頁；請改貼單一商品的商品頁網址。', 'The product link is a search page; paste the product page of one product.'),
      category: msg('商品連結是分類或館別頁；請改貼單一商品的商品頁網址。', 'The product link is a category or 館別 page; paste the product page of one product.'),
      otherPage: msg('商品連結是 LINE購物 的其他頁面，不是商品頁；請改貼商品頁網址。', 'The product link is a LINE Shopping page but not a product page; paste the product-page URL.'),
      otherSite: msg('商品連結在其他網站（{host}）；爆殺驚喜只接受 LINE購物 站內的商品頁網址。', 'The product link is on another site ({host}); flash deals take only LINE Shopping product-page URLs.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const rules = ctx.campaign.config.urls;
    for (const { sheet, row } of ctx.rows('flash-deals')) {
      const url = row.values.productUrl;
      if (url === undefined || url === '') continue;
      const c = classifyProductUrl(url, rules);
      switch (c.kind) {
        case 'product':
          continue;
        case 'invalid':
          ctx.report({ sheet, row, key: 'productUrl', data: { url } });
          break;
        case 'short':
          ctx.report({ sheet, row, key: 'productUrl', messageId: 'short', data: { host: c.host } });
          break;
        case 'search':
          ctx.report({ sheet, row, key: 'productUrl', messageId: 'search' });
          break;
        case 'category':
          ctx.report({ sheet, row, key: 'productUrl', messageId: 'category' });
          break;
        case 'other-page':
          ctx.report({ sheet, row, key: 'productUrl', messageId: 'otherPage' });
          break;
        case 'other-site':
          ctx.report({ sheet, row, key: 'productUrl', messageId: 'otherSite', data: { host: c.host } });
          break;
      }
    }
  },
});
