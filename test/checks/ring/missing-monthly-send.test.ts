import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, enrollmentRow, dateCell, type RowSpec } from '../../helpers/tables.js';

const send = (over: RowSpec = {}): RowSpec => ({
  shopId: 'goodday_food',
  sendDate: '2026/5/12',
  sendTime: '20:00',
  audience: '通發型',
  sendCap: 100000,
  excludeBuyers: '近3個月',
  excludeRecent: '是',
  requestedAt: dateCell(2026, 5, 6, 10),
  ...over,
});

/** A quarter-plan enrollment that committed to ring data. */
const committed = (over: RowSpec = {}) => enrollmentRow({ ringData: '是', ...over });
const workbook = (enrollments: RowSpec[], sends: RowSpec[]) => [kindTable('enrollment', enrollments), kindTable('ring-data', sends)];
const monthly = [send({ sendDate: '2026/4/15' }), send({ sendDate: '2026/5/12' }), send({ sendDate: '2026/6/10' })];

ruleTester('ring/missing-monthly-send', {
  valid: [
    { name: 'one send in each enrolled month', tables: workbook([committed()], monthly) },
    { name: 'no commitment, no sends', tables: workbook([enrollmentRow({ ringData: '否' })], []) },
    { name: 'a May plan needs May only', tables: workbook([committed({ plan: '5月單月方案', chosenDays: '5/6' })], [send()]) },
    { name: 'an unknown plan has no months', tables: workbook([committed({ plan: '4月單月方案' })], []) },
    { name: 'a send with other problems still counts as the month’s send', tables: workbook([committed({ plan: '5月單月方案', chosenDays: '5/6' })], [send({ sendTime: '20:30', audience: '自訂受眾', sendCap: 0 })]) },
  ],
  invalid: [
    {
      name: 'a quarter plan with sends only in May (the fixture’s goodday_food)',
      tables: workbook([committed()], [send(), send({ sendDate: '2026/5/27' })]),
      problems: [
        { row: 2, cell: 'H2', column: '環狀數據', data: { shopId: 'goodday_food', month: '2026-04' } },
        { row: 2, cell: 'H2', data: { shopId: 'goodday_food', month: '2026-06' } },
      ],
    },
    {
      name: 'another shop’s sends do not count',
      tables: workbook([committed({ plan: '5月單月方案', chosenDays: '5/6' })], [send({ shopId: 'bloom_beauty' })]),
      problems: [{ row: 2, cell: 'H2', data: { month: '2026-05' } }],
    },
    {
      name: 'a shop enrolled twice is judged once per month, on the enrollment covering it',
      tables: workbook([committed(), committed({ plan: '6月單月方案', chosenDays: '6/4' })], monthly.slice(0, 2)),
      problems: [{ row: 2, cell: 'H2', data: { month: '2026-06' } }],
    },
  ],
});
