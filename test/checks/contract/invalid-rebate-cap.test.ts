import { describe, it, expect } from 'vitest';
import { ruleTester } from '../../helpers/rule-tester.js';
import { contractsTab, partnerRow } from './contract-rows.js';
import { validateWorkbook } from '../../../rules/index.js';
import { isValidRebateCap } from '../../../rules/checks/contract/invalid-rebate-cap.js';

describe('cell/invalid-number leaves the rebate cap to its rule', () => {
  it('reports no cell/invalid-number for 1.5 or 無上限', () => {
    for (const cap of [1.5, '無上限', '200點']) {
      const r = validateWorkbook({ tables: [contractsTab([partnerRow(1, 1, 10, { rebateCap: cap })])] }, { today: '2026-03-20' });
      expect(r.violations.filter((v) => v.cell === 'J2').map((v) => v.ruleId)).toEqual(['contract/invalid-rebate-cap']);
    }
  });
});

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
  ],
  invalid: [
    { name: 'a fraction is this rule, not cell/invalid-number (SPEC §5.3)', tables: [contractsTab([partnerRow(1, 1, 10, { rebateCap: 1.5 })])], problems: [{ row: 2, cell: 'J2', messageId: 'default', data: { cap: '1.5' } }] },
    { name: '無上限 suggests -1', tables: [contractsTab([partnerRow(1, 1, 10, { rebateCap: '無上限' })])], problems: [{ row: 2, cell: 'J2', messageId: 'meant', data: { cap: '無上限' }, suggestion: '-1' }] },
    { name: '不限 and -1 點 suggest -1', tables: [contractsTab([partnerRow(1, 1, 10, { rebateCap: '不限' }), partnerRow(2, 2, 5, { rebateCap: '-1 點' })])], problems: [{ row: 2, cell: 'J2', suggestion: '-1' }, { row: 3, cell: 'J3', suggestion: '-1' }] },
    { name: '200點 suggests 200', tables: [contractsTab([partnerRow(1, 1, 10, { rebateCap: '200點' })])], problems: [{ row: 2, cell: 'J2', messageId: 'meant', data: { cap: '200點' }, suggestion: '200' }] },
    { name: 'other text: no suggestion', tables: [contractsTab([partnerRow(1, 1, 10, { rebateCap: '很多' })])], problems: [{ row: 2, cell: 'J2', messageId: 'default', data: { cap: '很多' } }] },
    { name: '0', tables: [contractsTab([partnerRow(1, 1, 10, { rebateCap: 0 })])], problems: [{ row: 2, cell: 'J2', data: { cap: 0 } }] },
    { name: '-5', tables: [contractsTab([partnerRow(1, 1, 10), partnerRow(2, 2, 5, { rebateCap: '-5' })])], problems: [{ row: 3, cell: 'J3', data: { cap: -5 } }] },
  ],
});
