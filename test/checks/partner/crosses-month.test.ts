import { ruleTester } from '../../helpers/rule-tester.js';
import { dateCell } from '../../helpers/tables.js';
import { mayEnrollmentRow, mayScheduleRows, partnerContractRow, quarterEnrollmentRow, workbookOf } from '../../helpers/rows.js';

ruleTester('partner/crosses-month', {
  valid: [
    { name: 'a May schedule', tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: mayScheduleRows() }) },
    { name: 'a contract ending at 00:00:00 on the 1st ends the month before', tables: workbookOf({ enrollment: [quarterEnrollmentRow()], contracts: [partnerContractRow(5, 30, 31, 5, { end: dateCell(2026, 6, 1) })] }) },
    { name: 'a rejected contract is ignored', tables: workbookOf({ enrollment: [quarterEnrollmentRow()], contracts: [partnerContractRow(5, 1, 2, 5, { start: dateCell(2026, 4, 30), status: '不通過' })] }) },
    { name: 'a non-partner contract is ignored', tables: workbookOf({ enrollment: [quarterEnrollmentRow()], contracts: [partnerContractRow(5, 1, 2, 5, { start: dateCell(2026, 4, 30), partnerPlan: '否' })] }) },
    { name: 'a 單品加碼 contract is ignored', tables: workbookOf({ enrollment: [quarterEnrollmentRow()], contracts: [partnerContractRow(5, 1, 2, 20, { start: dateCell(2026, 4, 30), contractType: '單品加碼', productId: 'P1' })] }) },
  ],
  invalid: [
    {
      name: '4/29–5/2 spans April and May',
      tables: workbookOf({ enrollment: [quarterEnrollmentRow()], contracts: [partnerContractRow(5, 1, 2, 10, { start: dateCell(2026, 4, 29) })] }),
      problems: [{ row: 2, cell: 'D2', column: '開始時間', data: { range: '4/29-5/2', months: '2026 年 4 月、2026 年 5 月', parts: '4/29-4/30、5/1-5/2', partsEn: '4/29-4/30, 5/1-5/2' } }],
    },
    {
      name: 'a contract over three months lists three parts',
      tables: workbookOf({ enrollment: [quarterEnrollmentRow()], contracts: [partnerContractRow(6, 1, 1, 5, { start: dateCell(2026, 4, 30) })] }),
      problems: [{ row: 2, cell: 'D2', data: { months: '2026 年 4 月、2026 年 5 月、2026 年 6 月', parts: '4/30、5/1-5/31、6/1' } }],
    },
    {
      name: 'one violation per contract, on its first row',
      tables: workbookOf({ enrollment: [quarterEnrollmentRow()], contracts: [...mayScheduleRows(), partnerContractRow(6, 1, 1, 5, { start: dateCell(2026, 5, 31) }), partnerContractRow(6, 1, 1, 5, { start: dateCell(2026, 5, 31), productType: '3c' })] }),
      problems: [{ row: 18, cell: 'D18', data: { range: '5/31-6/1', rows: '19' } }],
    },
    {
      name: 'it is reported for a shop outside its months too (alongside partner/extra-contract)',
      tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: [partnerContractRow(7, 1, 1, 5, { start: dateCell(2026, 6, 30) })] }),
      problems: [{ row: 2, cell: 'D2', data: { months: '2026 年 6 月、2026 年 7 月' } }],
    },
  ],
});
