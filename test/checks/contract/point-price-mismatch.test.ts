import { ruleTester } from '../../helpers/rule-tester.js';
import { baseRow, contractsTab, partnerRow } from './contract-rows.js';
import { kindTable } from '../../helpers/tables.js';

const base = (over = {}) => kindTable('base-contracts', [baseRow(over)]);

ruleTester('contract/point-price-mismatch', {
  valid: [
    { name: 'the same 1.2', tables: [contractsTab([partnerRow(1, 1, 10)]), base()] },
    { name: '1 written as 1.0', tables: [contractsTab([partnerRow(1, 1, 10, { pointPrice: '1.0' })]), base({ pointPrice: 1 })] },
    { name: 'a blank price is not compared', tables: [contractsTab([partnerRow(1, 1, 10, { pointPrice: null })]), base()] },
    { name: 'a base contract without a price is not compared', tables: [contractsTab([partnerRow(1, 1, 10, { pointPrice: 1 })]), base({ pointPrice: null })] },
  ],
  invalid: [
    {
      name: '1 against the base contract’s 1.2',
      tables: [contractsTab([partnerRow(1, 1, 10, { pointPrice: 1 })]), base()],
      problems: [{ row: 2, cell: 'M2', data: { price: '1', basePrice: '1.2', baseRow: 2, productType: 'normal' }, suggestion: '1.2' }],
    },
  ],
});
