import { ruleTester } from '../../helpers/rule-tester.js';
import { dealRow, workbookOf } from '../../helpers/rows.js';

ruleTester('deal/no-discount', {
  valid: [
    { name: '480 → 399', tables: workbookOf({ deals: [dealRow()] }) },
    { name: 'one dollar off', tables: workbookOf({ deals: [dealRow({ promoPrice: 479 })] }) },
  ],
  invalid: [
    { name: 'the same price', tables: workbookOf({ deals: [dealRow({ promoPrice: 480 })] }), problems: [{ row: 2, cell: 'G2', column: '商品優惠價', data: { promo: 480, web: 480 } }] },
    { name: 'a promo above the web price', tables: workbookOf({ deals: [dealRow(), dealRow({ promoPrice: '1,200', webPrice: 999 })] }), problems: [{ row: 3, cell: 'G3', data: { promo: 1200, web: 999 } }] },
  ],
});
