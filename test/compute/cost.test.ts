import { describe, it, expect } from 'vitest';
import { estimateCost, estimateCosts, displayNtd, loadCampaign, CAMPAIGN_2026_Q2, civil } from '../../rules/index.js';
import { kindTable, enrollmentRow } from '../helpers/tables.js';

const { dayFromYmd } = civil;
const M = (num: number | string, den: number | string = 1) => ({ num: String(num), den: String(den) });

describe('estimateCost: the deck example', () => {
  it('G = 1,000 and c = 8%: CPS cost 80 → 150, +70', () => {
    const e = estimateCost({ monthlyGmv: 1000, currentCps: 8, month: '2026-01', chosenDays: [dayFromYmd(2026, 1, 1), dayFromYmd(2026, 1, 14), dayFromYmd(2026, 1, 31)] });
    expect([e.cpsCostCurrent, e.cpsCostPartner, e.cpsIncrease]).toEqual([M(80), M(150), M(70)]);
    expect([e.currentCps, e.partnerCps, e.baseRate, e.days]).toEqual([8, 15, 2, 31]);
    // January 2026 with chosen 1, 14, 31: 10% on 1, 14, 31 and the Fridays 2, 9, 16, 23, 30 (8 days); 5% on the other 23.
    // Points above b = 2%: day GMV 1000/31 × (8 days × 8% + 23 days × 3%) = 1000/31 × 1.33 = 1330/31 ≈ 42.90.
    // Saving at NT$1.3 per AD POINT: 1330/31 × 1.3 = 1729/31 ≈ 55.77. Net: 1729/31 − 70 = −441/31 ≈ −14.23.
    expect(e.dailyGmv).toEqual(M(1000, 31));
    expect(e.rateDays).toEqual([
      { rate: 10, days: 8, reasons: ['chosen', 'friday'], points: M(640, 31) },
      { rate: 5, days: 23, reasons: ['daily'], points: M(690, 31) },
    ]);
    expect(e.linePoints).toEqual(M(1330, 31));
    expect(e.adPointsFee).toBe(1.3);
    expect(e.adPointsSaving).toEqual(M(1729, 31));
    expect(e.net).toEqual(M(-441, 31));
    expect([displayNtd(e.linePoints), displayNtd(e.adPointsSaving), displayNtd(e.net)]).toEqual(['NT$43', 'NT$56', '-NT$14']);
  });
});

describe('estimateCost: a full month by hand', () => {
  it('May 2026, G = 1,200,000, c = 8%, b = 2%, chosen 5/5, 5/12, 5/19', () => {
    // May 2026 has 31 days; 5/1 is a Friday, so the Fridays are 1, 8, 15, 22, 29.
    // 10% days: 5 Fridays + 3 chosen Tuesdays = 8; 5% days: 31 − 8 = 23.
    // CPS: 1,200,000 × 8% = 96,000; × 15% = 180,000; increase 84,000.
    // Points: 1,200,000 / 31 × (8 × 8% + 23 × 3%) = 1,200,000 × 1.33 / 31 = 1,596,000 / 31 ≈ 51,483.87.
    // Saving: 1,596,000 / 31 × 1.3 = 2,074,800 / 31 ≈ 66,929.03.
    // Net: 2,074,800 / 31 − 84,000 = (2,074,800 − 2,604,000) / 31 = −529,200 / 31 ≈ −17,070.97.
    const e = estimateCost({ monthlyGmv: 1_200_000, currentCps: 8, baseRate: 2, month: '2026-05', chosenDays: ['2026-05-05', '2026-05-12', '2026-05-19'] });
    expect(e.cpsCostCurrent).toEqual(M(96000));
    expect(e.cpsCostPartner).toEqual(M(180000));
    expect(e.cpsIncrease).toEqual(M(84000));
    expect(e.rateDays.map((r) => [r.rate, r.days])).toEqual([[10, 8], [5, 23]]);
    expect(e.linePoints).toEqual(M(1596000, 31));
    expect(e.adPointsSaving).toEqual(M(2074800, 31));
    expect(e.net).toEqual(M(-529200, 31));
    expect([displayNtd(e.linePoints), displayNtd(e.adPointsSaving), displayNtd(e.cpsIncrease), displayNtd(e.net)]).toEqual(['NT$51,484', 'NT$66,929', 'NT$84,000', '-NT$17,071']);
  });

  it('is exact where floats drift: c = 8.2% on G = 1,200,000 gives exactly +81,600', () => {
    // Floats: 1200000 * (15 - 8.2) / 100 === 81600.00000000001; and 333 * 5.3 / 100 === 17.648999999999997.
    const e = estimateCost({ monthlyGmv: 1_200_000, currentCps: 8.2, month: '2026-06' });
    expect([e.cpsCostCurrent, e.cpsIncrease]).toEqual([M(98400), M(81600)]);
    const f = estimateCost({ monthlyGmv: 333, currentCps: 5.3, month: '2026-06' });
    expect(f.cpsCostCurrent).toEqual(M(17649, 1000));
  });

  it('rounds half-up only for display: G = 50, c = 8% → +3.5 → NT$4', () => {
    const e = estimateCost({ monthlyGmv: 50, currentCps: 8, month: '2026-06' });
    expect(e.cpsIncrease).toEqual(M(7, 2));
    expect(displayNtd(e.cpsIncrease)).toBe('NT$4');
  });
});

