import { defineRule, msg } from '../../engine/rule.js';
import type { BaselineDeal } from '../../engine/baseline.js';
import type { ParsedRow, ParsedSheet } from '../../sheet/parse.js';
import type { FlashDealValues } from '../../sheet/rows.js';
import { FLASH_DEALS } from '../../columns.js';
import { normalizeCompact } from '../../text/normalize.js';
import { formatWall } from '../../time/civil.js';

export const STATUS_PINNED = '已釘選';

type FieldKey = 'productName' | 'image' | 'webPrice' | 'promoPrice' | 'start' | 'end' | 'batch';
const FIELDS: readonly FieldKey[] = ['batch', 'productName', 'image', 'webPrice', 'promoPrice', 'start', 'end'];

/** The key a 爆殺驚喜 row is matched by across runs: shop and product (URL, else name). */
export function dealKey(shopId: string, productUrl: string | null | undefined, productName: string | null | undefined): string {
  const url = (productUrl ?? '').trim();
  return `${shopId}\u0000${url !== '' ? `u:${url}` : `n:${normalizeCompact(productName ?? '')}`}`;
}

function show(key: FieldKey, v: string | number | null | undefined): string {
  if (v === null || v === undefined || v === '') return '（空白）';
  if ((key === 'start' || key === 'end') && typeof v === 'number') return formatWall(v);
  return String(v);
}

function headerOf(sheet: ParsedSheet<'flash-deals'>, key: string): { zh: string; en: string } {
  const def = FLASH_DEALS.columns.find((c) => c.key === key)!;
  return { zh: sheet.columns.get(key)?.header ?? def.zh, en: def.en };
}

/**
 * `deal/pinned-changed`: with a baseline (a previous run), a row that was pinned (已釘選) then can
 * no longer be edited or deleted (需先取消釘選; 已釘選之商品資料無法調整). Rows are matched by shop and
 * product (URL, else name); each changed field is reported on its cell (`default`), and a pinned
 * row that is gone while the shop still has rows is reported on the shop's first row (`vanished`).
 */
export default defineRule({
  meta: {
    id: 'deal/pinned-changed',
    defaultSeverity: 'error',
    scope: 'deal',
    requires: ['flash-deals'],
    docs: msg('與上次檢查相比，已釘選的爆殺驚喜商品被修改（已釘選無法編輯）。', 'Compared with the baseline, a pinned (已釘選) flash-deal row changed; pinned rows cannot be edited.'),
    messages: {
      default: msg('這筆商品上次檢查時已釘選，但「{column}」從 {was} 改成 {now}；已釘選的商品無法修改，請聯繫業務窗口或購物小管家。', 'This product was pinned at the last check, but {columnEn} changed from {was} to {now}; pinned products cannot be edited: contact your LINE Shopping contact or 購物小管家.'),
      vanished: msg('商店「{shopId}」上次檢查時已釘選的商品「{product}」不見了；已釘選的商品無法刪除，請聯繫業務窗口或購物小管家。', 'Product "{product}" of shop "{shopId}" was pinned at the last check and is gone now; pinned products cannot be deleted: contact your LINE Shopping contact or 購物小管家.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const pinned = (ctx.baseline?.deals ?? []).filter((d) => d.status === STATUS_PINNED);
    if (pinned.length === 0) return;
    const current = new Map<string, { sheet: ParsedSheet<'flash-deals'>; row: ParsedRow<'flash-deals'> }>();
    const firstOfShop = new Map<string, { sheet: ParsedSheet<'flash-deals'>; row: ParsedRow<'flash-deals'> }>();
    for (const r of ctx.rows('flash-deals')) {
      const v = r.row.values;
      if (v.shopId === undefined) continue;
      const k = dealKey(v.shopId, v.productUrl, v.productName);
      if (!current.has(k)) current.set(k, r);
      if (!firstOfShop.has(v.shopId)) firstOfShop.set(v.shopId, r);
    }
    for (const before of pinned) {
      const now = current.get(dealKey(before.shopId, before.productUrl, before.productName));
      if (!now) {
        const first = firstOfShop.get(before.shopId);
        if (first) ctx.report({ sheet: first.sheet, row: first.row, key: 'shopId', messageId: 'vanished', data: { shopId: before.shopId, product: before.productUrl ?? before.productName ?? '' } });
        continue;
      }
      const v: FlashDealValues = now.row.values;
      for (const key of FIELDS) {
        if (now.row.invalid.has(key)) continue;
        const was = before[key as keyof BaselineDeal] as string | number | null;
        const cur = v[key] ?? null;
        if ((was ?? '') === (cur ?? '')) continue;
        const h = headerOf(now.sheet, key);
        ctx.report({ sheet: now.sheet, row: now.row, key, data: { column: h.zh, columnEn: h.en, was: show(key, was), now: show(key, cur) } });
      }
    }
  },
});
