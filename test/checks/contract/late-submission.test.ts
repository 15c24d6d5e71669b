import { ruleTester } from '../../helpers/rule-tester.js';
import { dateCell, type RowSpec } from '../../helpers/tables.js';
import { contractsTab, partnerRow } from './contract-rows.js';

/** A one-day contract starting on y-m-d, submitted at `submittedAt` (a DateValue or null). */
const startingOn = (y: number, m: number, d: number, over: RowSpec): RowSpec =>
  partnerRow(1, 1, 10, { remark: `${m}/${d}_加碼10%`, start: dateCell(y, m, d), end: dateCell(y, m, d, 23, 59, 59), ...over });

ruleTester('contract/late-submission', {
  valid: [
    { name: 'deck: a Wed 2025-12-03 start submitted Fri 2025-11-28 23:59:59', tables: [contractsTab([startingOn(2025, 12, 3, { submittedAt: dateCell(2025, 11, 28, 23, 59, 59) })])] },
    { name: 'deck: a Tue 2026-04-07 start submitted 2026-03-31 23:59:59 (04-03 and 04-06 are off)', tables: [contractsTab([startingOn(2026, 4, 7, { submittedAt: dateCell(2026, 3, 31, 23, 59, 59) })])] },
    { name: 'deck: a Thu 2026-01-01 start submitted Mon 2025-12-29 18:00', tables: [contractsTab([startingOn(2026, 1, 1, { submittedAt: dateCell(2025, 12, 29, 18) })])] },
    { name: 'a new contract not yet submitted while today is the deadline day', tables: [contractsTab([partnerRow(1, 1, 10, { submittedAt: null, status: null })])], options: { today: '2026-04-28' } },
    { name: 'a pending contract without a submission time is not guessed at', tables: [contractsTab([partnerRow(1, 1, 10, { submittedAt: null, status: '待審核' })])], options: { today: '2026-05-20' } },
    { name: 'an approved contract without a submission time is not guessed at', tables: [contractsTab([partnerRow(1, 1, 10, { submittedAt: null, status: '通過' })])], options: { today: '2026-05-20' } },
    { name: 'a start in a year the office calendar lacks is left to calendar/year-not-covered', tables: [contractsTab([startingOn(2028, 5, 1, { submittedAt: dateCell(2028, 4, 30, 12) })])] },
  ],
  invalid: [
    {
      name: 'deck: a Wed 2025-12-03 start submitted Sat 2025-11-29 00:00:00',
      tables: [contractsTab([startingOn(2025, 12, 3, { submittedAt: dateCell(2025, 11, 29) })])],
      problems: [{ row: 2, cell: 'O2', messageId: 'default', data: { start: '2025/12/03 00:00:00', deadline: '2025/11/28(五) 23:59:59', submitted: '2025/11/29 00:00:00' } }],
    },
    {
      name: 'deck: a Tue 2026-04-07 start submitted 2026-04-01 09:00',
      tables: [contractsTab([startingOn(2026, 4, 7, { submittedAt: dateCell(2026, 4, 1, 9) })])],
      problems: [{ row: 2, cell: 'O2', data: { deadline: '2026/03/31(二) 23:59:59' } }],
    },
    {
      name: 'deck: a Thu 2026-01-01 start submitted Tue 2025-12-30 00:00:01',
      tables: [contractsTab([startingOn(2026, 1, 1, { submittedAt: dateCell(2025, 12, 30, 0, 0, 1) })])],
      problems: [{ row: 2, cell: 'O2', data: { deadline: '2025/12/29(一) 23:59:59', submitted: '2025/12/30 00:00:01' } }],
    },
    {
      name: 'fixture row 17: a 5/26 start submitted 5/22 18:00 (deadline Thu 5/21)',
      tables: [contractsTab([partnerRow(26, 29, 10, { submittedAt: dateCell(2026, 5, 22, 18) })])],
      problems: [{ row: 2, cell: 'O2', data: { deadline: '2026/05/21(四) 23:59:59', submitted: '2026/05/22 18:00:00' } }],
    },
    {
      name: 'a new contract still unsubmitted the day after its deadline (5/1 is a holiday: deadline Tue 4/28)',
      tables: [contractsTab([partnerRow(1, 1, 10, { submittedAt: null, status: null })])],
      options: { today: '2026-04-29' },
      problems: [{ row: 2, cell: 'D2', messageId: 'notSubmitted', data: { deadline: '2026/04/28(二) 23:59:59', today: '2026-04-29' } }],
    },
    {
      name: 'a draft still unsubmitted after its deadline',
      tables: [contractsTab([partnerRow(11, 11, 5, { submittedAt: null, status: '草稿' })])],
      options: { today: '2026-05-07' },
      problems: [{ row: 2, cell: 'D2', messageId: 'notSubmitted', data: { deadline: '2026/05/06(三) 23:59:59' } }],
    },
    {
      name: 'a two-row contract counts as submitted when its last row is; reported once on the first row (5/4 start; Fri 5/1 is off: deadline Tue 4/28)',
      tables: [contractsTab([partnerRow(4, 4, 5), partnerRow(4, 4, 5, { productType: '3c', submittedAt: dateCell(2026, 4, 30, 10) })])],
      problems: [{ row: 2, cell: 'O2', data: { deadline: '2026/04/28(二) 23:59:59', submitted: '2026/04/30 10:00:00', rows: '3' } }],
    },
  ],
});
