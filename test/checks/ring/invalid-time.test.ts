import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, dateCell, type RowSpec } from '../../helpers/tables.js';

/** A valid ring-data request; override what a case is about. */
const send = (over: RowSpec = {}): RowSpec => ({
  shopId: 'goodday_food',
  sendDate: '2026/5/12',
  sendTime: '20:00',
  audience: '通發型',
  sendCap: 100000,
  excludeBuyers: '近3個月',
  excludeRecent: '是',
  requestedAt: dateCell(2026, 5, 6, 10),
  ...over,
});
const ring = (...rows: RowSpec[]) => [kindTable('ring-data', rows)];

ruleTester('ring/invalid-time', {
  valid: [
    { name: '20:00', tables: ring(send()) },
    { name: 'blank means 08:00', tables: ring(send({ sendTime: null })) },
    { name: '08:00 and 22:00 themselves', tables: ring(send({ sendTime: '08:00' }), send({ sendTime: '22:00' })) },
    { name: 'a time cell (fraction of a day) at noon', tables: ring(send({ sendTime: 0.5 })) },
    { name: 'full-width digits and 20點', tables: ring(send({ sendTime: '２１:００' }), send({ sendTime: '20點' })) },
    { name: 'an unreadable time is cell/invalid-date’s', tables: ring(send({ sendTime: '晚上' })) },
  ],
  invalid: [
    {
      name: '20:30 is not on the hour',
      tables: ring(send({ sendTime: '20:30' })),
      problems: [{ row: 2, cell: 'C2', column: '發送時間', messageId: 'default', data: { time: '20:30', first: '08:00', last: '22:00' }, suggestion: '20:00' }],
    },
    { name: '22:30 is after the window', tables: ring(send({ sendTime: '22:30' })), problems: [{ row: 2, cell: 'C2', messageId: 'outsideHours', data: { time: '22:30' }, suggestion: '22:00' }] },
    { name: '07:00 is before the window', tables: ring(send({ sendTime: '07:00' })), problems: [{ row: 2, cell: 'C2', messageId: 'outsideHours', suggestion: '08:00' }] },
    { name: '23:00 is after the window', tables: ring(send({ sendTime: '23:00' })), problems: [{ row: 2, cell: 'C2', messageId: 'outsideHours', suggestion: '22:00' }] },
    { name: 'seconds past the hour', tables: ring(send({ sendTime: '20:00:30' })), problems: [{ row: 2, cell: 'C2', messageId: 'default', data: { time: '20:00:30' }, suggestion: '20:00' }] },
    {
      name: 'each bad row is reported on its own row',
      tables: ring(send(), send({ sendTime: '9:15' }), send({ sendTime: '10:00' }), send({ sendTime: 0.3125 })),
      problems: [
        { row: 3, cell: 'C3', data: { time: '09:15' }, suggestion: '09:00' },
        { row: 5, cell: 'C5', data: { time: '07:30' }, messageId: 'outsideHours', suggestion: '08:00' },
      ],
    },
  ],
});
