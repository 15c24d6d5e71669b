/**
 * Baselines for `contract/approved-changed` and `contract/chosen-days-changed`: the contracts and
 * enrollments of a previous run, taken either from the previous workbook itself or from the
 * `baseline` section of a previous JSON report (the `Baseline` shape of engine/baseline.ts as
 * JSON: wall times as numbers, chosen days as day numbers; ISO strings are accepted too).
 */
import { z } from 'zod';
import type { Workbook } from '../model.js';
import type { Campaign } from '../campaign/campaign.js';
import { DEFAULT_CAMPAIGN } from '../campaign/campaign.js';
import { analyseWorkbook, type WorkbookAnalysis } from '../engine/validate.js';
import type { ParsedSheet } from '../sheet/parse.js';
import type { Baseline, BaselineContract, BaselineDeal, BaselineEnrollment } from '../engine/baseline.js';
import { dayFromIso, isValidYmd } from '../time/civil.js';
import { appendAll } from '../engine/append-all.js';

/**
 * A wall time in JSON: wall ms, or a Taipei wall-clock reading `YYYY-MM-DDTHH:mm[:ss]` (also with
 * a space or slashes).
 */
const WallSchema = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^\d{4}[-/]\d{2}[-/]\d{2}[T ]\d{2}:\d{2}(:\d{2})?$/, 'expected YYYY-MM-DDTHH:mm:ss')
    .transform((text, tx) => {
      const [y, mo, d, h, mi, s] = text.split(/[-/T :]/).map(Number) as [number, number, number, number, number, number | undefined];
      if (!isValidYmd(y, mo, d) || h > 23 || mi > 59 || (s ?? 0) > 59) {
        tx.addIssue({ code: 'custom', message: `not a real date-time: ${text}` });
        return z.NEVER;
      }
      return Date.UTC(y, mo - 1, d, h, mi, s ?? 0);
    }),
]);

/** A day in JSON: a day number or `YYYY-MM-DD`. */
const DaySchema = z.union([
  z.number().int(),
  z.string().transform((text, tx) => {
    const day = dayFromIso(text);
    if (day === undefined) {
      tx.addIssue({ code: 'custom', message: `expected YYYY-MM-DD, got ${text}` });
      return z.NEVER;
    }
    return day;
  }),
]);

const nullableNumber = z.number().nullable().default(null);
const nullableString = z.string().nullable().default(null);

const BaselineContractSchema = z.object({
  shopId: z.string().min(1),
  contractType: z.string().min(1),
  productType: z.string(),
  remark: z.string().default(''),
  start: WallSchema,
  end: WallSchema,
  status: nullableString,
  submittedAt: WallSchema.nullable().default(null),
  frontRate: nullableNumber,
  baseRate: nullableNumber,
  cps: nullableNumber,
  vendorBonus: nullableNumber,
  rebateCap: nullableNumber,
  productId: nullableString,
});

const BaselineEnrollmentSchema = z.object({
  shopId: z.string().min(1),
  plan: nullableString,
  chosenDays: z.array(DaySchema).default([]),
});

const BaselineDealSchema = z.object({
  shopId: z.string().min(1),
  batch: nullableString,
  productUrl: nullableString,
  productName: nullableString,
  image: nullableString,
  webPrice: nullableNumber,
  promoPrice: nullableNumber,
  start: WallSchema.nullable().default(null),
  end: WallSchema.nullable().default(null),
  status: nullableString,
});

/** The `baseline` section of a JSON report. */
export const BaselineSchema = z.object({
  contracts: z.array(BaselineContractSchema).default([]),
  enrollments: z.array(BaselineEnrollmentSchema).default([]),
  deals: z.array(BaselineDealSchema).default([]),
});

export type BaselineReadResult =
  | { readonly baseline: Baseline; readonly problem: null }
  | { readonly baseline: undefined; readonly problem: string };

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Finds the baseline section of a report: the top-level `baseline`; else the `baseline` of each
 * `files[]` entry, concatenated; else the object itself when it has `contracts` or `enrollments`.
 */
function baselineSections(json: unknown): unknown[] | undefined {
  if (!isRecord(json)) return undefined;
  if ('baseline' in json) return [json['baseline']];
  const files = json['files'];
  if (Array.isArray(files)) {
    const sections = files.filter((f) => isRecord(f) && 'baseline' in f).map((f) => (f as Record<string, unknown>)['baseline']);
    if (sections.length > 0) return sections;
  }
  if ('contracts' in json || 'enrollments' in json) return [json];
  return undefined;
}

/**
 * Reads the baseline of a previous JSON report (already parsed). Never throws: a missing or
 * malformed section yields `{ baseline: undefined, problem }`.
 * @example baselineFromReport({ baseline: { contracts: [], enrollments: [] } }) → { baseline: { contracts: [], enrollments: [] }, problem: null }
 * @example baselineFromReport({ tool: 'partner-check' }).problem === 'the report has no baseline section'
 */
