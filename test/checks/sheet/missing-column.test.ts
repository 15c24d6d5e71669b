import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, enrollmentRow } from '../../helpers/tables.js';

ruleTester('sheet/missing-column', {
  valid: [
    { name: 'optional columns may be absent', tables: [kindTable('enrollment', [enrollmentRow()], { keys: ['brandName', 'shopId', 'contactEmail', 'plan', 'submittedAt', 'siteExposure', 'ringData', 'baseCps'] })] },
  ],
  invalid: [
    {
      name: 'no 環狀數據 and no 原CPS% column',
      tables: [kindTable('enrollment', [enrollmentRow()], { keys: ['brandName', 'shopId', 'contactEmail', 'plan', 'submittedAt', 'siteExposure', 'chosenDays'] })],
      problems: [
        { row: 1, cell: null, data: { column: '環狀數據' } },
        { row: 1, cell: null, data: { column: '原CPS%' } },
      ],
    },
  ],
});
