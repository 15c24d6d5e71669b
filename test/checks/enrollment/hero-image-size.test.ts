import { ruleTester } from '../../helpers/rule-tester.js';
import { enrollmentRow, kindTable } from '../../helpers/tables.js';
import { jpg, pictures, png, unreadable } from '../../helpers/pictures.js';

const hero = (heroImage = 'goodday.jpg') => [kindTable('enrollment', [enrollmentRow({ heroImage })])];

ruleTester('enrollment/hero-image-size', {
  valid: [
    { name: '800×800 JPEG', tables: hero(), options: pictures({ 'goodday.jpg': jpg(800, 800) }) },
    { name: '800×800 PNG', tables: hero('goodday.png'), options: pictures({ 'goodday.png': png(800, 800) }) },
    { name: 'not at hand', tables: hero() },
  ],
  invalid: [
    { name: '1080×1080', tables: hero(), options: pictures({ 'goodday.jpg': jpg(1080, 1080) }), problems: [{ row: 2, cell: 'M2', column: '形象圖', messageId: 'default', data: { name: 'goodday.jpg', width: 1080, height: 1080, expected: '800×800' } }] },
    { name: 'a WebP', tables: hero('goodday.webp'), options: pictures({ 'goodday.webp': { format: 'webp', width: 800, height: 800, bytes: 1000 } }), problems: [{ row: 2, cell: 'M2', messageId: 'format', data: { format: 'WEBP', formats: 'JPEG、PNG' } }] },
    { name: 'not a picture', tables: hero(), options: pictures({ 'goodday.jpg': unreadable() }), problems: [{ row: 2, cell: 'M2', messageId: 'unreadable', data: { name: 'goodday.jpg' } }] },
  ],
});
