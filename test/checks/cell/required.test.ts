import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, enrollmentRow } from '../../helpers/tables.js';

ruleTester('cell/required', {
  valid: [
    { name: 'a complete row', tables: [kindTable('enrollment', [enrollmentRow()])] },
    { name: 'optional cells blank', tables: [kindTable('enrollment', [enrollmentRow({ category: null, baseRate: null, monthlyGmv: null, heroImage: null })])] },
    { name: 'a blank boolean is "no", not missing', tables: [kindTable('enrollment', [enrollmentRow({ siteExposure: null, ringData: null, chosenDays: null })])] },
  ],
  invalid: [
    {
      name: 'blank brand, plan and CPS',
      tables: [kindTable('enrollment', [enrollmentRow({ brandName: '  ', plan: null, baseCps: null })])],
      problems: [
        { row: 2, cell: 'A2', data: { column: '品牌名稱' } },
        { row: 2, cell: 'E2', data: { column: '方案' } },
        { row: 2, cell: 'J2', data: { column: '原CPS%' } },
      ],
    },
    {
      name: 'the column header as the user wrote it',
      tables: [kindTable('ring-data', [{ shopId: 'goodday_food', sendDate: '2026/5/12', audience: '通發型', sendCap: 100, excludeBuyers: '否', requestedAt: null }])],
      problems: [{ row: 2, cell: 'H2', column: '需求提出時間' }],
    },
  ],
});
