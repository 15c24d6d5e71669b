import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, enrollmentRow } from '../../helpers/tables.js';

ruleTester('cell/formula-error', {
  valid: [{ name: 'plain values', tables: [kindTable('enrollment', [enrollmentRow()])] }],
  invalid: [
    {
      name: '#N/A in a percent column and #REF! in a text column',
      tables: [kindTable('enrollment', [enrollmentRow({ baseCps: { type: 'error', error: '#N/A' }, brandName: { type: 'error', error: '#REF!' } })])],
      problems: [
        { row: 2, cell: 'A2', data: { error: '#REF!' } },
        { row: 2, cell: 'J2', data: { error: '#N/A' } },
      ],
    },
  ],
});
