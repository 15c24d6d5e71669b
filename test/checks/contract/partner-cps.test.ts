import { ruleTester } from '../../helpers/rule-tester.js';
import { enrollmentRow } from '../../helpers/tables.js';
import { brandRow, contractsTab, enrollmentTab, partnerRow } from './contract-rows.js';

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
