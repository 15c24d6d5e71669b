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

const quarter = () => may({ plan: '季方案', chosenDays: '4/1、4/14、4/22、5/6、5/13、5/27、6/2、6/9、6/16' });

ruleTester('partner/crosses-month', {
  valid: [
    { name: 'a May schedule', tables: workbook([may()], maySchedule()) },
    { name: 'a contract ending at 00:00:00 on the 1st ends the month before', tables: workbook([quarter()], [contract(5, 30, 31, 5, { end: dateCell(2026, 6, 1) })]) },
    { name: 'a rejected contract is ignored', tables: workbook([quarter()], [contract(5, 1, 2, 5, { start: dateCell(2026, 4, 30), status: '不通過' })]) },
    { name: 'a non-partner contract is ignored', tables: workbook([quarter()], [contract(5, 1, 2, 5, { start: dateCell(2026, 4, 30), partnerPlan: '否' })]) },
    { name: 'a 單品加碼 contract is ignored', tables: workbook([quarter()], [contract(5, 1, 2, 20, { start: dateCell(2026, 4, 30), contractType: '單品加碼', productId: 'P1' })]) },
  ],
  invalid: [
    {
      name: '4/29–5/2 spans April and May',
      tables: workbook([quarter()], [contract(5, 1, 2, 10, { start: dateCell(2026, 4, 29) })]),
      problems: [{ row: 2, cell: 'D2', column: '開始時間', data: { range: '4/29-5/2', months: '2026-04、2026-05', parts: '4/29-4/30、5/1-5/2', partsEn: '4/29-4/30, 5/1-5/2' } }],
    },
    {
      name: 'a contract over three months lists three parts',
      tables: workbook([quarter()], [contract(6, 1, 1, 5, { start: dateCell(2026, 4, 30) })]),
      problems: [{ row: 2, cell: 'D2', data: { months: '2026-04、2026-05、2026-06', parts: '4/30、5/1-5/31、6/1' } }],
    },
    {
      name: 'one violation per contract, on its first row',
      tables: workbook([quarter()], [...maySchedule(), contract(6, 1, 1, 5, { start: dateCell(2026, 5, 31) }), contract(6, 1, 1, 5, { start: dateCell(2026, 5, 31), productType: '3c' })]),
      problems: [{ row: 18, cell: 'D18', data: { range: '5/31-6/1', rows: '19' } }],
    },
    {
      name: 'it is reported for a shop outside its months too (alongside partner/extra-contract)',
      tables: workbook([may()], [contract(7, 1, 1, 5, { start: dateCell(2026, 6, 30) })]),
      problems: [{ row: 2, cell: 'D2', data: { months: '2026-06、2026-07' } }],
    },
  ],
});
