/**
 * The CPS cost estimate (SPEC §6) of one shop and month.
 *
 * The model, decided from the deck ("CPS 提升至 15%", "$1,000*CPS8%=$80 … CPS15%=$150",
 * "免收取 AD POINTS：LINE POINTS 回饋費用全免(免點數費$1.3)"):
 *
 * - The month's expected GMV G is spread evenly over its n days: day GMV = G / n.
 * - CPS cost: G × c (current CPS) and G × p with the plan, where p = max(campaign CPS 15%, c).
 *   The max: the CMS never lets a contract's CPS drop below the base CPS, so a brand already at or
 *   above 15% pays what it pays now (`enrollment/base-cps-at-or-above-partner`: "the plan raises
 *   nothing") — the increase is then 0, never a fictitious saving.
 * - LINE-funded points: Σ over the days of day GMV × (rate − b), rate from the rebate calendar
 *   (chosen 10 %, Friday 10 %, else 5 %), b the base rebate (鋪底). A day whose rate is not above
 *   b funds nothing (the term is clamped at 0; a negative "points" amount means nothing).
 *   **1 LINE POINT = NT$1**, so "points" is both a count of points and their face value in NT$ —
 *   what shoppers receive on top of the base rebate, paid by LINE購物.
 * - Saving: had the brand funded those points itself (廠商自行加碼), it would have bought them as
 *   AD POINTS at the AD POINTS fee of NT$1.3 per point (campaign.config.adPointsFee); the plan
 *   waives that ("免點數費$1.3"). saving = points × 1.3. (The contract's 點數採購單價 1.2 is not used:
 *   the deck prices the waived AD POINTS at 1.3.)
 * - Net benefit = saving − CPS increase (negative: the plan costs the brand more than the points
 *   it gets for free; the real upside — exposure, ring data — is not priced).
 *
 * Arithmetic is exact (rules/compute/money.ts: BigInt rationals from the decimals as typed);
 * amounts are rounded half away from zero to whole NT$ only for display (`displayNtd`).
 */
import type { Workbook } from '../model.js';
import type { Campaign } from '../campaign/campaign.js';
import { DEFAULT_CAMPAIGN } from '../campaign/campaign.js';
import { rebateCalendar, type RebateReason } from './rebate-calendar.js';
import { dayFromIso, monthRange } from '../time/civil.js';
import { TW_OFFICE_CALENDAR, type OfficeCalendar } from '../time/office-calendar.js';
import { add, cmp, div, fromDecimal, fromInt, fromMoney, maxRatio, mul, sub, toMoney, ZERO_RATIO, type Money, type Ratio } from './money.js';
import { shopPlans, type ShopPlan } from './enrollment-plan.js';

export interface CostInput {
  /** Expected GMV of the month in NT$ (≥ 0). */
  readonly monthlyGmv: number;
  /** Current CPS in percent points (8 = 8%). */
  readonly currentCps: number;
  /** Base rebate (鋪底) in percent points; default campaign.config.defaultBaseRate (2). */
  readonly baseRate?: number;
  /** `YYYY-MM`. */
  readonly month: string;
  /** Chosen days of the month: day numbers or `YYYY-MM-DD`; days of other months are ignored. */
  readonly chosenDays?: readonly (number | string)[];
}

export interface RateDays {
  /** Front-end rebate in percent points. */
  readonly rate: number;
  /** Days at that rate. */
  readonly days: number;
  readonly reasons: readonly RebateReason[];
  /** LINE-funded points of those days (NT$; 1 point = NT$1). */
  readonly points: Money;
}

