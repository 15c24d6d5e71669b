import { ruleTester } from '../../helpers/rule-tester.js';
import { dealRow, workbookOf } from '../../helpers/rows.js';

const manual = (name: string) => dealRow({ productUrl: null, productName: name, image: 'cake.png' });

ruleTester('deal/duplicate-product', {
  valid: [
    { name: 'two products', tables: workbookOf({ deals: [dealRow({}, 1), dealRow({}, 2)] }) },
    { name: 'the same product in two batches', tables: workbookOf({ deals: [dealRow(), dealRow({ batch: 'B2' })] }) },
    { name: 'two products entered by hand', tables: workbookOf({ deals: [manual('鳳梨酥'), manual('太陽餅')] }) },
  ],
  invalid: [
    {
      name: 'the same product page, once with a trailing slash and a query',
      tables: workbookOf({ deals: [dealRow(), dealRow({ productUrl: 'https://buy.line.me/product/goodday_food/1001/?from=x' })] }),
      problems: [{ row: 3, cell: 'C3', column: '商品連結', data: { first: 2, batch: '（B1）' } }],
    },
    {
      name: 'the same name entered by hand twice',
      tables: workbookOf({ deals: [manual('鳳梨酥 12入'), dealRow({}, 2), manual('鳳梨酥12入')] }),
      problems: [{ row: 4, cell: 'D4', column: '商品名稱', data: { first: 2 } }],
    },
  ],
});
