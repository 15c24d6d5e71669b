import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, enrollmentRow } from '../../helpers/tables.js';
import { tableFromValues } from '../../../rules/index.js';

ruleTester('sheet/no-header', {
  valid: [
    { name: 'a header on row 3 under a title', tables: [kindTable('enrollment', [enrollmentRow()], { titleRows: [['報名表（2026 Q2）'], [null]] })] },
    { name: 'an unnamed tab without header is unknown, not headerless', tables: [tableFromValues('Sheet1', [['hello']])] },
  ],
  invalid: [
    {
      name: 'a tab named 報名表 whose header is below row 20',
      tables: [kindTable('enrollment', [enrollmentRow()], { titleRows: Array.from({ length: 20 }, () => ['說明']) })],
      problems: [{ row: null, cell: null, sheet: '報名表', data: { sheet: '報名表' } }],
    },
  ],
});
