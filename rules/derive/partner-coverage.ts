/**
 * Partner-plan coverage (SPEC §5.4): which days each shop's partner-plan 活動加碼 contracts
 * cover, what rate each enrolled day should have, and small range helpers the partner rules share.
 *
 * Decisions (also in the rules' docs):
 * - **Which contracts count**: 活動加碼 rows that are partner-plan contracts (`isPartnerContract`),
 *   with a readable shop, start and end, ending after they start. Rejected (不通過) rows never
 *   count: the CMS will not run them. Drafts (草稿) do count, as planned contracts, so a brand sees
 *   its schedule checked before submitting it. (`contract/overlap` ignores drafts; that is about
 *   the CMS refusing a second live contract, a different question.)
 * - **Days**: a contract covers every day it touches; an end at exactly 00:00:00 ends the day
 *   before. Partial days are `contract/not-whole-day`'s concern, not a gap.
 * - **A day covered twice** is reported by `contract/overlap`, not by the partner rules: each row
 *   is still checked for its own rate, so nothing is silently trusted.
 *
 * Everything here is O(n log n) per validation (sorting each shop's rows once).
 */
import type { RuleContext } from '../engine/rule.js';
import type { ParsedRow, ParsedSheet } from '../sheet/parse.js';
import { CAMPAIGN_BONUS, STATUS_REJECTED, contractGroupsOf, partnerContractTest, percentText, type ContractGroup } from './contracts.js';
import { enrolledMonthsByShop, type Enrollment } from './enrollments.js';
import { expectedRate } from '../compute/rebate-calendar.js';
import { MS_PER_DAY, dayOfWall, monthKey, monthRange, shortDate, ymdFromDay } from '../time/civil.js';

/** A partner-plan 活動加碼 contract row and the days it covers. */
export interface PartnerRow {
  readonly sheet: ParsedSheet<'contracts'>;
  readonly row: ParsedRow<'contracts'>;
  readonly group: ContractGroup;
  readonly shopId: string;
  /** First and last day numbers touched (inclusive). */
  readonly firstDay: number;
  readonly lastDay: number;
}

/** A run of consecutive days, inclusive. */
export interface DayRange {
  readonly from: number;
  readonly to: number;
}

/**
 * The days a contract touches, or undefined when it ends at or before its start.
 * @example coveredDays(wallFrom(2026,5,2), wallFrom(2026,5,4,23,59,59)) → { from: 5/2, to: 5/4 }
 * @example coveredDays(wallFrom(2026,5,1), wallFrom(2026,5,2)) → { from: 5/1, to: 5/1 } // ends at midnight
 */
export function coveredDays(start: number, end: number): DayRange | undefined {
  if (end <= start) return undefined;
  const from = dayOfWall(start);
  const endsAtMidnight = end % MS_PER_DAY === 0;
  return { from, to: endsAtMidnight ? dayOfWall(end) - 1 : dayOfWall(end) };
}

/** Whether a contract group is a partner-plan contract whose days count (see the file's decisions). */
function isCountedPartnerGroup(isPartnerContract: ReturnType<typeof partnerContractTest>, g: ContractGroup): boolean {
  if (g.contractType !== CAMPAIGN_BONUS || g.status === STATUS_REJECTED) return false;
  // `g.rows` of a one-row contract is a fresh array: test its row directly.
  return g.rowCount === 1 ? isPartnerContract(g.first) : g.rows.some((r) => isPartnerContract(r));
}

/**
 * Partner-plan 活動加碼 rows by shop, each shop's list sorted by first day (then sheet order).
 * Rows of a multi-product-type contract each appear; a row that is itself marked 否 is left out.
 * Memoised.
 */
export function partnerRowsByShop(ctx: RuleContext): ReadonlyMap<string, readonly PartnerRow[]> {
  return ctx.memo('partner/rowsByShop', () => {
    const out = new Map<string, PartnerRow[]>();
    const isPartnerContract = partnerContractTest(ctx);
    const allGroups = contractGroupsOf(ctx);
    for (let gi = 0; gi < allGroups.length; gi++) {
      const group = allGroups[gi]!;
      if (!isCountedPartnerGroup(isPartnerContract, group)) continue;
      const days = coveredDays(group.start, group.end);
      if (!days) continue;
      for (const row of group.rows) {
        if (row.values.status === STATUS_REJECTED || !isPartnerContract(row)) continue;
        let list = out.get(group.shopId);
        if (!list) out.set(group.shopId, (list = []));
        list.push({ sheet: group.sheet, row, group, shopId: group.shopId, firstDay: days.from, lastDay: days.to });
      }
    }
    // Array.prototype.sort is stable, so equal first days keep workbook order.
    for (const list of out.values()) list.sort((a, b) => a.firstDay - b.firstDay);
    return out;
  });
}

/** Partner-plan 活動加碼 contract groups with their days, in workbook order. Memoised. */
export function partnerGroups(ctx: RuleContext): readonly { readonly group: ContractGroup; readonly days: DayRange }[] {
  return ctx.memo('partner/groups', () => {
    const out: { group: ContractGroup; days: DayRange }[] = [];
    const isPartnerContract = partnerContractTest(ctx);
    const allGroups = contractGroupsOf(ctx);
    for (let gi = 0; gi < allGroups.length; gi++) {
      const group = allGroups[gi]!;
      if (!isCountedPartnerGroup(isPartnerContract, group)) continue;
      const days = coveredDays(group.start, group.end);
      if (days) out.push({ group, days });
    }
    return out;
  });
}