describe('estimateCost: edges', () => {
  it('a current CPS at or above 15% is not lowered: the plan raises nothing', () => {
    const e = estimateCost({ monthlyGmv: 1000, currentCps: 18, month: '2026-06' });
    expect(e.partnerCps).toBe(18);
    expect([e.cpsCostCurrent, e.cpsCostPartner, e.cpsIncrease]).toEqual([M(180), M(180), M(0)]);
    expect(e.net).toEqual(e.adPointsSaving);
  });

  it('days whose rate is not above the base rebate fund no points', () => {
    // June 2026: 30 days, Fridays 5, 12, 19, 26 → 4 days at 10%, 26 at 5%. With b = 6% only the Fridays count:
    // 3,000 / 30 × 4 × 4% = 16 points; the 5% days contribute 0 (not −1% each).
    const e = estimateCost({ monthlyGmv: 3000, currentCps: 8, baseRate: 6, month: '2026-06' });
    expect(e.rateDays.map((r) => [r.rate, r.days, r.points])).toEqual([[10, 4, M(16)], [5, 26, M(0)]]);
    expect(e.linePoints).toEqual(M(16));
  });

  it('ignores chosen days of other months and uses the campaign\'s rates and fee', () => {
    const r = loadCampaign({ ...CAMPAIGN_2026_Q2, rates: { daily: 4, friday: 8, chosen: 12 }, adPointsFee: 1.5, partnerCps: 12 });
    if (!r.ok) throw new Error(r.problems.join());
    // June 2026, b = 2: 1 chosen day (6/2) at 12%, 4 Fridays at 8%, 25 days at 4%; G = 3,000 → 100 a day.
    // Points: 100 × (10% + 4 × 6% + 25 × 2%) = 100 × 0.84 = 84; saving 84 × 1.5 = 126; CPS 8% → 12%: +120; net 6.
    const e = estimateCost({ monthlyGmv: 3000, currentCps: 8, month: '2026-06', chosenDays: ['2026-06-02', '2026-05-05'] }, r.campaign);
    expect(e.rateDays.map((x) => [x.rate, x.days])).toEqual([[12, 1], [8, 4], [4, 25]]);
    expect([e.linePoints, e.adPointsSaving, e.cpsIncrease, e.net]).toEqual([M(84), M(126), M(120), M(6)]);
  });

  it('a zero GMV costs and saves nothing', () => {
    const e = estimateCost({ monthlyGmv: 0, currentCps: 8, month: '2026-02' });
    expect([e.days, e.cpsIncrease, e.linePoints, e.net]).toEqual([28, M(0), M(0), M(0)]);
  });

  it.each([
    [{ monthlyGmv: 1000, currentCps: 8, month: '2026-5' }],
    [{ monthlyGmv: -1, currentCps: 8, month: '2026-05' }],
    [{ monthlyGmv: Number.NaN, currentCps: 8, month: '2026-05' }],
    [{ monthlyGmv: 1000, currentCps: 101, month: '2026-05' }],
    [{ monthlyGmv: 1000, currentCps: 8, baseRate: -2, month: '2026-05' }],
    [{ monthlyGmv: 1000, currentCps: 8, month: '2026-05', chosenDays: ['5/5'] }],
  ])('rejects a malformed input %j', (input) => {
    expect(() => estimateCost(input)).toThrow(RangeError);
  });
});

