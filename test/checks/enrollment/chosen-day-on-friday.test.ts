import { describe, it, expect } from 'vitest';
import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, enrollmentRow } from '../../helpers/tables.js';
import { nearestFreeNonFriday } from '../../../rules/checks/enrollment/chosen-day-on-friday.js';
import { dayFromYmd, isoDate } from '../../../rules/time/civil.js';

ruleTester('enrollment/chosen-day-on-friday', {
  valid: [{ name: 'no Fridays', tables: [kindTable('enrollment', [enrollmentRow()])] }],
  invalid: [
    {
      name: 'Friday 2026-05-08 with its suggestion (5/7 is free, ties go to the earlier day)',
      tables: [kindTable('enrollment', [enrollmentRow({ plan: '5月單月方案', chosenDays: '5/8(五), 5/14, 5/21' })])],
      problems: [{ row: 2, cell: 'I2', data: { text: '5/8(五)', suggested: '5/7' }, suggestion: '5/7, 5/14, 5/21' }],
    },
    {
      name: 'two Fridays get two different days; taken days are skipped',
      tables: [kindTable('enrollment', [enrollmentRow({ plan: '5月單月方案', siteExposure: '是', ringData: '是', chosenDays: '5/7, 5/8, 5/9, 5/21, 5/22' })])],
      problems: [
        // One cell, one suggestion: the value replaces both Fridays.
        { row: 2, cell: 'I2', data: { text: '5/8', suggested: '5/6' }, suggestion: '5/7, 5/6, 5/9, 5/21, 5/23' },
        { row: 2, cell: 'I2', data: { text: '5/22', suggested: '5/23' }, suggestion: '5/7, 5/6, 5/9, 5/21, 5/23' },
      ],
    },
    {
      name: 'a day too soon for its contract deadline is not suggested',
      // Submitted Tue 2026-05-05 15:00: 5/7 needs submission by Mon 5/4, 5/9 by Wed 5/6 — so 5/9.
      tables: [kindTable('enrollment', [enrollmentRow({ plan: '5月單月方案', submittedAt: '2026/5/5 15:00', chosenDays: '5/8, 5/14, 5/21' })])],
      problems: [{ row: 2, cell: 'I2', data: { suggested: '5/9' }, suggestion: '5/9, 5/14, 5/21' }],
    },
  ],
});

describe('nearestFreeNonFriday', () => {
  const d = dayFromYmd;
  it('prefers days whose deadline has not passed', () => {
    const onlyLater = (c: number) => c > d(2026, 5, 8);
    expect(isoDate(nearestFreeNonFriday(d(2026, 5, 8), new Set(), onlyLater)!)).toBe('2026-05-09');
  });
  it('stays in the month', () => {
    expect(isoDate(nearestFreeNonFriday(d(2026, 5, 1), new Set())!)).toBe('2026-05-02');
    expect(isoDate(nearestFreeNonFriday(d(2026, 7, 31), new Set([d(2026, 7, 30)]))!)).toBe('2026-07-29');
  });
});
