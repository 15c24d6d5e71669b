import { ruleTester } from '../../helpers/rule-tester.js';
import { brandRow, contractsTab, enrollmentTab, partnerRow } from './contract-rows.js';

ruleTester('contract/partner-vendor-bonus', {
  valid: [
    { name: 'a partner contract with vendor 0%', tables: [contractsTab([partnerRow(1, 1, 10)])] },
    { name: 'a brand-funded contract pays its own bonus', tables: [contractsTab([brandRow(14)])] },
  ],
  invalid: [
    {
      name: 'fixture row 13: a partner contract with vendor 3%',
      tables: [contractsTab([partnerRow(19, 19, 10, { vendorBonus: '3%' })])],
      problems: [{ row: 2, cell: 'L2', data: { vendor: '3%' }, suggestion: '0%' }],
    },
    {
      name: 'an inferred partner contract (blank flag, CPS 15%, enrolled shop) with vendor 8%',
      tables: [enrollmentTab(), contractsTab([partnerRow(1, 1, 10, { partnerPlan: null, vendorBonus: '8%' })])],
      problems: [{ row: 2, cell: 'L2', data: { vendor: '8%' }, suggestion: '0%' }],
    },
  ],
});
