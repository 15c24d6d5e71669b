import { ruleTester } from '../../helpers/rule-tester.js';
import { brandRow, contractsTab, partnerRow } from './contract-rows.js';

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
