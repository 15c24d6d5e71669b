import { ruleTester } from '../../helpers/rule-tester.js';
import { dateCell } from '../../helpers/tables.js';
import { adRow, workbookOf } from '../../helpers/rows.js';

ruleTester('ad/not-future', {
  valid: [
    { name: 'uploaded before the exposure', tables: workbookOf({ ads: [adRow()] }) },
    { name: 'not uploaded yet, exposure after today', tables: workbookOf({ ads: [adRow({ submittedAt: null, status: null })] }), options: { today: '2026-05-08' } },
    { name: 'an approved row without upload time is not judged', tables: workbookOf({ ads: [adRow({ submittedAt: null, status: '通過' })] }), options: { today: '2026-06-01' } },
  ],
  invalid: [
    {
      name: 'the exposure starts before the upload',
      tables: workbookOf({ ads: [adRow({ submittedAt: dateCell(2026, 5, 8, 9) })] }),
      problems: [{ row: 2, cell: 'D2', column: '曝光開始', messageId: 'default', data: { start: '2026/05/08 00:00:00', submitted: '2026/05/08 09:00:00' } }],
    },
    {
      name: 'a new row whose exposure started before today',
      tables: workbookOf({ ads: [adRow({ submittedAt: null, status: null })] }),
      options: { today: '2026-05-09' },
      problems: [{ row: 2, cell: 'D2', messageId: 'beforeToday', data: { start: '2026/05/08 00:00:00', today: '2026-05-09' } }],
    },
  ],
});
