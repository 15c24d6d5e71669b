import { ruleTester } from '../../helpers/rule-tester.js';
import { ringSendRow, workbookOf } from '../../helpers/rows.js';

ruleTester('ring/audience', {
  valid: [
    { name: '通發型', tables: workbookOf({ ring: [ringSendRow()] }) },
    { name: 'spaces around it and the English label', tables: workbookOf({ ring: [ringSendRow({ audience: ' 通發型 ' }), ringSendRow({ audience: 'Broadcast' })] }) },
  ],
  invalid: [
    {
      name: 'a custom audience (the fixture’s 自訂受眾)',
      tables: workbookOf({ ring: [ringSendRow({ audience: '自訂受眾' })] }),
      problems: [{ row: 2, cell: 'D2', column: '發送受眾', data: { text: '自訂受眾' }, suggestion: '通發型' }],
    },
    {
      name: 'a near miss is still not 通發型',
      tables: workbookOf({ ring: [ringSendRow(), ringSendRow({ audience: '通發' }), ringSendRow({ audience: '全部好友' })] }),
      problems: [
        { row: 3, cell: 'D3', data: { text: '通發' }, suggestion: '通發型' },
        { row: 4, cell: 'D4', data: { text: '全部好友' }, suggestion: '通發型' },
      ],
    },
  ],
});