export function baselineFromReport(json: unknown): BaselineReadResult {
  const sections = baselineSections(json);
  if (!sections) return { baseline: undefined, problem: 'the report has no baseline section' };
  const contracts: BaselineContract[] = [];
  const enrollments: BaselineEnrollment[] = [];
  const deals: BaselineDeal[] = [];
  for (const [i, section] of sections.entries()) {
    const parsed = BaselineSchema.safeParse(section);
    if (!parsed.success) {
      const where = sections.length > 1 ? `files.${i}.baseline` : 'baseline';
      const details = parsed.error.issues.slice(0, 5).map((issue) => `${[where, ...issue.path.map(String)].join('.')}: ${issue.message}`);
      return { baseline: undefined, problem: details.join('; ') };
    }
    appendAll(contracts, parsed.data.contracts);
    appendAll(enrollments, parsed.data.enrollments);
    appendAll(deals, parsed.data.deals);
  }
  return { baseline: { contracts, enrollments, ...(deals.length > 0 ? { deals } : {}) }, problem: null };
}

function contractsOf(sheet: ParsedSheet<'contracts'>): BaselineContract[] {
  const out: BaselineContract[] = [];
  for (const row of sheet.rows) {
    const v = row.values;
    if (v.shopId === undefined || v.contractType === undefined || v.productType === undefined || v.start === undefined || v.end === undefined) continue;
    out.push({
      shopId: v.shopId,
      contractType: v.contractType,
      productType: v.productType,
      remark: v.remark ?? '',
      start: v.start,
      end: v.end,
      status: v.status ?? null,
      submittedAt: v.submittedAt ?? null,
      frontRate: v.frontRate ?? null,
      baseRate: v.baseRate ?? null,
      cps: v.cps ?? null,
      vendorBonus: v.vendorBonus ?? null,
      rebateCap: v.rebateCap ?? null,
      productId: v.productId ?? null,
    });
  }
  return out;
}

/**
 * The baseline of an already analysed workbook: its contract rows (those with shop, type, product
 * type, start and end readable) and its enrollment rows (those with a shop id; the plan as the
 * campaign's plan id when it names one, else as written). Lets a caller that has validated the
 * workbook (`validateWorkbook(..., { analysis })`) build the baseline without parsing it again.
 * @example baselineFromAnalysis(analyseWorkbook({ tables: [contractsTable] })).contracts[0].start === wallFrom(2026, 5, 1)
 */
export function baselineFromAnalysis(analysis: WorkbookAnalysis, campaign: Campaign = DEFAULT_CAMPAIGN): Baseline {
  const contracts: BaselineContract[] = [];
  const enrollments: BaselineEnrollment[] = [];
  const deals: BaselineDeal[] = [];
  for (const sheet of analysis.sheets) {
    if (sheet.kind === 'flash-deals') {
      for (const row of (sheet as ParsedSheet<'flash-deals'>).rows) {
        const v = row.values;
        if (v.shopId === undefined) continue;
        deals.push({
          shopId: v.shopId,
          batch: v.batch ?? null,
          productUrl: v.productUrl ?? null,
          productName: v.productName ?? null,
          image: v.image ?? null,
          webPrice: v.webPrice ?? null,
          promoPrice: v.promoPrice ?? null,
          start: v.start ?? null,
          end: v.end ?? null,
          status: v.status ?? null,
        });
      }
    }
    if (sheet.kind === 'contracts') {
      for (const c of contractsOf(sheet as ParsedSheet<'contracts'>)) contracts.push(c);
    }
    if (sheet.kind !== 'enrollment') continue;
    for (const row of (sheet as ParsedSheet<'enrollment'>).rows) {
      const v = row.values;
      if (v.shopId === undefined) continue;
      const plan = v.plan === undefined ? null : campaign.findPlan(v.plan)?.id ?? v.plan;
      enrollments.push({ shopId: v.shopId, plan, chosenDays: (v.chosenDays ?? []).map((d) => d.day) });
    }
  }
  return { contracts, enrollments, ...(deals.length > 0 ? { deals } : {}) };
}

/**
 * The baseline of a previous workbook (parses it; see `baselineFromAnalysis` to reuse a parse).
 * @example baselineFromWorkbook({ tables: [contractsTable] }).contracts[0].start === wallFrom(2026, 5, 1)
 */
export function baselineFromWorkbook(workbook: Workbook, campaign: Campaign = DEFAULT_CAMPAIGN): Baseline {
  return baselineFromAnalysis(analyseWorkbook(workbook, campaign), campaign);
}
