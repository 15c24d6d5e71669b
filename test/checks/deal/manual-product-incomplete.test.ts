import { ruleTester } from '../../helpers/rule-tester.js';
import { dealRow, workbookOf } from '../../helpers/rows.js';

ruleTester('deal/manual-product-incomplete', {
  valid: [
    { name: 'a product page needs neither', tables: workbookOf({ deals: [dealRow()] }) },
    { name: 'entered by hand with name and picture', tables: workbookOf({ deals: [dealRow({ productUrl: null, productName: '鳳梨酥', image: 'cake.png' })] }) },
  ],
  invalid: [
    {
      name: 'entered by hand without a picture',
      tables: workbookOf({ deals: [dealRow({ productUrl: null, productName: '鳳梨酥' })] }),
      problems: [{ row: 2, cell: 'E2', column: '商品圖片', messageId: 'image' }],
    },
    {
      name: 'entered by hand with neither',
      tables: workbookOf({ deals: [dealRow(), dealRow({ productUrl: null })] }),
      problems: [
        { row: 3, cell: 'D3', column: '商品名稱', messageId: 'default' },
        { row: 3, cell: 'E3', messageId: 'image' },
      ],
    },
  ],
});
