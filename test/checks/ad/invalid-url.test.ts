import { ruleTester } from '../../helpers/rule-tester.js';
import { adRow, workbookOf } from '../../helpers/rows.js';

ruleTester('ad/invalid-url', {
  valid: [
    { name: 'https', tables: workbookOf({ ads: [adRow()] }) },
    { name: 'http with a query and CJK path', tables: workbookOf({ ads: [adRow({ url: 'http://goodday.example.com/活動?utm=line' })] }) },
  ],
  invalid: [
    {
      name: 'no scheme: https:// is suggested',
      tables: workbookOf({ ads: [adRow({ url: 'buy.line.me/u/goodday_food' })] }),
      problems: [{ row: 2, cell: 'F2', column: '廣告網址', data: { url: 'buy.line.me/u/goodday_food' }, suggestion: 'https://buy.line.me/u/goodday_food' }],
    },
    {
      name: 'another scheme: nothing to suggest',
      tables: workbookOf({ ads: [adRow({ url: 'ftp://goodday.example.com/card' })] }),
      problems: [{ row: 2, cell: 'F2', data: { url: 'ftp://goodday.example.com/card' } }],
    },
    {
      name: 'a space inside',
      tables: workbookOf({ ads: [adRow({ url: 'https://goodday.example.com/a b' })] }),
      problems: [{ row: 2, cell: 'F2', data: { url: 'https://goodday.example.com/a b' } }],
    },
    {
      name: 'plain words',
      tables: workbookOf({ ads: [adRow({ url: '官網首頁' })] }),
      problems: [{ row: 2, cell: 'F2', data: { url: '官網首頁' } }],
    },
  ],
});
