import { ruleTester } from '../../helpers/rule-tester.js';
import { oaRow, ringSendRow, workbookOf } from '../../helpers/rows.js';

ruleTester('ring/no-oa-binding', {
  valid: [
    { name: 'bound', tables: workbookOf({ ring: [ringSendRow()], oa: [oaRow()] }) },
    { name: 'no OA串接 tab: not judged', tables: workbookOf({ ring: [ringSendRow()] }) },
  ],
  invalid: [
    {
      name: 'a shop with two sends and no binding: once, on its first send',
      tables: workbookOf({ ring: [ringSendRow(), ringSendRow({ shopId: 'trend_shop' }), ringSendRow({ shopId: 'trend_shop', sendDate: '2026/5/20' })], oa: [oaRow()] }),
      problems: [{ row: 3, cell: 'A3', column: '商店代碼', data: { shopId: 'trend_shop' } }],
    },
    {
      name: 'an empty OA串接 tab',
      tables: workbookOf({ ring: [ringSendRow()], oa: [] }),
      problems: [{ row: 2, cell: 'A2', data: { shopId: 'goodday_food' } }],
    },
  ],
});
