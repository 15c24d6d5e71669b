import { ruleTester } from '../../helpers/rule-tester.js';
import { oaRow, workbookOf } from '../../helpers/rows.js';

ruleTester('oa/invalid-basic-id', {
  valid: [
    { name: '@goodday', tables: workbookOf({ oa: [oaRow()] }) },
    { name: 'digits, dots, dashes', tables: workbookOf({ oa: [oaRow({ botBasicId: '@123.abc_x-y' })] }) },
  ],
  invalid: [
    { name: 'no @: added', tables: workbookOf({ oa: [oaRow({ botBasicId: 'abc123' })] }), problems: [{ row: 2, cell: 'D2', column: 'Channel bot search ID', data: { value: 'abc123' }, suggestion: '@abc123' }] },
    { name: 'capitals and a full-width ＠: lower-cased', tables: workbookOf({ oa: [oaRow({ botBasicId: '＠GoodDay' })] }), problems: [{ row: 2, cell: 'D2', suggestion: '@goodday' }] },
    { name: 'too short: nothing to suggest', tables: workbookOf({ oa: [oaRow({ botBasicId: '@ab' })] }), problems: [{ row: 2, cell: 'D2', data: { value: '@ab' } }] },
    { name: 'CJK characters', tables: workbookOf({ oa: [oaRow({ botBasicId: '@好日子' })] }), problems: [{ row: 2, cell: 'D2', data: { value: '@好日子' } }] },
  ],
});
