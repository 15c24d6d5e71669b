import { ruleTester } from '../../helpers/rule-tester.js';
import { adRow, workbookOf } from '../../helpers/rows.js';
import { jpg, pictures } from '../../helpers/pictures.js';

ruleTester('ad/image-too-large', {
  valid: [
    { name: 'exactly 2 MB', tables: workbookOf({ ads: [adRow()] }), options: pictures({ 'card.jpg': jpg(501, 816, 2_097_152) }) },
    { name: 'not at hand', tables: workbookOf({ ads: [adRow()] }) },
  ],
  invalid: [
    {
      name: 'one byte over 2 MB',
      tables: workbookOf({ ads: [adRow()] }),
      options: pictures({ 'card.jpg': jpg(501, 816, 2_097_153) }),
      problems: [{ row: 2, cell: 'C2', column: '廣告圖片', data: { name: 'card.jpg', size: '2.0 MB', bytes: 2_097_153, max: '2.0 MB' } }],
    },
    {
      name: '3.4 MB',
      tables: workbookOf({ ads: [adRow()] }),
      options: pictures({ 'card.jpg': jpg(501, 816, 3_565_158) }),
      problems: [{ row: 2, cell: 'C2', data: { size: '3.4 MB' } }],
    },
  ],
});
