import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, dateCell, type RowSpec } from '../../helpers/tables.js';

const send = (over: RowSpec = {}): RowSpec => ({
  shopId: 'goodday_food',
  sendDate: '2026/5/12',
  sendTime: '20:00',
  audience: '通發型',
  sendCap: 100000,
  excludeBuyers: '近3個月',
  excludeRecent: '是',
  requestedAt: dateCell(2026, 5, 6, 10),
  ...over,
});
const ring = (...rows: RowSpec[]) => [kindTable('ring-data', rows)];

ruleTester('ring/audience', {
  valid: [
    { name: '通發型', tables: ring(send()) },
    { name: 'spaces around it and the English label', tables: ring(send({ audience: ' 通發型 ' }), send({ audience: 'Broadcast' })) },
  ],
  invalid: [
    {
      name: 'a custom audience (the fixture’s 自訂受眾)',
      tables: ring(send({ audience: '自訂受眾' })),
      problems: [{ row: 2, cell: 'D2', column: '發送受眾', data: { text: '自訂受眾' }, suggestion: '通發型' }],
    },
    {
      name: 'a near miss is still not 通發型',
      tables: ring(send(), send({ audience: '通發' }), send({ audience: '全部好友' })),
      problems: [
        { row: 3, cell: 'D3', data: { text: '通發' }, suggestion: '通發型' },
        { row: 4, cell: 'D4', data: { text: '全部好友' }, suggestion: '通發型' },
      ],
    },
  ],
});
