import { ruleTester } from '../../helpers/rule-tester.js';
import { oaRow, workbookOf } from '../../helpers/rows.js';

ruleTester('oa/duplicate-channel', {
  valid: [
    { name: 'two shops, two channels', tables: workbookOf({ oa: [oaRow(), oaRow({ shopId: 'trend_shop', channelId: '2234567890' })] }) },
    { name: 'one shop listed twice with its channel', tables: workbookOf({ oa: [oaRow(), oaRow()] }) },
  ],
  invalid: [
    {
      name: 'a second shop binds the same channel',
      tables: workbookOf({ oa: [oaRow(), oaRow({ shopId: 'trend_shop', channelId: '2234567890' }), oaRow({ shopId: 'other_shop' })] }),
      problems: [{ row: 4, cell: 'B4', column: 'Channel ID', data: { channelId: '1234567890', otherShop: 'goodday_food', otherRow: 2 } }],
    },
  ],
});
