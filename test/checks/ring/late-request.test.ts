import { ruleTester } from '../../helpers/rule-tester.js';
import { dateCell } from '../../helpers/tables.js';
import { ringSendRow, workbookOf } from '../../helpers/rows.js';

ruleTester('ring/late-request', {
  valid: [
    { name: 'requested well ahead', tables: workbookOf({ ring: [ringSendRow()] }) },
    { name: 'Tue 5/12: requested at the last second of Thu 5/7', tables: workbookOf({ ring: [ringSendRow({ requestedAt: dateCell(2026, 5, 7, 23, 59, 59) })] }) },
    { name: 'a date alone means 00:00 of that day', tables: workbookOf({ ring: [ringSendRow({ requestedAt: '2026/5/7' })] }) },
    { name: 'Tue 4/7 (after the 4/3 and 4/6 days off): requested on 3/31', tables: workbookOf({ ring: [ringSendRow({ sendDate: '2026/4/7', requestedAt: dateCell(2026, 3, 31, 18) })] }) },
    { name: 'a year the office calendar lacks is calendar/year-not-covered’s', tables: workbookOf({ ring: [ringSendRow({ sendDate: '2028/1/10', requestedAt: dateCell(2028, 1, 9) })] }) },
  ],
  invalid: [
    {
      name: 'Tue 5/12 requested on Fri 5/8 00:00: the earliest possible send is Wed 5/13',
      tables: workbookOf({ ring: [ringSendRow({ requestedAt: dateCell(2026, 5, 8) })] }),
      problems: [{ row: 2, cell: 'H2', column: '需求提出時間', messageId: 'default', data: { sendDate: '2026/05/12', deadline: '2026/05/07(四) 23:59:59', requested: '2026/05/08 00:00:00', earliest: '2026/05/13' } }],
    },
    {
      name: 'Tue 4/7 requested on 4/1: days off push the earliest send to 4/8',
      tables: workbookOf({ ring: [ringSendRow({ sendDate: '2026/4/7', requestedAt: dateCell(2026, 4, 1, 9) })] }),
      problems: [{ row: 2, cell: 'H2', data: { deadline: '2026/03/31(二) 23:59:59', earliest: '2026/04/08' } }],
    },
    {
      name: 'Wed 5/27 requested on Mon 5/25 10:00 (the fixture’s second send)',
      tables: workbookOf({ ring: [ringSendRow(), ringSendRow({ sendDate: '2026/5/27', requestedAt: dateCell(2026, 5, 25, 10) })] }),
      problems: [{ row: 3, cell: 'H3', data: { deadline: '2026/05/22(五) 23:59:59', earliest: '2026/05/28' } }],
    },
    {
      name: 'requested after the send date itself: a weekend send can follow three working days',
      tables: workbookOf({ ring: [ringSendRow({ requestedAt: dateCell(2026, 5, 13, 9) })] }),
      problems: [{ row: 2, cell: 'H2', data: { earliest: '2026/05/16' } }], // Sat 5/16: 5/15, 5/14, 5/13
    },
    {
      name: 'no earliest date when the office calendar runs out',
      tables: workbookOf({ ring: [ringSendRow({ sendDate: '2027/12/31', requestedAt: dateCell(2027, 12, 30) })] }),
      problems: [{ row: 2, cell: 'H2', messageId: 'noEarliest', data: { deadline: '2027/12/28(二) 23:59:59' } }],
    },
  ],
});
