import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, enrollmentRow, dateCell, type RowSpec } from '../../helpers/tables.js';

/** A May-plan enrollment of goodday_food with chosen days 5/6, 5/13, 5/27 (all Wednesdays). */
const may = (over: RowSpec = {}) => enrollmentRow({ plan: '5月單月方案', chosenDays: '5/6、5/13、5/27', submittedAt: '2026/4/20 10:00', ...over });

/** One partner-plan 活動加碼 row covering days a..b of month m (2026) at `rate`%. */
const contract = (m: number, a: number, b: number, rate: number, over: RowSpec = {}): RowSpec => ({
  shopId: 'goodday_food',
  contractType: '活動加碼',
  remark: `${m}/${a}-${m}/${b}_加碼${rate}%`,
  start: dateCell(2026, m, a),
  end: dateCell(2026, m, b, 23, 59, 59),
  productType: 'normal',
  baseRate: '2%',
  frontRate: `${rate}%`,
  rebateCap: -1,
  cps: '15%',
  vendorBonus: '0%',
  pointPrice: 1.2,
  partnerPlan: '是',
  ...over,
});

/** May 2026 for chosen days 5/6, 5/13, 5/27: Fridays 1, 8, 15, 22, 29 and chosen days 10%, else 5%. */
const MAY_RUNS: readonly (readonly [number, number, number])[] = [
  [1, 1, 10], [2, 5, 5], [6, 6, 10], [7, 7, 5], [8, 8, 10], [9, 12, 5], [13, 13, 10], [14, 14, 5],
  [15, 15, 10], [16, 21, 5], [22, 22, 10], [23, 26, 5], [27, 27, 10], [28, 28, 5], [29, 29, 10], [30, 31, 5],
];
const maySchedule = (runs = MAY_RUNS) => runs.map(([a, b, r]) => contract(5, a, b, r));
const workbook = (enrollments: RowSpec[], contracts: RowSpec[]) => [kindTable('enrollment', enrollments), kindTable('contracts', contracts)];

ruleTester('partner/extra-contract', {
  valid: [
    { name: 'a May schedule for a May plan', tables: workbook([may()], maySchedule()) },
    { name: 'a rejected contract outside the months is ignored', tables: workbook([may()], [...maySchedule(), contract(6, 1, 5, 5, { status: '不通過' })]) },
    { name: 'a non-partner contract outside the months is ignored', tables: workbook([may()], [...maySchedule(), contract(6, 1, 5, 5, { partnerPlan: '否' })]) },
    {
      name: 'a blank 夥伴互利 cell of a shop with no enrollment is not a partner contract',
      tables: workbook([may()], [...maySchedule(), contract(5, 1, 5, 5, { shopId: 'other_shop', partnerPlan: null })]),
    },
    { name: 'a contract ending at 00:00:00 on 6/1 ends with May', tables: workbook([may()], [contract(5, 30, 31, 5, { end: dateCell(2026, 6, 1) })]) },
    { name: 'a 單品加碼 contract is not a partner-plan schedule row', tables: workbook([may()], [contract(6, 1, 1, 20, { contractType: '單品加碼', productId: 'P1' })]) },
  ],
  invalid: [
    {
      name: 'a June contract of a May-only shop',
      tables: workbook([may()], [...maySchedule(), contract(6, 1, 1, 5)]),
      problems: [{ row: 18, cell: 'D18', column: '開始時間', messageId: 'default', data: { shopId: 'goodday_food', ranges: '6/1', months: '2026-05' } }],
    },
    {
      name: 'a contract reaching into April names only the days outside',
      tables: workbook([may()], [contract(5, 1, 2, 10, { start: dateCell(2026, 4, 29) })]),
      problems: [{ row: 2, cell: 'D2', data: { ranges: '4/29-4/30', rangesEn: '4/29-4/30' } }],
    },
    {
      name: 'a contract running past both ends lists both parts',
      tables: workbook([may()], [contract(5, 1, 2, 10, { start: dateCell(2026, 4, 30), end: dateCell(2026, 6, 1, 23, 59, 59) })]),
      problems: [{ row: 2, cell: 'D2', data: { ranges: '4/30、6/1', rangesEn: '4/30, 6/1' } }],
    },
    {
      name: 'a partner contract (marked 是) of a shop that is not enrolled',
      tables: workbook([may()], [contract(5, 1, 1, 10, { shopId: 'other_shop' })]),
      problems: [{ row: 2, cell: 'A2', column: '商店代碼', messageId: 'notEnrolled', data: { shopId: 'other_shop' } }],
    },
    {
      name: 'a shop whose only enrollment names an unknown plan is not enrolled (blank 夥伴互利, CPS 15%)',
      tables: workbook([may({ plan: '4月單月方案' })], [contract(4, 1, 1, 10, { partnerPlan: null })]),
      problems: [{ row: 2, cell: 'A2', messageId: 'notEnrolled' }],
    },
    {
      name: 'a contract of several product-type rows is one violation on its first row',
      tables: workbook([may()], [contract(6, 1, 1, 5), contract(6, 1, 1, 5, { productType: '3c' })]),
      problems: [{ row: 2, cell: 'D2', data: { ranges: '6/1', rows: '3', rowsNote: '（同一合約另含第 3 列）' } }],
    },
    {
      name: 'drafts count as planned contracts',
      tables: workbook([may()], [contract(6, 1, 1, 5, { status: '草稿' })]),
      problems: [{ row: 2, cell: 'D2', data: { ranges: '6/1' } }],
    },
  ],
});
