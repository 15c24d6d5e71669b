/**
 * The contract-schedule generator (SPEC §6): the rebate calendar's consecutive days of equal rate,
 * never crossing a month, become one 活動加碼 contract each — start `YYYY/MM/DD 00:00:00`, end
 * `YYYY/MM/DD 23:59:59`, remark `M/D-M/D_加碼R%` (one day: `M/D_加碼R%`), one row per product type
 * of the shop's base contract (default `normal`), base rate from it (default 2%), front rate R,
 * rebate cap -1, CPS 15%, vendor bonus 0, point price from it (default 1.2), partner plan 是, and
 * its D-3 submission deadline.
 *
 * Decisions beyond the SPEC's sentence:
 * - When the terms of the shop's base contracts change inside a run of equal rate (product types,
 *   base rate or point price; e.g. a new 鋪底合約 with another rate starts), the run is split there
 *   too, so every row carries the terms of the base contract in force on each of its days — the
 *   CMS fills a contract's rows from the base contract of its period. Consecutive base contracts
 *   with the same terms do not split a run (together they cover it). A line's `base` names the
 *   base-contract row in force on the contract's first day.
 * - Days no base contract covers (only possible when base contracts were given) fall back to the
 *   defaults and are reported as a `no-base-contract` problem; the validator's
 *   `contract/no-base-contract` will flag those contracts until the base contract is fixed.
 * - Without a base-contracts tab, the base rate is the enrollment's 鋪底回饋% when filled, else the
 *   campaign's default (2%).
 * - Chosen days outside the requested months are ignored (and listed as problems); duplicates count once.
 * - Nothing here throws on user data: a year the office calendar lacks leaves that contract's
 *   deadline `null` and adds a `year-not-covered` problem (never a guessed deadline).
 */
import type { Workbook } from '../model.js';
import type { Campaign } from '../campaign/campaign.js';
import { DEFAULT_CAMPAIGN } from '../campaign/campaign.js';
import type { Enrollment } from '../derive/enrollments.js';
import { kindDef } from '../columns.js';
import { rebateCalendar, type RebateReason } from './rebate-calendar.js';
import { dayFromIso, formatWall, isoDate, monthKeyOfDay, monthRange, shortDate, wallOfDay } from '../time/civil.js';
import { TW_OFFICE_CALENDAR, YearNotCoveredError, submissionDeadlineDay, type OfficeCalendar } from '../time/office-calendar.js';
import { shopPlans, type BaseContractTerms, type ShopPlan } from './enrollment-plan.js';
import { partnerCps, partnerFront } from '../derive/partner-rates.js';

export type { BaseContractTerms } from './enrollment-plan.js';

/** Plain input: what the CLI (`partner-check schedule`) and the add-on pass. */
export interface ScheduleRequest {
  readonly shopId: string;
  /** Enrolled months as `YYYY-MM`, e.g. `['2026-01']`. */
  readonly months: readonly string[];
  /** Chosen days: day numbers (days since 1970-01-01) or `YYYY-MM-DD` strings. */
  readonly chosenDays?: readonly (number | string)[];
  /** 鋪底回饋% (percent points) used when no base contract applies; default campaign.config.defaultBaseRate. */
  readonly baseRate?: number;
  /** The shop's current CPS (原CPS%) used when no base contract applies: CPS is max(15%, it) (SPEC §3). */
  readonly baseCps?: number;
  /**
   * The shop's base contracts. Absent: no base contracts are known (one `normal` row with the
   * default terms). Present (even empty): every contract must lie inside one of them.
   */
  readonly baseContracts?: readonly BaseContractTerms[];
}

export interface ScheduleOptions {
  readonly campaign?: Campaign;
  readonly calendar?: OfficeCalendar;
  /** Overrides the months (e.g. an enrollment row's plan months). */
  readonly months?: readonly string[];
  /** Overrides the base contracts (rows of other shops are ignored). */
  readonly baseContracts?: readonly BaseContractTerms[];
}

/** Either plain data or a parsed enrollment row (rules/derive/enrollments.ts). */
export type ScheduleInput = ScheduleRequest | Enrollment;

