import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, enrollmentRow } from '../../helpers/tables.js';

ruleTester('enrollment/duplicate-chosen-day', {
  valid: [{ name: 'distinct days', tables: [kindTable('enrollment', [enrollmentRow()])] }],
  invalid: [
    {
      name: 'the same day written two ways',
      tables: [kindTable('enrollment', [enrollmentRow({ plan: '5月單月方案', chosenDays: '5/6、2026/5/6、5/13' })])],
      problems: [{ row: 2, cell: 'I2', data: { text: '2026/5/6', first: '5/6', date: '2026-05-06' } }],
    },
  ],
});
