import { ruleTester } from '../../helpers/rule-tester.js';
import { enrollmentRow, kindTable } from '../../helpers/tables.js';
import { adRow, dealRow, workbookOf } from '../../helpers/rows.js';
import { jpg, pictures } from '../../helpers/pictures.js';

ruleTester('asset/not-checked', {
  valid: [
    { name: 'every picture at hand', tables: workbookOf({ enrollment: [enrollmentRow()], ads: [adRow()] }), options: pictures({ 'goodday.jpg': jpg(800, 800), 'card.jpg': jpg(501, 816) }) },
    { name: 'no picture named', tables: workbookOf({ deals: [dealRow()] }) },
  ],
  invalid: [
    {
      name: 'the add-on: nothing at hand, one info per tab',
      tables: workbookOf({ enrollment: [enrollmentRow(), enrollmentRow({ shopId: 'b', heroImage: 'b.jpg' })], ads: [adRow()] }),
      problems: [
        { row: 1, cell: 'M1', sheet: '報名表', column: '形象圖', messageId: 'noFiles', data: { count: 2, first: 'goodday.jpg' } },
        { row: 1, cell: 'C1', sheet: '廣告素材', column: '廣告圖片', messageId: 'noFiles', data: { count: 1, first: 'card.jpg' } },
      ],
    },
    {
      name: 'the CLI: a URL and a missing file are not at hand',
      tables: workbookOf({ ads: [adRow(), adRow({ image: 'https://cdn.example.com/c.jpg' }), adRow({ image: 'gone.jpg' })] }),
      options: pictures({ 'card.jpg': jpg(501, 816) }),
      problems: [{ row: 1, cell: 'C1', sheet: '廣告素材', messageId: 'default', data: { count: 2, first: 'https://cdn.example.com/c.jpg' } }],
    },
    {
      name: 'a deal picture named by a product entered by hand',
      tables: workbookOf({ deals: [dealRow({ productUrl: null, productName: '鳳梨酥', image: 'cake.png' })] }),
      options: pictures({}),
      problems: [{ row: 1, cell: 'E1', sheet: '爆殺驚喜', column: '商品圖片', data: { count: 1, first: 'cake.png' } }],
    },
  ],
});
