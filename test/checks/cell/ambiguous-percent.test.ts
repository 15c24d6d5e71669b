import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, enrollmentRow } from '../../helpers/tables.js';
import { makeCell } from '../../../rules/index.js';

ruleTester('cell/ambiguous-percent', {
  valid: [
    { name: 'a percent sign', tables: [kindTable('enrollment', [enrollmentRow({ baseCps: '8%' })])] },
    { name: 'a percent-formatted fraction (what Excel stores for 8%)', tables: [kindTable('enrollment', [enrollmentRow({ baseCps: makeCell(0.08, '8%', '0%') })])] },
    { name: '1 is one percent, not a fraction', tables: [kindTable('enrollment', [enrollmentRow({ baseRate: 1 })])] },
  ],
  invalid: [
    {
      name: 'a plain 0.08 is read as 8% and flagged',
      tables: [kindTable('enrollment', [enrollmentRow({ baseCps: 0.08 })])],
      problems: [{ row: 2, cell: 'J2', data: { text: '0.08', percent: '8%' } }],
    },
  ],
});
