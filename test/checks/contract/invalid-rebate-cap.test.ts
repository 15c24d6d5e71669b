import { describe, it, expect } from 'vitest';
import { ruleTester } from '../../helpers/rule-tester.js';
import { contractsTab, partnerRow } from './contract-rows.js';
import { isValidRebateCap } from '../../../rules/checks/contract/invalid-rebate-cap.js';

describe('isValidRebateCap', () => {
  it('accepts -1 and positive integers only', () => {
    expect([-1, 1, 200].map(isValidRebateCap)).toEqual([true, true, true]);
    expect([0, -2, -100, 1.5].map(isValidRebateCap)).toEqual([false, false, false, false]);
  });
});

ruleTester('contract/invalid-rebate-cap', {
  valid: [
    { name: '-1 (無上限)', tables: [contractsTab([partnerRow(1, 1, 10)])] },
    { name: '200 points (the deck: 返點200點)', tables: [contractsTab([partnerRow(1, 1, 10, { rebateCap: 200 })])] },
    { name: '"-1" as text', tables: [contractsTab([partnerRow(1, 1, 10, { rebateCap: '-1' })])] },
    { name: 'a fraction is cell/invalid-number, not this rule', tables: [contractsTab([partnerRow(1, 1, 10, { rebateCap: 1.5 })])] },
  ],
  invalid: [
    { name: '0', tables: [contractsTab([partnerRow(1, 1, 10, { rebateCap: 0 })])], problems: [{ row: 2, cell: 'J2', data: { cap: 0 } }] },
    { name: '-5', tables: [contractsTab([partnerRow(1, 1, 10), partnerRow(2, 2, 5, { rebateCap: '-5' })])], problems: [{ row: 3, cell: 'J3', data: { cap: -5 } }] },
  ],
});
