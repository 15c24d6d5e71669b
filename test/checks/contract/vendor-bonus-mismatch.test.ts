import { ruleTester } from '../../helpers/rule-tester.js';
import { brandRow, contractsTab, partnerRow } from './contract-rows.js';

ruleTester('contract/vendor-bonus-mismatch', {
  valid: [
    { name: 'the deck: front 8%, base 2%, vendor 6%', tables: [contractsTab([brandRow(14)])] },
    { name: 'the deck: 12/1_5%(基礎2%+店家支付3%)', tables: [contractsTab([brandRow(1, { frontRate: '5%', vendorBonus: '3%' })])] },
    { name: 'a partner contract has vendor 0% (partner-vendor-bonus covers it)', tables: [contractsTab([partnerRow(1, 1, 10)])] },
    { name: 'front below base is front-below-base, not this rule', tables: [contractsTab([brandRow(14, { frontRate: '1%', vendorBonus: '0%' })])] },
  ],
  invalid: [
    {
      name: 'fixture row 19: front 5%, base 2%, vendor 2%',
      tables: [contractsTab([brandRow(20, { frontRate: '5%', vendorBonus: '2%', status: '草稿' })])],
      problems: [{ row: 2, cell: 'L2', data: { front: '5%', base: '2%', expected: '3%', vendor: '2%' }, suggestion: '3%' }],
    },
    {
      name: 'decimal rates: front 7.5%, base 2% → 5.5%',
      tables: [contractsTab([brandRow(14, { frontRate: '7.5%', vendorBonus: '5%', status: '草稿' })])],
      problems: [{ row: 2, cell: 'L2', suggestion: '5.5%' }],
    },
    {
      name: 'partner flag 否 with the partner-style vendor 0%',
      tables: [contractsTab([partnerRow(1, 1, 10, { partnerPlan: '否' })])],
      problems: [{ row: 2, cell: 'L2', data: { expected: '8%' }, suggestion: '8%' }],
    },
  ],
});
