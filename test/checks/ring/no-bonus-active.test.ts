import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, dateCell, type RowSpec } from '../../helpers/tables.js';
import { covers, intervalIndex } from '../../../rules/checks/ring/no-bonus-active.js';

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

/** A 活動加碼 contract of goodday_food for 5/12 at 10% over a 2% base. */
const bonus = (over: RowSpec = {}): RowSpec => ({
  shopId: 'goodday_food',
  contractType: '活動加碼',
  remark: '5/12_加碼10%',
  start: dateCell(2026, 5, 12),
  end: dateCell(2026, 5, 12, 23, 59, 59),
  productType: 'normal',
  baseRate: '2%',
  frontRate: '10%',
  rebateCap: -1,
  cps: '15%',
  vendorBonus: '0%',
  partnerPlan: '是',
  ...over,
});
const workbook = (sends: RowSpec[], contracts: RowSpec[]) => [kindTable('ring-data', sends), kindTable('contracts', contracts)];

ruleTester('ring/no-bonus-active', {
  valid: [
    { name: 'a 10% contract covers 5/12 20:00', tables: workbook([send()], [bonus()]) },
    { name: 'a blank time is 08:00, inside a contract from midnight', tables: workbook([send({ sendTime: null })], [bonus()]) },
    { name: 'a 單品加碼 contract above its base counts', tables: workbook([send()], [bonus({ contractType: '單品加碼', productId: 'P1', frontRate: '20%', partnerPlan: '否', cps: '8%' })]) },
    { name: 'pending, approved and draft contracts count', tables: workbook([send(), send({ sendDate: '2026/5/13' }), send({ sendDate: '2026/5/14' })], [bonus({ status: '待審核' }), bonus({ start: dateCell(2026, 5, 13), end: dateCell(2026, 5, 13, 23, 59, 59), status: '通過' }), bonus({ start: dateCell(2026, 5, 14), end: dateCell(2026, 5, 14, 23, 59, 59), status: '草稿' })]) },
    { name: 'a long contract starting earlier still covers the send', tables: workbook([send()], [bonus({ start: dateCell(2026, 4, 1), end: dateCell(2026, 6, 30, 23, 59, 59) }), bonus({ start: dateCell(2026, 5, 1), end: dateCell(2026, 5, 2, 23, 59, 59) })]) },
    { name: 'the contract’s last second is still inside', tables: workbook([send({ sendTime: '22:00' })], [bonus({ end: dateCell(2026, 5, 12, 22, 0, 0) })]) },
    { name: 'an unreadable send time is not guessed', tables: workbook([send({ sendTime: '晚上' })], []) },
  ],
  invalid: [
    {
      name: 'no contract of the shop at all (the fixture’s home-goods send)',
      tables: workbook([send({ shopId: 'home-goods', sendDate: '2026/6/10', sendTime: null })], [bonus()]),
      problems: [{ row: 2, cell: 'B2', column: '發送日期', data: { shopId: 'home-goods', sendAt: '2026/06/10 08:00', time: '08:00' } }],
    },
    {
      name: 'a contract at the base rate is no bonus',
      tables: workbook([send()], [bonus({ frontRate: '2%' })]),
      problems: [{ row: 2, cell: 'B2', data: { sendAt: '2026/05/12 20:00' } }],
    },
    {
      name: 'a rejected contract never counts',
      tables: workbook([send()], [bonus({ status: '不通過' })]),
      problems: [{ row: 2, cell: 'B2' }],
    },
    {
      name: 'the contract ends before the send time',
      tables: workbook([send()], [bonus({ end: dateCell(2026, 5, 12, 12, 0, 0) })]),
      problems: [{ row: 2, cell: 'B2' }],
    },
    {
      name: 'a blank time is 08:00, before a contract starting at 09:00',
      tables: workbook([send({ sendTime: null })], [bonus({ start: dateCell(2026, 5, 12, 9, 0, 0) })]),
      problems: [{ row: 2, cell: 'B2', data: { sendAt: '2026/05/12 08:00' } }],
    },
    {
      name: 'another shop’s contract does not count; each send is judged alone',
      tables: workbook([send(), send({ sendDate: '2026/5/13' }), send({ shopId: 'bloom_beauty' })], [bonus()]),
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
