import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, enrollmentRow } from '../../helpers/tables.js';

ruleTester('enrollment/too-many-chosen-days', {
  valid: [
    { name: 'six a month with both commitments', tables: [kindTable('enrollment', [enrollmentRow({ siteExposure: '是', ringData: '是', chosenDays: '4/1、4/14、4/22、4/28、4/29、4/30、5/5、5/12、5/19、5/26、5/27、5/28、6/2、6/9、6/16、6/23、6/24、6/30' })])] },
    { name: 'three a month with one commitment', tables: [kindTable('enrollment', [enrollmentRow()])] },
  ],
  invalid: [
    {
      name: '4 chosen days in May with only one promotion commitment',
      tables: [kindTable('enrollment', [enrollmentRow({ plan: '5月單月方案', submittedAt: '2026/4/20 10:00', chosenDays: '5/6, 5/14, 5/21, 5/26' })])],
      problems: [{ row: 2, cell: 'I2', data: { month: '2026-05', count: 4, allowance: 3 } }],
    },
    {
      name: 'any chosen day without a commitment',
      tables: [kindTable('enrollment', [enrollmentRow({ plan: '5月單月方案', siteExposure: '否', ringData: '否', chosenDays: '5/13' })])],
      problems: [{ row: 2, cell: 'I2', data: { month: '2026-05', count: 1, allowance: 0 } }],
    },
  ],
});
