import { ruleTester } from '../../helpers/rule-tester.js';
import { dateCell, type RowSpec } from '../../helpers/tables.js';
import { baselineFromWorkbook } from '../../../rules/index.js';
import { brandRow, contractsTab, partnerRow } from './contract-rows.js';

/** The baseline of a previous run whose contracts tab held `rows`. */
const before = (rows: RowSpec[]) => ({ baseline: baselineFromWorkbook({ tables: [contractsTab(rows)] }) });

const approved = brandRow(14);
const approvedTwoTypes = [partnerRow(1, 5, 5, { status: '通過' }), partnerRow(1, 5, 5, { status: '通過', productType: '3c', baseRate: '1%' })];

ruleTester('contract/approved-changed', {
  valid: [
    { name: 'without a baseline the rule is silent', tables: [contractsTab([brandRow(14, { cps: '9%' })])] },
    { name: 'an approved contract unchanged', tables: [contractsTab([approved])], options: before([approved]) },
    { name: 'a pending contract may change', tables: [contractsTab([partnerRow(1, 5, 10)])], options: before([partnerRow(1, 5, 5)]) },
    { name: 'a new contract has nothing to compare with', tables: [contractsTab([approved, brandRow(20)])], options: before([approved]) },
    { name: 'the same rate written as a fraction is no change', tables: [contractsTab([brandRow(14, { cps: 0.08 })])], options: before([approved]) },
    {
      name: 'an approved contract of a shop absent from this sheet is not "vanished" (a partial export)',
      tables: [contractsTab([partnerRow(1, 5, 5)])],
      options: before([partnerRow(1, 5, 5), approved]),
    },
  ],
  invalid: [
    {
      name: 'an approved contract whose end moved',
      tables: [contractsTab([brandRow(14, { end: dateCell(2026, 5, 15, 23, 59, 59) })])],
      options: before([approved]),
      problems: [{ row: 2, cell: 'E2', messageId: 'default', data: { fields: '結束時間', changes: '結束時間 2026/05/14 23:59:59 → 2026/05/15 23:59:59' } }],
    },
    {
      name: 'an approved contract whose CPS and vendor bonus changed',
      tables: [contractsTab([brandRow(14, { cps: '10%', vendorBonus: '4%' })])],
      options: before([approved]),
      problems: [{ row: 2, cell: 'K2', data: { fields: 'CPS%、廠商自行加碼%', changes: 'CPS% 8% → 10%；廠商自行加碼% 6% → 4%' } }],
    },
    {
      name: 'a two-row approved contract whose second row changed: reported once on the first row',
      tables: [contractsTab([approvedTwoTypes[0]!, { ...approvedTwoTypes[1]!, frontRate: '6%' }])],
      options: before(approvedTwoTypes),
      problems: [{ row: 2, cell: 'I2', data: { fields: '加碼後前台回饋%', rows: '3' } }],
    },
    {
      name: 'a contract approved now that differs from the version checked before',
      tables: [contractsTab([partnerRow(1, 5, 10, { status: '通過', remark: '5/1-5/5_加碼5%' })])],
      options: before([partnerRow(1, 5, 5)]),
      problems: [{ row: 2, cell: 'I2', messageId: 'nowApproved', data: { changes: '加碼後前台回饋% 5% → 10%' } }],
    },
    {
      name: 'an approved contract whose start moved',
      tables: [contractsTab([brandRow(15, { end: dateCell(2026, 5, 16, 23, 59, 59) })])],
      options: before([brandRow(14, { end: dateCell(2026, 5, 15, 23, 59, 59) })]),
      problems: [{ row: 2, cell: 'D2', messageId: 'moved', data: { was: '2026/05/14 00:00:00 ~ 2026/05/15 23:59:59' } }],
    },
    {
      name: 'an approved contract gone while its shop still has rows: reported on the tab',
      tables: [contractsTab([brandRow(20, { status: '待審核' })])],
      options: before([approved, brandRow(20, { status: '待審核' })]),
      problems: [{ row: null, cell: null, sheet: '加碼合約', messageId: 'vanished', data: { shopId: 'bloom_beauty', was: '2026/05/14 00:00:00 ~ 2026/05/14 23:59:59' } }],
    },
  ],
});
