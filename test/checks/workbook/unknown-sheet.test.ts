import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, enrollmentRow } from '../../helpers/tables.js';
import { tableFromValues } from '../../../rules/index.js';

ruleTester('workbook/unknown-sheet', {
  valid: [{ name: 'a recognised tab', tables: [kindTable('enrollment', [enrollmentRow()])] }],
  invalid: [
    {
      name: 'a notes tab',
      tables: [tableFromValues('備註', [['這個檔案是 5 月的報名']]), kindTable('enrollment', [enrollmentRow()])],
      problems: [{ row: null, cell: null, sheet: '備註', data: { sheet: '備註' } }],
    },
  ],
});
