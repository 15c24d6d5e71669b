import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ruleTester } from '../../helpers/rule-tester.js';
import { dateCell, type RowSpec } from '../../helpers/tables.js';
import { partnerContractRow, ringSendRow, workbookOf } from '../../helpers/rows.js';
import { covers, intervalIndex } from '../../../rules/checks/ring/no-bonus-active.js';

/** A partner-plan 活動加碼 contract of goodday_food for 5/12 at 10% over a 2% base (remark `5/12_加碼10%`, no point price). */
const bonus = (over: RowSpec = {}): RowSpec => partnerContractRow(5, 12, 12, 10, { remark: '5/12_加碼10%', pointPrice: null, ...over });

ruleTester('ring/no-bonus-active', {
  valid: [
    { name: 'a 10% contract covers 5/12 20:00', tables: workbookOf({ ring: [ringSendRow()], contracts: [bonus()] }) },
    { name: 'a blank time is 08:00, inside a contract from midnight', tables: workbookOf({ ring: [ringSendRow({ sendTime: null })], contracts: [bonus()] }) },
    { name: 'a 單品加碼 contract above its base counts', tables: workbookOf({ ring: [ringSendRow()], contracts: [bonus({ contractType: '單品加碼', productId: 'P1', frontRate: '20%', partnerPlan: '否', cps: '8%' })] }) },
    { name: 'pending, approved and draft contracts count', tables: workbookOf({ ring: [ringSendRow(), ringSendRow({ sendDate: '2026/5/13' }), ringSendRow({ sendDate: '2026/5/14' })], contracts: [bonus({ status: '待審核' }), bonus({ start: dateCell(2026, 5, 13), end: dateCell(2026, 5, 13, 23, 59, 59), status: '通過' }), bonus({ start: dateCell(2026, 5, 14), end: dateCell(2026, 5, 14, 23, 59, 59), status: '草稿' })] }) },
    { name: 'a long contract starting earlier still covers the send', tables: workbookOf({ ring: [ringSendRow()], contracts: [bonus({ start: dateCell(2026, 4, 1), end: dateCell(2026, 6, 30, 23, 59, 59) }), bonus({ start: dateCell(2026, 5, 1), end: dateCell(2026, 5, 2, 23, 59, 59) })] }) },
    { name: 'the contract’s last second is still inside', tables: workbookOf({ ring: [ringSendRow({ sendTime: '22:00' })], contracts: [bonus({ end: dateCell(2026, 5, 12, 22, 0, 0) })] }) },
    { name: 'an unreadable send time is not guessed', tables: workbookOf({ ring: [ringSendRow({ sendTime: '晚上' })], contracts: [] }) },
  ],
  invalid: [
    {
      name: 'no contract of the shop at all (the fixture’s home-goods send)',
      tables: workbookOf({ ring: [ringSendRow({ shopId: 'home-goods', sendDate: '2026/6/10', sendTime: null })], contracts: [bonus()] }),
      problems: [{ row: 2, cell: 'B2', column: '發送日期', data: { shopId: 'home-goods', sendAt: '2026/06/10 08:00', time: '08:00' } }],
    },
    {
      name: 'a contract at the base rate is no bonus',
      tables: workbookOf({ ring: [ringSendRow()], contracts: [bonus({ frontRate: '2%' })] }),
      problems: [{ row: 2, cell: 'B2', data: { sendAt: '2026/05/12 20:00' } }],
    },
    {
      name: 'a rejected contract never counts',
      tables: workbookOf({ ring: [ringSendRow()], contracts: [bonus({ status: '不通過' })] }),
      problems: [{ row: 2, cell: 'B2' }],
    },
    {
      name: 'the contract ends before the send time',
      tables: workbookOf({ ring: [ringSendRow()], contracts: [bonus({ end: dateCell(2026, 5, 12, 12, 0, 0) })] }),
      problems: [{ row: 2, cell: 'B2' }],
    },
    {
      name: 'a blank time is 08:00, before a contract starting at 09:00',
      tables: workbookOf({ ring: [ringSendRow({ sendTime: null })], contracts: [bonus({ start: dateCell(2026, 5, 12, 9, 0, 0) })] }),
      problems: [{ row: 2, cell: 'B2', data: { sendAt: '2026/05/12 08:00' } }],
    },
    {
      name: 'another shop’s contract does not count; each send is judged alone',
      tables: workbookOf({ ring: [ringSendRow(), ringSendRow({ sendDate: '2026/5/13' }), ringSendRow({ shopId: 'bloom_beauty' })], contracts: [bonus()] }),
      problems: [
        { row: 3, cell: 'B3', data: { shopId: 'goodday_food', sendAt: '2026/05/13 20:00' } },
        { row: 4, cell: 'B4', data: { shopId: 'bloom_beauty' } },
      ],
    },
  ],
});

describe('covers', () => {
  it('agrees with checking every interval', () => {
    const interval = fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 30 })).map(([s, len]) => [s, s + len] as [number, number]);
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 15 }), fc.integer({ min: -5, max: 140 }), (intervals, t) => {
        expect(covers(intervalIndex(intervals), t)).toBe(intervals.some(([s, e]) => s <= t && t <= e));
      }),
    );
  });
});
