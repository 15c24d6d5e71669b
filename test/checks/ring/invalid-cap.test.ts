import { ruleTester } from '../../helpers/rule-tester.js';
import { ringSendRow, workbookOf } from '../../helpers/rows.js';

ruleTester('ring/invalid-cap', {
  valid: [
    { name: '100000 and 1', tables: workbookOf({ ring: [ringSendRow(), ringSendRow({ sendCap: 1 })] }) },
    { name: 'text with thousands separators', tables: workbookOf({ ring: [ringSendRow({ sendCap: '100,000' })] }) },
    { name: 'a blank cap is cell/required’s', tables: workbookOf({ ring: [ringSendRow({ sendCap: null })] }) },
  ],
  invalid: [
    { name: 'a fraction is this rule’s, not cell/invalid-number’s (SPEC §5.5)', tables: workbookOf({ ring: [ringSendRow({ sendCap: 1.5 })] }), problems: [{ row: 2, cell: 'E2', messageId: 'default', data: { cap: '1.5' } }] },
    { name: '100,000人 suggests 100000', tables: workbookOf({ ring: [ringSendRow({ sendCap: '100,000人' })] }), problems: [{ row: 2, cell: 'E2', messageId: 'meant', suggestion: '100000' }] },
    { name: 'text: no suggestion', tables: workbookOf({ ring: [ringSendRow({ sendCap: '十萬' })] }), problems: [{ row: 2, cell: 'E2', messageId: 'default', data: { cap: '十萬' } }] },
    { name: 'zero (the fixture’s home-goods row)', tables: workbookOf({ ring: [ringSendRow({ sendCap: 0 })] }), problems: [{ row: 2, cell: 'E2', column: '發送人數上限', data: { cap: 0 } }] },
    {
      name: 'negative numbers, -1 included (unlimited is a contract idea, not a ring-data one)',
      tables: workbookOf({ ring: [ringSendRow({ sendCap: -1 }), ringSendRow(), ringSendRow({ sendCap: '-500' })] }),
      problems: [
        { row: 2, cell: 'E2', data: { cap: -1 } },
        { row: 4, cell: 'E4', data: { cap: -500 } },
      ],
    },
  ],
});
