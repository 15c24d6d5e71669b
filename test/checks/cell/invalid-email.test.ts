import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, enrollmentRow } from '../../helpers/tables.js';

ruleTester('cell/invalid-email', {
  valid: [
    { name: 'two addresses', tables: [kindTable('enrollment', [enrollmentRow({ contactEmail: 'ops@homegoods.example.com, boss@homegoods.example.com' })])] },
    { name: 'five addresses separated by 、', tables: [kindTable('enrollment', [enrollmentRow({ contactEmail: 'a@x.tw、b@x.tw、c@x.tw、d@x.tw、e@x.tw' })])] },
  ],
  invalid: [
    {
      name: 'a doubled @ and six addresses',
      tables: [kindTable('enrollment', [enrollmentRow({ contactEmail: 'trend@@example.com' }), enrollmentRow({ shopId: 'other_shop', contactEmail: 'a@x.tw,b@x.tw,c@x.tw,d@x.tw,e@x.tw,f@x.tw' })])],
      problems: [
        { row: 2, cell: 'C2', messageId: 'default', data: { text: 'trend@@example.com' } },
        { row: 3, cell: 'C3', messageId: 'tooMany', data: { count: 6, max: 5 } },
      ],
    },
  ],
});
