import { defineRule, msg, type RuleContext } from '../../engine/rule.js';
import { formatWall, wallOfDay } from '../../time/civil.js';
import { clockText } from './invalid-time.js';

/** Contract intervals of one shop, sorted by start, with the running maximum of their ends. */
export interface IntervalIndex {
  readonly starts: readonly number[];
  /** `maxEnds[i]` = the latest end among the first i + 1 intervals. */
  readonly maxEnds: readonly number[];
}

/**
 * Builds an index answering "does any interval contain t?" in O(log n).
 * @example covers(intervalIndex([[0, 10], [20, 30]]), 25) === true
 */
export function intervalIndex(intervals: readonly (readonly [number, number])[]): IntervalIndex {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const starts: number[] = [];
  const maxEnds: number[] = [];
  let max = -Infinity;
  for (const [s, e] of sorted) {
    max = Math.max(max, e);
    starts.push(s);
    maxEnds.push(max);
  }
  return { starts, maxEnds };
}

/** Whether some interval [start, end] (both inclusive) contains t. @example covers(intervalIndex([[0, 10]]), 10) === true */
export function covers(index: IntervalIndex, t: number): boolean {
  // Last interval starting at or before t; any earlier one reaching t shows in the running max.
  let lo = 0;
  let hi = index.starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (index.starts[mid]! <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && index.maxEnds[found]! >= t;
}

/**
 * The bonus contracts by shop: 活動加碼 or 單品加碼 rows, not rejected (drafts count as planned),
 * whose front-end rebate is above their base rate. Rows with a missing or invalid time or rate
 * cannot prove anything and are left out.
 */
function bonusIntervalsByShop(ctx: RuleContext): Map<string, IntervalIndex> {
  const byShop = new Map<string, [number, number][]>();
  for (const sheet of ctx.sheets('contracts')) for (let ri = 0, sheetRows = sheet.rows; ri < sheetRows.length; ri++) {
    const row = sheetRows[ri]!;
    const { shopId, contractType, status, start, end, frontRate, baseRate } = row.values;
    if (shopId === undefined || contractType === undefined || start === undefined || end === undefined) continue;
    if (frontRate === undefined || baseRate === undefined || frontRate <= baseRate) continue;
    if (status === '不通過') continue;
    let list = byShop.get(shopId);
    if (!list) byShop.set(shopId, (list = []));
    list.push([start, end]);
  }
  const out = new Map<string, IntervalIndex>();
  for (const [shop, list] of byShop) out.set(shop, intervalIndex(list));
  return out;
}

/** `HH:mm` → seconds since midnight. @example secondsOfClock('08:00') === 28800 */
export function secondsOfClock(text: string): number {
  const [h, m] = text.split(':').map(Number);
  return (h ?? 0) * 3600 + (m ?? 0) * 60;
}

/**
 * `ring/no-bonus-active`: ring data is a tool for bonus periods ("品牌可於有加碼的活動期間發送"), so
 * the send moment (send day at its send time, blank = 08:00) must lie inside a contract of that
 * shop whose front-end rebate is above its base rate. Rejected (不通過) contracts never count;
 * drafts (草稿) and pending ones do, as planned bonuses.
 */
export default defineRule({
  meta: {
    id: 'ring/no-bonus-active',
    defaultSeverity: 'error',
    scope: 'ring',
    requires: ['ring-data', 'contracts'],
    docs: msg('環狀數據的發送時間沒有任何加碼合約（前台回饋高於鋪底）生效。', 'No bonus contract (front-end rebate above base) of the shop covers the ring-data send time.'),
    messages: {
      default: msg('商店「{shopId}」在 {sendAt} 沒有生效中的加碼合約（前台回饋高於鋪底）；環狀數據只能在有加碼的活動期間發送。', 'Shop "{shopId}" has no bonus contract (front-end rebate above base) active at {sendAt}; ring data may only go out during a bonus.'),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const index = ctx.memo('ring/bonusIntervalsByShop', () => bonusIntervalsByShop(ctx));
    const defaultSeconds = secondsOfClock(ctx.campaign.config.ringData.defaultTime);
    for (const { sheet, row } of ctx.rows('ring-data')) {
      const { shopId, sendDate, sendTime } = row.values;
      // An unreadable time is reported by cell/invalid-date; guessing 08:00 for it could mislead.
      if (shopId === undefined || sendDate === undefined || row.invalid.has('sendTime')) continue;
      const seconds = sendTime ?? defaultSeconds;
      const sendAt = wallOfDay(sendDate, seconds);
      const shopIndex = index.get(shopId);
      if (shopIndex && covers(shopIndex, sendAt)) continue;
      ctx.report({ sheet, row, key: 'sendDate', data: { shopId, sendAt: formatWall(sendAt).slice(0, 16), time: clockText(seconds) } });
    }
  },
});
