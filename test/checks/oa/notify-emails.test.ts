import { ruleTester } from '../../helpers/rule-tester.js';
import { oaRow, workbookOf } from '../../helpers/rows.js';

const list = (n: number) => Array.from({ length: n }, (_, i) => `a${i + 1}@goodday.example.com`).join(',');

ruleTester('oa/notify-emails', {
  valid: [
    { name: 'two, half-width comma', tables: workbookOf({ oa: [oaRow()] }) },
    { name: 'one', tables: workbookOf({ oa: [oaRow({ notifyEmails: 'mkt@goodday.example.com' })] }) },
    { name: 'five, spaces after the commas', tables: workbookOf({ oa: [oaRow({ notifyEmails: list(5).split(',').join(', ') })] }) },
  ],
  invalid: [
    { name: '頓號', tables: workbookOf({ oa: [oaRow({ notifyEmails: 'mkt@goodday.example.com、ops@goodday.example.com' })] }), problems: [{ row: 2, cell: 'E2', column: '環狀不足額通知 email', messageId: 'default', suggestion: 'mkt@goodday.example.com,ops@goodday.example.com' }] },
    { name: 'full-width comma', tables: workbookOf({ oa: [oaRow({ notifyEmails: 'mkt@goodday.example.com，ops@goodday.example.com' })] }), problems: [{ row: 2, cell: 'E2', suggestion: 'mkt@goodday.example.com,ops@goodday.example.com' }] },
    { name: 'semicolon', tables: workbookOf({ oa: [oaRow({ notifyEmails: 'mkt@goodday.example.com;ops@goodday.example.com' })] }), problems: [{ row: 2, cell: 'E2', suggestion: 'mkt@goodday.example.com,ops@goodday.example.com' }] },
    { name: 'a space', tables: workbookOf({ oa: [oaRow({ notifyEmails: 'mkt@goodday.example.com ops@goodday.example.com' })] }), problems: [{ row: 2, cell: 'E2', suggestion: 'mkt@goodday.example.com,ops@goodday.example.com' }] },
    { name: 'six addresses', tables: workbookOf({ oa: [oaRow({ notifyEmails: list(6) })] }), problems: [{ row: 2, cell: 'E2', messageId: 'tooMany', data: { count: 6, max: 5 } }] },
    { name: 'a malformed address', tables: workbookOf({ oa: [oaRow({ notifyEmails: 'mkt@goodday,ops@goodday.example.com' })] }), problems: [{ row: 2, cell: 'E2', messageId: 'malformed', data: { text: 'mkt@goodday' } }] },
  ],
});
