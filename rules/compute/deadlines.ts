/**
 * Every deadline a workbook implies (SPEC §6): plan registration, each contract's D-3 submission
 * (entered in a 加碼合約 tab, or generated from the enrollment when no entered contract of that
 * shop starts that day), each ring-data request (3 working days before the send date) and each
 * ad material of a 廣告素材 tab (品牌館牌卡, uploaded by the end of the 3rd working day before its
 * exposure starts: 於 3 個工作日前上稿完成, the same day ad/late-submission judges), as one sorted list. Each deadline is the last second it allows (wall ms, Asia/Taipei) and carries the
 * day one working day before it, for reminders. Pure; the CLI writes text, JSON or iCalendar.
 *
 * Decisions: plan deadlines are those of the plans the enrollments name (every plan when the
 * workbook has no enrollment tab); a year the office calendar lacks leaves that item out and
 * lists it in `yearsNotCovered` (never a guessed day). Every entered contract and ad row counts,
 * whatever its status, as in the CMS's own list.
 */
import type { Workbook } from '../model.js';
import type { Message } from '../types.js';
import type { Campaign } from '../campaign/campaign.js';
import { DEFAULT_CAMPAIGN } from '../campaign/campaign.js';
import { analyseWorkbook, type WorkbookAnalysis } from '../engine/validate.js';
import type { ParsedSheet } from '../sheet/parse.js';
import { TW_OFFICE_CALENDAR, YearNotCoveredError, nthWorkingDayBefore, type OfficeCalendar } from '../time/office-calendar.js';
import { WEEKDAY_EN, dayOfWall, formatWall, isoDate, isoWeekday, shortDate, wallOfDay } from '../time/civil.js';
import { groupKey } from '../derive/contracts.js';
import { schedulesForWorkbook, type Schedule } from './schedule.js';
import { weekdayLabel } from './ring-mail.js';

/** `Fri 11/28`: the English form of {@link weekdayLabel}. */
export function weekdayLabelEn(day: number): string {
  return `${WEEKDAY_EN[isoWeekday(day) - 1]} ${shortDate(day)}`;
}

export type DeadlineKind = 'registration' | 'contract' | 'generated-contract' | 'ring-request' | 'ad-material';

export interface Deadline {
  readonly kind: DeadlineKind;
  /** Wall ms of the last second allowed. */
  readonly wall: number;
  /** `YYYY/MM/DD HH:mm:ss`. */
  readonly at: string;
  /** `11/28(五)`. */
  readonly dayLabel: string;
  /** `Fri 11/28`. */
  readonly dayLabelEn: string;
  /** The working day before the deadline's day (reminder), `YYYY-MM-DD`, or null when not computable. */
  readonly remindOn: string | null;
  readonly shopId: string | null;
  /** What is due, both languages. */
  readonly title: Message;
  /** Where it comes from: sheet and row, or null (campaign plans, generated contracts). */
  readonly sheet: string | null;
  readonly row: number | null;
}

export interface Deadlines {
  readonly deadlines: readonly Deadline[];
  /** Years the office calendar lacks, met while computing. */
  readonly yearsNotCovered: readonly number[];
}

const LAST_SECOND = 86_399;

/**
 * The deadlines of a workbook, sorted by time, then kind, shop and title.
 * @example deadlinesForWorkbook(wb).deadlines[0] → { kind: 'registration', at: '2026/04/21 17:00:00', … }
 */