/**
 * Merges sorted day ranges that overlap or touch.
 * @example mergeDayRanges([{from:1,to:3},{from:4,to:4},{from:6,to:7}]) → [{from:1,to:4},{from:6,to:7}]
 */
export function mergeDayRanges(sorted: readonly DayRange[]): DayRange[] {
  const out: { from: number; to: number }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.from <= last.to + 1) last.to = Math.max(last.to, r.to);
    else out.push({ from: r.from, to: r.to });
  }
  return out;
}

/**
 * The days of [first, last] that no merged range covers, as ranges. `merged` must be sorted and
 * disjoint (as `mergeDayRanges` leaves it); a binary search skips ranges before `first`.
 * @example gapsIn([{from:1,to:3},{from:6,to:9}], 1, 10) → [{from:4,to:5},{from:10,to:10}]
 */
export function gapsIn(merged: readonly DayRange[], first: number, last: number): DayRange[] {
  let lo = 0;
  let hi = merged.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (merged[mid]!.to < first) lo = mid + 1;
    else hi = mid;
  }
  const gaps: DayRange[] = [];
  let cursor = first;
  for (let i = lo; i < merged.length && merged[i]!.from <= last; i++) {
    const r = merged[i]!;
    if (r.from > cursor) gaps.push({ from: cursor, to: r.from - 1 });
    cursor = Math.max(cursor, r.to + 1);
  }
  if (cursor <= last) gaps.push({ from: cursor, to: last });
  return gaps;
}

/**
 * Runs of consecutive days (sorted, distinct) with the same key.
 * @example runsOf([1,2,3,5], () => 0) → [{from:1,to:3,key:0},{from:5,to:5,key:0}]
 */
export function runsOf<K>(days: readonly number[], keyOf: (day: number) => K): (DayRange & { readonly key: K })[] {
  const out: { from: number; to: number; key: K }[] = [];
  for (const day of days) {
    const key = keyOf(day);
    const last = out[out.length - 1];
    if (last && day === last.to + 1 && last.key === key) last.to = day;
    else out.push({ from: day, to: day, key });
  }
  return out;
}

/** `M/D` or `M/D-M/D`, as the deck's remarks write ranges. @example rangeLabel(5/30, 5/31) === '5/30-5/31' */
export function rangeLabel(from: number, to: number): string {
  return from === to ? shortDate(from) : `${shortDate(from)}-${shortDate(to)}`;
}

/** The month keys from the month of `from` to the month of `to`, inclusive. @example monthsBetween(4/28, 6/2) → ['2026-04','2026-05','2026-06'] */
export function monthsBetween(from: number, to: number): string[] {
  const a = ymdFromDay(from);
  const b = ymdFromDay(to);
  const out: string[] = [];
  let y = a.y;
  let m = a.m;
  while (y < b.y || (y === b.y && m <= b.m)) {
    out.push(monthKey(y, m));
    if (m === 12) {
      y += 1;
      m = 1;
    } else m += 1;
  }
  return out;
}

/** The chosen days of an enrollment as a set. Memoised per enrollment. */
function chosenSet(ctx: RuleContext, e: Enrollment): ReadonlySet<number> {
  const cache = ctx.memo('partner/chosenSets', () => new Map<Enrollment, ReadonlySet<number>>());
  let set = cache.get(e);
  if (!set) cache.set(e, (set = new Set(e.chosenDays.map((i) => i.day))));
  return set;
}

/** An enrolled day of a shop with its expected front-end rebate (percent points). */
export interface ExpectedDay {
  readonly day: number;
  readonly rate: number;
}

/**
 * The enrolled days of [from, to] for a shop, ascending, each with its expected rate (chosen day
 * 10%, else Friday 10%, else 5%) from the enrollment covering that day's month. Walks months, so a
 * long contract costs only its enrolled days.
 * @example expectedDaysIn(ctx, 'goodday_food', 5/7, 5/8) → [{ day: 5/7, rate: 5 }, { day: 5/8, rate: 10 }]
 */
export function expectedDaysIn(ctx: RuleContext, shopId: string, from: number, to: number): ExpectedDay[] {
  const months = enrolledMonthsByShop(ctx).get(shopId);
  if (!months) return [];
  const out: ExpectedDay[] = [];
  for (const key of monthsBetween(from, to)) {
    const e = months.get(key);
    if (!e) continue;
    const chosen = chosenSet(ctx, e);
    const r = monthRange(key)!;
    for (let d = Math.max(from, r.first); d <= Math.min(to, r.last); d++) out.push({ day: d, rate: expectedRate(d, chosen, ctx.campaign).rate });
  }
  return out;
}

/**
 * The contracts a run of days needs, in the schedule's remark style (SPEC §6), one per run of equal
 * expected rate: `5/30-5/31_加碼5%`.
 */
export function neededContracts(ctx: RuleContext, shopId: string, range: DayRange): string[] {
  return rateRuns(expectedDaysIn(ctx, shopId, range.from, range.to)).map((r) => `${rangeLabel(r.from, r.to)}_加碼${percentText(r.key)}`);
}

/**
 * Runs of consecutive expected days with the same rate.
 * @example rateRuns([{day:1,rate:10},{day:2,rate:5},{day:3,rate:5}]) → [{from:1,to:1,key:10},{from:2,to:3,key:5}]
 */
export function rateRuns(days: readonly ExpectedDay[]): (DayRange & { readonly key: number })[] {
  const out: { from: number; to: number; key: number }[] = [];
  for (const { day, rate } of days) {
    const last = out[out.length - 1];
    if (last && day === last.to + 1 && last.key === rate) last.to = day;
    else out.push({ from: day, to: day, key: rate });
  }
  return out;
}
