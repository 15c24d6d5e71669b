/**
 * The deck's rules for ad materials, 爆殺驚喜 submissions, hero pictures and URLs (SPEC §3), used by
 * the default campaign and as the schema's defaults, so a campaign file written before these
 * fields existed still loads. Data, not code: next season edits its campaign file.
 */
export const AD_MATERIAL_DEFAULTS = {
  image: { width: 501, height: 816, maxBytes: 2 * 1024 * 1024, formats: ['jpg', 'png', 'gif', 'webp'] },
  leadWorkingDays: 3,
  maxUrlLength: 512,
};

export const FLASH_DEALS_DEFAULTS = {
  maxProductsPerSubmission: 5,
  image: { square: true, formats: ['jpg', 'png', 'gif', 'webp'] },
};

export const HERO_IMAGE_DEFAULTS = { width: 800, height: 800, formats: ['jpg', 'png'] };

export const URL_RULES_DEFAULTS = {
  shortenerHosts: ['bit.ly', 'reurl.cc', 'tinyurl.com', 'lihi.cc', 'lihi1.cc', 'lihi1.com', 'lin.ee', 'pse.is', 'ppt.cc', 'goo.gl', 't.co', 'is.gd', 'cutt.ly', 'shorturl.at', 'reurl.tw', 'tiny.cc', 'ow.ly', 'rebrand.ly', 'buff.ly'],
  lineShopping: {
    hosts: ['buy.line.me'],
    /** https://buy.line.me/product/{shop}/{product} */
    productPaths: ['^/product/[^/]+/[^/]+/?$'],
    searchPaths: ['^/s(/|$)', '^/search(/|$)'],
    searchParams: ['q', 'keyword'],
    /** Category, 館別 and shop/brand landing pages. */
    categoryPaths: ['^/category(/|$)', '^/c/', '^/u/', '^/mall(/|$)', '^/brand(/|$)', '^/shop(/|$)', '^/campaign(/|$)'],
  },
};
