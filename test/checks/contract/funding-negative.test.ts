import { ruleTester } from '../../helpers/rule-tester.js';
import { brandRow, contractsTab, partnerRow } from './contract-rows.js';

ruleTester('contract/funding-negative', {
  valid: [
    { name: 'partner: (15% + 0%) − 10% = 5%', tables: [contractsTab([partnerRow(1, 1, 10)])] },
    { name: 'brand: (8% + 6%) − 8% = 6%', tables: [contractsTab([brandRow(14)])] },
    { name: 'exactly zero is allowed: (8% + 2%) − 10%', tables: [contractsTab([brandRow(14, { frontRate: '10%', vendorBonus: '2%' })])] },
  ],
  invalid: [
    {
      name: 'brand: (8% + 0%) − 10% = −2%',
      tables: [contractsTab([brandRow(14, { frontRate: '10%', vendorBonus: '0%' })])],
      problems: [{ row: 2, cell: 'L2', data: { cps: '8%', vendor: '0%', front: '10%', funding: '-2%' } }],
    },
    {
      name: 'partner at CPS 8%: (8% + 0%) − 10% = −2%',
      tables: [contractsTab([partnerRow(1, 1, 5), partnerRow(2, 2, 10, { cps: '8%' })])],
      problems: [{ row: 3, cell: 'L3', data: { funding: '-2%' } }],
    },
  ],
});
