import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, enrollmentRow } from '../../helpers/tables.js';

ruleTester('enrollment/invalid-shop-id', {
  valid: [
    { name: 'letters, digits, _ and -', tables: [kindTable('enrollment', [enrollmentRow({ shopId: 'home-goods_2' })])] },
    { name: 'two characters', tables: [kindTable('enrollment', [enrollmentRow({ shopId: 'ab' })])] },
    { name: 'forty characters', tables: [kindTable('enrollment', [enrollmentRow({ shopId: 'a'.repeat(40) })])] },
  ],
  invalid: [
    {
      name: 'a space, with the cleaned id suggested',
      tables: [kindTable('enrollment', [enrollmentRow({ shopId: 'trend wear' })])],
      problems: [{ row: 2, cell: 'B2', data: { shopId: 'trend wear' }, suggestion: 'trend_wear' }],
    },
    {
      name: 'CJK, one character, and 41 characters',
      tables: [kindTable('enrollment', [enrollmentRow({ shopId: '好日子' }), enrollmentRow({ shopId: 'a' }), enrollmentRow({ shopId: 'b'.repeat(41) })])],
      problems: [
        { row: 2, cell: 'B2', data: { shopId: '好日子' } },
        { row: 3, cell: 'B3' },
        { row: 4, cell: 'B4', suggestion: 'b'.repeat(40) },
      ],
    },
  ],
});
