import { ruleTester } from '../../helpers/rule-tester.js';
import { dateCell } from '../../helpers/tables.js';
import { mayEnrollmentRow, mayScheduleRows, partnerContractRow, workbookOf } from '../../helpers/rows.js';

ruleTester('partner/extra-contract', {
  valid: [
    { name: 'a May schedule for a May plan', tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: mayScheduleRows() }) },
    { name: 'a rejected contract outside the months is ignored', tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: [...mayScheduleRows(), partnerContractRow(6, 1, 5, 5, { status: '不通過' })] }) },
    { name: 'a non-partner contract outside the months is ignored', tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: [...mayScheduleRows(), partnerContractRow(6, 1, 5, 5, { partnerPlan: '否' })] }) },
    {
      name: 'a blank 夥伴互利 cell of a shop with no enrollment is not a partner contract',
      tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: [...mayScheduleRows(), partnerContractRow(5, 1, 5, 5, { shopId: 'other_shop', partnerPlan: null })] }),
    },
    { name: 'a contract ending at 00:00:00 on 6/1 ends with May', tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: [partnerContractRow(5, 30, 31, 5, { end: dateCell(2026, 6, 1) })] }) },
    { name: 'a 單品加碼 contract is not a partner-plan schedule row', tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: [partnerContractRow(6, 1, 1, 20, { contractType: '單品加碼', productId: 'P1' })] }) },
  ],
  invalid: [
    {
      name: 'a June contract of a May-only shop',
      tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: [...mayScheduleRows(), partnerContractRow(6, 1, 1, 5)] }),
      problems: [{ row: 18, cell: 'D18', column: '開始時間', messageId: 'default', data: { shopId: 'goodday_food', ranges: '6/1', months: '2026 年 5 月' } }],
    },
    {
      name: 'a contract reaching into April names only the days outside',
      tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: [partnerContractRow(5, 1, 2, 10, { start: dateCell(2026, 4, 29) })] }),
      problems: [{ row: 2, cell: 'D2', data: { ranges: '4/29-4/30', rangesEn: '4/29-4/30' } }],
    },
    {
      name: 'a contract running past both ends lists both parts',
      tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: [partnerContractRow(5, 1, 2, 10, { start: dateCell(2026, 4, 30), end: dateCell(2026, 6, 1, 23, 59, 59) })] }),
      problems: [{ row: 2, cell: 'D2', data: { ranges: '4/30、6/1', rangesEn: '4/30, 6/1' } }],
    },
    {
      name: 'a partner contract (marked 是) of a shop that is not enrolled',
      tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: [partnerContractRow(5, 1, 1, 10, { shopId: 'other_shop' })] }),
      problems: [{ row: 2, cell: 'A2', column: '商店代碼', messageId: 'notEnrolled', data: { shopId: 'other_shop' } }],
    },
    {
      name: 'a shop whose only enrollment names an unknown plan is not enrolled (blank 夥伴互利, CPS 15%)',
      tables: workbookOf({ enrollment: [mayEnrollmentRow({ plan: '4月單月方案' })], contracts: [partnerContractRow(4, 1, 1, 10, { partnerPlan: null })] }),
      problems: [{ row: 2, cell: 'A2', messageId: 'notEnrolled' }],
    },
    {
      name: 'a contract of several product-type rows is one violation on its first row',
      tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: [partnerContractRow(6, 1, 1, 5), partnerContractRow(6, 1, 1, 5, { productType: '3c' })] }),
      problems: [{ row: 2, cell: 'D2', data: { ranges: '6/1', rows: '3', rowsNote: '（同一合約另含第 3 列）' } }],
    },
    {
      name: 'drafts count as planned contracts',
      tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: [partnerContractRow(6, 1, 1, 5, { status: '草稿' })] }),
      problems: [{ row: 2, cell: 'D2', data: { ranges: '6/1' } }],
    },
  ],
});
