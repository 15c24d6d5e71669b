import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, enrollmentRow } from '../../helpers/tables.js';

ruleTester('enrollment/no-promotion-commitment', {
  valid: [
    { name: 'exposure only', tables: [kindTable('enrollment', [enrollmentRow({ siteExposure: '是', ringData: '否' })])] },
    { name: 'ring data only', tables: [kindTable('enrollment', [enrollmentRow({ siteExposure: null, ringData: 'Y' })])] },
    { name: 'an unreadable yes/no is not taken as "no"', tables: [kindTable('enrollment', [enrollmentRow({ siteExposure: '看情況', ringData: '否' })])] },
  ],
  invalid: [
    {
      name: 'neither (blank counts as no)',
      tables: [kindTable('enrollment', [enrollmentRow({ siteExposure: '否', ringData: null, chosenDays: null })])],
      problems: [{ row: 2, cell: 'G2' }],
    },
  ],
});
