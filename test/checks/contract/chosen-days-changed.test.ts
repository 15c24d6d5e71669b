import { describe, it, expect } from 'vitest';
import { ruleTester } from '../../helpers/rule-tester.js';
import { enrollmentRow, type RowSpec } from '../../helpers/tables.js';
import { baselineFromWorkbook, type BaselineContract } from '../../../rules/index.js';
import { mayEnrollmentRow } from '../../helpers/rows.js';
import { contractsTab, enrollmentTab, partnerRow } from './contract-rows.js';
import { isSubmittedPartnerContract } from '../../../rules/checks/contract/chosen-days-changed.js';

/** May plan of goodday_food with chosen days 5/5, 5/12, 5/19 (Tuesdays). */
const may = (chosenDays = '5/5、5/12、5/19', over: RowSpec = {}) => mayEnrollmentRow({ chosenDays, ...over });
/** A previous run: the May enrollment and a partner contract for 5/5 (pending, submitted 4/24). */
const before = (contract: RowSpec = partnerRow(5, 5, 10), enrollment: RowSpec = may()) => ({
  baseline: baselineFromWorkbook({ tables: [enrollmentTab([enrollment]), contractsTab([contract])] }),
});

describe('isSubmittedPartnerContract', () => {
  const c: BaselineContract = {
    shopId: 's', contractType: '活動加碼', productType: 'normal', remark: '', start: 0, end: 1, status: null, submittedAt: null,
    frontRate: 10, baseRate: 2, cps: 15, vendorBonus: 0, rebateCap: -1, productId: null,
  };
  it('needs a submission time or a pending/approved status', () => {
    expect(isSubmittedPartnerContract(c, 15)).toBe(false);
    expect(isSubmittedPartnerContract({ ...c, submittedAt: 5 }, 15)).toBe(true);
    expect(isSubmittedPartnerContract({ ...c, status: '待審核' }, 15)).toBe(true);
    expect(isSubmittedPartnerContract({ ...c, status: '通過' }, 15)).toBe(true);
    expect(isSubmittedPartnerContract({ ...c, status: '草稿' }, 15)).toBe(false);
  });
  it('needs a partner-plan 活動加碼 contract (CPS 15%)', () => {
    expect(isSubmittedPartnerContract({ ...c, status: '通過', cps: 8 }, 15)).toBe(false);
    expect(isSubmittedPartnerContract({ ...c, status: '通過', contractType: '單品加碼' }, 15)).toBe(false);
  });
});

ruleTester('contract/chosen-days-changed', {
  valid: [
    { name: 'without a baseline the rule is silent', tables: [enrollmentTab([may('5/6、5/12、5/19')])] },
    { name: 'unchanged chosen days', tables: [enrollmentTab([may()])], options: before() },
    { name: 'the same days in another order and spelling', tables: [enrollmentTab([may('5/19、2026/5/12、5月5日')])], options: before() },
    { name: 'a chosen day whose contract was never submitted may move', tables: [enrollmentTab([may('5/6、5/12、5/19')])], options: before(partnerRow(5, 5, 10, { submittedAt: null, status: '草稿' })) },
    { name: 'a chosen day covered only by a brand-funded contract may move', tables: [enrollmentTab([may('5/6、5/12、5/19')])], options: before(partnerRow(5, 5, 10, { cps: '8%', partnerPlan: '否' })) },
    { name: 'another chosen day (without a contract) moved', tables: [enrollmentTab([may('5/5、5/13、5/19')])], options: before() },
    { name: 'a shop with no enrollment row now is not guessed at', tables: [enrollmentTab([may('5/6', { shopId: 'someone_else' })])], options: before() },
  ],
  invalid: [
    {
      name: 'a submitted chosen day moved to 5/6',
      tables: [enrollmentTab([may('5/6、5/12、5/19')])],
      options: before(),
      problems: [{ row: 2, cell: 'I2', messageId: 'default', data: { day: '5/5', month: '2026 年 5 月', now: '5/6', contract: '2026/05/05 00:00:00 ~ 2026/05/05 23:59:59' } }],
    },
    {
      name: 'a submitted chosen day vanished',
      tables: [enrollmentTab([may('5/12、5/19')])],
      options: before(),
      problems: [{ row: 2, cell: 'I2', messageId: 'vanished', data: { day: '5/5', date: '2026-05-05' } }],
    },
    {
      name: 'a chosen day inside a longer approved contract without a submission time',
      tables: [enrollmentTab([may('5/6、5/12、5/19')])],
      options: before(partnerRow(4, 7, 10, { submittedAt: null, status: '通過' })),
      problems: [{ row: 2, cell: 'I2', messageId: 'default', data: { contract: '2026/05/04 00:00:00 ~ 2026/05/07 23:59:59' } }],
    },
    {
      name: 'reported on the enrollment row of that month when the shop has two',
      tables: [enrollmentTab([enrollmentRow({ plan: '6月單月方案', chosenDays: '6/2' }), may('5/12、5/19')])],
      options: before(),
      problems: [{ row: 3, cell: 'I3', messageId: 'vanished' }],
    },
  ],
});
