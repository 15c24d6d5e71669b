/**
 * The rebate calendar (SPEC §6) as the deck draws it: one month grid per enrolled shop and month,
 * Monday first (週一 … 週日), each day's rate colour-coded, chosen days starred, days off in red
 * with the holiday's name. The data is the rules' (shopPlans → rebateCalendar → calendarGrid);
 * this file only lays it out. Written with one batch call per property for the whole tab.
 */
import {
  CALENDAR_COLOURS,
  CHOSEN_MARK,
  calendarGrid,
  calendarLegend,
  civil,
  dayClasses,
  dayStyle,
  rebateCalendar,
  shopPlans,
  type Campaign,
  type Lang,
  type LegendEntry,
  type RateTier,
  type RebateDay,
  type Workbook,
} from '../../rules/index.js';
import { campaign, getLang, jsonSafe } from './env.js';
import { GENERATED_TABS, freshTab } from './generated.js';
import { TEXT, monthEn, tr } from './i18n.js';
import { loadWorkbook } from './check.js';

/** Background by rate and the day-off text colour: the shared calendar style (rules/compute/calendar-style.ts). */
export const RATE_COLOURS = { high: CALENDAR_COLOURS.high, daily: CALENDAR_COLOURS.daily, other: CALENDAR_COLOURS.other } as const;
export const DAY_OFF_COLOUR = CALENDAR_COLOURS.offInk;
const TEXT_COLOUR: string = CALENDAR_COLOURS.ink;
const WEEKDAY_BG = CALENDAR_COLOURS.headBg;

/** A day in the sidebar's preview (plain JSON). */
export interface CalendarDayView {
  readonly date: string;
  readonly d: number;
  readonly weekday: number;
  readonly rate: number;
  readonly reason: RebateDay['reason'];
  readonly holiday: string | null;
  /** The holiday's English name (for an English sidebar), or null. */
  readonly holidayEn: string | null;
  readonly workingDay: boolean | null;
  /** Background (the shared calendar style) and the date's colour (red only on a day off). */
  readonly colour: string;
  readonly ink: string;
  readonly tier: RateTier;
  /** The td's classes in an HTML grid (dayClasses). */
  readonly cls: string;
}

export interface CalendarView {
  readonly shopId: string;
  readonly found: boolean;
  readonly months: readonly { readonly month: string; readonly weeks: readonly (readonly (CalendarDayView | null)[])[] }[];
  readonly legend: readonly LegendEntry[];
}

function dayView(d: RebateDay, c: Campaign): CalendarDayView {
  const style = dayStyle(d, c.config.rates);
  return {
    date: d.date,
    d: civil.ymdFromDay(d.day).d,
    weekday: d.weekday,
    rate: d.rate,
    reason: d.reason,
    holiday: d.holiday,
    holidayEn: d.holidayEn,
    workingDay: d.workingDay,
    colour: style.bg,
    ink: style.ink,
    tier: style.tier,
    cls: dayClasses(d, c.config.rates),
  };
}

/** The calendar of one shop (or of every shop when shopId is null), from a workbook. */
export function calendarsOf(workbook: Workbook, c: Campaign): CalendarView[] {
  return shopPlans(workbook, { campaign: c }).map((plan) => ({
    shopId: plan.shopId,
    found: true,
    months: plan.months.map((m) => ({
      month: m.month,
      weeks: calendarGrid(rebateCalendar(m.month, m.chosenDays, c)).map((week) => week.map((d) => (d ? dayView(d, c) : null))),
    })),
    legend: calendarLegend(c.config.rates, getLang()),
  }));
}

/** google.script.run target: the calendar preview of one shop. */
export function runGetCalendar(shopId: unknown): CalendarView {
  const c = campaign();
  const id = typeof shopId === 'string' ? shopId : '';
  const all = calendarsOf(loadWorkbook().workbook, c);
  const hit = all.find((v) => v.shopId === id);
  return jsonSafe(hit ?? { shopId: id, found: false, months: [], legend: calendarLegend(c.config.rates, getLang()) });
}

const WIDTH = 7;

/** One row of the tab, cell by cell (WIDTH cells). */
interface RowSpec {
  values: string[];
  bgs: (string | null)[];
  colours: string[];
  weights: ('bold' | 'normal')[];
  notes: string[];
  align: 'left' | 'center';
  wrap: boolean;
  height?: number;
}

function fill<T>(v: T): T[] {
  return new Array<T>(WIDTH).fill(v);
}

/** A row with text in column A only, overflowing to the right (no wrap). */
function textRow(text: string, opts: { bold?: boolean; bg?: string | null; colour?: string; lead?: string } = {}): RowSpec {
  const values = fill('');
  const bgs = fill<string | null>(null);
  const colours = fill(TEXT_COLOUR);
  if (opts.lead !== undefined) {
    values[0] = opts.lead;
    bgs[0] = opts.bg ?? null;
    values[1] = text;
    colours[1] = opts.colour ?? TEXT_COLOUR;
  } else {
    values[0] = text;
    bgs[0] = opts.bg ?? null;
    colours[0] = opts.colour ?? TEXT_COLOUR;
  }
  return { values, bgs, colours, weights: fill<'bold' | 'normal'>(opts.bold ? 'bold' : 'normal'), notes: fill(''), align: 'left', wrap: false };
}