describe('estimateCosts: every enrolled shop and month of a workbook', () => {
  it('reads 預估月業績, 原CPS% and 鋪底回饋% from the row that enrolls each month', () => {
    // The helper's quarter-plan row: G = 1,200,000, c = 8%, b = 2%, chosen 4/1 4/14 4/22, 5/5 5/12 5/19, 6/2 6/9 6/16.
    // April (30 days; Fridays 3, 10, 17, 24) and June (30 days; Fridays 5, 12, 19, 26): 7 days at 10%, 23 at 5%:
    //   points 1,200,000 / 30 × (7 × 8% + 23 × 3%) = 40,000 × 1.25 = 50,000; saving 65,000; net 65,000 − 84,000 = −19,000.
    // May: as in the full-month example above: points 1,596,000/31, saving 2,074,800/31, net −529,200/31.
    // Totals: points 100,000 + 1,596,000/31 = 4,696,000/31; saving 130,000 + 2,074,800/31 = 6,104,800/31;
    //   increase 3 × 84,000 = 252,000; net −38,000 − 529,200/31 = −1,707,200/31 ≈ −55,070.97.
    const wb = {
      tables: [
        kindTable('enrollment', [
          enrollmentRow(),
          enrollmentRow({ shopId: 'no_gmv', plan: '6月單月方案', monthlyGmv: null, baseRate: null, chosenDays: '6/2、6/9、6/16', submittedAt: '2026/5/1 10:00' }),
        ]),
      ],
    };
    const [a, b] = estimateCosts(wb);
    expect(a!.shopId).toBe('goodday_food');
    expect(a!.months.map((m) => [m.month, m.sheet, m.row, m.missing])).toEqual([
      ['2026-04', '報名表', 2, []],
      ['2026-05', '報名表', 2, []],
      ['2026-06', '報名表', 2, []],
    ]);
    expect(a!.months.map((m) => [m.estimate!.linePoints, m.estimate!.net])).toEqual([
      [M(50000), M(-19000)],
      [M(1596000, 31), M(-529200, 31)],
      [M(50000), M(-19000)],
    ]);
    expect(a!.total).toEqual({
      months: 3,
      monthlyGmv: M(3600000),
      cpsCostCurrent: M(288000),
      cpsCostPartner: M(540000),
      cpsIncrease: M(252000),
      linePoints: M(4696000, 31),
      adPointsSaving: M(6104800, 31),
      net: M(-1707200, 31),
    });
    expect(displayNtd(a!.total!.net)).toBe('-NT$55,071');
    expect(b).toEqual({ shopId: 'no_gmv', months: [{ month: '2026-06', sheet: '報名表', row: 3, estimate: null, missing: ['monthlyGmv'] }], total: null });
  });

  it('defaults a blank 鋪底回饋% to the campaign\'s 2%', () => {
    const wb = { tables: [kindTable('enrollment', [enrollmentRow({ plan: '6月單月方案', baseRate: null, chosenDays: '6/2、6/9、6/16', submittedAt: '2026/5/1 10:00' })])] };
    const [shop] = estimateCosts(wb);
    expect(shop!.months[0]!.estimate!.baseRate).toBe(2);
    expect(shop!.months[0]!.estimate!.linePoints).toEqual(M(50000));
  });
});
