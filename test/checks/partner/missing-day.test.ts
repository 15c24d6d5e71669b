import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ruleTester } from '../../helpers/rule-tester.js';
import { dateCell } from '../../helpers/tables.js';
import { MAY_2026_RUNS, mayEnrollmentRow, mayScheduleRows, partnerContractRow, quarterEnrollmentRow, workbookOf } from '../../helpers/rows.js';
import { gapsIn, mergeDayRanges } from '../../../rules/derive/partner-coverage.js';

ruleTester('partner/missing-day', {
  valid: [
    { name: 'a complete May schedule', tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: mayScheduleRows() }) },
    { name: 'drafts count as planned contracts', tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: mayScheduleRows().map((c, i) => (i === 15 ? { ...c, status: '草稿' } : c)) }) },
    {
      name: 'one contract row per product type still covers its days once',
      tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: [...mayScheduleRows(), partnerContractRow(5, 30, 31, 5, { productType: '3c' })] }),
    },
    {
      name: 'a contract ending at 00:00:00 the next day covers the day before',
      tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: [...mayScheduleRows(MAY_2026_RUNS.slice(0, 15)), partnerContractRow(5, 30, 30, 5, { end: dateCell(2026, 6, 1, 0, 0, 0) })] }),
    },
    {
      name: 'a blank 夥伴互利 cell is inferred from CPS 15% and the enrollment',
      tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: mayScheduleRows().map((c) => ({ ...c, partnerPlan: null })) }),
    },
    { name: 'an unknown plan has no months to cover', tables: workbookOf({ enrollment: [mayEnrollmentRow({ plan: '4月單月方案' })], contracts: [] }) },
  ],
  invalid: [
    {
      name: 'the last two days of May are missing: one violation naming the range',
      tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: mayScheduleRows(MAY_2026_RUNS.slice(0, 15)) }),
      problems: [{ row: 2, cell: 'B2', column: '商店代碼', messageId: 'default', data: { shopId: 'goodday_food', month: '2026 年 5 月', from: '5/30', to: '5/31', range: '5/30-5/31', days: 2, contracts: '5/30-5/31_加碼5%' } }],
    },
    {
      name: 'two gaps in one month are two violations, in day order; a one-day gap names its rate',
      tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: mayScheduleRows(MAY_2026_RUNS.filter((_, i) => i !== 0 && i !== 9)) }),
      problems: [
        { row: 2, cell: 'B2', messageId: 'oneDay', data: { from: '5/1', to: '5/1', range: '5/1', days: 1, contracts: '5/1_加碼10%' } },
        { row: 2, cell: 'B2', messageId: 'default', data: { from: '5/16', to: '5/21', range: '5/16-5/21', days: 6, contracts: '5/16-5/21_加碼5%' } },
      ],
    },
    {
      name: 'a gap spanning several rates lists the contracts to add per rate',
      tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: mayScheduleRows(MAY_2026_RUNS.filter((_, i) => i < 2 || i > 4)) }),
      problems: [{ row: 2, cell: 'B2', data: { range: '5/6-5/8', contracts: '5/6_加碼10%、5/7_加碼5%、5/8_加碼10%', contractsEn: '5/6_加碼10%, 5/7_加碼5%, 5/8_加碼10%' } }],
    },
    {
      name: 'rejected (不通過) contracts never cover a day',
      tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: mayScheduleRows().map((c, i) => (i === 15 ? { ...c, status: '不通過' } : c)) }),
      problems: [{ row: 2, cell: 'B2', data: { range: '5/30-5/31' } }],
    },
    {
      name: 'contracts marked 否, 單品加碼 contracts and other shops’ contracts do not count',
      tables: workbookOf({
        enrollment: [mayEnrollmentRow()],
        contracts: [
          ...mayScheduleRows(MAY_2026_RUNS.slice(0, 13)),
          partnerContractRow(5, 28, 28, 5, { partnerPlan: '否' }),
          partnerContractRow(5, 29, 29, 10, { contractType: '單品加碼', productId: 'P1' }),
          partnerContractRow(5, 30, 31, 5, { shopId: 'other_shop' }),
        ],
      }),
      problems: [{ row: 2, cell: 'B2', data: { range: '5/28-5/31', days: 4, contracts: '5/28_加碼5%、5/29_加碼10%、5/30-5/31_加碼5%' } }],
    },
    {
      name: 'a quarter plan covered only in May: April and June are whole-month gaps with the chosen days at 10%',
      tables: workbookOf({ enrollment: [quarterEnrollmentRow()], contracts: mayScheduleRows() }),
      problems: [
        {
          row: 2,
          cell: 'B2',
          data: {
            month: '2026 年 4 月',
            range: '4/1-4/30',
            days: 30,
            contracts: '4/1_加碼10%、4/2_加碼5%、4/3_加碼10%、4/4-4/9_加碼5%、4/10_加碼10%、4/11-4/13_加碼5%、4/14_加碼10%、4/15-4/16_加碼5%、4/17_加碼10%、4/18-4/21_加碼5%、4/22_加碼10%、4/23_加碼5%、4/24_加碼10%、4/25-4/30_加碼5%',
          },
        },
        { row: 2, cell: 'B2', data: { month: '2026 年 6 月', range: '6/1-6/30', days: 30 } },
      ],
    },
    {
      name: 'a shop enrolled twice: the gap is reported on the enrollment that covers the month',
      tables: workbookOf({ enrollment: [mayEnrollmentRow({ brandName: '甲' }), mayEnrollmentRow({ brandName: '乙', chosenDays: '5/5' })], contracts: mayScheduleRows(MAY_2026_RUNS.slice(1)) }),
      problems: [{ row: 2, cell: 'B2', data: { range: '5/1' } }],
    },
    {
      name: 'each enrolled shop is checked on its own row',
      tables: workbookOf({ enrollment: [mayEnrollmentRow(), mayEnrollmentRow({ shopId: 'bloom_beauty', chosenDays: '' })], contracts: mayScheduleRows() }),
      problems: [{ row: 3, cell: 'B3', data: { shopId: 'bloom_beauty', range: '5/1-5/31', days: 31 } }],
    },
  ],
});

describe('gapsIn', () => {
  it('matches a day-by-day scan for any set of ranges', () => {
    const range = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 10 })).map(([from, len]) => ({ from, to: from + len }));
    fc.assert(
      fc.property(fc.array(range, { maxLength: 12 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), (ranges, first, len) => {
        const last = first + len;
        const merged = mergeDayRanges([...ranges].sort((a, b) => a.from - b.from));
        const missing: number[] = [];
        for (let d = first; d <= last; d++) if (!ranges.some((r) => r.from <= d && d <= r.to)) missing.push(d);
        const fromGaps = gapsIn(merged, first, last).flatMap((g) => Array.from({ length: g.to - g.from + 1 }, (_, i) => g.from + i));
        expect(fromGaps).toEqual(missing);
      }),
    );
  });
});
