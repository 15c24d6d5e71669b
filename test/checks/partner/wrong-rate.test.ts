import { describe, it, expect } from 'vitest';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';
import { dateCell, type RowSpec } from '../../helpers/tables.js';
import { MAY_2026_RUNS, mayEnrollmentRow, mayScheduleRows, partnerContractRow, workbookOf } from '../../helpers/rows.js';

/** The May schedule with run `index` replaced by `rows`. */
const mayWith = (index: number, ...rows: RowSpec[]) => {
  const all = mayScheduleRows();
  all.splice(index, 1, ...rows);
  return all;
};

ruleTester('partner/wrong-rate', {
  valid: [
    { name: 'a complete, correct May schedule', tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: mayScheduleRows() }) },
    {
      name: 'a day covered twice at the right rate is contract/overlap’s, not a wrong rate',
      tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: [...mayScheduleRows(), partnerContractRow(5, 4, 4, 5)] }),
    },
    { name: 'days outside the enrolled months are partner/extra-contract’s', tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: [...mayScheduleRows(), partnerContractRow(6, 1, 1, 7)] }) },
    { name: 'rejected contracts are not checked', tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: [...mayScheduleRows(), partnerContractRow(5, 8, 8, 5, { status: '不通過' })] }) },
    { name: 'non-partner contracts are not checked', tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: [...mayScheduleRows(), partnerContractRow(5, 8, 8, 5, { partnerPlan: '否', cps: '8%' })] }) },
    { name: 'an unreadable front-end rebate is left to cell/invalid-percent', tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: mayWith(4, partnerContractRow(5, 8, 8, 10, { frontRate: 'abc' })) }) },
  ],
  invalid: [
    {
      name: 'Friday 5/8 at 5%: the rate to use is suggested',
      tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: mayWith(4, partnerContractRow(5, 8, 8, 5)) }),
      problems: [{ row: 6, cell: 'I6', column: '加碼後前台回饋%', messageId: 'default', data: { shopId: 'goodday_food', actual: '5%', days: '5/8', expected: '10%' }, suggestion: '10%' }],
    },
    {
      name: 'a chosen day comes from the enrollment: 5/13 at 5% should be 10%',
      tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: mayWith(6, partnerContractRow(5, 13, 13, 5)) }),
      problems: [{ row: 8, cell: 'I8', data: { days: '5/13', expected: '10%' }, suggestion: '10%' }],
    },
    {
      name: 'a 5% run written as 10%: consecutive wrong days are one range',
      tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: mayWith(9, partnerContractRow(5, 16, 21, 10)) }),
      problems: [{ row: 11, cell: 'I11', data: { actual: '10%', days: '5/16-5/21', expected: '5%' }, suggestion: '5%' }],
    },
    {
      name: 'a contract mixing rates cannot be fixed by one rate: the split is listed',
      tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: [...mayScheduleRows().filter((_, i) => i < 2 || i > 4), partnerContractRow(5, 6, 8, 5)] }),
      problems: [{ row: 15, cell: 'I15', messageId: 'split', data: { days: '5/6、5/8', expected: '10%', schedule: '5/6 10%、5/7 5%、5/8 10%', scheduleEn: '5/6 10%, 5/7 5%, 5/8 10%' } }],
    },
    {
      name: 'wrong days expecting different rates list both',
      tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: [...mayScheduleRows().filter((_, i) => i > 1), partnerContractRow(5, 1, 5, 7)] }),
      problems: [{ row: 16, cell: 'I16', messageId: 'split', data: { actual: '7%', days: '5/1-5/5', expected: '5%、10%', expectedEn: '5% or 10%' } }],
    },
    {
      name: 'each product-type row of a contract is checked on its own row',
      tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: mayWith(4, partnerContractRow(5, 8, 8, 5), partnerContractRow(5, 8, 8, 5, { productType: '3c' })) }),
      problems: [
        { row: 6, cell: 'I6', suggestion: '10%' },
        { row: 7, cell: 'I7', suggestion: '10%' },
      ],
    },
    {
      name: 'drafts are checked too (they are the planned schedule)',
      tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: mayWith(4, partnerContractRow(5, 8, 8, 5, { status: '草稿' })) }),
      problems: [{ row: 6, cell: 'I6', suggestion: '10%' }],
    },
    {
      name: 'a contract reaching past the enrolled month is checked on its enrolled days only',
      tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: [...mayScheduleRows(MAY_2026_RUNS.slice(0, 15)), partnerContractRow(5, 30, 31, 10, { end: dateCell(2026, 6, 2, 23, 59, 59) })] }),
      problems: [{ row: 17, cell: 'I17', data: { days: '5/30-5/31', expected: '5%' }, suggestion: '5%' }],
    },
  ],
});

describe('partner/wrong-rate suggestions', () => {
  it('gives no suggestion when the contract must be split', () => {
    const [v] = runRule('partner/wrong-rate', { name: 'split', tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: [partnerContractRow(5, 6, 8, 5)] }) });
    expect(v?.messageId).toBe('split');
    expect(v?.suggestion).toBeUndefined();
  });
});
