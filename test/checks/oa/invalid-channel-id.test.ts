import { ruleTester } from '../../helpers/rule-tester.js';
import { oaRow, workbookOf } from '../../helpers/rows.js';

ruleTester('oa/invalid-channel-id', {
  valid: [
    { name: '10 digits', tables: workbookOf({ oa: [oaRow()] }) },
    { name: 'a number cell', tables: workbookOf({ oa: [oaRow({ channelId: 1234567890 })] }) },
  ],
  invalid: [
    { name: '9 digits', tables: workbookOf({ oa: [oaRow({ channelId: '123456789' })] }), problems: [{ row: 2, cell: 'B2', column: 'Channel ID', data: { value: '123456789' } }] },
    { name: 'full-width digits with a space: the half-width form is suggested', tables: workbookOf({ oa: [oaRow({ channelId: '１２３４５ ６７８９０' })] }), problems: [{ row: 2, cell: 'B2', suggestion: '1234567890' }] },
    { name: 'letters', tables: workbookOf({ oa: [oaRow(), oaRow({ shopId: 'trend_shop', channelId: '@goodday' })] }), problems: [{ row: 3, cell: 'B3', data: { value: '@goodday' } }] },
  ],
});