export interface CostEstimate {
  readonly month: string;
  /** Days in the month (n). */
  readonly days: number;
  readonly monthlyGmv: Money;
  /** G / n. */
  readonly dailyGmv: Money;
  readonly currentCps: number;
  /** The CPS with the plan: max(campaign partner CPS, current CPS). */
  readonly partnerCps: number;
  readonly baseRate: number;
  /** G × c. */
  readonly cpsCostCurrent: Money;
  /** G × partnerCps. */
  readonly cpsCostPartner: Money;
  /** cpsCostPartner − cpsCostCurrent (≥ 0). */
  readonly cpsIncrease: Money;
  /** Days grouped by rate, highest rate first. */
  readonly rateDays: readonly RateDays[];
  /** Σ day GMV × max(0, rate − b): points funded by LINE購物 above the base rebate (1 point = NT$1). */
  readonly linePoints: Money;
  /** NT$ per point the brand would pay for AD POINTS (campaign.config.adPointsFee, 1.3). */
  readonly adPointsFee: number;
  /** linePoints × adPointsFee: what the brand would have paid for those points. */
  readonly adPointsSaving: Money;
  /** adPointsSaving − cpsIncrease. */
  readonly net: Money;
}

function checkPercent(name: string, v: number): void {
  if (!Number.isFinite(v) || v < 0 || v > 100) throw new RangeError(`${name} must be a percent in 0..100, got ${v}`);
}

/**
 * The estimate for one month.
 * @example estimateCost({ monthlyGmv: 1000, currentCps: 8, month: '2026-05' })
 *   → cpsCostCurrent 80, cpsCostPartner 150, cpsIncrease 70, …
 * @throws RangeError on a malformed month, a negative or non-finite GMV, or a percent outside 0..100
 */
export function estimateCost(input: CostInput, campaign: Campaign = DEFAULT_CAMPAIGN, calendar: OfficeCalendar = TW_OFFICE_CALENDAR): CostEstimate {
  const range = monthRange(input.month);
  if (!range) throw new RangeError(`month must be YYYY-MM, got ${input.month}`);
  if (!Number.isFinite(input.monthlyGmv) || input.monthlyGmv < 0) throw new RangeError(`monthlyGmv must be ≥ 0, got ${input.monthlyGmv}`);
  const baseRate = input.baseRate ?? campaign.config.defaultBaseRate;
  checkPercent('currentCps', input.currentCps);
  checkPercent('baseRate', baseRate);
  const chosen: number[] = [];
  for (const c of input.chosenDays ?? []) {
    const day = typeof c === 'number' ? c : dayFromIso(c.trim());
    if (day === undefined || !Number.isInteger(day)) throw new RangeError(`chosen day must be a day number or YYYY-MM-DD, got ${String(c)}`);
    chosen.push(day);
  }

  const n = range.last - range.first + 1;
  const gmv = fromDecimal(input.monthlyGmv);
  const daily = div(gmv, fromInt(n));
  const c = fromDecimal(input.currentCps);
  const above = cmp(c, fromDecimal(campaign.config.partnerCps)) > 0;
  const partnerCps = above ? input.currentCps : campaign.config.partnerCps;
  const partner = fromDecimal(partnerCps);
  const cpsCostCurrent = mul(gmv, div(c, fromInt(100)));
  const cpsCostPartner = mul(gmv, div(partner, fromInt(100)));
  const cpsIncrease = sub(cpsCostPartner, cpsCostCurrent);

  const b = fromDecimal(baseRate);
  const cal = rebateCalendar(input.month, chosen, campaign, calendar);
  const groups = new Map<number, { days: number; reasons: RebateReason[] }>();
  for (const d of cal.days) {
    let g = groups.get(d.rate);
    if (!g) groups.set(d.rate, (g = { days: 0, reasons: [] }));
    g.days += 1;
    if (!g.reasons.includes(d.reason)) g.reasons.push(d.reason);
  }
  let points: Ratio = ZERO_RATIO;
  const rateDays: RateDays[] = [...groups.entries()]
    .sort(([a], [b2]) => b2 - a)
    .map(([rate, g]) => {
      const above = maxRatio(sub(fromDecimal(rate), b), ZERO_RATIO);
      const p = mul(mul(daily, fromInt(g.days)), div(above, fromInt(100)));
      points = add(points, p);
      return { rate, days: g.days, reasons: g.reasons, points: toMoney(p) };
    });
  const saving = mul(points, fromDecimal(campaign.config.adPointsFee));

  return {
    month: input.month,
    days: n,
    monthlyGmv: toMoney(gmv),
    dailyGmv: toMoney(daily),
    currentCps: input.currentCps,
    partnerCps,
    baseRate,
    cpsCostCurrent: toMoney(cpsCostCurrent),
    cpsCostPartner: toMoney(cpsCostPartner),
    cpsIncrease: toMoney(cpsIncrease),
    rateDays,
    linePoints: toMoney(points),
    adPointsFee: campaign.config.adPointsFee,
    adPointsSaving: toMoney(saving),
    net: toMoney(sub(saving, cpsIncrease)),
  };
}

