import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, enrollmentRow } from '../../helpers/tables.js';

ruleTester('enrollment/chosen-day-too-soon', {
  valid: [
    { name: 'submitted well before', tables: [kindTable('enrollment', [enrollmentRow()])] },
    {
      name: 'submitted on the deadline day itself (Thu 5/28 23:00 for Tue 6/2)',
      tables: [kindTable('enrollment', [enrollmentRow({ plan: '6月單月方案', submittedAt: '2026/5/28 23:00', chosenDays: '6/2、6/3、6/4' })])],
    },
  ],
  invalid: [
    {
      name: 'sent Thu 2026-05-28 09:00: 6/1 (Mon) needed submission by Wed 5/27; 6/2 by Thu 5/28 23:59:59 is still in time',
      tables: [kindTable('enrollment', [enrollmentRow({ plan: '6月單月方案', submittedAt: '2026/5/28 09:00', chosenDays: '6/1, 6/2, 6/3' })])],
      problems: [
        { row: 2, cell: 'I2', data: { text: '6/1', deadline: '2026/05/27(三) 23:59:59', submitted: '2026/05/28 09:00:00' } },
      ],
    },
  ],
});
