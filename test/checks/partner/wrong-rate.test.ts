import { describe, it, expect } from 'vitest';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';
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

/** The May schedule with run `index` replaced by `rows`. */
const mayWith = (index: number, ...rows: RowSpec[]) => {
  const all = maySchedule();
  all.splice(index, 1, ...rows);
  return all;
};

ruleTester('partner/wrong-rate', {
  valid: [
    { name: 'a complete, correct May schedule', tables: workbook([may()], maySchedule()) },
    {
      name: 'a day covered twice at the right rate is contract/overlap’s, not a wrong rate',
      tables: workbook([may()], [...maySchedule(), contract(5, 4, 4, 5)]),
    },
    { name: 'days outside the enrolled months are partner/extra-contract’s', tables: workbook([may()], [...maySchedule(), contract(6, 1, 1, 7)]) },
    { name: 'rejected contracts are not checked', tables: workbook([may()], [...maySchedule(), contract(5, 8, 8, 5, { status: '不通過' })]) },
    { name: 'non-partner contracts are not checked', tables: workbook([may()], [...maySchedule(), contract(5, 8, 8, 5, { partnerPlan: '否', cps: '8%' })]) },
    { name: 'an unreadable front-end rebate is left to cell/invalid-percent', tables: workbook([may()], mayWith(4, contract(5, 8, 8, 10, { frontRate: 'abc' }))) },
  ],
  invalid: [
    {
      name: 'Friday 5/8 at 5%: the rate to use is suggested',
      tables: workbook([may()], mayWith(4, contract(5, 8, 8, 5))),
      problems: [{ row: 6, cell: 'I6', column: '加碼後前台回饋%', messageId: 'default', data: { shopId: 'goodday_food', actual: '5%', days: '5/8', expected: '10%' }, suggestion: '10%' }],
    },
    {
      name: 'a chosen day comes from the enrollment: 5/13 at 5% should be 10%',
      tables: workbook([may()], mayWith(6, contract(5, 13, 13, 5))),
      problems: [{ row: 8, cell: 'I8', data: { days: '5/13', expected: '10%' }, suggestion: '10%' }],
    },
    {
      name: 'a 5% run written as 10%: consecutive wrong days are one range',
      tables: workbook([may()], mayWith(9, contract(5, 16, 21, 10))),
      problems: [{ row: 11, cell: 'I11', data: { actual: '10%', days: '5/16-5/21', expected: '5%' }, suggestion: '5%' }],
    },
    {
      name: 'a contract mixing rates cannot be fixed by one rate: the split is listed',
      tables: workbook([may()], [...maySchedule().filter((_, i) => i < 2 || i > 4), contract(5, 6, 8, 5)]),
      problems: [{ row: 15, cell: 'I15', messageId: 'split', data: { days: '5/6、5/8', expected: '10%', schedule: '5/6 10%、5/7 5%、5/8 10%', scheduleEn: '5/6 10%, 5/7 5%, 5/8 10%' } }],
    },
    {
      name: 'wrong days expecting different rates list both',
      tables: workbook([may()], [...maySchedule().filter((_, i) => i > 1), contract(5, 1, 5, 7)]),
      problems: [{ row: 16, cell: 'I16', messageId: 'split', data: { actual: '7%', days: '5/1-5/5', expected: '5%、10%', expectedEn: '5% or 10%' } }],
    },
    {
      name: 'each product-type row of a contract is checked on its own row',
      tables: workbook([may()], mayWith(4, contract(5, 8, 8, 5), contract(5, 8, 8, 5, { productType: '3c' }))),
      problems: [
        { row: 6, cell: 'I6', suggestion: '10%' },
        { row: 7, cell: 'I7', suggestion: '10%' },
      ],
    },
    {
      name: 'drafts are checked too (they are the planned schedule)',
      tables: workbook([may()], mayWith(4, contract(5, 8, 8, 5, { status: '草稿' }))),
      problems: [{ row: 6, cell: 'I6', suggestion: '10%' }],
    },
    {
      name: 'a contract reaching past the enrolled month is checked on its enrolled days only',
      tables: workbook([may()], [...maySchedule(MAY_RUNS.slice(0, 15)), contract(5, 30, 31, 10, { end: dateCell(2026, 6, 2, 23, 59, 59) })]),
      problems: [{ row: 17, cell: 'I17', data: { days: '5/30-5/31', expected: '5%' }, suggestion: '5%' }],
    },
  ],
});

describe('partner/wrong-rate suggestions', () => {
  it('gives no suggestion when the contract must be split', () => {
    const [v] = runRule('partner/wrong-rate', { name: 'split', tables: workbook([may()], [contract(5, 6, 8, 5)]) });
    expect(v?.messageId).toBe('split');
    expect(v?.suggestion).toBeUndefined();
  });
});
