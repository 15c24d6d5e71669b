/**
 * Per-shop plans of an analysed workbook: which months each enrolled shop is in, which
 * enrollment row governs each month, the chosen days of that month, and the shop's base
 * contracts (鋪底合約) when the workbook has such a tab. Shared by the schedule generator and the
 * cost estimate, so both read a workbook the same way the partner rules do: a shop enrolled by
 * several rows (e.g. a May plan and a June plan) gets the union of their months, and a month
 * enrolled twice is governed by the first row (`enrollment/duplicate-shop` reports the second).
 */
import type { Workbook } from '../model.js';
import type { Campaign } from '../campaign/campaign.js';
import { DEFAULT_CAMPAIGN } from '../campaign/campaign.js';
import { analyseWorkbook, type WorkbookAnalysis } from '../engine/validate.js';
import { describeEnrollment, type Enrollment } from '../derive/enrollments.js';
import type { ParsedSheet } from '../sheet/parse.js';
import { monthKeyOfDay } from '../time/civil.js';

/** The terms of one base contract (a 鋪底合約 row), or plain terms given by a caller. */
export interface BaseContractTerms {
  /** When set, the terms apply to this shop only (rows of a whole tab can be passed as they are). */
  readonly shopId?: string;
  readonly productType: string;
  /** Percent points. */
  readonly baseRate: number;
  /** Percent points; informational (partner contracts use the campaign's CPS). */
  readonly cps?: number;
  readonly pointPrice?: number;
  /** Wall ms of the first covered second; absent = open. */
  readonly start?: number;
  /** Wall ms of the last covered second; absent = open. */
  readonly end?: number;
  /** Where the terms came from, when read from a workbook. */
  readonly sheet?: string;
  readonly row?: number;
}

export interface PlannedMonth {
  /** `YYYY-MM`. */
  readonly month: string;
  /** The enrollment row that governs this month. */
  readonly enrollment: Enrollment;
  /** That row's chosen days of this month: day numbers, sorted, without duplicates. */
  readonly chosenDays: readonly number[];
}

export interface ShopPlan {
  readonly shopId: string;
  /** Every enrollment row of the shop that names a plan, in workbook order. */
  readonly enrollments: readonly Enrollment[];
  /** Enrolled months, sorted. */
  readonly months: readonly PlannedMonth[];
  /**
   * The shop's base contracts, in workbook order; `undefined` when the workbook has no base-contracts
   * tab (then defaults apply), `[]` when it has one but nothing for this shop.
   */
  readonly baseContracts: readonly BaseContractTerms[] | undefined;
}

function isAnalysis(x: Workbook | WorkbookAnalysis): x is WorkbookAnalysis {
  return 'sheets' in x && 'summaries' in x;
}

/** Complete, valid base-contract rows of every base-contracts tab (rows with a broken key cell are skipped). */
export function baseContractTerms(analysis: WorkbookAnalysis): readonly BaseContractTerms[] | undefined {
  const sheets = analysis.sheets.filter((s): s is ParsedSheet<'base-contracts'> => s.kind === 'base-contracts');
  if (sheets.length === 0) return undefined;
  const out: BaseContractTerms[] = [];
  for (const sheet of sheets) {
    for (const row of sheet.rows) {
      const v = row.values;
      const needed = ['shopId', 'productType', 'baseRate', 'start', 'end'] as const;
      if (needed.some((k) => v[k] === undefined || row.invalid.has(k))) continue;
      if (!v.shopId || !v.productType) continue;
      out.push({
        shopId: v.shopId,
        productType: v.productType,
        baseRate: v.baseRate!,
        ...(v.cps !== undefined && !row.invalid.has('cps') ? { cps: v.cps } : {}),
        ...(v.pointPrice !== undefined && !row.invalid.has('pointPrice') ? { pointPrice: v.pointPrice } : {}),
        start: v.start!,
        end: v.end!,
        sheet: sheet.name,
        row: row.row,
      });
    }
  }
  return out;
}

/** All enrollment rows of the workbook, described against the campaign. */
export function enrollmentsOfAnalysis(analysis: WorkbookAnalysis, campaign: Campaign): Enrollment[] {
  const out: Enrollment[] = [];
  for (const sheet of analysis.sheets) {
    if (sheet.kind !== 'enrollment') continue;
    const s = sheet as ParsedSheet<'enrollment'>;
    for (const row of s.rows) out.push(describeEnrollment(campaign, s, row));
  }
  return out;
}

/**
 * One plan per enrolled shop (a shop id and a known plan), in order of first appearance.
 * @example shopPlans({ tables: [kindTable('enrollment', [enrollmentRow()])] })[0].months.map((m) => m.month)
 *   → ['2026-04', '2026-05', '2026-06']
 */
export function shopPlans(source: Workbook | WorkbookAnalysis, opts: { readonly campaign?: Campaign } = {}): ShopPlan[] {
  const campaign = opts.campaign ?? DEFAULT_CAMPAIGN;
  const analysis = isAnalysis(source) ? source : analyseWorkbook(source, campaign);
  const base = baseContractTerms(analysis);
  const byShop = new Map<string, { enrollments: Enrollment[]; months: Map<string, Enrollment> }>();
  for (const e of enrollmentsOfAnalysis(analysis, campaign)) {
    if (!e.shopId || !e.plan || e.row.invalid.has('shopId')) continue;
    let entry = byShop.get(e.shopId);
    if (!entry) byShop.set(e.shopId, (entry = { enrollments: [], months: new Map() }));
    entry.enrollments.push(e);
    for (const m of e.months) if (!entry.months.has(m)) entry.months.set(m, e);
  }
  const plans: ShopPlan[] = [];
  for (const [shopId, entry] of byShop) {
    const months = [...entry.months.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([month, enrollment]) => ({
        month,
        enrollment,
        chosenDays: [...new Set(enrollment.chosenDays.map((c) => c.day).filter((d) => monthKeyOfDay(d) === month))].sort((a, b) => a - b),
      }));
    plans.push({
      shopId,
      enrollments: entry.enrollments,
      months,
      baseContracts: base === undefined ? undefined : base.filter((b) => b.shopId === shopId),
    });
  }
  return plans;
}
