import { describe, it, expect } from 'vitest';
import {
  generateSchedule,
  scheduleToRows,
  schedulesForWorkbook,
  shopPlans,
  CONTRACTS,
  civil,
  type BaseContractTerms,
} from '../../rules/index.js';
import { kindTable, enrollmentRow } from '../helpers/tables.js';

const { dayFromYmd, wallFrom } = civil;
const jan = (d: number) => dayFromYmd(2026, 1, d);

describe('generateSchedule: the deck example (January 2026, chosen days 1, 14, 31)', () => {
  const schedule = generateSchedule({ shopId: 'goodday_food', months: ['2026-01'], chosenDays: [jan(1), jan(14), jan(31)] });

  it('yields exactly the 11 contracts of the deck grid, with their D-3 deadlines', () => {
    // Office calendar: 2025-12-25 (Thu) and 2026-01-01 (Thu) are holidays; the rest are plain weekdays.
    // D-3 = the 3rd working day strictly before the start, e.g. 1/3 (Sat) ← 1/2, 12/31, 12/30.
    const want = [
      ['2026/01/01 00:00:00', '2026/01/02 23:59:59', '1/1-1/2_加碼10%', 10, '2025/12/29 23:59:59'],
      ['2026/01/03 00:00:00', '2026/01/08 23:59:59', '1/3-1/8_加碼5%', 5, '2025/12/30 23:59:59'],
      ['2026/01/09 00:00:00', '2026/01/09 23:59:59', '1/9_加碼10%', 10, '2026/01/06 23:59:59'],
      ['2026/01/10 00:00:00', '2026/01/13 23:59:59', '1/10-1/13_加碼5%', 5, '2026/01/07 23:59:59'],
      ['2026/01/14 00:00:00', '2026/01/14 23:59:59', '1/14_加碼10%', 10, '2026/01/09 23:59:59'],
      ['2026/01/15 00:00:00', '2026/01/15 23:59:59', '1/15_加碼5%', 5, '2026/01/12 23:59:59'],
      ['2026/01/16 00:00:00', '2026/01/16 23:59:59', '1/16_加碼10%', 10, '2026/01/13 23:59:59'],
      ['2026/01/17 00:00:00', '2026/01/22 23:59:59', '1/17-1/22_加碼5%', 5, '2026/01/14 23:59:59'],
      ['2026/01/23 00:00:00', '2026/01/23 23:59:59', '1/23_加碼10%', 10, '2026/01/20 23:59:59'],
      ['2026/01/24 00:00:00', '2026/01/29 23:59:59', '1/24-1/29_加碼5%', 5, '2026/01/21 23:59:59'],
      ['2026/01/30 00:00:00', '2026/01/31 23:59:59', '1/30-1/31_加碼10%', 10, '2026/01/27 23:59:59'],
    ];
    expect(schedule.contracts.map((c) => [c.start, c.end, c.remark, c.rate, c.submitBy])).toEqual(want);
    expect(schedule.problems).toEqual([]);
    expect(schedule.chosenDays).toEqual([jan(1), jan(14), jan(31)]);
  });

  it('gives typed values: wall ms, day numbers, deadlines and reasons', () => {
    const first = schedule.contracts[0]!;
    expect(first.startWall).toBe(wallFrom(2026, 1, 1, 0, 0, 0));
    expect(first.endWall).toBe(wallFrom(2026, 1, 2, 23, 59, 59));
    expect([first.firstDay, first.lastDay, first.days]).toEqual([jan(1), jan(2), 2]);
    expect(first.submitByDay).toBe(dayFromYmd(2025, 12, 29));
    expect(first.submitByWall).toBe(wallFrom(2025, 12, 29, 23, 59, 59));
    expect(first.reasons).toEqual(['chosen', 'friday']);
    expect(schedule.contracts[10]!.reasons).toEqual(['friday', 'chosen']);
    expect(first.contractType).toBe('活動加碼');
    expect(first.month).toBe('2026-01');
  });

  it('fills each contract with the deck\'s normal-only row: base 2%, front R, cap -1, CPS 15%, vendor 0%, 1.2', () => {
    for (const c of schedule.contracts) {
      expect(c.lines).toEqual([
        { productType: 'normal', baseRate: 2, frontRate: c.rate, rebateCap: -1, cps: 15, vendorBonus: 0, pointPrice: 1.2, partnerPlan: true, base: null },
      ]);
      expect(c.baseCovered).toBe(true);
    }
  });

  it('takes the same chosen days as YYYY-MM-DD text', () => {
    const again = generateSchedule({ shopId: 'goodday_food', months: ['2026-01'], chosenDays: ['2026-01-01', ' 2026-01-14', '2026-01-31'] });
    expect(again).toEqual(schedule);
  });
});

