import { ruleTester } from '../../helpers/rule-tester.js';
import { dealRow, workbookOf } from '../../helpers/rows.js';
import { baselineFromWorkbook } from '../../../rules/index.js';

const pinned = dealRow({ status: '已釘選' });
const before = { baseline: baselineFromWorkbook({ tables: workbookOf({ deals: [pinned, dealRow({}, 2)] }) }) };

ruleTester('deal/pinned-changed', {
  valid: [
    { name: 'unchanged', tables: workbookOf({ deals: [pinned, dealRow({}, 2)] }), options: before },
    { name: 'a pending row changed', tables: workbookOf({ deals: [pinned, dealRow({ promoPrice: 350 }, 2)] }), options: before },
    { name: 'no baseline', tables: workbookOf({ deals: [dealRow({ status: '已釘選', promoPrice: 1 })] }) },
  ],
  invalid: [
    {
      name: 'the pinned row’s promo price changed',
      tables: workbookOf({ deals: [dealRow({ status: '已釘選', promoPrice: 350 }), dealRow({}, 2)] }),
      options: before,
      problems: [{ row: 2, cell: 'G2', column: '商品優惠價', messageId: 'default', data: { column: '商品優惠價', was: '399', now: '350' } }],
    },
    {
      name: 'the pinned row is gone',
      tables: workbookOf({ deals: [dealRow({}, 2)] }),
      options: before,
      problems: [{ row: 2, cell: 'A2', messageId: 'vanished', data: { shopId: 'goodday_food', product: 'https://buy.line.me/product/goodday_food/1001' } }],
    },
  ],
});
