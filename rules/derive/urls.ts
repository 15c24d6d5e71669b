/**
 * URLs in sheets, parsed with the WHATWG URL parser (never by regex alone) and judged by the
 * campaign's URL rules (SPEC §3): shortener hosts, and LINE購物's product-page, search and
 * category patterns, which are regular expressions over the parsed URL's pathname.
 */
import type { UrlRules } from '../campaign/schema.js';

/** An absolute http(s) URL with a host, or undefined. @example httpUrl('buy.line.me/x') === undefined */
export function httpUrl(text: string): URL | undefined {
  const t = text.trim();
  if (t === '' || /\s/.test(t)) return undefined;
  let url: URL;
  try {
    url = new URL(t);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.hostname === '') return undefined;
  return url;
}

/** Whether `host` is one of `hosts` or a subdomain of one. @example hostIn('www.bit.ly', ['bit.ly']) === true */
export function hostIn(host: string, hosts: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return hosts.some((x) => h === x || h.endsWith(`.${x}`));
}

interface CompiledRules {
  readonly product: readonly RegExp[];
  readonly search: readonly RegExp[];
  readonly category: readonly RegExp[];
}

const compiled = new WeakMap<UrlRules, CompiledRules>();
function compile(rules: UrlRules): CompiledRules {
  let c = compiled.get(rules);
  if (!c) {
    const re = (ps: readonly string[]) => ps.map((p) => new RegExp(p, 'u'));
    c = { product: re(rules.lineShopping.productPaths), search: re(rules.lineShopping.searchPaths), category: re(rules.lineShopping.categoryPaths) };
    compiled.set(rules, c);
  }
  return c;
}

export type ProductUrlClass =
  | { readonly kind: 'invalid' }
  | { readonly kind: 'short'; readonly host: string }
  | { readonly kind: 'search' }
  | { readonly kind: 'category' }
  | { readonly kind: 'other-page' }
  | { readonly kind: 'other-site'; readonly host: string }
  /** A product page; `key` identifies the product (host + path, no query or trailing slash). */
  | { readonly kind: 'product'; readonly key: string };

/**
 * What a 爆殺驚喜 product link is.
 * @example classifyProductUrl('https://buy.line.me/product/goodday/1001', rules) → { kind: 'product', key: 'buy.line.me/product/goodday/1001' }
 * @example classifyProductUrl('https://buy.line.me/s/鳳梨酥', rules).kind === 'search'
 */
export function classifyProductUrl(text: string, rules: UrlRules): ProductUrlClass {
  const url = httpUrl(text);
  if (!url) return { kind: 'invalid' };
  if (hostIn(url.hostname, rules.shortenerHosts)) return { kind: 'short', host: url.hostname };
  if (!hostIn(url.hostname, rules.lineShopping.hosts)) return { kind: 'other-site', host: url.hostname };
  const c = compile(rules);
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep the encoded form
  }
  if (c.search.some((r) => r.test(path)) || rules.lineShopping.searchParams.some((p) => url.searchParams.has(p))) return { kind: 'search' };
  if (c.category.some((r) => r.test(path))) return { kind: 'category' };
  if (c.product.some((r) => r.test(path))) return { kind: 'product', key: `${url.hostname.toLowerCase()}${path.replace(/\/+$/, '')}` };
  return { kind: 'other-page' };
}
