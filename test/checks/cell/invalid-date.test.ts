import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, enrollmentRow, dateCell } from '../../helpers/tables.js';

ruleTester('cell/invalid-date', {
  valid: [
    { name: 'a ROC date-time', tables: [kindTable('enrollment', [enrollmentRow({ submittedAt: '115/3/20 10:00' })])] },
    { name: 'a date cell', tables: [kindTable('enrollment', [enrollmentRow({ submittedAt: dateCell(2026, 3, 20, 10) })])] },
    { name: 'ROC chosen days', tables: [kindTable('enrollment', [enrollmentRow({ chosenDays: '115/4/1, 115/4/14, 115/4/22, 5/5, 5/12, 5/19, 6/2, 6/9, 6/16' })])] },
  ],
  invalid: [
    {
      name: 'text that is no date, and a bad chosen day among good ones',
      tables: [kindTable('enrollment', [enrollmentRow({ submittedAt: '下週一', chosenDays: '4/1、4/31、4/22' })])],
      problems: [
        { row: 2, cell: 'F2', messageId: 'default', data: { text: '下週一' } },
        { row: 2, cell: 'I2', messageId: 'default', data: { text: '4/31' } },
      ],
    },
    {
      name: 'a ring-data send time that is no time',
      tables: [kindTable('ring-data', [{ shopId: 'goodday_food', sendDate: '2026/5/12', sendTime: '晚上', audience: '通發型', sendCap: 100, excludeBuyers: '否', requestedAt: '2026/5/6 10:00' }])],
      problems: [{ row: 2, cell: 'C2', messageId: 'time', data: { text: '晚上' } }],
    },
  ],
});
