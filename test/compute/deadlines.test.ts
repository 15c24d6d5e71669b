/**
 * rules/compute/deadlines.ts (SPEC §6): ad materials (品牌館牌卡, 於 3 個工作日前上稿完成) are listed
 * with the other deadlines, at 23:59:59 Taipei of the 3rd working day before the exposure's start,
 * sorted by time with them, with the reminder day one working day before.
 */
import { describe, expect, it } from 'vitest';
import { deadlinesForWorkbook } from '../../rules/index.js';
import { dateCell } from '../helpers/tables.js';
import { adRow, ringSendRow, workbookOf } from '../helpers/rows.js';

const tables = workbookOf({
  ads: [adRow(), adRow({ shopId: 'trendy_closet', start: dateCell(2026, 4, 7), end: dateCell(2026, 4, 7, 23, 59), submittedAt: null, status: null })],
  ring: [ringSendRow()],
});

describe('deadlinesForWorkbook', () => {
  it('lists ad-material deadlines, sorted with the plan and ring-data ones', () => {
    const { deadlines, yearsNotCovered } = deadlinesForWorkbook({ tables });
    expect(yearsNotCovered).toEqual([]);
    expect(deadlines.map((d) => [d.kind, d.at, d.dayLabel, d.remindOn, d.shopId, d.sheet, d.row])).toEqual([
      ['registration', '2026/03/23 23:59:59', '3/23(一)', '2026-03-20', null, null, null],
      // Tue 4/7: 4/6 (補假), 4/3 (補假) and the weekend are off, so the 3rd working day before is Tue 3/31.
      ['ad-material', '2026/03/31 23:59:59', '3/31(二)', '2026-03-30', 'trendy_closet', '廣告素材', 3],
      ['registration', '2026/04/21 17:00:00', '4/21(二)', '2026-04-20', null, null, null],
      // Fri 5/8 → Tue 5/5.
      ['ad-material', '2026/05/05 23:59:59', '5/5(二)', '2026-05-04', 'goodday_food', '廣告素材', 2],
      ['ring-request', '2026/05/07 23:59:59', '5/7(四)', '2026-05-06', 'goodday_food', '環狀數據', 2],
      ['registration', '2026/05/21 17:00:00', '5/21(四)', '2026-05-20', null, null, null],
    ]);
    const ad = deadlines.find((d) => d.kind === 'ad-material' && d.shopId === 'goodday_food')!;
    expect([ad.dayLabel, ad.dayLabelEn]).toEqual(['5/5(二)', 'Tue 5/5']);
    expect(ad.title).toEqual({ 'zh-TW': 'goodday_food 廣告素材（5/8 曝光）上稿截止', en: 'goodday_food: upload the ad material for the 5/8 exposure' });
  });

  it('agrees with ad/late-submission: the listed deadline is the last second that rule accepts', async () => {
    const { validateWorkbook } = await import('../../rules/index.js');
    const late = (at: ReturnType<typeof dateCell>) =>
      validateWorkbook({ tables: workbookOf({ ads: [adRow({ submittedAt: at })] }) }, { today: '2026-03-20' }).violations.filter((v) => v.ruleId === 'ad/late-submission').length;
    expect(late(dateCell(2026, 5, 5, 23, 59, 59))).toBe(0);
    expect(late(dateCell(2026, 5, 6, 0, 0, 0))).toBe(1);
  });

  it('an exposure in a year the office calendar lacks is left out and named', () => {
    const { deadlines, yearsNotCovered } = deadlinesForWorkbook({ tables: workbookOf({ ads: [adRow({ start: dateCell(2028, 1, 10), end: dateCell(2028, 1, 10, 23, 59) })] }) });
    expect(deadlines.filter((d) => d.kind === 'ad-material')).toEqual([]);
    expect(yearsNotCovered).toEqual([2028]);
  });
});
