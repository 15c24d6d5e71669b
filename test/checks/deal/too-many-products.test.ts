import { ruleTester } from '../../helpers/rule-tester.js';
import { dateCell } from '../../helpers/tables.js';
import { dealRow, workbookOf } from '../../helpers/rows.js';

const five = [1, 2, 3, 4, 5].map((n) => dealRow({}, n));

ruleTester('deal/too-many-products', {
  valid: [
    { name: 'five products in one batch', tables: workbookOf({ deals: five }) },
    { name: 'six rows in two batches', tables: workbookOf({ deals: [...five, dealRow({ batch: 'B2' }, 6)] }) },
    { name: 'no batch: six rows with two submission times', tables: workbookOf({ deals: [...five.map((r) => ({ ...r, batch: null })), dealRow({ batch: null, submittedAt: dateCell(2026, 5, 2, 10) }, 6)] }) },
    { name: 'six rows of two shops', tables: workbookOf({ deals: [...five, dealRow({ shopId: 'trend_shop' }, 6)] }) },
  ],
  invalid: [
    {
      name: 'six products in batch B1: reported on the sixth',
      tables: workbookOf({ deals: [...five, dealRow({}, 6)] }),
      problems: [{ row: 7, cell: 'C7', column: '商品連結', data: { shopId: 'goodday_food', count: 6, max: 5, batch: '（B1）' } }],
    },
    {
      name: 'no batch: seven rows submitted at the same time',
      tables: workbookOf({ deals: [...five, dealRow({}, 6), dealRow({}, 7)].map((r) => ({ ...r, batch: null })) }),
      problems: [{ row: 7, cell: 'C7', data: { count: 7, batch: '（2026/05/01 10:00:00）' } }],
    },
  ],
});
