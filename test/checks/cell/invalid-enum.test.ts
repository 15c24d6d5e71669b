import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, enrollmentRow } from '../../helpers/tables.js';

ruleTester('cell/invalid-enum', {
  valid: [
    { name: 'categories and booleans in accepted spellings', tables: [kindTable('enrollment', [enrollmentRow({ category: '美妝保養', siteExposure: 'V', ringData: 'N' })])] },
  ],
  invalid: [
    {
      name: 'an unknown category and a boolean that is neither',
      tables: [kindTable('enrollment', [enrollmentRow({ category: '3C家電', siteExposure: '看情況' })])],
      problems: [
        { row: 2, cell: 'D2', messageId: 'default', data: { text: '3C家電', allowed: '美食保健、美妝保養、居家生活、流行服飾配件、其他' } },
        { row: 2, cell: 'G2', messageId: 'boolean', data: { text: '看情況' } },
      ],
    },
  ],
});
