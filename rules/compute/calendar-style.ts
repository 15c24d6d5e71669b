/**
 * The one look of the rebate calendar, shared by every output that draws it — the add-on's
 * sidebar and calendar tab, the upload page and the HTML report (and the terminal's colours): the
 * deck's month grid, Monday first, the bonus (10%) days in one colour and the daily-base (5%) days
 * in another, each day labelled as the deck labels it, holiday names written in, and red used for
 * one thing only: the date of a day off (weekend, national holiday, make-up day off — the office
 * calendar's non-working days; a make-up working Saturday is not red).
 *
 * The deck in shared/seed is text and names no colour values, so these are a decision (recorded in
 * docs/addon.md): LINE's green, lightened, for the bonus days; a neutral grey for the daily base;
 * Google's dark red for days off. Every pair of text and background meets WCAG AA (≥ 4.5:1).
 */
import type { Lang, Message } from '../types.js';
import type { RebateDay } from './rebate-calendar.js';

export const CALENDAR_COLOURS = {
  /** Background of a bonus day (週五翻倍 / 任選日, the campaign's high rate). */
  high: '#c9f0d6',
  /** Background of a daily-base day (日常鋪底). */
  daily: '#f1f3f4',
  /** Background of a day at any other rate (none in the default campaign). */
  other: '#ffffff',
  /** Text of a working day. */
  ink: '#202124',
  /** Text of a day off: the only red in the calendar. */
  offInk: '#a50e0e',
  /** The weekday header row (週一 … 週日): never red. */
  headBg: '#e8eaed',
  headInk: '#202124',
} as const;

/** Written after the date of a chosen day. */
export const CHOSEN_MARK = '★';

export type RateTier = 'high' | 'daily' | 'other';

/** The campaign's rates (`campaign.config.rates`). */
export interface Rates {
  readonly daily: number;
  readonly friday: number;
  readonly chosen: number;
}

/** Which colour a rate gets: the campaign's bonus rate (Friday / chosen), its daily rate, or neither. */
export function rateTier(rate: number, r: Rates): RateTier {
  if (rate >= Math.max(r.friday, r.chosen)) return 'high';
  if (rate === r.daily) return 'daily';
  return 'other';
}

export interface DayStyle {
  readonly tier: RateTier;
  /** Background colour, `#rrggbb`. */
  readonly bg: string;
  /** Colour of the date (and holiday name): offInk on a day off, ink otherwise. */
  readonly ink: string;
  readonly off: boolean;
  readonly chosen: boolean;
}

export function dayStyle(day: Pick<RebateDay, 'rate' | 'reason' | 'workingDay'>, rates: Rates): DayStyle {
  const tier = rateTier(day.rate, rates);
  const off = day.workingDay === false;
  return { tier, bg: CALENDAR_COLOURS[tier], ink: off ? CALENDAR_COLOURS.offInk : CALENDAR_COLOURS.ink, off, chosen: day.reason === 'chosen' };
}

export interface LegendEntry {
  readonly key: 'high' | 'daily' | 'off';
  /** Swatch background, null for the text-colour entry. */
  readonly bg: string | null;
  readonly ink: string;
  readonly text: string;
}

const LEGEND: Record<LegendEntry['key'], Message> = {
  high: { 'zh-TW': '{rate}% 任選日 {mark}／週五翻倍', en: '{rate}%: chosen day {mark} / Friday' },
  daily: { 'zh-TW': '{rate}% 日常鋪底', en: '{rate}%: daily base' },
  off: { 'zh-TW': '紅字：放假日（週末、國定假日、補假）', en: 'Red: day off (weekend, holiday, make-up day off)' },
};

/**
 * The class list of a day's `td` in every HTML grid: `rate-high|rate-low|rate-other`, the reason
 * (`chosen`, `friday`, `daily`), `holiday` when it has a name, `off` on a day off.
 */
export function dayClasses(day: Pick<RebateDay, 'rate' | 'reason' | 'workingDay' | 'holiday'>, rates: Rates): string {
  const tier = rateTier(day.rate, rates);
  return [TIER_CLASS[tier], day.reason, day.holiday !== null ? 'holiday' : '', day.workingDay === false ? 'off' : ''].filter(Boolean).join(' ');
}

const TIER_CLASS: Record<RateTier, string> = { high: 'rate-high', daily: 'rate-low', other: 'rate-other' };

/** The colour key every calendar shows, in this order, with the campaign's rates. */
export function calendarLegend(r: Rates, lang: Lang): LegendEntry[] {
  const fill = (m: Message, rate: number) => m[lang].replace('{rate}', String(rate)).replace('{mark}', CHOSEN_MARK);
  return [
    { key: 'high', bg: CALENDAR_COLOURS.high, ink: CALENDAR_COLOURS.ink, text: fill(LEGEND.high, Math.max(r.friday, r.chosen)) },
    { key: 'daily', bg: CALENDAR_COLOURS.daily, ink: CALENDAR_COLOURS.ink, text: fill(LEGEND.daily, r.daily) },
    { key: 'off', bg: null, ink: CALENDAR_COLOURS.offInk, text: LEGEND.off[lang] },
  ];
}

/**
 * The CSS of an HTML month grid: `table.cal`, each day's `td` classed by dayClasses, inside it
 * `.d` (date), `.lbl`/`.r` (label, rate), `.hol` (holiday name); `.legend` with `.swatch.high|daily`:
 * one stylesheet for the upload page, the HTML report and the sidebar.
 */
export function calendarCss(): string {
  const c = CALENDAR_COLOURS;
  return [
    `.cal th{background:${c.headBg};color:${c.headInk}}`,
    `.cal td{color:${c.ink}}`,
    `.cal td.rate-high{background:${c.high}}`,
    `.cal td.rate-low{background:${c.daily}}`,
    `.cal td.rate-other{background:${c.other}}`,
    `.cal td .d,.cal td .lbl,.cal td .r,.cal td .hol{color:${c.ink}}`,
    `.cal td.off .d,.cal td.off .hol{color:${c.offInk}}`,
    `.cal td.chosen .d::after{content:"${CHOSEN_MARK}";margin-left:1px}`,
    `.legend .swatch{display:inline-block;width:.9rem;height:.9rem;border:1px solid #80868b;vertical-align:-2px;margin-right:.25rem}`,
    `.legend .swatch.high{background:${c.high}}.legend .swatch.daily{background:${c.daily}}`,
    `.legend .off{color:${c.offInk}}`,
  ].join('\n');
}
