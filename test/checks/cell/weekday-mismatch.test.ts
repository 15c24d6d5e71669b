import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, enrollmentRow } from '../../helpers/tables.js';

ruleTester('cell/weekday-mismatch', {
  valid: [
    { name: 'marks that agree', tables: [kindTable('enrollment', [enrollmentRow({ chosenDays: '4/1(三)、4/14(Tue)、4/22（週三）、5/5、5/12、5/19、6/2、6/9、6/16' })])] },
  ],
  invalid: [
    {
      name: '4/14 marked Wednesday is a Tuesday',
      tables: [kindTable('enrollment', [enrollmentRow({ chosenDays: '4/1、4/14(三)、4/22、5/5、5/12、5/19、6/2、6/9、6/16' })])],
      problems: [{ row: 2, cell: 'I2', data: { text: '4/14(三)', mark: '三', actual: '二', date: '2026/4/14' } }],
    },
  ],
});