/** One product-type row of a contract, as the CMS shows it. */
export interface ContractLine {
  readonly productType: string;
  /** Percent points. */
  readonly baseRate: number;
  readonly frontRate: number;
  /** -1 = unlimited. */
  readonly rebateCap: number;
  readonly cps: number;
  readonly vendorBonus: number;
  readonly pointPrice: number;
  readonly partnerPlan: true;
  /** The base contract the row was filled from, or null for the defaults. */
  readonly base: { readonly sheet: string | null; readonly row: number | null } | null;
}

export interface ScheduledContract {
  readonly shopId: string;
  readonly contractType: '活動加碼';
  /** `YYYY-MM` the contract lies in. */
  readonly month: string;
  /** Day numbers of the first and last day, and the number of days. */
  readonly firstDay: number;
  readonly lastDay: number;
  readonly days: number;
  /** Wall ms of 00:00:00 of the first day / 23:59:59 of the last day. */
  readonly startWall: number;
  readonly endWall: number;
  /** `YYYY/MM/DD 00:00:00` / `YYYY/MM/DD 23:59:59`. */
  readonly start: string;
  readonly end: string;
  /** `M/D-M/D_加碼R%` or `M/D_加碼R%`. */
  readonly remark: string;
  /** The front-end rebate R in percent points. */
  readonly rate: number;
  /** Why the days have that rate, distinct, in calendar order (e.g. `['chosen', 'friday']` for 1/1-1/2). */
  readonly reasons: readonly RebateReason[];
  /** D-3 deadline: day number, wall ms of 23:59:59 and `YYYY/MM/DD 23:59:59`; null when the office calendar lacks the year. */
  readonly submitByDay: number | null;
  readonly submitByWall: number | null;
  readonly submitBy: string | null;
  /** One line per product type. */
  readonly lines: readonly ContractLine[];
  /** False when base contracts were given but none covers the contract (defaults were used). */
  readonly baseCovered: boolean;
}

export type ScheduleProblem =
  | { readonly code: 'no-shop-id' }
  | { readonly code: 'no-plan' }
  | { readonly code: 'bad-month'; readonly month: string }
  | { readonly code: 'bad-chosen-day'; readonly value: string }
  | { readonly code: 'chosen-day-outside-months'; readonly day: number; readonly date: string }
  | { readonly code: 'year-not-covered'; readonly year: number; readonly covered: readonly number[] }
  | { readonly code: 'no-base-contract'; readonly from: string; readonly to: string };

export interface Schedule {
  readonly shopId: string;
  /** The months scheduled, sorted. */
  readonly months: readonly string[];
  /** The chosen days used (inside the months), sorted. */
  readonly chosenDays: readonly number[];
  /** Contracts in time order. */
  readonly contracts: readonly ScheduledContract[];
  /** What could not be honoured; empty for a clean input. */
  readonly problems: readonly ScheduleProblem[];
}

/** One month of work for the generator. */
interface MonthPart {
  readonly month: string;
  readonly chosen: readonly number[];
  readonly baseRate: number;
  readonly baseCps: number | undefined;
}

function isEnrollment(x: ScheduleInput): x is Enrollment {
  return typeof x === 'object' && x !== null && 'row' in x && 'sheet' in x;
}

/** Percent points as typed into a cell: 10 → `10`, 7.5 → `7.5`. */
function num(n: number): string {
  return Object.is(n, -0) ? '0' : String(n);
}

/**
 * The remark the schedule writes (SPEC §6): `M/D-M/D_加碼R%`, one day `M/D_加碼R%`.
 * @example remarkOf(dayFromYmd(2026, 1, 1), dayFromYmd(2026, 1, 2), 10) === '1/1-1/2_加碼10%'
 */
export function remarkOf(first: number, last: number, rate: number): string {
  const range = first === last ? shortDate(first) : `${shortDate(first)}-${shortDate(last)}`;
  return `${range}_加碼${num(rate)}%`;
}

interface DayTerms {
  /** The terms the rows will carry (or 'default' / 'none'), so runs split where they change. */
  readonly key: string;
  readonly lines: readonly Omit<ContractLine, 'frontRate'>[];
  readonly covered: boolean;
}

function defaultTerms(baseRate: number, baseCps: number | undefined, campaign: Campaign, covered: boolean): DayTerms {
  const cps = partnerCps(campaign, baseCps);
  return {
    key: covered ? `default:${baseRate}:${cps}` : `none:${baseRate}:${cps}`,
    covered,
    lines: [
      {
        productType: 'normal',
        baseRate,
        rebateCap: -1,
        cps,
        vendorBonus: 0,
        pointPrice: campaign.config.pointPrice,
        partnerPlan: true,
        base: null,
      },
    ],
  };
}

