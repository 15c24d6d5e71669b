import { ruleTester } from '../../helpers/rule-tester.js';
import { type RowSpec } from '../../helpers/tables.js';
import { baselineFromWorkbook } from '../../../rules/index.js';
import { contractsTab, partnerRow } from './contract-rows.js';

const before = (rows: RowSpec[]) => ({ baseline: baselineFromWorkbook({ tables: [contractsTab(rows)] }) });
const pending = (over: RowSpec = {}) => partnerRow(1, 5, 5, { status: '待審核', ...over });

ruleTester('contract/pending-changed', {
  valid: [
    { name: 'without a baseline the rule is silent', tables: [contractsTab([pending({ frontRate: '10%' })])] },
    { name: 'a pending contract unchanged', tables: [contractsTab([pending()])], options: before([pending()]) },
    { name: 'a draft may change', tables: [contractsTab([pending({ status: '草稿', frontRate: '10%' })])], options: before([pending({ status: '草稿' })]) },
    { name: 'a new row that was new before may change', tables: [contractsTab([partnerRow(1, 5, 10)])], options: before([partnerRow(1, 5, 5)]) },
    { name: 'approved now is approved-changed’s, not this rule’s', tables: [contractsTab([pending({ status: '通過', frontRate: '10%' })])], options: before([pending()]) },
  ],
  invalid: [
    {
      name: 'a pending contract whose rate and remark changed',
      tables: [contractsTab([pending({ frontRate: '10%', remark: '5/1-5/5_加碼10%' })])],
      options: before([pending()]),
      problems: [{ row: 2, cell: 'C2', data: { fields: '合約備註、加碼後前台回饋%', changes: '合約備註 5/1-5/5_加碼5% → 5/1-5/5_加碼10%；加碼後前台回饋% 5% → 10%' } }],
    },
  ],
});
