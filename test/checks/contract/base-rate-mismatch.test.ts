import { ruleTester } from '../../helpers/rule-tester.js';
import { dateCell } from '../../helpers/tables.js';
import { baseRow, baseTab, contractsTab, partnerRow } from './contract-rows.js';

ruleTester('contract/base-rate-mismatch', {
  valid: [
    { name: 'the same 2% as the base contract', tables: [contractsTab([partnerRow(1, 5, 5)]), baseTab([baseRow()])] },
    { name: '2% written as a fraction is the same', tables: [contractsTab([partnerRow(1, 5, 5, { baseRate: 0.02 })]), baseTab([baseRow()])] },
    { name: 'no covering base contract is left to no-base-contract', tables: [contractsTab([partnerRow(1, 5, 5, { baseRate: '3%' })]), baseTab([baseRow({ shopId: 'other' })])] },
    {
      name: 'with consecutive base contracts the one in force at the start decides',
      tables: [
        contractsTab([partnerRow(1, 5, 5, { baseRate: '3%' })]),
        baseTab([baseRow({ end: dateCell(2026, 4, 30, 23, 59, 59) }), baseRow({ baseRate: '3%', start: dateCell(2026, 5, 1) })]),
      ],
    },
  ],
  invalid: [
    {
      name: '3% against a 2% base contract',
      tables: [contractsTab([partnerRow(1, 5, 5, { baseRate: '3%' })]), baseTab([baseRow()])],
      problems: [{ row: 2, cell: 'H2', data: { rate: '3%', baseRate: '2%', baseSheet: '鋪底合約', baseRow: 2 }, suggestion: '2%' }],
    },
    {
      name: 'each row against its own product type',
      tables: [
        contractsTab([partnerRow(1, 5, 5), partnerRow(1, 5, 5, { productType: '3c', baseRate: '2%' })]),
        baseTab([baseRow(), baseRow({ productType: '3c', baseRate: '1%', cps: '1%' })]),
      ],
      problems: [{ row: 3, cell: 'H3', data: { baseRate: '1%', productType: '3c', baseRow: 3 }, suggestion: '1%' }],
    },
  ],
});
