import { ruleTester } from '../../helpers/rule-tester.js';
import { adRow, workbookOf } from '../../helpers/rows.js';
import { jpg, pictures, png, unreadable } from '../../helpers/pictures.js';

ruleTester('ad/image-size', {
  valid: [
    { name: '501×816 JPEG', tables: workbookOf({ ads: [adRow()] }), options: pictures({ 'card.jpg': jpg(501, 816) }) },
    { name: 'not at hand: asset/not-checked’s', tables: workbookOf({ ads: [adRow()] }) },
    { name: 'a URL is never at hand', tables: workbookOf({ ads: [adRow({ image: 'https://cdn.example.com/card.jpg' })] }), options: pictures({ 'https://cdn.example.com/card.jpg': jpg(1, 1) }) },
    { name: 'an unreadable file is ad/image-unreadable’s', tables: workbookOf({ ads: [adRow()] }), options: pictures({ 'card.jpg': unreadable() }) },
  ],
  invalid: [
    {
      name: '800×800 PNG',
      tables: workbookOf({ ads: [adRow({ image: 'card.png' })] }),
      options: pictures({ 'card.png': png(800, 800) }),
      problems: [{ row: 2, cell: 'C2', column: '廣告圖片', data: { name: 'card.png', width: 800, height: 800, expected: '501×816' } }],
    },
    {
      name: 'rotated 816×501, on the second row',
      tables: workbookOf({ ads: [adRow(), adRow({ image: 'wide.jpg' })] }),
      options: pictures({ 'card.jpg': jpg(501, 816), 'wide.jpg': jpg(816, 501) }),
      problems: [{ row: 3, cell: 'C3', data: { name: 'wide.jpg', width: 816, height: 501 } }],
    },
  ],
});
