import { ruleTester } from '../../helpers/rule-tester.js';
import { enrollmentRow, kindTable } from '../../helpers/tables.js';

const keysWithout = (key: string) => Object.keys(enrollmentRow()).filter((k) => k !== key);

ruleTester('enrollment/missing-hero-image', {
  valid: [
    { name: 'a hero image', tables: [kindTable('enrollment', [enrollmentRow()])] },
    { name: 'a URL', tables: [kindTable('enrollment', [enrollmentRow({ heroImage: 'https://cdn.example.com/hero.jpg' })])] },
  ],
  invalid: [
    { name: 'blank', tables: [kindTable('enrollment', [enrollmentRow(), enrollmentRow({ shopId: 'trend_shop', heroImage: null })])], problems: [{ row: 3, cell: 'M3', column: '形象圖', data: { shopId: 'trend_shop' } }] },
    { name: 'no 形象圖 column: on the row', tables: [kindTable('enrollment', [enrollmentRow()], { keys: keysWithout('heroImage') })], problems: [{ row: 2, cell: null, column: null, data: { shopId: 'goodday_food' } }] },
  ],
});
