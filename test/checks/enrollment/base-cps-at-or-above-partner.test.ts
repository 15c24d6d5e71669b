import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, enrollmentRow } from '../../helpers/tables.js';

ruleTester('enrollment/base-cps-at-or-above-partner', {
  valid: [{ name: '14.9%', tables: [kindTable('enrollment', [enrollmentRow({ baseCps: '14.9%' })])] }],
  invalid: [
    {
      name: '15% and 16%',
      tables: [kindTable('enrollment', [enrollmentRow({ baseCps: '15%' }), enrollmentRow({ shopId: 'morning_cafe', baseCps: 0.16 })])],
      problems: [
        { row: 2, cell: 'J2', data: { cps: 15, partner: 15 } },
        { row: 3, cell: 'J3', data: { cps: 16, partner: 15 } },
      ],
    },
  ],
});
