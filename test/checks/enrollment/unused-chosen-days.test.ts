import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, enrollmentRow } from '../../helpers/tables.js';

ruleTester('enrollment/unused-chosen-days', {
  valid: [
    { name: 'every allowance used', tables: [kindTable('enrollment', [enrollmentRow()])] },
    { name: 'no allowance, nothing to use', tables: [kindTable('enrollment', [enrollmentRow({ siteExposure: '否', ringData: '否', chosenDays: null })])] },
  ],
  invalid: [
    {
      name: 'June plan with one of three chosen days',
      tables: [kindTable('enrollment', [enrollmentRow({ plan: '6月單月方案', submittedAt: '2026/5/1 09:00', chosenDays: '6/4' })])],
      problems: [{ row: 2, cell: 'I2', data: { month: '2026-06', count: 1, allowance: 3 } }],
    },
    {
      name: 'quarter plan with May left empty and duplicates not counted twice',
      tables: [kindTable('enrollment', [enrollmentRow({ chosenDays: '4/1、4/14、4/22、6/2、6/9、6/9' })])],
      problems: [
        { row: 2, cell: 'I2', data: { month: '2026-05', count: 0, allowance: 3 } },
        { row: 2, cell: 'I2', data: { month: '2026-06', count: 2, allowance: 3 } },
      ],
    },
  ],
});
