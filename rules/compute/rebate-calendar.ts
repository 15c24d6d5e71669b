/**
 * The rebate calendar (SPEC §6): for a month, each day's rate and why (chosen day 10%, else
 * Friday 10%, else the daily 5%), its holiday name and whether it is an office working day.
 */
import type { Campaign } from '../campaign/campaign.js';
import { DEFAULT_CAMPAIGN } from '../campaign/campaign.js';
import { isoDate, isoWeekday, monthRange } from '../time/civil.js';
import { holidayName, holidayNameIn, isWorkingDay, TW_OFFICE_CALENDAR, type OfficeCalendar } from '../time/office-calendar.js';

export type RebateReason = 'daily' | 'friday' | 'chosen';

export interface RebateDay {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly day: number;
  /** ISO weekday, Monday = 1 … Sunday = 7. */
  readonly weekday: number;
  /** Front-end rebate in percent points. */
  readonly rate: number;
  readonly reason: RebateReason;
  /** The holiday's zh-TW name (the office calendar's), or null. */
  readonly holiday: string | null;
  /** The same name in English (rules/data/holiday-names-en.ts), or null. */
  readonly holidayEn: string | null;
  /** null when the office calendar does not cover the year. */
  readonly workingDay: boolean | null;
}

export interface RebateMonth {
  /** `YYYY-MM`. */
  readonly month: string;
  readonly days: readonly RebateDay[];
}

/** The expected rate and reason of one day. */
export function expectedRate(day: number, chosen: ReadonlySet<number>, campaign: Campaign = DEFAULT_CAMPAIGN): { rate: number; reason: RebateReason } {
  const r = campaign.config.rates;
  if (chosen.has(day)) return { rate: r.chosen, reason: 'chosen' };
  if (isoWeekday(day) === 5) return { rate: r.friday, reason: 'friday' };
  return { rate: r.daily, reason: 'daily' };
}

/**
 * @example rebateCalendar('2026-01', [dayFromYmd(2026,1,1), dayFromYmd(2026,1,14), dayFromYmd(2026,1,31)])
 *   → 1/1 chosen 10% (開國紀念日), 1/2 friday 10%, 1/3 daily 5%, …, 1/31 chosen 10%
 */
export function rebateCalendar(
  month: string,
  chosenDays: readonly number[],
  campaign: Campaign = DEFAULT_CAMPAIGN,
  calendar: OfficeCalendar = TW_OFFICE_CALENDAR,
): RebateMonth {
  const range = monthRange(month);
  if (!range) throw new RangeError(`month must be YYYY-MM, got ${month}`);
  const chosen = new Set(chosenDays);
  const days: RebateDay[] = [];
  for (let day = range.first; day <= range.last; day++) {
    const { rate, reason } = expectedRate(day, chosen, campaign);
    let workingDay: boolean | null;
    try {
      workingDay = isWorkingDay(day, calendar);
    } catch {
      workingDay = null;
    }
    const holiday = holidayName(day, calendar) ?? null;
    days.push({ date: isoDate(day), day, weekday: isoWeekday(day), rate, reason, holiday, holidayEn: holiday === null ? null : holidayNameIn(holiday, 'en'), workingDay });
  }
  return { month, days };
}

/**
 * The month as the deck's grid: weeks Monday-first, `null` for padding before the 1st and after
 * the last day.
 */
export function calendarGrid(month: RebateMonth): (RebateDay | null)[][] {
  const weeks: (RebateDay | null)[][] = [];
  let week: (RebateDay | null)[] = [];
  const first = month.days[0];
  if (first) for (let i = 1; i < first.weekday; i++) week.push(null);
  for (const d of month.days) {
    week.push(d);
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length > 0) {
    while (week.length < 7) week.push(null);
    weeks.push(week);
  }
  return weeks;
}
