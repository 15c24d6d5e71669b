import { ruleTester } from '../../helpers/rule-tester.js';
import { dealRow, workbookOf } from '../../helpers/rows.js';

const url = (productUrl: string) => workbookOf({ deals: [dealRow({ productUrl })] });

ruleTester('deal/invalid-product-url', {
  valid: [
    { name: 'a product page', tables: workbookOf({ deals: [dealRow()] }) },
    { name: 'a product page with a query and a trailing slash', tables: url('https://buy.line.me/product/goodday_food/1001/?utm_source=x') },
    { name: 'blank: a product entered by hand', tables: workbookOf({ deals: [dealRow({ productUrl: null, productName: '鳳梨酥', image: 'cake.png' })] }) },
  ],
  invalid: [
    { name: 'a short URL', tables: url('https://reurl.cc/AbC'), problems: [{ row: 2, cell: 'C2', column: '商品連結', messageId: 'short', data: { host: 'reurl.cc' } }] },
    { name: 'a search page', tables: url('https://buy.line.me/s/鳳梨酥'), problems: [{ row: 2, cell: 'C2', messageId: 'search' }] },
    { name: 'a search query on another page', tables: url('https://buy.line.me/product/goodday_food/1001?q=cake'), problems: [{ row: 2, cell: 'C2', messageId: 'search' }] },
    { name: 'a 館別 page', tables: url('https://buy.line.me/u/goodday_food'), problems: [{ row: 2, cell: 'C2', messageId: 'category' }] },
    { name: 'a category page', tables: url('https://buy.line.me/category/food'), problems: [{ row: 2, cell: 'C2', messageId: 'category' }] },
    { name: 'the home page', tables: url('https://buy.line.me/'), problems: [{ row: 2, cell: 'C2', messageId: 'otherPage' }] },
    { name: 'another site', tables: url('https://goodday.example.com/p/1001'), problems: [{ row: 2, cell: 'C2', messageId: 'otherSite', data: { host: 'goodday.example.com' } }] },
    { name: 'not a URL', tables: url('鳳梨酥 12入'), problems: [{ row: 2, cell: 'C2', messageId: 'default', data: { url: '鳳梨酥 12入' } }] },
  ],
});
