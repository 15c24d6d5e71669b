import { ruleTester } from '../../helpers/rule-tester.js';
import { dateCell } from '../../helpers/tables.js';
import { dealRow, workbookOf } from '../../helpers/rows.js';

ruleTester('deal/end-before-start', {
  valid: [
    { name: 'one day', tables: workbookOf({ deals: [dealRow()] }) },
    { name: 'a date alone as the end', tables: workbookOf({ deals: [dealRow({ end: '2026/5/8' })] }) },
  ],
  invalid: [
    { name: 'the end before the start', tables: workbookOf({ deals: [dealRow({ end: dateCell(2026, 5, 7, 12) })] }), problems: [{ row: 2, cell: 'I2', column: '優惠結束', data: { start: '2026/05/08 00:00:00', end: '2026/05/07 12:00:00' } }] },
    { name: 'the end equal to the start', tables: workbookOf({ deals: [dealRow({ end: dateCell(2026, 5, 8) })] }), problems: [{ row: 2, cell: 'I2', data: { end: '2026/05/08 00:00:00' } }] },
  ],
});
