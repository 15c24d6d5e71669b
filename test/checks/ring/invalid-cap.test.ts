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

ruleTester('ring/invalid-cap', {
  valid: [
    { name: '100000 and 1', tables: ring(send(), send({ sendCap: 1 })) },
    { name: 'text with thousands separators', tables: ring(send({ sendCap: '100,000' })) },
    { name: 'a fraction is cell/invalid-number’s', tables: ring(send({ sendCap: 1.5 })) },
    { name: 'a blank cap is cell/required’s', tables: ring(send({ sendCap: null })) },
  ],
  invalid: [
    { name: 'zero (the fixture’s home-goods row)', tables: ring(send({ sendCap: 0 })), problems: [{ row: 2, cell: 'E2', column: '發送人數上限', data: { cap: 0 } }] },
    {
      name: 'negative numbers, -1 included (unlimited is a contract idea, not a ring-data one)',
      tables: ring(send({ sendCap: -1 }), send(), send({ sendCap: '-500' })),
      problems: [
        { row: 2, cell: 'E2', data: { cap: -1 } },
        { row: 4, cell: 'E4', data: { cap: -500 } },
      ],
    },
  ],
});
