import { ruleTester } from '../../helpers/rule-tester.js';
import { ringSendRow, workbookOf } from '../../helpers/rows.js';

ruleTester('ring/invalid-time', {
  valid: [
    { name: '20:00', tables: workbookOf({ ring: [ringSendRow()] }) },
    { name: 'blank means 08:00', tables: workbookOf({ ring: [ringSendRow({ sendTime: null })] }) },
    { name: '08:00 and 22:00 themselves', tables: workbookOf({ ring: [ringSendRow({ sendTime: '08:00' }), ringSendRow({ sendTime: '22:00' })] }) },
    { name: 'a time cell (fraction of a day) at noon', tables: workbookOf({ ring: [ringSendRow({ sendTime: 0.5 })] }) },
    { name: 'full-width digits and 20點', tables: workbookOf({ ring: [ringSendRow({ sendTime: '２１:００' }), ringSendRow({ sendTime: '20點' })] }) },
    { name: 'an unreadable time is cell/invalid-date’s', tables: workbookOf({ ring: [ringSendRow({ sendTime: '晚上' })] }) },
  ],
  invalid: [
    {
      name: '20:30 is not on the hour',
      tables: workbookOf({ ring: [ringSendRow({ sendTime: '20:30' })] }),
      problems: [{ row: 2, cell: 'C2', column: '發送時間', messageId: 'default', data: { time: '20:30', first: '08:00', last: '22:00' }, suggestion: '20:00' }],
    },
    { name: '22:30 is after the window', tables: workbookOf({ ring: [ringSendRow({ sendTime: '22:30' })] }), problems: [{ row: 2, cell: 'C2', messageId: 'outsideHours', data: { time: '22:30' }, suggestion: '22:00' }] },
    { name: '07:00 is before the window', tables: workbookOf({ ring: [ringSendRow({ sendTime: '07:00' })] }), problems: [{ row: 2, cell: 'C2', messageId: 'outsideHours', suggestion: '08:00' }] },
    { name: '23:00 is after the window', tables: workbookOf({ ring: [ringSendRow({ sendTime: '23:00' })] }), problems: [{ row: 2, cell: 'C2', messageId: 'outsideHours', suggestion: '22:00' }] },
    { name: 'seconds past the hour', tables: workbookOf({ ring: [ringSendRow({ sendTime: '20:00:30' })] }), problems: [{ row: 2, cell: 'C2', messageId: 'default', data: { time: '20:00:30' }, suggestion: '20:00' }] },
    {
      name: 'each bad row is reported on its own row',
      tables: workbookOf({ ring: [ringSendRow(), ringSendRow({ sendTime: '9:15' }), ringSendRow({ sendTime: '10:00' }), ringSendRow({ sendTime: 0.3125 })] }),
      problems: [
        { row: 3, cell: 'C3', data: { time: '09:15' }, suggestion: '09:00' },
        { row: 5, cell: 'C5', data: { time: '07:30' }, messageId: 'outsideHours', suggestion: '08:00' },
      ],
    },
  ],
});
