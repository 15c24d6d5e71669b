import { describe, expect, it } from 'vitest';
import { validateWorkbook } from '../../../rules/index.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { enrollmentRow } from '../../helpers/tables.js';
import { baseRow, baseTab, brandRow, contractsTab, enrollmentTab, partnerRow } from './contract-rows.js';

ruleTester('contract/front-below-base', {
  valid: [
    { name: 'front 10% over base 2%', tables: [contractsTab([partnerRow(1, 1, 10)])] },
    { name: 'front equal to base (the CMS default before any bonus)', tables: [contractsTab([brandRow(14, { frontRate: '2%', vendorBonus: '0%' })])] },
    { name: 'an unreadable front rate is left to cell/invalid-percent', tables: [contractsTab([brandRow(14, { frontRate: 'ten' })])] },
  ],
  invalid: [
    {
      name: 'front 1% under base 2%',
      tables: [contractsTab([brandRow(14, { frontRate: '1%' })])],
      problems: [{ row: 2, cell: 'I2', data: { front: '1%', base: '2%' } }],
    },
    {
      name: 'front 1.5% written as a fraction under base 2%, second row only',
      tables: [contractsTab([partnerRow(1, 1, 10), partnerRow(2, 2, 5, { frontRate: 0.015 })])],
      problems: [{ row: 3, cell: 'I3', data: { front: '1.5%' } }],
    },
  ],
});

describe('issue 13: a base rebate above the plan’s 5% (SPEC §3: front max(day rate, base))', () => {
  it('a 5% day written at the 6% base is clean, at 5% it is front-below-base on I2', () => {
    const tables = (front: string) => [enrollmentTab([enrollmentRow()]), baseTab([baseRow({ baseRate: '6%' })]), contractsTab([partnerRow(2, 4, 5, { baseRate: '6%', frontRate: front, remark: `5/2-5/4_加碼${front}` })])];
    const ids = (front: string) => validateWorkbook({ tables: tables(front) }, { today: '2026-03-20' }).violations.filter((v) => v.ruleId === 'contract/front-below-base' || v.ruleId === 'partner/wrong-rate').map((v) => [v.ruleId, v.cell, v.suggestion?.value]);
    expect(ids('6%')).toEqual([]);
    expect(ids('5%')).toEqual([
      ['contract/front-below-base', 'I2', undefined],
      ['partner/wrong-rate', 'I2', '6%'],
    ]);
  });
});
