import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, enrollmentRow } from '../../helpers/tables.js';

ruleTester('enrollment/duplicate-shop', {
  valid: [
    { name: 'May then June for one shop', tables: [kindTable('enrollment', [enrollmentRow({ plan: '5月單月方案', chosenDays: '5/6、5/13、5/27' }), enrollmentRow({ plan: '6月單月方案', submittedAt: '2026/5/1', chosenDays: '6/3、6/10、6/17' })])] },
    { name: 'two shops on the quarter plan', tables: [kindTable('enrollment', [enrollmentRow(), enrollmentRow({ shopId: 'other_shop' })])] },
  ],
  invalid: [
    {
      name: 'quarter plan, then June again (reported on the later row)',
      tables: [kindTable('enrollment', [enrollmentRow(), enrollmentRow({ plan: '6月單月方案', submittedAt: '2026/5/1', chosenDays: '6/4' })])],
      problems: [{ row: 3, cell: 'B3', data: { shopId: 'goodday_food', months: '2026 年 6 月', firstSheet: '報名表', firstRow: 2 } }],
    },
  ],
});
