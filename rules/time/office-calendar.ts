/**
 * The Taiwan government office calendar (行政機關辦公日曆表): Monday–Friday are working days,
 * minus holidays and make-up days off, plus make-up working Saturdays. Only the covered years
 * are known; asking about another year throws {@link YearNotCoveredError}, which the engine turns
 * into `calendar/year-not-covered` (never a silent guess).
 */
import { TW_OFFICE_CALENDAR_CSV, TW_OFFICE_CALENDAR_YEARS } from '../data/tw-office-calendar.js';
import { HOLIDAY_NAMES_EN } from '../data/holiday-names-en.js';
import { dayFromIso, dayFromYmd, isoWeekday, ymdFromDay, wallOfDay } from './civil.js';

export interface CalendarException {
  readonly day: number;
  readonly kind: 'holiday' | 'workday';
  readonly name: string;
}

export class YearNotCoveredError extends Error {
  constructor(readonly year: number, readonly covered: readonly number[]) {
    super(`office calendar does not cover ${year}`);
    this.name = 'YearNotCoveredError';
  }
}

export interface OfficeCalendar {
  readonly years: readonly number[];
  readonly exceptions: ReadonlyMap<number, CalendarException>;
}

/** Parses `date,weekday,kind,name` CSV text (the open-data layout) into a calendar. */
export function parseOfficeCalendar(csv: string, years: readonly number[]): OfficeCalendar {
  const exceptions = new Map<number, CalendarException>();
  for (const line of csv.split(/\r?\n/).slice(1)) {
    if (!line.trim()) continue;
    const [date, , kind, name] = line.split(',');
    const day = dayFromIso(date ?? '');
    if (day === undefined || (kind !== 'holiday' && kind !== 'workday')) {
      throw new Error(`bad office calendar line: ${line}`);
    }
    exceptions.set(day, { day, kind, name: name ?? '' });
  }
  return { years, exceptions };
}

/** The bundled 2025–2027 calendar. */
export const TW_OFFICE_CALENDAR: OfficeCalendar = parseOfficeCalendar(TW_OFFICE_CALENDAR_CSV, TW_OFFICE_CALENDAR_YEARS);

function assertCovered(cal: OfficeCalendar, day: number): void {
  // Deadlines walk back day by day: the covered years are kept as day ranges per calendar, so the
  // usual covered day costs two comparisons instead of a calendar conversion.
  let ranges = coveredDays.get(cal);
  if (!ranges) {
    ranges = cal.years.map((y) => [dayFromYmd(y, 1, 1), dayFromYmd(y, 12, 31)] as const);
    coveredDays.set(cal, ranges);
  }
  for (const [from, to] of ranges) if (day >= from && day <= to) return;
  const { y } = ymdFromDay(day);
  if (!cal.years.includes(y)) throw new YearNotCoveredError(y, cal.years);
}

const coveredDays = new WeakMap<OfficeCalendar, readonly (readonly [number, number])[]>();

/**
 * Whether a day is an office working day.
 * @example isWorkingDay(dayFromYmd(2026, 4, 3)) === false // 補假
 * @example isWorkingDay(dayFromYmd(2025, 2, 8)) === true  // 補行上班 (a Saturday)
 */
export function isWorkingDay(day: number, cal: OfficeCalendar = TW_OFFICE_CALENDAR): boolean {
  assertCovered(cal, day);
  const ex = cal.exceptions.get(day);
  if (ex) return ex.kind === 'workday';
  return isoWeekday(day) <= 5;
}

/** The holiday's name, when the day is a listed holiday. */
export function holidayName(day: number, cal: OfficeCalendar = TW_OFFICE_CALENDAR): string | undefined {
  const ex = cal.exceptions.get(day);
  return ex && ex.kind === 'holiday' ? ex.name : undefined;
}

/**
 * A holiday's name in a language: the calendar's zh-TW name, or its English name from
 * rules/data/holiday-names-en.ts (the zh-TW name itself when a supplied calendar uses a name the
 * table lacks, rather than nothing).
 * @example holidayNameIn('端午節', 'en') === 'Dragon Boat Festival'
 */
export function holidayNameIn(name: string, lang: 'zh-TW' | 'en'): string {
  return lang === 'en' ? (HOLIDAY_NAMES_EN[name] ?? name) : name;
}

/**
 * The n-th working day strictly before `day`.
 * @example nthWorkingDayBefore(dayFromYmd(2025, 12, 3), 3) === dayFromYmd(2025, 11, 28)
 * @example nthWorkingDayBefore(dayFromYmd(2026, 4, 7), 3) === dayFromYmd(2026, 3, 31)
 */
export function nthWorkingDayBefore(day: number, n: number, cal: OfficeCalendar = TW_OFFICE_CALENDAR): number {
  let d = day;
  let left = n;
  while (left > 0) {
    d -= 1;
    if (isWorkingDay(d, cal)) left -= 1;
  }
  return d;
}

/**
 * SPEC §2 "D-n": a thing starting on `startDay` must be submitted by 23:59:59 of the n-th working
 * day before it. Returns that deadline's day number.
 * @example submissionDeadlineDay(dayFromYmd(2026, 1, 1), 3) === dayFromYmd(2025, 12, 29)
 */
export function submissionDeadlineDay(startDay: number, leadWorkingDays: number, cal: OfficeCalendar = TW_OFFICE_CALENDAR): number {
  return nthWorkingDayBefore(startDay, leadWorkingDays, cal);
}

/** The same deadline as a wall value: 23:59:59 of the deadline day. */
export function submissionDeadlineWall(startDay: number, leadWorkingDays: number, cal: OfficeCalendar = TW_OFFICE_CALENDAR): number {
  return wallOfDay(submissionDeadlineDay(startDay, leadWorkingDays, cal), 86_399);
}
