import { ruleTester } from '../../helpers/rule-tester.js';
import { brandRow, contractsTab } from './contract-rows.js';

const single = (over = {}) => brandRow(21, { contractType: '單品加碼', remark: '5/21 單品', frontRate: '20%', vendorBonus: '18%', rebateCap: 200, productId: 'P1', ...over });

ruleTester('contract/duplicate-product-type', {
  valid: [
    { name: 'normal and 3c in one contract', tables: [contractsTab([brandRow(14), brandRow(14, { productType: '3c', baseRate: '1%', vendorBonus: '7%' })])] },
    { name: 'the same type in two different contracts', tables: [contractsTab([brandRow(14), brandRow(20)])] },
    { name: '單品加碼 rows for two products of one type', tables: [contractsTab([single(), single({ productId: 'P2' })])] },
  ],
  invalid: [
    {
      name: 'a copied row (Normal and normal are one type)',
      tables: [contractsTab([brandRow(14), brandRow(14, { productType: 'Normal' })])],
      problems: [{ row: 3, cell: 'F3', data: { productType: 'Normal', firstRow: 2 } }],
    },
    {
      name: '單品加碼: the same product twice',
      tables: [contractsTab([single(), single()])],
      problems: [{ row: 3, cell: 'F3', data: { firstRow: 2 } }],
    },
  ],
});
