import { ruleTester } from '../../helpers/rule-tester.js';
import { adRow, workbookOf } from '../../helpers/rows.js';

const base = 'https://goodday.example.com/?q=';
const at = (n: number) => base + 'x'.repeat(n - base.length);

ruleTester('ad/url-too-long', {
  valid: [
    { name: 'short', tables: workbookOf({ ads: [adRow()] }) },
    { name: 'exactly 512 characters', tables: workbookOf({ ads: [adRow({ url: at(512) })] }) },
  ],
  invalid: [
    { name: '513 characters', tables: workbookOf({ ads: [adRow({ url: at(513) })] }), problems: [{ row: 2, cell: 'F2', column: '廣告網址', data: { length: 513, max: 512 } }] },
  ],
});