describe('scheduleToRows', () => {
  it('writes cell text as a brand types it, keyed by every CONTRACTS column key in order', () => {
    const s = generateSchedule({ shopId: 'goodday_food', months: ['2026-01'], chosenDays: [jan(1), jan(14), jan(31)] });
    const rows = scheduleToRows(s);
    expect(rows).toHaveLength(11);
    expect(Object.keys(rows[0]!)).toEqual(CONTRACTS.columns.map((c) => c.key));
    expect(rows[0]).toEqual({
      shopId: 'goodday_food',
      contractType: '活動加碼',
      remark: '1/1-1/2_加碼10%',
      start: '2026/01/01 00:00:00',
      end: '2026/01/02 23:59:59',
      productType: 'normal',
      productId: '',
      baseRate: '2%',
      frontRate: '10%',
      rebateCap: '-1',
      cps: '15%',
      vendorBonus: '0%',
      pointPrice: '1.2',
      partnerPlan: '是',
      submittedAt: '',
      status: '',
    });
    expect(rows[1]).toMatchObject({ remark: '1/3-1/8_加碼5%', frontRate: '5%', start: '2026/01/03 00:00:00', end: '2026/01/08 23:59:59' });
  });

  it('writes one row per product type and concatenates several schedules', () => {
    const base: BaseContractTerms[] = [
      { productType: 'normal', baseRate: 2, cps: 7, pointPrice: 1, start: wallFrom(2025, 1, 1), end: wallFrom(2026, 12, 31, 23, 59, 59) },
      { productType: '3c', baseRate: 1.5, cps: 1, start: wallFrom(2025, 1, 1), end: wallFrom(2026, 12, 31, 23, 59, 59) },
    ];
    const a = generateSchedule({ shopId: 'shop_a', months: ['2026-05'], chosenDays: ['2026-05-05'], baseContracts: base });
    const b = generateSchedule({ shopId: 'shop_b', months: ['2026-05'] });
    const rows = scheduleToRows([a, b]);
    expect(rows).toHaveLength(a.contracts.length * 2 + b.contracts.length);
    // May 2026: 5/1 Fri 10% → first contract; both product types with their own base terms.
    expect(rows.slice(0, 2)).toEqual([
      expect.objectContaining({ shopId: 'shop_a', remark: '5/1_加碼10%', productType: 'normal', baseRate: '2%', frontRate: '10%', cps: '15%', pointPrice: '1' }),
      expect.objectContaining({ shopId: 'shop_a', remark: '5/1_加碼10%', productType: '3c', baseRate: '1.5%', frontRate: '10%', cps: '15%', pointPrice: '1.2' }),
    ]);
    expect(rows[rows.length - 1]).toMatchObject({ shopId: 'shop_b', remark: '5/30-5/31_加碼5%' });
  });
});

