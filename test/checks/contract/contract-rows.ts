/**
 * Row builders shared by the contract rule tests: a valid partner-plan 活動加碼 row like the deck's
 * example and the fixture's (goodday_food, normal, base 2%, CPS 15%, vendor 0%; `partnerContractRow`
 * of test/helpers/rows.ts, submitted and pending), a non-partner row, a base contract covering 2026,
 * and a workbook of those tabs.
 */
import { kindTable, dateCell, enrollmentRow, type RowSpec } from '../../helpers/tables.js';
import { partnerContractRow } from '../../helpers/rows.js';
import type { Table } from '../../../rules/index.js';

/**
 * A partner-plan 活動加碼 row for May `a`..`b` 2026 at `rate`% (`partnerContractRow` in May), submitted
 * 2026/4/24 15:00, status blank (a new row: the CMS lets it be edited, so suggestions are given; SPEC §5.3); its remark names a single day without a range (`5/5_加碼10%`).
 */
export function partnerRow(a: number, b: number, rate: number, over: RowSpec = {}): RowSpec {
  return partnerContractRow(5, a, b, rate, {
    remark: a === b ? `5/${a}_加碼${rate}%` : `5/${a}-5/${b}_加碼${rate}%`,
    submittedAt: dateCell(2026, 4, 24, 15),
    status: null,
    ...over,
  });
}

/** A brand-funded (non-partner) 活動加碼 row of bloom_beauty on May `day` 2026: front 8%, base 2%, vendor 6%, CPS 8%. */
export function brandRow(day: number, over: RowSpec = {}): RowSpec {
  return {
    shopId: 'bloom_beauty',
    contractType: '活動加碼',
    remark: `5/${day}_8%(基礎2%+店家支付6%)`,
    start: dateCell(2026, 5, day),
    end: dateCell(2026, 5, day, 23, 59, 59),
    productType: 'normal',
    baseRate: '2%',
    frontRate: '8%',
    rebateCap: -1,
    cps: '8%',
    vendorBonus: '6%',
    pointPrice: 1.2,
    partnerPlan: '否',
    submittedAt: dateCell(2026, 5, 8, 11),
    status: '通過',
    ...over,
  };
}

/** A base contract of 2026 (normal, base 2%, CPS 8%). */
export function baseRow(over: RowSpec = {}): RowSpec {
  return {
    shopId: 'goodday_food',
    productType: 'normal',
    baseRate: '2%',
    cps: '8%',
    pointPrice: 1.2,
    start: dateCell(2026, 1, 1),
    end: dateCell(2026, 12, 31, 23, 59, 59),
    ...over,
  };
}

export const contractsTab = (rows: readonly RowSpec[]): Table => kindTable('contracts', rows);
export const baseTab = (rows: readonly RowSpec[]): Table => kindTable('base-contracts', rows);
export const enrollmentTab = (rows: readonly RowSpec[] = [enrollmentRow()]): Table => kindTable('enrollment', rows);