/** Product types compare like the CMS (and the contract rules) do: NFKC, trimmed, case-folded. */
function typeKey(t: string): string {
  return t.normalize('NFKC').trim().toLowerCase();
}

function termsOfDay(day: number, part: MonthPart, base: readonly BaseContractTerms[] | undefined, campaign: Campaign): DayTerms {
  if (base === undefined) return defaultTerms(part.baseRate, part.baseCps, campaign, true);
  const from = wallOfDay(day);
  const to = wallOfDay(day, 86_399);
  const seen = new Set<string>();
  const lines: Omit<ContractLine, 'frontRate'>[] = [];
  base.forEach((b) => {
    if ((b.start ?? -Infinity) > from || (b.end ?? Infinity) < to || seen.has(typeKey(b.productType))) return;
    seen.add(typeKey(b.productType));
    lines.push({
      productType: b.productType,
      baseRate: b.baseRate,
      rebateCap: -1,
      cps: partnerCps(campaign, b.cps),
      vendorBonus: 0,
      pointPrice: b.pointPrice ?? campaign.config.pointPrice,
      partnerPlan: true,
      base: { sheet: b.sheet ?? null, row: b.row ?? null },
    });
  });
  if (lines.length === 0) return defaultTerms(part.baseRate, part.baseCps, campaign, false);
  // Runs split where the written terms change; consecutive base contracts with the same terms
  // cover one contract together (as `contract/no-base-contract` accepts).
  return { key: `base:${lines.map((l) => `${typeKey(l.productType)}|${l.baseRate}|${l.pointPrice}|${l.cps}`).join(';')}`, lines, covered: true };
}

/** The front-end rebates a day's rows carry, as a key: runs split where they change. */
function frontsKey(dayRate: number, terms: DayTerms): string {
  return terms.lines.map((l) => partnerFront(dayRate, l.baseRate)).join(';');
}

/** The core: months with their chosen days → contracts. */
function buildSchedule(
  shopId: string,
  parts: readonly MonthPart[],
  baseContracts: readonly BaseContractTerms[] | undefined,
  campaign: Campaign,
  calendar: OfficeCalendar,
  problems: ScheduleProblem[],
): Schedule {
  const base = baseContracts?.filter((b) => b.shopId === undefined || b.shopId === shopId);
  const lead = campaign.config.contractLeadWorkingDays;
  const contracts: ScheduledContract[] = [];
  const uncoveredDays: number[] = [];
  const missingYears = new Set<number>();
  const sorted = [...parts].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));

  for (const part of sorted) {
    const cal = rebateCalendar(part.month, part.chosen, campaign, calendar);
    let i = 0;
    const days = cal.days;
    while (i < days.length) {
      const first = days[i]!;
      const terms = termsOfDay(first.day, part, base, campaign);
      const fronts = frontsKey(first.rate, terms);
      const reasons: RebateReason[] = [first.reason];
      let j = i + 1;
      while (j < days.length) {
        const t = termsOfDay(days[j]!.day, part, base, campaign);
        if (t.key !== terms.key || frontsKey(days[j]!.rate, t) !== fronts) break;
        if (!reasons.includes(days[j]!.reason)) reasons.push(days[j]!.reason);
        j++;
      }
      const lines = terms.lines.map((l) => ({ ...l, frontRate: partnerFront(first.rate, l.baseRate) }));
      const rate = Math.max(...lines.map((l) => l.frontRate));
      const last = days[j - 1]!;
      let submitByDay: number | null = null;
      try {
        submitByDay = submissionDeadlineDay(first.day, lead, calendar);
      } catch (e) {
        if (!(e instanceof YearNotCoveredError)) throw e;
        if (!missingYears.has(e.year)) {
          missingYears.add(e.year);
          problems.push({ code: 'year-not-covered', year: e.year, covered: [...e.covered] });
        }
      }
      if (!terms.covered) for (let d = first.day; d <= last.day; d++) uncoveredDays.push(d);
      const startWall = wallOfDay(first.day);
      const endWall = wallOfDay(last.day, 86_399);
      const submitByWall = submitByDay === null ? null : wallOfDay(submitByDay, 86_399);
      contracts.push({
        shopId,
        contractType: '活動加碼',
        month: part.month,
        firstDay: first.day,
        lastDay: last.day,
        days: last.day - first.day + 1,
        startWall,
        endWall,
        start: formatWall(startWall),
        end: formatWall(endWall),
        remark: remarkOf(first.day, last.day, rate),
        rate,
        reasons,
        submitByDay,
        submitByWall,
        submitBy: submitByWall === null ? null : formatWall(submitByWall),
        lines,
        baseCovered: terms.covered,
      });
      i = j;
    }
  }

  // Uncovered days as ranges of consecutive days.
  for (let k = 0; k < uncoveredDays.length; ) {
    let e = k;
    while (e + 1 < uncoveredDays.length && uncoveredDays[e + 1] === uncoveredDays[e]! + 1) e++;
    problems.push({ code: 'no-base-contract', from: isoDate(uncoveredDays[k]!), to: isoDate(uncoveredDays[e]!) });
    k = e + 1;
  }

  return {
    shopId,
    months: sorted.map((p) => p.month),
    chosenDays: sorted.flatMap((p) => p.chosen),
    contracts,
    problems,
  };
}

