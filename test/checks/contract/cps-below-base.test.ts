import { ruleTester } from '../../helpers/rule-tester.js';
import { baseRow, baseTab, brandRow, contractsTab, partnerRow } from './contract-rows.js';

const bloomBase = baseTab([baseRow({ shopId: 'bloom_beauty' })]);

ruleTester('contract/cps-below-base', {
  valid: [
    { name: 'the base CPS itself', tables: [contractsTab([brandRow(14)]), bloomBase] },
    { name: 'higher is allowed (往上可以)', tables: [contractsTab([brandRow(14, { cps: '10%' })]), bloomBase] },
    { name: 'the partner 15% above a base 8%', tables: [contractsTab([partnerRow(1, 5, 5)]), baseTab([baseRow()])] },
    { name: 'no covering base contract', tables: [contractsTab([brandRow(14, { cps: '1%' })]), baseTab([baseRow()])] },
  ],
  invalid: [
    {
      name: '6% below the base 8% (往下不行), a new row',
      tables: [contractsTab([brandRow(14, { cps: '6%', status: null })]), bloomBase],
      problems: [{ row: 2, cell: 'K2', data: { cps: '6%', baseCps: '8%', baseRow: 2 }, suggestion: '8%' }],
    },
    {
      name: 'a partner contract at 5% is pointed at the plan 15%, not just the base',
      tables: [contractsTab([partnerRow(1, 5, 5, { cps: '5%' })]), baseTab([baseRow()])],
      problems: [{ row: 2, cell: 'K2', data: { cps: '5%', baseCps: '8%' }, suggestion: '15%' }],
    },
    {
      name: 'a partner contract below a base CPS above 15% is pointed at the base',
      tables: [contractsTab([partnerRow(1, 5, 5)]), baseTab([baseRow({ cps: '18%' })])],
      problems: [{ row: 2, cell: 'K2', suggestion: '18%' }],
    },
  ],
});