describe('generateSchedule: months and boundaries', () => {
  it('never crosses a month: chosen 4/30 (Thu) and Friday 5/1 stay two contracts', () => {
    const s = generateSchedule({ shopId: 'shop_a', months: ['2026-04', '2026-05'], chosenDays: ['2026-04-30'] });
    const remarks = s.contracts.map((c) => c.remark);
    expect(remarks).toContain('4/30_加碼10%');
    expect(remarks).toContain('5/1_加碼10%');
    expect(s.contracts.every((c) => civil.monthKeyOfDay(c.firstDay) === civil.monthKeyOfDay(c.lastDay))).toBe(true);
    // April 2026: Fridays 3, 10, 17, 24; chosen 30 → 10% days 3, 10, 17, 24, 30 → 5 + 5 runs of 5% (1-2, 4-9, 11-16, 18-23, 25-29) = 10 contracts.
    expect(s.contracts.filter((c) => c.month === '2026-04')).toHaveLength(10);
    // D-3 across the Qingming break: 4/4 (Sat) ← 4/2, 4/1, 3/31 (4/3 is a day off).
    expect(s.contracts.find((c) => c.remark === '4/4-4/9_加碼5%')?.submitBy).toBe('2026/03/31 23:59:59');
  });

  it('uses working-day deadlines: the SPEC\'s 4/7 (Tue) start is due 3/31 (4/3 and 4/6 are days off)', () => {
    const s = generateSchedule({ shopId: 'shop_a', months: ['2026-04'], chosenDays: ['2026-04-07'] });
    const c = s.contracts.find((x) => x.remark === '4/7_加碼10%');
    expect(c?.submitBy).toBe('2026/03/31 23:59:59');
    // 4/8 (Wed) ← 4/7, 4/2, 4/1.
    expect(s.contracts.find((x) => x.remark === '4/8-4/9_加碼5%')?.submitBy).toBe('2026/04/01 23:59:59');
  });

  it('sorts and de-duplicates months and chosen days', () => {
    const s = generateSchedule({ shopId: 'shop_a', months: ['2026-06', '2026-05', '2026-06'], chosenDays: ['2026-06-02', '2026-05-05', '2026-06-02'] });
    expect(s.months).toEqual(['2026-05', '2026-06']);
    expect(s.chosenDays).toEqual([dayFromYmd(2026, 5, 5), dayFromYmd(2026, 6, 2)]);
    expect(s.contracts[0]!.month).toBe('2026-05');
    expect(s.problems).toEqual([]);
  });

  it('reports what it cannot honour instead of throwing', () => {
    const s = generateSchedule({ shopId: '', months: ['2026-13', '2026-05'], chosenDays: ['2026-04-01', 'soon', 1.5] });
    expect(s.problems).toEqual([
      { code: 'no-shop-id' },
      { code: 'bad-chosen-day', value: 'soon' },
      { code: 'bad-chosen-day', value: '1.5' },
      { code: 'bad-month', month: '2026-13' },
      { code: 'chosen-day-outside-months', day: dayFromYmd(2026, 4, 1), date: '2026-04-01' },
    ]);
    expect(s.months).toEqual(['2026-05']);
  });

  it('leaves the deadline null (never guessed) when the office calendar lacks the year', () => {
    // The bundled calendar covers 2025–2027: January 2025's first contracts need December 2024.
    const s = generateSchedule({ shopId: 'shop_a', months: ['2025-01'] });
    expect(s.contracts[0]!.submitBy).toBeNull();
    expect(s.contracts[0]!.submitByDay).toBeNull();
    expect(s.problems).toEqual([{ code: 'year-not-covered', year: 2024, covered: [2025, 2026, 2027] }]);
    const late = s.contracts.find((c) => c.remark === '1/31_加碼10%');
    // 1/31/2025 (Fri) ← 1/30? No: 1/27–1/31 2025 are Lunar New Year days off; 1/24 (Fri), 1/23, 1/22 count.
    expect(late?.submitBy).toBe('2025/01/22 23:59:59');
  });

  it('uses the 鋪底回饋% it is given when there is no base contract', () => {
    const s = generateSchedule({ shopId: 'shop_a', months: ['2026-05'], baseRate: 3 });
    expect(new Set(s.contracts.flatMap((c) => c.lines.map((l) => l.baseRate)))).toEqual(new Set([3]));
  });
});