/** Valid, distinct, sorted month keys; malformed ones become problems. */
function cleanMonths(months: readonly string[], problems: ScheduleProblem[]): string[] {
  const out = new Set<string>();
  for (const m of months) {
    if (monthRange(m)) out.add(m);
    else problems.push({ code: 'bad-month', month: m });
  }
  return [...out].sort();
}

function chosenDayNumbers(items: readonly (number | string)[], problems: ScheduleProblem[]): number[] {
  const out: number[] = [];
  for (const item of items) {
    const day = typeof item === 'number' ? (Number.isInteger(item) ? item : undefined) : dayFromIso(item.trim());
    if (day === undefined) problems.push({ code: 'bad-chosen-day', value: String(item) });
    else out.push(day);
  }
  return out;
}

/** Splits chosen days over months; days in no month become problems. */
function partsOf(months: readonly string[], chosen: readonly number[], baseRate: number, baseCps: number | undefined, problems: ScheduleProblem[]): MonthPart[] {
  const set = new Set(months);
  const byMonth = new Map<string, Set<number>>(months.map((m) => [m, new Set<number>()]));
  for (const day of [...new Set(chosen)].sort((a, b) => a - b)) {
    const k = monthKeyOfDay(day);
    if (set.has(k)) byMonth.get(k)!.add(day);
    else problems.push({ code: 'chosen-day-outside-months', day, date: isoDate(day) });
  }
  return months.map((month) => ({ month, chosen: [...byMonth.get(month)!].sort((a, b) => a - b), baseRate, baseCps }));
}

/** The 原CPS% of an enrollment row, when filled and valid. */
function enrollmentBaseCps(e: Enrollment): number | undefined {
  return e.row.invalid.has('baseCps') ? undefined : e.row.values.baseCps;
}

/** The 鋪底回饋% of an enrollment row, when filled and valid. */
function enrollmentBaseRate(e: Enrollment): number | undefined {
  return e.row.invalid.has('baseRate') ? undefined : e.row.values.baseRate;
}

/**
 * Generates one shop's contract schedule.
 * @example generateSchedule({ shopId: 'goodday_food', months: ['2026-01'], chosenDays: ['2026-01-01', '2026-01-14', '2026-01-31'] })
 *   .contracts[0] → { start: '2026/01/01 00:00:00', end: '2026/01/02 23:59:59', remark: '1/1-1/2_加碼10%', submitBy: '2025/12/29 23:59:59', … }
 */
export function generateSchedule(input: ScheduleInput, opts: ScheduleOptions = {}): Schedule {
  const campaign = opts.campaign ?? DEFAULT_CAMPAIGN;
  const calendar = opts.calendar ?? TW_OFFICE_CALENDAR;
  const problems: ScheduleProblem[] = [];
  let shopId: string;
  let months: readonly string[];
  let chosen: number[];
  let baseRate: number;
  let baseCps: number | undefined;
  let baseContracts: readonly BaseContractTerms[] | undefined;
  if (isEnrollment(input)) {
    shopId = input.shopId ?? '';
    if (!shopId) problems.push({ code: 'no-shop-id' });
    if (!opts.months && !input.plan) problems.push({ code: 'no-plan' });
    months = opts.months ?? input.months;
    chosen = input.chosenDays.map((c) => c.day);
    baseRate = enrollmentBaseRate(input) ?? campaign.config.defaultBaseRate;
    baseCps = enrollmentBaseCps(input);
    baseContracts = opts.baseContracts;
  } else {
    shopId = input.shopId;
    if (!shopId) problems.push({ code: 'no-shop-id' });
    months = opts.months ?? input.months;
    chosen = chosenDayNumbers(input.chosenDays ?? [], problems);
    baseRate = input.baseRate ?? campaign.config.defaultBaseRate;
    baseCps = input.baseCps;
    baseContracts = opts.baseContracts ?? input.baseContracts;
  }
  const parts = partsOf(cleanMonths(months, problems), chosen, baseRate, baseCps, problems);
  return buildSchedule(shopId, parts, baseContracts, campaign, calendar, problems);
}