/** The calendar tab's rows: title, legend, then per shop and month a title, 週一…週日 and the weeks. */
export function calendarRows(views: readonly CalendarView[], c: Campaign, lang: Lang): RowSpec[] {
  const rows: RowSpec[] = [];
  rows.push(textRow(tr(TEXT.calendarTitle, lang, { campaign: lang === 'en' ? c.config.nameEn : c.config.name }), { bold: true }));
  // The colour key every calendar output shows (rules/compute/calendar-style.ts).
  for (const entry of calendarLegend(c.config.rates, lang)) {
    if (entry.bg) rows.push(textRow(entry.text, { lead: '', bg: entry.bg }));
    else rows.push(textRow(entry.text, { lead: '', colour: entry.ink }));
  }
  rows.push(textRow(''));
  if (views.length === 0) rows.push(textRow(tr(TEXT.calendarNoShops, lang)));
  const weekdays = lang === 'en' ? [...civil.WEEKDAY_EN] : [...civil.WEEKDAY_ZH];
  for (const view of views) {
    for (const month of view.months) {
      const [y, mo] = month.month.split('-').map(Number) as [number, number];
      rows.push(textRow(tr(TEXT.calendarMonth, lang, { shop: view.shopId, y, m: mo, monthEn: monthEn(mo) }), { bold: true }));
      rows.push({
        values: weekdays,
        bgs: fill<string | null>(WEEKDAY_BG),
        colours: weekdays.map(() => CALENDAR_COLOURS.headInk),
        weights: fill<'bold' | 'normal'>('bold'),
        notes: fill(''),
        align: 'center',
        wrap: false,
      });
      const holidayOf = (d: CalendarDayView) => (lang === 'en' ? d.holidayEn : d.holiday);
      for (const week of month.weeks) {
        rows.push({
          values: week.map((d) => (d ? `${d.d}${d.reason === 'chosen' ? ` ${CHOSEN_MARK}` : ''}\n${d.rate}%${d.holiday ? `\n${holidayOf(d)}` : ''}` : '')),
          bgs: week.map((d) => (d ? d.colour : null)),
          colours: week.map((d) => (d ? d.ink : TEXT_COLOUR)),
          weights: week.map((d): 'bold' | 'normal' => (d && d.reason === 'chosen' ? 'bold' : 'normal')),
          notes: week.map((d) => (d && d.holiday ? holidayOf(d)! : '')),
          align: 'center',
          wrap: true,
          height: 52,
        });
      }
      rows.push(textRow(''));
    }
  }
  return rows;
}

/** Builds (or rebuilds) the calendar tab. */
export function runBuildCalendarSheet(options: { quiet?: boolean } = {}): { sheet: string; rows: number; shops: number } {
  const lang = getLang();
  const c = campaign();
  const loaded = loadWorkbook();
  const views = calendarsOf(loaded.workbook, c);
  const rows = calendarRows(views, c, lang);

  const sheet = freshTab(loaded.ss, GENERATED_TABS.calendar);
  const range = sheet.getRange(1, 1, rows.length, WIDTH);
  range.setNumberFormat('@');
  range.setValues(rows.map((r) => r.values));
  range.setBackgrounds(rows.map((r) => r.bgs));
  range.setFontColors(rows.map((r) => r.colours));
  range.setFontWeights(rows.map((r) => r.weights));
  range.setNotes(rows.map((r) => r.notes));
  range.setHorizontalAlignments(rows.map((r) => fill<'left' | 'center'>(r.align)));
  range.setWraps(rows.map((r) => fill(r.wrap)));
  range.setVerticalAlignment('middle');
  sheet.setColumnWidths(1, WIDTH, 96);
  // Week rows are taller (up to three lines); consecutive week rows are sized together.
  for (const run of runsOf(rows.flatMap((r, i) => (r.height ? [i + 1] : [])))) sheet.setRowHeights(run.start, run.count, 52);
  sheet.activate();
  if (!options.quiet) loaded.ss.toast(tr(TEXT.toastBuilt, lang, { sheet: GENERATED_TABS.calendar, rows: rows.length }), tr(TEXT.addonTitle, lang), 5);
  return { sheet: GENERATED_TABS.calendar, rows: rows.length, shops: views.length };
}

/** Sorted row numbers → runs of consecutive rows. */
export function runsOf(rows: readonly number[]): { start: number; count: number }[] {
  const out: { start: number; count: number }[] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last.start + last.count === r) last.count++;
    else out.push({ start: r, count: 1 });
  }
  return out;
}