describe('generateSchedule: base contracts', () => {
  const endOfYear = wallFrom(2026, 12, 31, 23, 59, 59);

  it('splits a run of equal rate where the base contract changes, so each contract lies inside one', () => {
    const base: BaseContractTerms[] = [
      { shopId: 'shop_a', productType: 'normal', baseRate: 2, start: wallFrom(2026, 1, 1), end: wallFrom(2026, 4, 15, 23, 59, 59), sheet: '鋪底合約', row: 2 },
      { shopId: 'shop_a', productType: 'normal', baseRate: 3, start: wallFrom(2026, 4, 16), end: endOfYear, sheet: '鋪底合約', row: 3 },
      { shopId: 'other', productType: '3c', baseRate: 1, start: wallFrom(2026, 1, 1), end: endOfYear },
    ];
    const s = generateSchedule({ shopId: 'shop_a', months: ['2026-04'] }, { baseContracts: base });
    // 4/11 (Sat) – 4/16 (Thu) are all 5%; the base contract changes after 4/15.
    const around = s.contracts.filter((c) => c.firstDay >= dayFromYmd(2026, 4, 11) && c.lastDay <= dayFromYmd(2026, 4, 16));
    expect(around.map((c) => [c.remark, c.lines.map((l) => [l.productType, l.baseRate, l.base])])).toEqual([
      ['4/11-4/15_加碼5%', [['normal', 2, { sheet: '鋪底合約', row: 2 }]]],
      ['4/16_加碼5%', [['normal', 3, { sheet: '鋪底合約', row: 3 }]]],
    ]);
    expect(s.problems).toEqual([]);
  });

  it('does not split a run where one base contract follows another with the same terms', () => {
    const base: BaseContractTerms[] = [
      { productType: 'normal', baseRate: 2, start: wallFrom(2026, 1, 1), end: wallFrom(2026, 4, 15, 23, 59, 59), row: 2 },
      { productType: 'Normal ', baseRate: 2, start: wallFrom(2026, 4, 16), end: endOfYear, row: 3 },
    ];
    const s = generateSchedule({ shopId: 'shop_a', months: ['2026-04'] }, { baseContracts: base });
    const run = s.contracts.find((c) => c.firstDay === dayFromYmd(2026, 4, 11));
    expect(run?.remark).toBe('4/11-4/16_加碼5%');
    // The row names the base contract in force on the first day.
    expect(run?.lines.map((l) => [l.productType, l.base?.row])).toEqual([['normal', 2]]);
    expect(s.problems).toEqual([]);
  });

  it('falls back to the defaults and reports the days no base contract covers', () => {
    const base: BaseContractTerms[] = [{ productType: 'normal', baseRate: 2, start: wallFrom(2026, 5, 10), end: endOfYear }];
    const s = generateSchedule({ shopId: 'shop_a', months: ['2026-05'] }, { baseContracts: base });
    expect(s.problems).toEqual([{ code: 'no-base-contract', from: '2026-05-01', to: '2026-05-09' }]);
    const uncovered = s.contracts.filter((c) => !c.baseCovered);
    expect(uncovered.map((c) => c.remark)).toEqual(['5/1_加碼10%', '5/2-5/7_加碼5%', '5/8_加碼10%', '5/9_加碼5%']);
    // 5/9 and 5/10 are both 5%, yet split: one lies outside the base contract, one inside.
    expect(s.contracts.find((c) => c.firstDay === dayFromYmd(2026, 5, 10))?.remark).toBe('5/10-5/14_加碼5%');
  });

  it('with an empty base-contract list, nothing is covered', () => {
    const s = generateSchedule({ shopId: 'shop_a', months: ['2026-06'], baseContracts: [] });
    expect(s.problems).toEqual([{ code: 'no-base-contract', from: '2026-06-01', to: '2026-06-30' }]);
  });
});