export function deadlinesForWorkbook(
  workbook: Workbook,
  opts: {
    readonly campaign?: Campaign;
    readonly calendar?: OfficeCalendar;
    /** The workbook's analysis, when the caller has it already (it is not made twice). */
    readonly analysis?: WorkbookAnalysis;
    /**
     * The generated schedules whose contracts are listed (default: every enrolled shop's). The
     * upload page passes the schedules of the shops it shows: an agency's 52,000-shop enrollment
     * implies about 1.5 million generated contracts (issue 12).
     */
    readonly schedules?: readonly Schedule[];
  } = {},
): Deadlines {
  const campaign = opts.campaign ?? DEFAULT_CAMPAIGN;
  const calendar = opts.calendar ?? TW_OFFICE_CALENDAR;
  const analysis = opts.analysis ?? analyseWorkbook(workbook, campaign);
  const out: Deadline[] = [];
  const missing = new Set<number>();
  const safe = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      if (!(e instanceof YearNotCoveredError)) throw e;
      missing.add(e.year);
      return undefined;
    }
  };
  const remind = (wall: number): string | null => {
    const d = safe(() => nthWorkingDayBefore(dayOfWall(wall), 1, calendar));
    return d === undefined ? null : isoDate(d);
  };
  const push = (kind: DeadlineKind, wall: number, shopId: string | null, title: Message, sheet: string | null, row: number | null) =>
    out.push({ kind, wall, at: formatWall(wall), dayLabel: weekdayLabel(dayOfWall(wall)), dayLabelEn: weekdayLabelEn(dayOfWall(wall)), remindOn: remind(wall), shopId, title, sheet, row });

  // Plan registration.
  const enrollments = analysis.sheets.filter((s): s is ParsedSheet<'enrollment'> => s.kind === 'enrollment');
  const named = new Set<string>();
  for (const s of enrollments) for (const r of s.rows) if (r.values.plan !== undefined) {
    const p = campaign.findPlan(r.values.plan);
    if (p) named.add(p.id);
  }
  for (const p of campaign.plans) {
    if (enrollments.length > 0 && !named.has(p.id)) continue;
    push('registration', p.deadlineWall, null, { 'zh-TW': `${p.label}報名截止`, en: `${p.labelEn}: registration closes` }, null, null);
  }

  // Contracts entered, one per contract (rows of one contract share the deadline).
  const lead = campaign.config.contractLeadWorkingDays;
  const entered = new Set<string>();
  const seen = new Set<string>();
  for (const s of analysis.sheets) {
    if (s.kind !== 'contracts') continue;
    for (const r of (s as ParsedSheet<'contracts'>).rows) {
      const v = r.values;
      const key = groupKey(v);
      if (key === undefined || seen.has(`${s.name}\u0000${key}`)) continue;
      seen.add(`${s.name}\u0000${key}`);
      const startDay = dayOfWall(v.start!);
      entered.add(`${v.shopId}\u0000${startDay}`);
      const by = safe(() => nthWorkingDayBefore(startDay, lead, calendar));
      if (by === undefined) continue;
      const what = v.remark ? `「${v.remark}」` : shortDate(startDay);
      push('contract', wallOfDay(by, LAST_SECOND), v.shopId!, { 'zh-TW': `${v.shopId} 加碼合約 ${what} 送審截止`, en: `${v.shopId}: submit contract ${v.remark ? `"${v.remark}"` : shortDate(startDay)}` }, s.name, r.row);
    }
  }

  // Contracts the enrollment needs that no entered contract starts on the same day.
  for (const schedule of opts.schedules ?? schedulesForWorkbook(workbook, { campaign, calendar })) {
    for (const c of schedule.contracts) {
      if (entered.has(`${schedule.shopId}\u0000${c.firstDay}`) || c.submitByWall === null) continue;
      push('generated-contract', c.submitByWall, schedule.shopId, { 'zh-TW': `${schedule.shopId} 加碼合約「${c.remark}」送審截止`, en: `${schedule.shopId}: submit contract "${c.remark}"` }, null, null);
    }
  }

  // Ring-data requests.
  const ringLead = campaign.config.ringData.leadWorkingDays;
  for (const s of analysis.sheets) {
    if (s.kind !== 'ring-data') continue;
    for (const r of (s as ParsedSheet<'ring-data'>).rows) {
      const { shopId, sendDate } = r.values;
      if (shopId === undefined || sendDate === undefined) continue;
      const by = safe(() => nthWorkingDayBefore(sendDate, ringLead, calendar));
      if (by === undefined) continue;
      push('ring-request', wallOfDay(by, LAST_SECOND), shopId, { 'zh-TW': `${shopId} 環狀數據 ${shortDate(sendDate)} 發送需求寄信截止`, en: `${shopId}: e-mail the ring-data request for ${shortDate(sendDate)}` }, s.name, r.row);
    }
  }

  // Ad materials (品牌館牌卡): uploaded by 23:59:59 of the n-th working day before the exposure's start day.
  const adLead = campaign.config.adMaterial.leadWorkingDays;
  for (const s of analysis.sheets) {
    if (s.kind !== 'ad-materials') continue;
    for (const r of (s as ParsedSheet<'ad-materials'>).rows) {
      const { shopId, start } = r.values;
      if (shopId === undefined || start === undefined) continue;
      const startDay = dayOfWall(start);
      const by = safe(() => nthWorkingDayBefore(startDay, adLead, calendar));
      if (by === undefined) continue;
      push('ad-material', wallOfDay(by, LAST_SECOND), shopId, { 'zh-TW': `${shopId} 廣告素材（${shortDate(startDay)} 曝光）上稿截止`, en: `${shopId}: upload the ad material for the ${shortDate(startDay)} exposure` }, s.name, r.row);
    }
  }

  const order: Record<DeadlineKind, number> = { registration: 0, contract: 1, 'generated-contract': 2, 'ring-request': 3, 'ad-material': 4 };
  out.sort((a, b) => a.wall - b.wall || order[a.kind] - order[b.kind] || (a.shopId ?? '').localeCompare(b.shopId ?? '') || (a.title['zh-TW'] < b.title['zh-TW'] ? -1 : a.title['zh-TW'] > b.title['zh-TW'] ? 1 : 0));
  return { deadlines: out, yearsNotCovered: [...missing].sort((a, b) => a - b) };
}

