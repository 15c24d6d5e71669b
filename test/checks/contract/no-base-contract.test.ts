import { ruleTester } from '../../helpers/rule-tester.js';
import { dateCell } from '../../helpers/tables.js';
import { baseRow, baseTab, brandRow, contractsTab, partnerRow } from './contract-rows.js';

/** bloom_beauty's base contracts as two consecutive periods: 1/1–6/30 and 7/1–12/31. */
const consecutive = baseTab([
  baseRow({ shopId: 'bloom_beauty', end: dateCell(2026, 6, 30, 23, 59, 59) }),
  baseRow({ shopId: 'bloom_beauty', start: dateCell(2026, 7, 1) }),
]);
const acrossJuly = brandRow(30, { remark: '6/30-7/1', start: dateCell(2026, 6, 30), end: dateCell(2026, 7, 1, 23, 59, 59) });

ruleTester('contract/no-base-contract', {
  valid: [
    { name: 'one base contract covers the year', tables: [contractsTab([partnerRow(1, 5, 5)]), baseTab([baseRow()])] },
    { name: 'consecutive base contracts cover a contract across their boundary', tables: [contractsTab([acrossJuly]), consecutive] },
    { name: 'product type names compare case-insensitively', tables: [contractsTab([partnerRow(1, 5, 5, { productType: 'Normal' })]), baseTab([baseRow()])] },
    {
      name: 'a product type the shop lacks while others are in force is left to product-types-mismatch',
      tables: [contractsTab([partnerRow(1, 5, 5), partnerRow(1, 5, 5, { productType: '3c', baseRate: '1%' })]), baseTab([baseRow()])],
    },
    { name: 'without a base-contracts tab the rule does not run', tables: [contractsTab([partnerRow(1, 5, 5, { shopId: 'nobody' })])] },
  ],
  invalid: [
    {
      name: 'the shop has no base contract at all',
      tables: [contractsTab([partnerRow(1, 5, 5, { shopId: 'new_shop' })]), baseTab([baseRow()])],
      problems: [{ row: 2, cell: 'D2', messageId: 'default', data: { shopId: 'new_shop', productTypes: 'normal', range: '2026/05/01 00:00:00 ~ 2026/05/05 23:59:59' } }],
    },
    {
      name: 'the base contract ends mid-contract',
      tables: [contractsTab([partnerRow(2, 5, 5)]), baseTab([baseRow({ end: dateCell(2026, 5, 3, 23, 59, 59) })])],
      problems: [{ row: 2, cell: 'E2', messageId: 'partial', data: { coveredUntil: '2026/05/03 23:59:59' } }],
    },
    {
      name: 'a one-day gap between base contracts breaks the coverage',
      tables: [
        contractsTab([acrossJuly]),
        baseTab([baseRow({ shopId: 'bloom_beauty', end: dateCell(2026, 6, 29, 23, 59, 59) }), baseRow({ shopId: 'bloom_beauty', start: dateCell(2026, 7, 1) })]),
      ],
      problems: [{ row: 2, cell: 'D2', messageId: 'default', data: { range: '2026/06/30 00:00:00 ~ 2026/07/01 23:59:59' } }],
    },
    {
      name: 'the base contract starts after the contract: reported once for the two-row contract',
      tables: [
        contractsTab([partnerRow(1, 5, 5), partnerRow(1, 5, 5, { productType: '3c', baseRate: '1%' })]),
        baseTab([baseRow({ start: dateCell(2026, 5, 3) }), baseRow({ productType: '3c', start: dateCell(2026, 5, 3) })]),
      ],
      problems: [{ row: 2, cell: 'D2', messageId: 'default', data: { productTypes: 'normal、3c', rows: '3' } }],
    },
  ],
});
