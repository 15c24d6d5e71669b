import { ruleTester } from '../../helpers/rule-tester.js';
import { adRow, workbookOf } from '../../helpers/rows.js';
import { jpg, pictures, unreadable } from '../../helpers/pictures.js';

ruleTester('ad/image-unreadable', {
  valid: [
    { name: 'a JPEG', tables: workbookOf({ ads: [adRow()] }), options: pictures({ 'card.jpg': jpg(501, 816) }) },
    { name: 'a WebP', tables: workbookOf({ ads: [adRow({ image: 'card.webp' })] }), options: pictures({ 'card.webp': { format: 'webp', width: 501, height: 816, bytes: 9000 } }) },
    { name: 'not at hand', tables: workbookOf({ ads: [adRow()] }) },
  ],
  invalid: [
    {
      name: 'a PDF named .jpg',
      tables: workbookOf({ ads: [adRow()] }),
      options: pictures({ 'card.jpg': unreadable() }),
      problems: [{ row: 2, cell: 'C2', column: '廣告圖片', messageId: 'default', data: { name: 'card.jpg', formats: 'JPEG、PNG、GIF、WEBP' } }],
    },
    {
      name: 'a BMP: readable but not a format the CMS takes',
      tables: workbookOf({ ads: [adRow({ image: 'card.bmp' })] }),
      options: pictures({ 'card.bmp': { format: 'bmp', width: 501, height: 816, bytes: 9000 } }),
      problems: [{ row: 2, cell: 'C2', messageId: 'wrongFormat', data: { name: 'card.bmp', format: 'BMP' } }],
    },
  ],
});
