import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, enrollmentRow } from '../../helpers/tables.js';

ruleTester('enrollment/chosen-day-outside-plan', {
  valid: [{ name: 'May days on the May plan', tables: [kindTable('enrollment', [enrollmentRow({ plan: '5月單月方案', chosenDays: '5/6、5/13、5/27' })])] }],
  invalid: [
    {
      name: 'a June day on the May plan, and a March day',
      tables: [kindTable('enrollment', [enrollmentRow({ plan: '5月單月方案', chosenDays: '5/6、6/3、5/27、2026/3/31' })])],
      problems: [
        { row: 2, cell: 'I2', data: { text: '6/3', months: '2026 年 5 月' } },
        { row: 2, cell: 'I2', data: { text: '2026/3/31', months: '2026 年 5 月' } },
      ],
    },
  ],
});
