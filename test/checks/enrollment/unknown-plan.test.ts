import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, enrollmentRow } from '../../helpers/tables.js';

ruleTester('enrollment/unknown-plan', {
  valid: [
    { name: 'each plan by its label', tables: [kindTable('enrollment', [enrollmentRow(), enrollmentRow({ shopId: 'b_shop', plan: '5月單月方案', chosenDays: '5/6、5/13、5/27' }), enrollmentRow({ shopId: 'c_shop', plan: '6月單月方案', submittedAt: '2026/5/1', chosenDays: '6/3、6/10、6/17' })])] },
    { name: 'full-width and spaced spellings', tables: [kindTable('enrollment', [enrollmentRow({ plan: '５月 單月方案', chosenDays: '5/6、5/13、5/27' })])] },
  ],
  invalid: [
    {
      name: 'an April-only plan does not exist',
      tables: [kindTable('enrollment', [enrollmentRow({ plan: '4月單月方案', chosenDays: null })])],
      problems: [{ row: 2, cell: 'E2', data: { plan: '4月單月方案', plans: '季方案、5月單月方案、6月單月方案' } }],
    },
  ],
});
