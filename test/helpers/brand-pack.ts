/**
 * Row builders for a brand's whole paperwork (SPEC §4.6–§4.8: enrollment with hero pictures, 品牌館牌卡
 * ad materials, 爆殺驚喜 deals, OA binding), written by column key and laid out under each kind's
 * zh-TW headers. Each builder gives a valid row; a case overrides only what it is about. The
 * channel secrets are fake and must never appear whole in any output.
 */
import { kindDef, type SheetKind } from '../../rules/index.js';
import type { SheetRows } from '../validator/cli/helpers.js';

/** A valid channel secret, and a 31-character one. */
export const SECRET = '38b4c2f0e1d24a7b9c3e5f6a7b8c6a47';
export const BAD_SECRET = '9f1e2d3c4b5a69788796a5b4c3d2e1f';
/** A secret pasted into the wrong column (the basic ID): still a secret. */
export const STRAY_SECRET = 'aa11bb22cc33dd44ee55ff6600778899';

export type Row = Record<string, string | number | null>;

/** The kind's header row (zh-TW) and the rows, cell by cell in column order. */
export const rowsOf = (kind: SheetKind, rows: readonly Row[]): SheetRows => {
  const cols = kindDef(kind).columns;
  return [cols.map((c) => c.zh), ...rows.map((r) => cols.map((c) => r[c.key] ?? null))];
};

/** A June-plan enrollment submitted 2026/3/20 10:00, chosen days 6/2, 6/9, 6/16. */
export const enroll = (shopId: string, brandName: string, heroImage: string | null): Row => ({
  brandName, shopId, contactEmail: `mkt@${shopId.replace('_', '')}.example.com`, category: '美食保健', plan: '6月單月方案', submittedAt: '2026/3/20 10:00',
  siteExposure: '是', ringData: '否', chosenDays: '6/2、6/9、6/16', baseCps: '8%', baseRate: '2%', monthlyGmv: 1200000, heroImage,
});

/** A 品牌館商店牌卡 of goodday_food shown on 2026/6/12, submitted 6/1. */
export const ad = (over: Row = {}): Row => ({ shopId: 'goodday_food', slot: '品牌館商店牌卡', image: 'card-ok.jpg', start: '2026/6/12 00:00', end: '2026/6/12 23:59', url: 'https://buy.line.me/u/goodday_food', submittedAt: '2026/6/1 10:00', status: '待審核', ...over });

/** A 爆殺驚喜 product of goodday_food's batch B1 on 2026/6/12. */
export const deal = (over: Row = {}, product = 1001): Row => ({ shopId: 'goodday_food', batch: 'B1', productUrl: `https://buy.line.me/product/goodday_food/${product}`, webPrice: 480, promoPrice: 399, start: '2026/6/12 00:00', end: '2026/6/12 23:59:59', submittedAt: '2026/6/1 10:00', status: '待審核', ...over });

/** goodday_food's OA binding with the valid {@link SECRET}. */
export const oa = (over: Row = {}): Row => ({ shopId: 'goodday_food', channelId: '1234567890', channelSecret: SECRET, botBasicId: '@goodday', notifyEmails: 'mkt@goodday.example.com,ops@goodday.example.com', liveConsent: '是', ...over });
