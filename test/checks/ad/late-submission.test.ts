import { ruleTester } from '../../helpers/rule-tester.js';
import { dateCell } from '../../helpers/tables.js';
import { adRow, workbookOf } from '../../helpers/rows.js';

ruleTester('ad/late-submission', {
  valid: [
    { name: 'Fri 5/8: uploaded Mon 5/4', tables: workbookOf({ ads: [adRow()] }) },
    { name: 'Fri 5/8: uploaded at the last second of Tue 5/5', tables: workbookOf({ ads: [adRow({ submittedAt: dateCell(2026, 5, 5, 23, 59, 59) })] }) },
    { name: 'not uploaded yet, today is the deadline day', tables: workbookOf({ ads: [adRow({ submittedAt: null, status: null })] }), options: { today: '2026-05-05' } },
    { name: 'pending without an upload time is not judged', tables: workbookOf({ ads: [adRow({ submittedAt: null })] }), options: { today: '2026-05-07' } },
  ],
  invalid: [
    {
      name: 'Fri 5/8 uploaded Wed 5/6',
      tables: workbookOf({ ads: [adRow({ submittedAt: dateCell(2026, 5, 6, 9) })] }),
      problems: [{ row: 2, cell: 'G2', column: '上稿時間', messageId: 'default', data: { start: '2026/05/08 00:00:00', deadline: '2026/05/05(二) 23:59:59', submitted: '2026/05/06 09:00:00' } }],
    },
    {
      name: 'Tue 4/7 (after the 4/3 and 4/6 days off) uploaded Wed 4/1',
      tables: workbookOf({ ads: [adRow({ start: dateCell(2026, 4, 7), end: dateCell(2026, 4, 7, 23, 59), submittedAt: dateCell(2026, 4, 1, 10) })] }),
      problems: [{ row: 2, cell: 'G2', data: { deadline: '2026/03/31(二) 23:59:59' } }],
    },
    {
      name: 'a new row not uploaded, today past the deadline',
      tables: workbookOf({ ads: [adRow({ submittedAt: null, status: null })] }),
      options: { today: '2026-05-06' },
      problems: [{ row: 2, cell: 'D2', messageId: 'notSubmitted', data: { deadline: '2026/05/05(二) 23:59:59', today: '2026-05-06' } }],
    },
  ],
});
