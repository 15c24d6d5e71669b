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

describe('partner/wrong-rate after a chosen day moves (issue 13: the CMS only lets 待審核 rows be deleted)', () => {
  // The enrollment moved the chosen day 5/13 → 5/12; the submitted schedule still has 5/13 at 10%.
  const moved = (status: string | null) =>
    workbookOf({ enrollment: [mayEnrollmentRow({ chosenDays: '5/6、5/12、5/27' })], contracts: mayScheduleRows().map((r) => ({ ...r, status })) });
  const run = (status: string | null, lang: 'zh-TW' | 'en' = 'zh-TW') => runRule('partner/wrong-rate', { name: String(status), tables: moved(status), options: { lang } });

  it('pending rows: no edit suggestion; the messages say to delete and resubmit', () => {
    const zh = run('待審核');
    expect(zh.map((v) => [v.row, v.cell, v.messageId, v.suggestion])).toEqual([
      [7, 'I7', 'splitPending', undefined],
      [8, 'I8', 'default', undefined],
    ]);
    expect(zh.map((v) => v.message)).toEqual([
      '前台回饋 5% 不對：5/12 應為 10%；這張合約涵蓋不同回饋的日子。這列是待審核，後台只能檢視或刪除：請刪除後拆成 5/9-5/11 5%、5/12 10% 重新送審。',
      '前台回饋 10% 不對：5/13 應為 5%。這列是待審核，後台只能檢視或刪除：請刪除後以「5%」重新送審。',
    ]);
    expect(run('待審核', 'en').map((v) => v.message)).toEqual([
      'Front-end rebate 5% is wrong: 5/12 should be 10%; this contract spans days of different rates. This row is pending review, so the CMS only lets you view or delete it: delete it and resubmit it split into 5/9-5/11 5%, 5/12 10%.',
      'Front-end rebate 10% is wrong: 5/13 should be 5%. This row is pending review, so the CMS only lets you view or delete it: delete it and resubmit it with "5%".',
    ]);
  });

  it('approved rows: contact the LINE購物 window', () => {
    expect(run('通過').map((v) => [v.messageId, v.suggestion, v.message])).toEqual([
      ['splitApproved', undefined, '前台回饋 5% 不對：5/12 應為 10%；這張合約涵蓋不同回饋的日子。這列已審核通過，後台只能檢視：如需拆成 5/9-5/11 5%、5/12 10%，請聯絡 LINE購物 窗口。'],
      ['default', undefined, '前台回饋 10% 不對：5/13 應為 5%。這列已審核通過，後台只能檢視：如需改為「5%」，請聯絡 LINE購物 窗口。'],
    ]);
  });

  it('draft rows keep the edit: the rate to type, and the split', () => {
    expect(run('草稿').map((v) => [v.row, v.cell, v.messageId, v.suggestion?.value])).toEqual([
      [7, 'I7', 'split', undefined],
      [8, 'I8', 'default', '5%'],
    ]);
  });
});
