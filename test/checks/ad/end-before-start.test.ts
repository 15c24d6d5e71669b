import { ruleTester } from '../../helpers/rule-tester.js';
import { dateCell } from '../../helpers/tables.js';
import { adRow, workbookOf } from '../../helpers/rows.js';

ruleTester('ad/end-before-start', {
  valid: [
    { name: 'one whole day', tables: workbookOf({ ads: [adRow()] }) },
    { name: 'a date alone as the end means 23:59:59', tables: workbookOf({ ads: [adRow({ end: '2026/5/8' })] }) },
  ],
  invalid: [
    {
      name: 'the end before the start',
      tables: workbookOf({ ads: [adRow({ end: dateCell(2026, 5, 7, 23, 59) })] }),
      problems: [{ row: 2, cell: 'E2', column: '曝光結束', data: { start: '2026/05/08 00:00:00', end: '2026/05/07 23:59:00' } }],
    },
    {
      name: 'the end equal to the start, on the second row',
      tables: workbookOf({ ads: [adRow(), adRow({ end: dateCell(2026, 5, 8) })] }),
      problems: [{ row: 3, cell: 'E3', data: { end: '2026/05/08 00:00:00' } }],
    },
  ],
});
