/**
 * Enrollments as the plan sees them: each enrollment row with its resolved plan, months and
 * chosen-day allowance. Derived once per validation (ctx.memo) and shared by enrollment,
 * partner and ring rules, the calendar and the schedule generator.
 */
import type { Campaign, Plan } from '../campaign/campaign.js';
import type { ParsedRow, ParsedSheet } from '../sheet/parse.js';
import type { ChosenDayItem } from '../sheet/rows.js';
import type { RuleContext } from '../engine/rule.js';
import { monthKeyOfDay } from '../time/civil.js';

export interface Enrollment {
  readonly sheet: ParsedSheet<'enrollment'>;
  readonly row: ParsedRow<'enrollment'>;
  readonly shopId: string | undefined;
  /** undefined when the plan cell is blank, invalid or names no plan of the campaign. */
  readonly plan: Plan | undefined;
  /** `YYYY-MM` keys of the enrolled months (empty without a plan). */
  readonly months: readonly string[];
  readonly siteExposure: boolean;
  readonly ringData: boolean;
  /** Chosen days allowed per month. */
  readonly allowance: number;
  readonly chosenDays: readonly ChosenDayItem[];
}

export function describeEnrollment(campaign: Campaign, sheet: ParsedSheet<'enrollment'>, row: ParsedRow<'enrollment'>): Enrollment {
  const v = row.values;
  const plan = v.plan === undefined ? undefined : campaign.findPlan(v.plan);
  const siteExposure = v.siteExposure === true;
  const ringData = v.ringData === true;
  return {
    sheet,
    row,
    shopId: v.shopId,
    plan,
    months: plan ? plan.months : [],
    siteExposure,
    ringData,
    allowance: campaign.allowance(siteExposure, ringData),
    chosenDays: v.chosenDays ?? [],
  };
}

export function enrollmentsOf(ctx: RuleContext): readonly Enrollment[] {
  return ctx.memo('enrollments', () => ctx.rows('enrollment').map(({ sheet, row }) => describeEnrollment(ctx.campaign, sheet, row)));
}

/** Chosen days grouped by month key, in the order written. */
export function chosenByMonth(items: readonly ChosenDayItem[]): Map<string, ChosenDayItem[]> {
  const out = new Map<string, ChosenDayItem[]>();
  for (const item of items) {
    const k = monthKeyOfDay(item.day);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * Enrolled months by shop: for each shop id and month, the enrollment covering it (the first
 * one, when a shop is enrolled twice; `enrollment/duplicate-shop` reports the second).
 */
export function enrolledMonthsByShop(ctx: RuleContext): ReadonlyMap<string, ReadonlyMap<string, Enrollment>> {
  return ctx.memo('enrolledMonthsByShop', () => {
    const out = new Map<string, Map<string, Enrollment>>();
    for (const e of enrollmentsOf(ctx)) {
      if (!e.shopId || !e.plan) continue;
      let months = out.get(e.shopId);
      if (!months) out.set(e.shopId, (months = new Map()));
      for (const m of e.months) if (!months.has(m)) months.set(m, e);
    }
    return out;
  });
}
