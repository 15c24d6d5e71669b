import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { dayFromYmd, isoDate } from '../../rules/time/civil.js';
import { isWorkingDay, holidayName, nthWorkingDayBefore, submissionDeadlineDay, submissionDeadlineWall, YearNotCoveredError } from '../../rules/time/office-calendar.js';
import { TW_OFFICE_CALENDAR_CSV } from '../../rules/data/tw-office-calendar.js';
import { formatWall } from '../../rules/time/civil.js';

const d = dayFromYmd;

describe('office calendar data', () => {
  it('is the shared CSV, byte for byte (regenerate with scripts/gen-calendar-data.mjs)', () => {
    const shared = readFileSync(new URL('../../../shared/data/tw-office-calendar.csv', import.meta.url), 'utf8');
    const copy = readFileSync(new URL('../../rules/data/tw-office-calendar.csv', import.meta.url), 'utf8');
    expect(copy).toBe(shared);
    expect(TW_OFFICE_CALENDAR_CSV).toBe(copy);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-05-08 Friday', d(2026, 5, 8), true],
    ['2026-05-09 Saturday', d(2026, 5, 9), false],
    ['2026-05-10 Sunday', d(2026, 5, 10), false],
    ['2026-05-01 勞動節 (a Friday)', d(2026, 5, 1), false],
    ['2026-04-03 補假', d(2026, 4, 3), false],
    ['2026-04-06 補假 (Monday)', d(2026, 4, 6), false],
    ['2025-02-08 補行上班 (a Saturday)', d(2025, 2, 8), true],
    ['2027-12-31 補假', d(2027, 12, 31), false],
  ])('%s', (_name, day, expected) => {
    expect(isWorkingDay(day)).toBe(expected);
  });

  it('names holidays', () => {
    expect(holidayName(d(2026, 1, 1))).toBe('開國紀念日');
    expect(holidayName(d(2026, 1, 2))).toBeUndefined();
    expect(holidayName(d(2025, 2, 8))).toBeUndefined(); // a make-up workday is not a holiday
  });

  it('refuses years outside the data instead of guessing', () => {
    expect(() => isWorkingDay(d(2028, 1, 3))).toThrow(YearNotCoveredError);
    expect(() => isWorkingDay(d(2024, 12, 31))).toThrow(/2024/);
  });
});

describe('nthWorkingDayBefore and the D-3 deadline (SPEC §2 examples)', () => {
  it.each([
    ['Wed 2025-12-03 → Fri 2025-11-28', d(2025, 12, 3), '2025-11-28'],
    ['Tue 2026-04-07 → Tue 2026-03-31 (04-03 and 04-06 are days off)', d(2026, 4, 7), '2026-03-31'],
    ['Thu 2026-01-01 → Mon 2025-12-29', d(2026, 1, 1), '2025-12-29'],
    ['Mon 2026-02-23 → across the Lunar New Year break', d(2026, 2, 23), '2026-02-11'],
    ['Mon 2025-02-10 → counts the make-up Saturday 2025-02-08 (Sat, Fri, Thu)', d(2025, 2, 10), '2025-02-06'],
  ])('%s', (_name, start, expected) => {
    expect(isoDate(nthWorkingDayBefore(start, 3))).toBe(expected);
    expect(isoDate(submissionDeadlineDay(start, 3))).toBe(expected);
  });

  it('the deadline is the end of that day, 23:59:59', () => {
    expect(formatWall(submissionDeadlineWall(d(2025, 12, 3), 3))).toBe('2025/11/28 23:59:59');
  });

  it('a deadline that reaches back before 2025 is an explicit error', () => {
    expect(() => nthWorkingDayBefore(d(2025, 1, 2), 3)).toThrow(YearNotCoveredError);
  });
});
