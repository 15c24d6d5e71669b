/**
 * SPEC §3 "Base contracts above the plan's rates": a shop whose base CPS is 16% and base rebate 6%
 * gets a schedule at max(plan rate, 6%) and CPS 16%, and that schedule re-validates with zero
 * violations (before, cps-below-base asked for 16% while partner-cps asked for 15%, and every
 * generated 5% day failed front-below-base).
 */
import { describe, it, expect } from 'vitest';
import { schedulesForWorkbook, scheduleToRows, validateWorkbook, estimateCost, type Table } from '../../rules/index.js';
import { roundNtd } from '../../rules/compute/money.js';
import { kindTable, enrollmentRow } from '../helpers/tables.js';

const enrollment = kindTable('enrollment', [enrollmentRow({ plan: '5月單月方案', chosenDays: '5/5、5/12、5/19', baseCps: '14%', baseRate: '6%', submittedAt: '2026/3/20 10:00' })]);
const base = kindTable('base-contracts', [
  { shopId: 'goodday_food', productType: 'normal', baseRate: '6%', cps: '16%', pointPrice: 1.2, start: '2026/01/01 00:00:00', end: '2026/12/31 23:59:59' },
]);

/** The enrollment row's hero picture (goodday.jpg), at hand and right: only the schedule is under test. */
const pictures = new Map([['goodday.jpg', { format: 'jpg', width: 800, height: 800, bytes: 120_000 }]]);

function contractsOf(tables: Table[]): Table {
  const rows = scheduleToRows(schedulesForWorkbook({ tables }));
  return kindTable('contracts', rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === '' ? null : v]))));
}

describe('base contract above the plan (CPS 16%, rebate 6%)', () => {
  it('generates 6% days and CPS 16%, and re-validates with zero violations', () => {
    const contracts = contractsOf([enrollment, base]);
    const report = validateWorkbook({ tables: [enrollment, base, contracts] }, { today: '2026-03-20', pictures });
    expect(report.violations.map((v) => `${v.ruleId} ${v.cell}: ${v.message}`)).toEqual([]);
    const s = schedulesForWorkbook({ tables: [enrollment, base] })[0]!;
    // 5/1 is a Friday (10%), 5/2–5/4 would be 5%: 6% now.
    expect(s.contracts.slice(0, 2).map((c) => [c.remark, c.lines[0]!.frontRate, c.lines[0]!.cps])).toEqual([
      ['5/1_加碼10%', 10, 16],
      ['5/2-5/4_加碼6%', 6, 16],
    ]);
  });

  it('without a base-contracts tab takes 原CPS% and 鋪底回饋% from the enrollment', () => {
    const e16 = kindTable('enrollment', [enrollmentRow({ plan: '5月單月方案', chosenDays: '5/5、5/12、5/19', baseCps: '16%', baseRate: '6%' })]);
    const contracts = contractsOf([e16]);
    const report = validateWorkbook({ tables: [e16, contracts] }, { today: '2026-03-20', pictures });
    // Only the enrollment's own warning remains (the plan raises nothing at 16%).
    expect(report.violations.map((v) => v.ruleId)).toEqual(['enrollment/base-cps-at-or-above-partner']);
  });

  it('counts only points above the base rate in the cost', () => {
    const e = estimateCost({ monthlyGmv: 3_100_000, currentCps: 16, baseRate: 6, month: '2026-05', chosenDays: ['2026-05-05', '2026-05-12', '2026-05-19'] });
    // 31 days of NT$100,000: 10% days (5 Fridays + 3 chosen) earn 4% above base; 5% days earn nothing.
    expect(e.partnerCps).toBe(16);
    expect(roundNtd(e.cpsIncrease)).toBe(0);
    expect(roundNtd(e.linePoints)).toBe(32_000);
  });
});
