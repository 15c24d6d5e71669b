import { describe, it, expect } from 'vitest';
import { dayFromYmd, ymdFromDay, isoWeekday, isoDate, formatWall, wallFrom, dayOfWall, secondsOfWall, daysInMonth, monthRange, shortDate, slashDate, dayFromIso, isValidYmd, wallFromInstant, monthDayOfDay } from '../../rules/time/civil.js';

describe('civil time (host TZ independent)', () => {
  it('round-trips day numbers', () => {
    for (const [y, m, dd] of [[1970, 1, 1], [2026, 5, 8], [2024, 2, 29], [2027, 12, 31]] as const) {
      expect(ymdFromDay(dayFromYmd(y, m, dd))).toEqual({ y, m, d: dd });
    }
    expect(dayFromYmd(1970, 1, 1)).toBe(0);
    expect(dayFromYmd(2026, 5, 8)).toBe(20581);
  });

  it('gives the month and day of a day as m * 100 + d, as ymdFromDay does', () => {
    expect(monthDayOfDay(dayFromYmd(2026, 5, 8))).toBe(508);
    expect(monthDayOfDay(dayFromYmd(2024, 2, 29))).toBe(229);
    expect(monthDayOfDay(dayFromYmd(2027, 12, 31))).toBe(1231);
    expect(monthDayOfDay(dayFromYmd(1969, 12, 31))).toBe(1231);
    // Every day of 1900–2100, and days beyond the arithmetic's range, where Date answers.
    for (let day = dayFromYmd(1900, 1, 1); day <= dayFromYmd(2100, 12, 31); day++) {
      const { m, d } = ymdFromDay(day);
      if (monthDayOfDay(day) !== m * 100 + d) expect(monthDayOfDay(day)).toBe(m * 100 + d);
    }
    expect(monthDayOfDay(-100_000_001)).toBe(ymdFromDay(-100_000_001).m * 100 + ymdFromDay(-100_000_001).d);
    expect(monthDayOfDay(Number.NaN)).toBeNaN();
  });

  it('knows weekdays, Monday = 1', () => {
    expect(isoWeekday(dayFromYmd(2026, 5, 8))).toBe(5);
    expect(isoWeekday(dayFromYmd(2026, 1, 1))).toBe(4);
    expect(isoWeekday(dayFromYmd(2026, 5, 10))).toBe(7);
    expect(isoWeekday(dayFromYmd(1969, 12, 29))).toBe(1);
  });

  it('formats the CMS way', () => {
    expect(formatWall(wallFrom(2026, 1, 2, 23, 59, 59))).toBe('2026/01/02 23:59:59');
    expect(slashDate(dayFromYmd(2026, 1, 1))).toBe('2026/01/01');
    expect(shortDate(dayFromYmd(2026, 1, 14))).toBe('1/14');
    expect(isoDate(dayFromYmd(2026, 5, 8))).toBe('2026-05-08');
  });

  it('splits wall values into day and seconds', () => {
    const w = wallFrom(2026, 3, 20, 10, 0, 0);
    expect(isoDate(dayOfWall(w))).toBe('2026-03-20');
    expect(secondsOfWall(w)).toBe(36000);
  });

  it('converts a real instant to Taipei wall time (+8 h, no DST)', () => {
    const instant = Date.UTC(2026, 4, 7, 16, 30, 0); // 2026-05-08 00:30 in Taipei
    expect(formatWall(wallFromInstant(instant))).toBe('2026/05/08 00:30:00');
  });

  it('validates dates and months', () => {
    expect(isValidYmd(2026, 2, 29)).toBe(false);
    expect(isValidYmd(2028, 2, 29)).toBe(true);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(dayFromIso('2026-02-30')).toBeUndefined();
    expect(monthRange('2026-13')).toBeUndefined();
    const r = monthRange('2026-05')!;
    expect([isoDate(r.first), isoDate(r.last)]).toEqual(['2026-05-01', '2026-05-31']);
  });
});

describe('deadlineLabel, deadlineData, monthsData (issue 13 message forms)', () => {
  it('a deadline with its weekday, both languages', async () => {
    const { deadlineLabel, deadlineData, wallFrom } = await import('../../rules/time/civil.js');
    const w = wallFrom(2025, 11, 28, 23, 59, 59);
    expect(deadlineLabel(w, 'zh-TW')).toBe('2025/11/28(五) 23:59:59');
    expect(deadlineLabel(w, 'en')).toBe('Fri 2025/11/28 23:59:59');
    expect(deadlineData(wallFrom(2026, 4, 21, 17), 'nextDeadline')).toEqual({ nextDeadline: '2026/04/21(二) 17:00:00', nextDeadlineEn: 'Tue 2026/04/21 17:00:00' });
  });
  it('months as 2026 年 5 月 / May 2026, joined per language', async () => {
    const { monthsData } = await import('../../rules/time/civil.js');
    expect(monthsData(['2026-04', '2026-06'])).toEqual({ months: '2026 年 4 月、2026 年 6 月', monthsEn: 'April 2026, June 2026' });
    expect(monthsData(['2026-05'], 'month')).toEqual({ month: '2026 年 5 月', monthEn: 'May 2026' });
  });
});
