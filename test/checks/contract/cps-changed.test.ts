import { ruleTester } from '../../helpers/rule-tester.js';
import { enrollmentRow } from '../../helpers/tables.js';
import { baseRow, baseTab, brandRow, contractsTab, enrollmentTab, partnerRow } from './contract-rows.js';

const bloomBase = baseTab([baseRow({ shopId: 'bloom_beauty' })]);
const goodBase = baseTab([baseRow()]);

ruleTester('contract/cps-changed', {
  valid: [
    { name: 'a brand-funded contract keeps the base CPS', tables: [contractsTab([brandRow(14)]), bloomBase] },
    { name: 'a partner contract raises CPS to 15% (特別專案)', tables: [contractsTab([partnerRow(1, 5, 5)]), goodBase] },
    {
      name: 'blank partner flag, CPS 15% and the shop enrolled: inferred partner',
      tables: [enrollmentTab(), contractsTab([partnerRow(1, 5, 5, { partnerPlan: null })]), goodBase],
    },
    { name: 'blank partner flag, CPS 15% and no enrollment tab: inferred from the CPS alone', tables: [contractsTab([partnerRow(1, 5, 5, { partnerPlan: null })]), goodBase] },
    { name: 'a CPS below the base is cps-below-base, not reported twice', tables: [contractsTab([brandRow(14, { cps: '6%' })]), bloomBase] },
  ],
  invalid: [
    {
      name: 'a brand-funded contract at 10% instead of the base 8%',
      tables: [contractsTab([brandRow(14, { cps: '10%', status: '不通過' })]), bloomBase],
      problems: [{ row: 2, cell: 'K2', data: { cps: '10%', baseCps: '8%' }, suggestion: '8%' }],
    },
    {
      name: 'blank partner flag and CPS 15%, but the shop is not enrolled',
      tables: [enrollmentTab([enrollmentRow({ shopId: 'someone_else' })]), contractsTab([partnerRow(1, 5, 5, { partnerPlan: null })]), goodBase],
      problems: [{ row: 2, cell: 'K2', data: { cps: '15%' }, suggestion: '8%' }],
    },
    {
      name: 'partner flag 否 with CPS 15%',
      tables: [contractsTab([partnerRow(1, 5, 5, { partnerPlan: '否' })]), goodBase],
      problems: [{ row: 2, cell: 'K2', suggestion: '8%' }],
    },
  ],
});