/**
 * One schedule per enrolled shop of a workbook (shops with an id and a known plan), in order of
 * first appearance. A shop enrolled by several rows gets all their months; each month takes its
 * chosen days and 鋪底回饋% from the row that enrolls it. Base contracts come from the workbook's
 * 鋪底合約 tab when it has one (matched by shop id; each contract lies inside covering rows).
 */
export function schedulesForWorkbook(workbook: Workbook | readonly ShopPlan[], opts: { readonly campaign?: Campaign; readonly calendar?: OfficeCalendar } = {}): Schedule[] {
  const campaign = opts.campaign ?? DEFAULT_CAMPAIGN;
  const calendar = opts.calendar ?? TW_OFFICE_CALENDAR;
  // The shop plans themselves may be passed (from shopPlans once, or only some of them: the upload page).
  const plans = Array.isArray(workbook) ? (workbook as readonly ShopPlan[]) : shopPlans(workbook as Workbook, { campaign });
  return plans.map((plan) => {
    const problems: ScheduleProblem[] = [];
    // Chosen days no enrolled month takes (outside the row's plan, or in a month another row governs).
    const used = new Set(plan.months.flatMap((m) => m.chosenDays));
    const outside = new Set<number>();
    for (const e of plan.enrollments) for (const c of e.chosenDays) if (!used.has(c.day)) outside.add(c.day);
    for (const day of [...outside].sort((a, b) => a - b)) problems.push({ code: 'chosen-day-outside-months', day, date: isoDate(day) });
    const parts: MonthPart[] = plan.months.map((m) => ({
      month: m.month,
      chosen: m.chosenDays,
      baseRate: enrollmentBaseRate(m.enrollment) ?? campaign.config.defaultBaseRate,
      baseCps: enrollmentBaseCps(m.enrollment),
    }));
    return buildSchedule(plan.shopId, parts, plan.baseContracts, campaign, calendar, problems);
  });
}

/** A contracts-tab row: cell text by CONTRACTS column key ('' = blank). */
export type ContractRowText = Readonly<Record<string, string>>;

/**
 * The schedule as contracts-tab rows, one per contract and product type, with cell text exactly
 * as a brand types it into the CMS / the contracts template: `2026/01/01 00:00:00`, `10%`, `-1`,
 * `1.2`, `是`; 送審時間 and 審核狀態 blank (not yet submitted). Every CONTRACTS column key is present.
 */
export function scheduleToRows(schedule: Schedule | readonly Schedule[]): ContractRowText[] {
  const list: readonly Schedule[] = Array.isArray(schedule) ? (schedule as readonly Schedule[]) : [schedule as Schedule];
  const keys = kindDef('contracts').columns.map((c) => c.key);
  const rows: ContractRowText[] = [];
  for (const s of list) {
    for (const c of s.contracts) {
      for (const l of c.lines) {
        const cells: Record<string, string> = {
          shopId: c.shopId,
          contractType: c.contractType,
          remark: c.remark,
          start: c.start,
          end: c.end,
          productType: l.productType,
          productId: '',
          baseRate: `${num(l.baseRate)}%`,
          frontRate: `${num(l.frontRate)}%`,
          rebateCap: String(l.rebateCap),
          cps: `${num(l.cps)}%`,
          vendorBonus: `${num(l.vendorBonus)}%`,
          pointPrice: num(l.pointPrice),
          partnerPlan: '是',
          submittedAt: '',
          status: '',
        };
        const row: Record<string, string> = {};
        for (const k of keys) row[k] = cells[k] ?? '';
        rows.push(row);
      }
    }
  }
  return rows;
}