export type CostField = 'monthlyGmv' | 'baseCps';

export interface MonthCost {
  readonly month: string;
  /** The enrollment row the numbers come from. */
  readonly sheet: string;
  readonly row: number;
  /** null when a needed cell is blank or invalid (see `missing`). */
  readonly estimate: CostEstimate | null;
  readonly missing: readonly CostField[];
}

export interface CostTotal {
  /** Months with an estimate. */
  readonly months: number;
  readonly monthlyGmv: Money;
  readonly cpsCostCurrent: Money;
  readonly cpsCostPartner: Money;
  readonly cpsIncrease: Money;
  readonly linePoints: Money;
  readonly adPointsSaving: Money;
  readonly net: Money;
}

export interface ShopCosts {
  readonly shopId: string;
  readonly months: readonly MonthCost[];
  /** Exact sums over the months that have an estimate; null when none has. */
  readonly total: CostTotal | null;
}

const TOTAL_FIELDS = ['monthlyGmv', 'cpsCostCurrent', 'cpsCostPartner', 'cpsIncrease', 'linePoints', 'adPointsSaving', 'net'] as const;

/**
 * Estimates for every enrolled shop and month of a workbook: GMV from 預估月業績, c from 原CPS%,
 * b from 鋪底回饋% (default campaign.config.defaultBaseRate), chosen days from the row that
 * enrolls the month.
 */
export function estimateCosts(workbook: Workbook | readonly ShopPlan[], opts: { readonly campaign?: Campaign; readonly calendar?: OfficeCalendar } = {}): ShopCosts[] {
  const campaign = opts.campaign ?? DEFAULT_CAMPAIGN;
  const calendar = opts.calendar ?? TW_OFFICE_CALENDAR;
  // The shop plans themselves may be passed (from shopPlans once, or only some of them: the upload page).
  const plans = Array.isArray(workbook) ? (workbook as readonly ShopPlan[]) : shopPlans(workbook as Workbook, { campaign });
  return plans.map((plan) => {
    const months: MonthCost[] = plan.months.map((m) => {
      const row = m.enrollment.row;
      const v = row.values;
      const missing: CostField[] = [];
      if (v.monthlyGmv === undefined || row.invalid.has('monthlyGmv')) missing.push('monthlyGmv');
      if (v.baseCps === undefined || row.invalid.has('baseCps')) missing.push('baseCps');
      const baseRate = v.baseRate !== undefined && !row.invalid.has('baseRate') ? v.baseRate : campaign.config.defaultBaseRate;
      const estimate =
        missing.length > 0
          ? null
          : estimateCost({ monthlyGmv: v.monthlyGmv!, currentCps: v.baseCps!, baseRate, month: m.month, chosenDays: m.chosenDays }, campaign, calendar);
      return { month: m.month, sheet: m.enrollment.sheet.name, row: row.row, estimate, missing };
    });
    const done = months.map((m) => m.estimate).filter((e): e is CostEstimate => e !== null);
    let total: CostTotal | null = null;
    if (done.length > 0) {
      const sums: Record<string, Money> = {};
      for (const f of TOTAL_FIELDS) sums[f] = toMoney(done.reduce((acc, e) => add(acc, fromMoney(e[f])), ZERO_RATIO));
      total = { months: done.length, ...(sums as Record<(typeof TOTAL_FIELDS)[number], Money>) };
    }
    return { shopId: plan.shopId, months, total };
  });
}
