/**
 * Dates and date-times in every form of SPEC §4.5:
 * real date cells, Excel serials (with a date format, including zh-TW built-ins #27–#36 that some
 * readers return as plain numbers), `2026/5/8`, `2026-05-08`, `2026.5.8`, `5/8` (year from the
 * campaign), `2026年5月8日`, `5月8日`, ROC `115/5/8` and `民國115年5月8日`, full-width digits,
 * a weekday mark `5/8(五)` / `(Fri)` that must agree with the date, and an optional time
 * `HH:mm` or `HH:mm:ss`.
 */
import type { CellValue } from '../model.js';
import { dayFromYmd, isValidYmd, isoWeekday, MS_PER_DAY, WEEKDAY_ZH_SHORT, WEEKDAY_EN } from '../time/civil.js';
import { ok, fail, type ParseOutcome, type CellIssue } from './outcome.js';

export interface ParsedDate {
  readonly day: number;
  /** Seconds since midnight, or undefined when only a date was given. */
  readonly seconds: number | undefined;
}

export interface DateParseOptions {
  /** The year for `M/D` forms without a year (SPEC: from the campaign). */
  readonly yearFor: (month: number, day: number) => number;
}

/** Excel's serial day 0 is 1899-12-30 (this absorbs the 1900 leap-year bug for serials > 60). */
const EXCEL_EPOCH_DAY = -25569;

/** Built-in number-format ids that are dates or times (incl. zh-TW/CJK locale ids 27–36, 50–58). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/**
 * Whether a number format shows a date or time: a built-in id written `#27`, or a format code
 * with y/m/d/h/s tokens outside quotes and brackets (but not `[h]` durations alone).
 * @example isDateFormat('yyyy/m/d hh:mm:ss') === true; isDateFormat('0%') === false; isDateFormat('#27') === true
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  let hit = dateFormatCache.get(format);
  if (hit === undefined) {
    hit = computeIsDateFormat(format);
    if (dateFormatCache.size < FORMAT_CACHE_LIMIT) dateFormatCache.set(format, hit);
  }
  return hit;
}

/** isDateFormat by format string: a sheet has a handful of formats, so this stays small. */
const dateFormatCache = new Map<string, boolean>();
const FORMAT_CACHE_LIMIT = 1000;

function computeIsDateFormat(format: string): boolean {
  const id = /^#(\d+)$/.exec(format);
  if (id) return DATE_FORMAT_IDS.has(Number(id[1]));
  const stripped = format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /[ymdhs]/i.test(stripped) && !/^general$/i.test(stripped.trim());
}

/** Plausible serials for this tool: 2000-01-01 .. 2099-12-31. */
function isPlausibleSerial(n: number): boolean {
  return n >= 36526 && n < 73051;
}

function fromSerial(serial: number): ParsedDate {
  const totalSeconds = Math.round(serial * 86400);
  const day = Math.floor(totalSeconds / 86400) + EXCEL_EPOCH_DAY;
  const seconds = totalSeconds - Math.floor(totalSeconds / 86400) * 86400;
  return { day, seconds };
}

const WEEKDAY_MARKS: Record<string, number> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7,
  mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5, sat: 6, sun: 7,
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
};

const DATE_RE = new RegExp(
  '^' +
    '(?:民國\\s*)?' +
    '(?:(\\d{2,4})\\s*(?:[/.\\-]|年)\\s*)?' + // year (4 digits, or 2–3 digits = ROC)
    '(\\d{1,2})\\s*(?:[/.\\-]|月)\\s*' + // month
    '(\\d{1,2})\\s*日?' + // day
    '\\s*(?:\\(\\s*(?:週|星期|周)?\\s*([一二三四五六日天]|[a-z]{3,9})\\.?\\s*\\))?' + // weekday mark
    // time, optionally with 上午/下午 or AM/PM before or after it (Google Forms' zh-TW and en timestamps)
    '(?:\\s*(?:T|\\s)\\s*(?:(上午|下午|am|pm|a\\.m\\.|p\\.m\\.)\\s*)?(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s*(上午|下午|am|pm|a\\.m\\.|p\\.m\\.))?)?' +
    '$',
  'i',
);

/**
 * Parses a date text (already NFKC-normalised is not required: full-width input is fine).
 * @example parseDateText('115/5/8', opts) → day of 2026-05-08, seconds undefined
 * @example parseDateText('5/8(四)', opts) → ok with a `cell/weekday-mismatch` warning (2026-05-08 is a Friday)
 */
