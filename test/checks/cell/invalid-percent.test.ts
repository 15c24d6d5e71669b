import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, enrollmentRow } from '../../helpers/tables.js';

ruleTester('cell/invalid-percent', {
  valid: [
    { name: 'a full-width percent', tables: [kindTable('enrollment', [enrollmentRow({ baseCps: '８％' })])] },
    { name: 'percent points', tables: [kindTable('enrollment', [enrollmentRow({ baseCps: 8 })])] },
  ],
  invalid: [
    {
      name: 'words and out of range',
      tables: [kindTable('enrollment', [enrollmentRow({ baseCps: '八趴' }), enrollmentRow({ shopId: 'other_shop', baseCps: '120%' })])],
      problems: [
        { row: 2, cell: 'J2', messageId: 'default', data: { text: '八趴' } },
        { row: 3, cell: 'J3', messageId: 'range', data: { text: '120%' } },
      ],
    },
  ],
});
