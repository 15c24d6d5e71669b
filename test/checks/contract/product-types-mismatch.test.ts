import { describe, it, expect } from 'vitest';
import { ruleTester } from '../../helpers/rule-tester.js';
import { dateCell } from '../../helpers/tables.js';
import { baseRow, baseTab, contractsTab, partnerRow } from './contract-rows.js';
import { missingTypes } from '../../../rules/checks/contract/product-types-mismatch.js';

describe('missingTypes', () => {
  it('compares product types case-insensitively and keeps the spelling of the wanted list', () => {
    expect(missingTypes(['normal', '3C'], ['Normal'])).toEqual(['3C']);
    expect(missingTypes(['normal'], ['normal', '3c'])).toEqual([]);
  });
});

const several = baseTab([baseRow(), baseRow({ productType: '3c', baseRate: '1%', cps: '1%' })]);
const three = (over = {}) => partnerRow(1, 5, 5, { productType: '3c', baseRate: '1%', cps: '1%', ...over });

ruleTester('contract/product-types-mismatch', {
  valid: [
    { name: 'normal only, base normal only', tables: [contractsTab([partnerRow(1, 5, 5)]), baseTab([baseRow()])] },
    { name: 'normal + 3c, base normal + 3c', tables: [contractsTab([partnerRow(1, 5, 5), three()]), several] },
    { name: 'no base contract at the start is left to no-base-contract', tables: [contractsTab([partnerRow(1, 5, 5)]), baseTab([baseRow({ start: dateCell(2026, 6, 1) })])] },
    {
      name: 'the types in force at the start decide (3c starts later)',
      tables: [contractsTab([partnerRow(1, 5, 5)]), baseTab([baseRow(), baseRow({ productType: '3c', start: dateCell(2026, 7, 1) })])],
    },
  ],
  invalid: [
    {
      name: 'normal only while the base contracts have several types',
      tables: [contractsTab([partnerRow(1, 5, 5)]), several],
      problems: [{ row: 2, cell: 'F2', data: { expected: 'normal、3c', actual: 'normal', missing: '3c', extra: '無', rows: '' } }],
    },
    {
      name: 'several types while the base contract is normal only: reported once on the first row',
      tables: [contractsTab([partnerRow(1, 5, 5), three()]), baseTab([baseRow()])],
      problems: [{ row: 2, cell: 'F2', data: { expected: 'normal', actual: 'normal、3c', missing: '無', extra: '3c', rows: '3' } }],
    },
    {
      name: 'a different type altogether',
      tables: [contractsTab([three()]), baseTab([baseRow()])],
      problems: [{ row: 2, cell: 'F2', data: { missing: 'normal', extra: '3c' } }],
    },
  ],
});
