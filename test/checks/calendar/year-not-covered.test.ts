import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, enrollmentRow } from '../../helpers/tables.js';

ruleTester('calendar/year-not-covered', {
  valid: [{ name: '2026 dates', tables: [kindTable('enrollment', [enrollmentRow()])] }],
  invalid: [
    {
      name: 'a chosen day in 2028 needs a deadline the calendar cannot compute',
      tables: [kindTable('enrollment', [enrollmentRow({ chosenDays: '4/1、4/14、4/22、5/5、5/12、5/19、6/2、6/9、2028/6/13' })])],
      problems: [{ row: 2, cell: 'I2', data: { year: 2028, covered: '2025、2026、2027' } }],
    },
  ],
});
