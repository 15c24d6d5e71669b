import { describe, it, expect } from 'vitest';
import { ruleTester } from '../../helpers/rule-tester.js';
import { brandRow, contractsTab, partnerRow } from './contract-rows.js';
import { remarkFacts } from '../../../rules/checks/contract/remark-mismatch.js';
import { dateCell } from '../../helpers/tables.js';

describe('remarkFacts', () => {
  it('reads a date range and percentages', () => {
    expect(remarkFacts('5/1-5/3_加碼5%')).toEqual({ dates: { from: [5, 1], to: [5, 3] }, rates: [5] });
    expect(remarkFacts('12/1_5%(基礎2%+店家支付3%)')).toEqual({ dates: { from: [12, 1], to: [12, 1] }, rates: [5, 2, 3] });
    expect(remarkFacts('ECAC_7.26_20250723 ET')).toEqual({ rates: [] });
    expect(remarkFacts('５／１～５／３＿加碼１０％')).toEqual({ dates: { from: [5, 1], to: [5, 3] }, rates: [10] });
  });
});

ruleTester('contract/remark-mismatch', {
  valid: [
    { name: 'the generated remark', tables: [contractsTab([partnerRow(1, 3, 5)])] },
    { name: 'one day', tables: [contractsTab([partnerRow(5, 5, 10)])] },
    { name: 'the deck’s 12/1_5%(基礎2%+店家支付3%) style: one of the rates is the front rate', tables: [contractsTab([brandRow(14, { remark: '5/14_8%(基礎2%+店家支付6%)' })])] },
    { name: 'a remark naming neither dates nor rates', tables: [contractsTab([partnerRow(1, 3, 5, { remark: '母親節活動' })])] },
    { name: 'an end at midnight sharp counts as the day before', tables: [contractsTab([partnerRow(1, 3, 5, { end: dateCell(2026, 5, 4) })])] },
  ],
  invalid: [
    {
      name: 'the dates moved but the remark did not',
      tables: [contractsTab([partnerRow(2, 4, 5, { remark: '5/1-5/3_加碼5%' })])],
      problems: [{ row: 2, cell: 'C2', data: { what: '日期', period: '5/2-5/4' }, suggestion: '5/2-5/4_加碼5%' }],
    },
    {
      name: 'the rate changed but the remark did not',
      tables: [contractsTab([partnerRow(8, 8, 10, { remark: '5/8_加碼5%' })])],
      problems: [{ row: 2, cell: 'C2', data: { what: '回饋%', rate: '10%' }, suggestion: '5/8_加碼10%' }],
    },
    {
      name: 'both, and special characters too: one suggestion for the cell that satisfies both rules',
      tables: [contractsTab([partnerRow(8, 9, 10, { remark: '5/1–5/3★加碼5%' })])],
      problems: [{ row: 2, cell: 'C2', data: { what: '日期與回饋%' }, suggestion: '5/8-5/9_加碼10%' }],
    },
  ],
});