describe('generateSchedule from a parsed enrollment row, and schedulesForWorkbook', () => {
  it('reads months from the plan, chosen days and 鋪底回饋% from the row', () => {
    const wb = { tables: [kindTable('enrollment', [enrollmentRow({ plan: '5月單月方案', chosenDays: '5/5、5/12、5/19', baseRate: '3%' })])] };
    const [plan] = shopPlans(wb);
    const s = generateSchedule(plan!.enrollments[0]!);
    expect(s.months).toEqual(['2026-05']);
    expect(s.chosenDays).toEqual([dayFromYmd(2026, 5, 5), dayFromYmd(2026, 5, 12), dayFromYmd(2026, 5, 19)]);
    expect(s.contracts.every((c) => c.lines[0]!.baseRate === 3)).toBe(true);
    expect(s.contracts.map((c) => c.remark).slice(0, 5)).toEqual(['5/1_加碼10%', '5/2-5/4_加碼5%', '5/5_加碼10%', '5/6-5/7_加碼5%', '5/8_加碼10%']);
    // The months option overrides the plan (e.g. to preview January with the campaign's rates).
    const preview = generateSchedule(plan!.enrollments[0]!, { months: ['2026-01'] });
    expect(preview.months).toEqual(['2026-01']);
    expect(preview.problems).toContainEqual({ code: 'chosen-day-outside-months', day: dayFromYmd(2026, 5, 5), date: '2026-05-05' });
  });

  it('gives one schedule per enrolled shop, merging a shop\'s May and June rows and using the base-contracts tab', () => {
    const wb = {
      tables: [
        kindTable('enrollment', [
          enrollmentRow({ shopId: 'shop_a', plan: '5月單月方案', chosenDays: '5/5、5/12、5/19、6/2', submittedAt: '2026/4/10 10:00' }),
          enrollmentRow({ shopId: 'shop_b', plan: '季方案', siteExposure: '否', ringData: '否', chosenDays: '' }),
          enrollmentRow({ shopId: 'shop_a', plan: '6月單月方案', chosenDays: '6/2、6/9、6/16', submittedAt: '2026/5/10 10:00', baseRate: '1%' }),
          enrollmentRow({ shopId: 'shop_c', plan: '4月單月方案' }),
        ]),
        kindTable('base-contracts', [
          { shopId: 'shop_a', productType: 'normal', baseRate: '2%', cps: '8%', pointPrice: '1.2', start: '2026/1/1 00:00:00', end: '2026/12/31 23:59:59' },
          { shopId: 'shop_a', productType: '3c', baseRate: '1%', cps: '1%', start: '2026/1/1 00:00:00', end: '2026/12/31 23:59:59' },
        ]),
      ],
    };
    const schedules = schedulesForWorkbook(wb);
    expect(schedules.map((s) => [s.shopId, s.months])).toEqual([
      ['shop_a', ['2026-05', '2026-06']],
      ['shop_b', ['2026-04', '2026-05', '2026-06']],
    ]);
    const [a, b] = schedules as [typeof schedules[0], typeof schedules[0]];
    // The May row's 6/2 lies outside its plan; June's chosen days come from the June row.
    expect(a.problems).toEqual([]);
    expect(a.chosenDays.map(civil.isoDate)).toEqual(['2026-05-05', '2026-05-12', '2026-05-19', '2026-06-02', '2026-06-09', '2026-06-16']);
    expect(a.contracts.every((c) => c.lines.map((l) => `${l.productType}:${l.baseRate}`).join() === 'normal:2,3c:1')).toBe(true);
    // shop_b has no base contract in the tab: every day is reported, defaults are used.
    expect(b.problems).toEqual([{ code: 'no-base-contract', from: '2026-04-01', to: '2026-06-30' }]);
    expect(b.chosenDays).toEqual([]);
  });
});