export function parseDateText(raw: string, opts: DateParseOptions): ParseOutcome<ParsedDate> {
  const text = raw.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (/^\d{8}$/.test(text)) {
    const y = Number(text.slice(0, 4));
    const mo = Number(text.slice(4, 6));
    const d = Number(text.slice(6, 8));
    if (isValidYmd(y, mo, d)) return ok({ day: dayFromYmd(y, mo, d), seconds: undefined });
    return fail('cell/invalid-date', 'default', { text: raw });
  }
  const m = DATE_RE.exec(text);
  if (!m) return fail('cell/invalid-date', 'default', { text: raw });
  const [, yText, moText, dText, mark, before, hText, miText, sText, after] = m;
  if (before !== undefined && after !== undefined) return fail('cell/invalid-date', 'default', { text: raw });
  const meridiem = before ?? after;
  const mo = Number(moText);
  const d = Number(dText);
  let y: number;
  if (yText === undefined) {
    y = opts.yearFor(mo, d);
  } else if (yText.length === 4) {
    y = Number(yText);
  } else {
    y = Number(yText) + 1911; // ROC (民國) year
  }
  if (!isValidYmd(y, mo, d)) return fail('cell/invalid-date', 'default', { text: raw });
  const day = dayFromYmd(y, mo, d);
  let seconds: number | undefined;
  if (hText !== undefined) {
    let h = Number(hText);
    const mi = Number(miText);
    const s = sText === undefined ? 0 : Number(sText);
    if (meridiem !== undefined) {
      // 12-hour clock: 上午 12:30 = 00:30, 下午 12:30 = 12:30, 下午 5:00 = 17:00.
      if (h < 1 || h > 12) return fail('cell/invalid-date', 'default', { text: raw });
      const pm = meridiem === '下午' || meridiem.toLowerCase().startsWith('p');
      h = (h % 12) + (pm ? 12 : 0);
    }
    if (h > 23 || mi > 59 || s > 59) return fail('cell/invalid-date', 'default', { text: raw });
    seconds = h * 3600 + mi * 60 + s;
  }
  const issues: CellIssue[] = [];
  if (mark !== undefined) {
    const markDay = WEEKDAY_MARKS[mark.toLowerCase()];
    if (markDay === undefined) return fail('cell/invalid-date', 'default', { text: raw });
    const actual = isoWeekday(day);
    if (markDay !== actual) {
      issues.push({
        ruleId: 'cell/weekday-mismatch',
        messageId: 'default',
        data: {
          text: raw,
          mark: WEEKDAY_ZH_SHORT[markDay - 1] ?? mark,
          markEn: WEEKDAY_EN[markDay - 1] ?? mark,
          actual: WEEKDAY_ZH_SHORT[actual - 1] ?? '',
          actualEn: WEEKDAY_EN[actual - 1] ?? '',
          date: `${y}/${mo}/${d}`,
        },
      });
    }
  }
  return ok({ day, seconds }, issues);
}

/**
 * Parses a cell value as a date or date-time.
 * Numbers count as Excel serials when their format is a date format, or when no format says
 * otherwise and they are plausible serials (2000–2099): CMS exports and some readers drop formats.
 */
export function parseDateValue(value: CellValue, format: string | undefined, opts: DateParseOptions): ParseOutcome<ParsedDate> {
  if (value === null) return fail('cell/required');
  if (typeof value === 'object') {
    if (value.type === 'date') {
      if (!Number.isFinite(value.wall)) return fail('cell/invalid-date', 'default', { text: 'NaN' });
      const day = Math.floor(value.wall / MS_PER_DAY);
      return ok({ day, seconds: Math.round((value.wall - day * MS_PER_DAY) / 1000) });
    }
    return fail('cell/formula-error', 'default', { error: value.error });
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return fail('cell/invalid-date', 'default', { text: String(value) });
    if (isDateFormat(format)) return ok(fromSerial(value));
    const unformatted = format === undefined || format === '@' || /^general$/i.test(format);
    if (unformatted && isPlausibleSerial(value)) return ok(fromSerial(value));
    return fail('cell/invalid-date', 'default', { text: String(value) });
  }
  if (typeof value === 'boolean') return fail('cell/invalid-date', 'default', { text: String(value) });
  return parseDateText(value, opts);
}
