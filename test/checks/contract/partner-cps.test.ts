import { describe, expect, it } from 'vitest';
import { validateWorkbook } from '../../../rules/index.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { enrollmentRow } from '../../helpers/tables.js';
import { baseRow, baseTab, brandRow, contractsTab, enrollmentTab, partnerRow } from './contract-rows.js';

ruleTester('contract/partner-cps', {
  valid: [
    { name: 'a partner contract at 15%', tables: [contractsTab([partnerRow(1, 5, 5)])] },
    { name: 'a brand-funded contract keeps its own CPS', tables: [contractsTab([brandRow(14)])] },
    { name: 'blank partner flag at 12% is not inferred to be a partner contract', tables: [enrollmentTab(), contractsTab([partnerRow(1, 5, 5, { partnerPlan: null, cps: '12%' })])] },
  ],
  invalid: [
    {
      name: 'fixture row 8: a partner contract at 12%',
      tables: [contractsTab([partnerRow(9, 11, 5, { cps: '12%' })])],
      problems: [{ row: 2, cell: 'K2', data: { cps: '12%', partnerCps: '15%' }, suggestion: '15%' }],
    },
    {
      name: 'every row of a multi-row contract on its own cell',
      tables: [enrollmentTab([enrollmentRow()]), contractsTab([partnerRow(1, 5, 5, { cps: '8%' }), partnerRow(1, 5, 5, { productType: '3c', cps: '0.15' })])],
      problems: [{ row: 2, cell: 'K2', data: { cps: '8%' }, suggestion: '15%' }],
    },
  ],
});

describe('issue 13: a base CPS of 16% (SPEC §3: CPS max(15%, base CPS))', () => {
  const tables = (cps: string) => [enrollmentTab([enrollmentRow()]), baseTab([baseRow({ cps: '16%' })]), contractsTab([partnerRow(1, 5, 5, { cps })])];

  it('a partner contract at 16% is clean: neither partner-cps nor cps-below-base', () => {
    const ids = validateWorkbook({ tables: tables('16%') }, { today: '2026-03-20' }).violations.map((v) => v.ruleId);
    expect(ids.filter((id) => id === 'contract/partner-cps' || id === 'contract/cps-below-base')).toEqual([]);
  });

  it('at 15%: both rules blame K2 and both suggest 16% (never 15% against 16%)', () => {
    const onCps = validateWorkbook({ tables: tables('15%') }, { today: '2026-03-20' }).violations.filter((v) => v.cell === 'K2');
    expect(onCps.map((v) => [v.ruleId, v.suggestion?.value])).toEqual([
      ['contract/cps-below-base', '16%'],
      ['contract/partner-cps', '16%'],
    ]);
    expect(onCps.find((v) => v.ruleId === 'contract/partner-cps')!.data).toMatchObject({ cps: '15%', partnerCps: '16%' });
  });
});
