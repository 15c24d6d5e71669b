import { ruleTester } from '../../helpers/rule-tester.js';
import { brandRow, contractsTab } from './contract-rows.js';

const single = (over = {}) => brandRow(21, { contractType: '單品加碼', remark: '5/21 單品', frontRate: '20%', vendorBonus: '18%', rebateCap: 200, ...over });

ruleTester('contract/missing-product-id', {
  valid: [
    { name: '單品加碼 with a product id', tables: [contractsTab([single({ productId: 'P000123' })])] },
    { name: '活動加碼 needs none', tables: [contractsTab([brandRow(14)])] },
    { name: 'a numeric product id', tables: [contractsTab([single({ productId: 123456 })])] },
  ],
  invalid: [
    { name: 'fixture row 20: 單品加碼 without a product id', tables: [contractsTab([single()])], problems: [{ row: 2, cell: 'G2', column: '商品ID' }] },
    { name: 'a blank-looking id of spaces', tables: [contractsTab([brandRow(14), single({ productId: '   ' })])], problems: [{ row: 3, cell: 'G3' }] },
  ],
});
