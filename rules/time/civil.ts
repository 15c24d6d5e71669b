/**
 * Civil (calendar) arithmetic on Asia/Taipei wall-clock values, independent of the host TZ.
 *
 * - A **day number** is the count of days since 1970-01-01 (that day is 0).
 * - A **wall** value is `Date.UTC(y, m - 1, d, h, mi, s)` for the wall-clock reading; only UTC
 *   getters touch it, so `TZ=America/Los_Angeles` and `TZ=Asia/Taipei` give the same results.
 *
 * Taiwan has had no DST since 1979, so wall-clock time is UTC+8 throughout.
 */
export const MS_PER_DAY = 86_400_000;
export const TAIPEI_OFFSET_MS = 8 * 3_600_000;

export interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

/** @example dayFromYmd(1970, 1, 1) === 0; dayFromYmd(2026, 5, 8) === 20581 */
export function dayFromYmd(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

/** @example ymdFromDay(20581) → { y: 2026, m: 5, d: 8 } */
export function ymdFromDay(day: number): Ymd {
  const p = packedYmdFromDay(day);
  const y = Math.floor(p / 10_000);
  const md = p - y * 10_000;
  return { y, m: Math.floor(md / 100), d: md % 100 };
}

/**
 * A day's month and day as one number, `m * 100 + d`, without the object ymdFromDay makes (rules
 * ask it of every contract).
 * @example monthDayOfDay(20581) === 508 (2026-05-08)
 */
export function monthDayOfDay(day: number): number {
  const p = packedYmdFromDay(day);
  return p - Math.floor(p / 10_000) * 10_000;
}

/**
 * A day as `y * 10000 + m * 100 + d` (NaN outside Date's range), the one place the calendar is
 * computed: ymdFromDay and monthDayOfDay unpack it.
 */
function packedYmdFromDay(day: number): number {
  // Rules call this per cell and per contract: plain arithmetic (H. Hinnant's civil_from_days, the
  // proleptic Gregorian calendar as Date uses) instead of a Date object each time. Outside Date's
  // range (and for NaN) Date itself answers, so the results never differ.
  if (!(day >= -100_000_000 && day <= 100_000_000)) {
    const t = new Date(day * MS_PER_DAY);
    return t.getUTCFullYear() * 10_000 + (t.getUTCMonth() + 1) * 100 + t.getUTCDate();
  }
  const z = Math.floor(day) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return (yoe + era * 400 + (m <= 2 ? 1 : 0)) * 10_000 + m * 100 + d;
}

/** Whether y-m-d is a real calendar date. @example isValidYmd(2026, 2, 29) === false */
export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

/** @example daysInMonth(2026, 2) === 28 */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** ISO weekday, Monday = 1 … Sunday = 7. @example isoWeekday(dayFromYmd(2026, 5, 8)) === 5 (Friday) */
export function isoWeekday(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** @example isoDate(dayFromYmd(2026, 5, 8)) === '2026-05-08' */
export function isoDate(day: number): string {
  const { y, m, d } = ymdFromDay(day);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Parses `YYYY-MM-DD` strictly; undefined when malformed. */
export function dayFromIso(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isValidYmd(y, mo, d) ? dayFromYmd(y, mo, d) : undefined;
}

/** `YYYY/MM/DD`, the CMS's date style. @example slashDate(dayFromYmd(2026, 1, 1)) === '2026/01/01' */
export function slashDate(day: number): string {
  const { y, m, d } = ymdFromDay(day);
  return `${y}/${pad2(m)}/${pad2(d)}`;
}

/** `M/D` without padding, as in remarks. @example shortDate(dayFromYmd(2026, 1, 14)) === '1/14' */
export function shortDate(day: number): string {
  const { m, d } = ymdFromDay(day);
  return `${m}/${d}`;
}

/** Wall-clock milliseconds for a reading. @example wallFrom(2026, 5, 8, 17) */
export function wallFrom(y: number, m: number, d: number, h = 0, mi = 0, s = 0): number {
  return Date.UTC(y, m - 1, d, h, mi, s);
}

/** The wall value at the start (00:00:00) of a day. */
export function wallOfDay(day: number, secondsOfDay = 0): number {
  return day * MS_PER_DAY + secondsOfDay * 1000;
}

/** The day a wall value falls on. */
export function dayOfWall(wall: number): number {
  return Math.floor(wall / MS_PER_DAY);
}

/** Seconds since midnight of a wall value. */
export function secondsOfWall(wall: number): number {
  return Math.floor((wall - dayOfWall(wall) * MS_PER_DAY) / 1000);
}

/** @example formatWall(wallFrom(2026, 1, 2, 23, 59, 59)) === '2026/01/02 23:59:59' */
export function formatWall(wall: number): string {
  const t = new Date(wall);
  return (
    `${t.getUTCFullYear()}/${pad2(t.getUTCMonth() + 1)}/${pad2(t.getUTCDate())} ` +
    `${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}:${pad2(t.getUTCSeconds())}`
  );
}

/** `YYYY-MM-DDTHH:mm:ss`, a JSON-friendly wall-clock reading (no zone suffix: it is Taipei time). */
export function isoWall(wall: number): string {
  return formatWall(wall).replace(/\//g, '-').replace(' ', 'T');
}

/** Converts an instant (epoch ms, e.g. `Date.getTime()` of a real instant) to Taipei wall ms. */
export function wallFromInstant(epochMs: number): number {
  return epochMs + TAIPEI_OFFSET_MS;
}

/** `YYYY-MM` month key. @example monthKey(2026, 5) === '2026-05' */
export function monthKey(y: number, m: number): string {
  return `${y}-${pad2(m)}`;
}

/** The month key of a day. */
export function monthKeyOfDay(day: number): string {
  const { y, m } = ymdFromDay(day);
  return monthKey(y, m);
}

/** First and last day numbers of a `YYYY-MM` month; undefined when malformed. */
export function monthRange(key: string): { first: number; last: number; y: number; m: number } | undefined {
  const mt = /^(\d{4})-(\d{2})$/.exec(key);
  if (!mt) return undefined;
  const y = Number(mt[1]);
  const m = Number(mt[2]);
  if (m < 1 || m > 12) return undefined;
  return { y, m, first: dayFromYmd(y, m, 1), last: dayFromYmd(y, m, daysInMonth(y, m)) };
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Weekday names, Monday first (index 0 = Monday). */
export const WEEKDAY_ZH = ['週一', '週二', '週三', '週四', '週五', '週六', '週日'] as const;
export const WEEKDAY_ZH_SHORT = ['一', '二', '三', '四', '五', '六', '日'] as const;
export const WEEKDAY_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

const MONTH_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/**
 * A month as a reader writes it: `2026 年 5 月` (zh-TW) or `May 2026` (en); the key itself when malformed.
 * @example monthLabel('2026-05', 'zh-TW') === '2026 年 5 月'; monthLabel('2026-05', 'en') === 'May 2026'
 */
export function monthLabel(key: string, lang: 'zh-TW' | 'en'): string {
  const r = monthRange(key);
  if (!r) return key;
  return lang === 'en' ? `${MONTH_EN[r.m - 1]} ${r.y}` : `${r.y} 年 ${r.m} 月`;
}

/**
 * A deadline as a reader wants it, with its weekday: `2025/11/28(五) 23:59:59` (zh-TW) or
 * `Fri 2025/11/28 23:59:59` (en). Messages print every deadline this way (issue 13).
 * @example deadlineLabel(wallFrom(2025, 11, 28, 23, 59, 59), 'en') === 'Fri 2025/11/28 23:59:59'
 */
export function deadlineLabel(wall: number, lang: 'zh-TW' | 'en'): string {
  const [date, time] = formatWall(wall).split(' ');
  const wd = isoWeekday(dayOfWall(wall)) - 1;
  return lang === 'en' ? `${WEEKDAY_EN[wd]} ${date} ${time}` : `${date}(${WEEKDAY_ZH_SHORT[wd]}) ${time}`;
}

/** Message data for a deadline: `{ [name]: zh-TW label, [name + 'En']: English label }`. */
export function deadlineData(wall: number, name = 'deadline'): Record<string, string> {
  return { [name]: deadlineLabel(wall, 'zh-TW'), [`${name}En`]: deadlineLabel(wall, 'en') };
}

/** Message data for months: `{ [name]: '2026 年 5 月、2026 年 6 月', [name + 'En']: 'May 2026, June 2026' }`. */
export function monthsData(keys: readonly string[], name = 'months'): Record<string, string> {
  return { [name]: keys.map((k) => monthLabel(k, 'zh-TW')).join('、'), [`${name}En`]: keys.map((k) => monthLabel(k, 'en')).join(', ') };
}
