import { ruleTester } from '../../helpers/rule-tester.js';
import { enrollmentRow, type RowSpec } from '../../helpers/tables.js';
import { ringSendRow, workbookOf } from '../../helpers/rows.js';

/** A quarter-plan enrollment that committed to ring data. */
const committed = (over: RowSpec = {}) => enrollmentRow({ ringData: '是', ...over });
const monthly = [ringSendRow({ sendDate: '2026/4/15' }), ringSendRow({ sendDate: '2026/5/12' }), ringSendRow({ sendDate: '2026/6/10' })];

ruleTester('ring/missing-monthly-send', {
  valid: [
    { name: 'one send in each enrolled month', tables: workbookOf({ enrollment: [committed()], ring: monthly }) },
    { name: 'no commitment, no sends', tables: workbookOf({ enrollment: [enrollmentRow({ ringData: '否' })], ring: [] }) },
    { name: 'a May plan needs May only', tables: workbookOf({ enrollment: [committed({ plan: '5月單月方案', chosenDays: '5/6' })], ring: [ringSendRow()] }) },
    { name: 'an unknown plan has no months', tables: workbookOf({ enrollment: [committed({ plan: '4月單月方案' })], ring: [] }) },
    { name: 'a send with other problems still counts as the month’s send', tables: workbookOf({ enrollment: [committed({ plan: '5月單月方案', chosenDays: '5/6' })], ring: [ringSendRow({ sendTime: '20:30', audience: '自訂受眾', sendCap: 0 })] }) },
  ],
  invalid: [
    {
      name: 'a quarter plan with sends only in May (the fixture’s goodday_food)',
      tables: workbookOf({ enrollment: [committed()], ring: [ringSendRow(), ringSendRow({ sendDate: '2026/5/27' })] }),
      problems: [
        { row: 2, cell: 'H2', column: '環狀數據', data: { shopId: 'goodday_food', month: '2026 年 4 月' } },
        { row: 2, cell: 'H2', data: { shopId: 'goodday_food', month: '2026 年 6 月' } },
      ],
    },
    {
      name: 'another shop’s sends do not count',
      tables: workbookOf({ enrollment: [committed({ plan: '5月單月方案', chosenDays: '5/6' })], ring: [ringSendRow({ shopId: 'bloom_beauty' })] }),
      problems: [{ row: 2, cell: 'H2', data: { month: '2026 年 5 月' } }],
    },
    {
      name: 'a shop enrolled twice is judged once per month, on the enrollment covering it',
      tables: workbookOf({ enrollment: [committed(), committed({ plan: '6月單月方案', chosenDays: '6/4' })], ring: monthly.slice(0, 2) }),
      problems: [{ row: 2, cell: 'H2', data: { month: '2026 年 6 月' } }],
    },
  ],
});
