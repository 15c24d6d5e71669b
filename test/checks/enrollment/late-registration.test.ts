import { describe, expect, it } from 'vitest';
import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, enrollmentRow, dateCell } from '../../helpers/tables.js';

const monthly = (submittedAt: unknown) =>
  kindTable('enrollment', [enrollmentRow({ plan: '5月單月方案', chosenDays: '5/6、5/13、5/27', submittedAt: submittedAt as string })]);

ruleTester('enrollment/late-registration', {
  valid: [
    { name: 'May plan at 17:00 sharp (the deadline itself)', tables: [monthly('2026/4/21 17:00')] },
    { name: 'quarter plan before 2026-03-23 23:59:59', tables: [kindTable('enrollment', [enrollmentRow({ submittedAt: '2026/3/23 23:59:59' })])] },
    { name: 'unknown plan is left to enrollment/unknown-plan', tables: [kindTable('enrollment', [enrollmentRow({ plan: '4月單月方案', submittedAt: '2026/5/30' })])] },
    { name: 'issue 13: a Google Forms zh-TW timestamp 2026/4/21 下午 5:00:00 is read (the deadline itself)', tables: [monthly('2026/4/21 下午 5:00:00')] },
  ],
  invalid: [
    {
      name: 'issue 13: a Google Forms zh-TW timestamp 2026/4/21 下午 5:00:01 is late, not cell/invalid-date',
      tables: [monthly('2026/4/21 下午 5:00:01')],
      problems: [{ row: 2, cell: 'F2', messageId: 'nextOpen', data: { submitted: '2026/04/21 17:00:01', deadline: '2026/04/21(二) 17:00:00', next: '6月單月方案' } }],
    },
    {
      name: 'May plan at 17:01 on 2026-04-21',
      tables: [monthly('2026/4/21 17:01')],
      problems: [{ row: 2, cell: 'F2', data: { deadline: '2026/04/21(二) 17:00:00', submitted: '2026/04/21 17:01:00' } }],
    },
    {
      name: 'a date cell (not text) after the quarter deadline',
      tables: [kindTable('enrollment', [enrollmentRow({ submittedAt: dateCell(2026, 3, 24, 0, 0, 0) })])],
      problems: [{ row: 2, cell: 'F2' }],
    },
  ],
});

describe('issue 13: Google Forms timestamps are dates', () => {
  it('no cell/invalid-date for 上午/下午 times', async () => {
    const { validateWorkbook } = await import('../../../rules/index.js');
    const r = validateWorkbook({ tables: [monthly('2026/4/20 上午 9:05:00')] }, { today: '2026-03-20' });
    expect(r.violations.filter((v) => v.ruleId === 'cell/invalid-date')).toEqual([]);
  });
});
