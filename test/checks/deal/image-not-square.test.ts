import { ruleTester } from '../../helpers/rule-tester.js';
import { dealRow, workbookOf } from '../../helpers/rows.js';
import { jpg, pictures, png, unreadable } from '../../helpers/pictures.js';

const withImage = (image: string) => workbookOf({ deals: [dealRow({ image })] });

ruleTester('deal/image-not-square', {
  valid: [
    { name: 'square PNG', tables: withImage('cake.png'), options: pictures({ 'cake.png': png(1000, 1000) }) },
    { name: 'no picture (product page)', tables: workbookOf({ deals: [dealRow()] }) },
    { name: 'not at hand', tables: withImage('cake.png') },
  ],
  invalid: [
    { name: '1000×750', tables: withImage('cake.jpg'), options: pictures({ 'cake.jpg': jpg(1000, 750) }), problems: [{ row: 2, cell: 'E2', column: '商品圖片', messageId: 'default', data: { name: 'cake.jpg', width: 1000, height: 750 } }] },
    { name: 'not a picture at all', tables: withImage('cake.jpg'), options: pictures({ 'cake.jpg': unreadable() }), problems: [{ row: 2, cell: 'E2', messageId: 'unreadable', data: { name: 'cake.jpg', formats: 'JPEG、PNG、GIF、WEBP' } }] },
  ],
});
